//! Money: exact decimals with a currency and a recurrence (API.md §7).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

crate::open_enum! {
    /// How often a price is charged.
    pub enum Recurrence {
        OneTime = "ONETIME",
        Monthly = "MONTHLY",
    }
}

/// `{"amount":22.49,"currencyCode":"USD","recurrence":"ONETIME"}`; the amount keeps
/// the scale it had on the wire (`0` stays `0`, `22.49` stays `22.49`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Money {
    pub amount: Decimal,
    pub currency_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
}
