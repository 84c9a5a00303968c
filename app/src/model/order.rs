//! Placed orders as the UI shows them: the lists (My orders, Approvals) and one order
//! with its progress, shipments and, for an approver, the decision to take.

use serde::{Deserialize, Serialize};

use super::{
    catalog::Pager,
    checkout::{ConfirmedShipTo, LabelledValue},
};

/// Which of the My orders lists a page shows, as its URL says (`?view=`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum OrdersScope {
    /// The actor's own orders.
    #[default]
    Mine,
    /// Orders the signed-in person placed for other employees.
    PlacedForOthers,
}

/// Which orders of a list are shown, by where they stand (`?status=`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum StatusFilter {
    #[default]
    All,
    /// Not yet completed, rejected or cancelled.
    Open,
    /// Completed, rejected or cancelled: nothing more will happen to it.
    Completed,
}

impl StatusFilter {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Unknown values show every order.
    pub fn parse(value: &str) -> Self {
        value.parse().unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "All",
            Self::Open => "Open",
            Self::Completed => "Completed",
        }
    }
}

impl OrdersScope {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Unknown values show the person's own orders.
    pub fn parse(value: &str) -> Self {
        value.parse().unwrap_or_default()
    }
}

/// What a list page asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrdersQuery {
    pub scope: OrdersScope,
    pub status: StatusFilter,
    /// A page of MOBPROC's, as an opaque token the BFF handed out in a [`Pager`].
    pub page: Option<String>,
}

/// How an order or segment stands, in words, with MOBPROC's code for styling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusView {
    /// MOBPROC's code, e.g. `AWAITING_APPROVAL`.
    pub code: String,
    /// e.g. "Awaiting approval"; an unknown code as it is.
    pub words: String,
}

/// One order of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRow {
    pub order_id: String,
    /// e.g. "April 29, 2016 at 21:04 UTC".
    pub submitted: Option<String>,
    /// What it orders, e.g. "Upgrade of 203-555-7676 to Apple iPhone 5 (16GB) - Black".
    pub summary: String,
    /// Whom it is for, when that is not the person looking.
    pub account_holder: Option<String>,
    /// Who placed it, when that is not the account holder.
    pub requested_by: Option<String>,
    pub status: StatusView,
    /// e.g. `$199.99`.
    pub one_time_total: String,
    pub monthly_total: String,
}

/// A page of orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderList {
    pub rows: Vec<OrderRow>,
    pub pager: Pager,
    /// Whether the "placed by me for others" list is offered (to people who may order
    /// for others, while ordering for themselves).
    pub offers_placed_for_others: bool,
    /// Something to know about this list, e.g. that only the newest orders were searched.
    pub notice: Option<String>,
}

/// A device, plan, feature or accessory of an order segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderedItemView {
    pub name: String,
    pub image: Option<String>,
    pub price: Option<String>,
}

/// One thing that happened to a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntryView {
    /// e.g. "April 30, 2016 at 09:00 UTC".
    pub when: Option<String>,
    pub status: StatusView,
    pub description: Option<String>,
}

/// One parcel of a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentView {
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    /// The carrier's public tracking page, for carriers whose address is well known.
    pub tracking_url: Option<String>,
    /// e.g. "May 1, 2016".
    pub shipped_on: Option<String>,
    pub items: Vec<String>,
}

/// The part of the order one vendor fulfils.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSegmentView {
    pub segment_id: String,
    pub vendor: Option<String>,
    pub status: StatusView,
    /// The device, plan, features and accessories, as ordered.
    pub items: Vec<OrderedItemView>,
    /// Oldest first.
    pub history: Vec<HistoryEntryView>,
    pub shipments: Vec<ShipmentView>,
}

/// What the order page says at the top about where the order stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderBanner {
    /// "Waiting for approval. Nothing ships until it is approved."
    AwaitingApproval,
    /// Rejected, with what the approver said (MOBPROC's history entry).
    Rejected { reason: Option<String> },
}

/// The approve / reject panel an approver sees on an order waiting for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionPanel {
    /// What was typed last, kept when a decision was refused.
    pub reason: String,
    pub max_reason_chars: usize,
}

/// An approver's decision, as the panel posts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum DecisionAction {
    Approve,
    Reject,
}

impl DecisionAction {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub order_id: String,
    pub status: StatusView,
    /// What kind of order it is, e.g. "Accessories for 203-555-7676".
    pub summary: String,
    /// The line, e.g. `203-555-7676`.
    pub line: Option<String>,
    /// e.g. "April 29, 2016 at 21:04 UTC".
    pub date_submitted: Option<String>,
    /// The storefront's reference, `externalOrderNumber`.
    pub external_order_number: Option<String>,
    /// Whom the order is for, e.g. "Barbara Andrews (barbara.andrews@example.com)".
    pub account_holder: Option<String>,
    /// Who placed it; someone else than the account holder when ordering for them.
    pub requested_by: Option<String>,
    pub ship_to: Option<ConfirmedShipTo>,
    pub properties: Vec<LabelledValue>,
    pub segments: Vec<OrderSegmentView>,
    pub one_time_total: String,
    pub monthly_total: String,
    pub banner: Option<OrderBanner>,
    /// Said once, e.g. "Your order went through: order 8711820", or a decision's outcome.
    pub notice: Option<String>,
    /// For an approver, while the order waits for a decision.
    pub decision: Option<DecisionPanel>,
    /// The same accessories can be put into the cart again.
    pub can_order_again: bool,
}

/// What "Order again" did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderedAgain {
    /// Items in the cart now.
    pub count: usize,
    /// Items of the order the catalog no longer offers, left out.
    pub withdrawn: Vec<String>,
}
