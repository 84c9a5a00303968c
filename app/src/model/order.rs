//! A placed order as the result page shows it.

use serde::{Deserialize, Serialize};

/// A device or accessory of an order segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderedItemView {
    pub name: String,
    pub image: Option<String>,
    pub price: Option<String>,
}

/// The part of the order one vendor fulfils.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSegmentView {
    pub segment_id: String,
    pub vendor: Option<String>,
    /// MOBPROC's code, e.g. `ORDER_SUBMITTED`.
    pub status: String,
    pub items: Vec<OrderedItemView>,
    /// The plan and its chosen features, e.g. "Voice Mail".
    pub plan: Option<OrderedItemView>,
    pub features: Vec<OrderedItemView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub order_id: String,
    /// MOBPROC's code, e.g. `ORDER_SUBMITTED`.
    pub status: String,
    /// E.g. `April 29, 2016`.
    pub date_submitted: Option<String>,
    pub external_order_number: Option<String>,
    /// Whom the order is for, e.g. "Barbara Andrews (barbara.andrews@example.com)".
    pub account_holder: Option<String>,
    /// Who placed it; someone else than the account holder when ordering for them.
    pub requested_by: Option<String>,
    pub segments: Vec<OrderSegmentView>,
    /// Said once after submitting, e.g. "Your order went through: order 8711820".
    pub notice: Option<String>,
}
