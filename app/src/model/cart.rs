//! The cart as the UI sees it.

use serde::{Deserialize, Serialize};

/// What an order does: one of MOBPROC's twelve transaction types, by the storefront's
/// own name (the form value and the serde name). The server's registry of transaction
/// types says which are offered, to whom, and how each is ordered.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum OrderKind {
    /// ORDER_ACCESSORIES.
    Accessories,
    Upgrade,
    NewActivation,
    PortNumber,
    Suspend,
    Unsuspend,
    Deactivate,
    UpdateFeatures,
    SwapDevices,
    /// XFER_SERVICE_OUT.
    TransferOut,
    /// XFER_SERVICE_IN.
    TransferIn,
    /// XFER_SERVICE_IN_AND_PORT.
    TransferInAndPort,
}

impl OrderKind {
    /// The serde name, as forms post it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The kind a form or URL names, if it is one.
    pub fn parse(value: &str) -> Option<Self> {
        <Self as strum::VariantArray>::VARIANTS
            .iter()
            .copied()
            .find(|kind| kind.as_str() == value)
    }
}

/// Where a new line will be used and, for a personal line moved to the company, the
/// carrier it comes from, by MOBPROC's ids. Catalog URLs and "Add to cart" forms carry
/// it; the BFF checks it again on every request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Place {
    /// The country's region id.
    pub region: String,
    /// Asked where the country has postal codes; required in the US.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// The current carrier's vendor id, for a line moved to the company.
    #[serde(default)]
    pub from: Option<String>,
}

/// What an order is for: its kind, the line it changes, where a new line will be used
/// (a carrier change has both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderTarget {
    pub order: OrderKind,
    #[serde(default)]
    pub service_id: Option<String>,
    #[serde(default)]
    pub place: Option<Place>,
}

impl OrderTarget {
    /// An order for an existing line.
    pub fn line(order: OrderKind, service_id: impl Into<String>) -> Self {
        Self {
            order,
            service_id: Some(service_id.into()),
            place: None,
        }
    }
}

/// Which catalog an item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ItemKind {
    Accessory,
    Device,
    Plan,
    /// An optional feature of the plan in the cart.
    Feature,
}

impl ItemKind {
    /// The serde name, as forms post it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// What a change to the cart did, for the header badge and a short confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartChange {
    /// Items in the cart now.
    pub count: usize,
    /// What the cart orders, e.g. "Accessories for 203-555-7676"; empty when it is empty.
    pub summary: String,
    /// The name of the item added or removed, e.g. "Vehicle Charger".
    pub item: String,
}

/// One item in the cart, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartItem {
    pub kind: ItemKind,
    pub id: String,
    pub name: String,
    pub vendor: Option<String>,
    /// A same-origin URL (the BFF proxies MOBPROC's images).
    pub image: Option<String>,
    /// With its recurrence, e.g. `$22.49 one-time`, `$300.00 / month`.
    pub price: Option<String>,
}

/// A link to one of the storefront's pages, with its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageLink {
    pub label: String,
    pub href: String,
}

/// The cart: what it will order, its items and their totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartView {
    /// The line the order is for; none for a new line.
    pub service_id: Option<String>,
    pub order: OrderKind,
    /// Where to add more to this order, e.g. "Add more accessories".
    pub more: Option<PageLink>,
    /// E.g. "Accessories for 203-555-7676".
    pub summary: String,
    pub items: Vec<CartItem>,
    /// E.g. `$44.98`.
    pub one_time_total: String,
    /// E.g. `$0.00`.
    pub monthly_total: String,
    /// Why the cart cannot be checked out as it is, e.g. a plan that needs a new device.
    pub blocker: Option<String>,
    /// What the storefront decided about the order and why, e.g. that a line moved to
    /// the company is ported because the carriers' networks differ.
    pub explanation: Option<String>,
    /// Said once, e.g. what "Order again" put in.
    pub notice: Option<String>,
}
