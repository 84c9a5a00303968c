//! The cart as the UI sees it.

use serde::{Deserialize, Serialize};

/// What a cart orders for its line; a cart holds one kind for one line at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderKind {
    /// MOBPROC's ORDER_ACCESSORIES.
    Accessories,
    /// MOBPROC's UPGRADE.
    Upgrade,
}

/// Which catalog an item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Accessory,
    Device,
    Plan,
    /// An optional feature of the plan in the cart.
    Feature,
}
