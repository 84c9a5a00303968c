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
    // Not Decimal's own serde: that writes a string and reads through f64.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub amount: Decimal,
    pub currency_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(json: &str) -> (Money, String) {
        let money: Money = serde_json::from_str(json).unwrap();
        let written = serde_json::to_string(&money).unwrap();
        (money, written)
    }

    #[test]
    fn keeps_the_scale_it_was_sent_with() {
        let zero = r#"{"amount":0,"currencyCode":"USD","recurrence":"MONTHLY"}"#;
        let (money, written) = round_trip(zero);
        assert_eq!(money.amount, Decimal::ZERO);
        assert_eq!(money.amount.scale(), 0);
        assert_eq!(written, zero);

        let price = r#"{"amount":22.49,"currencyCode":"USD","recurrence":"ONETIME"}"#;
        let (money, written) = round_trip(price);
        assert_eq!(money.amount, Decimal::new(2249, 2));
        assert_eq!(written, price);

        let (_, written) = round_trip(r#"{"amount":300.00,"currencyCode":"USD"}"#);
        assert_eq!(written, r#"{"amount":300.00,"currencyCode":"USD"}"#);
    }

    #[test]
    fn is_exact_where_f64_is_not() {
        let (money, written) = round_trip(r#"{"amount":1234567.8912345678,"currencyCode":"USD"}"#);
        assert_eq!(money.amount.to_string(), "1234567.8912345678");
        assert_eq!(
            written,
            r#"{"amount":1234567.8912345678,"currencyCode":"USD"}"#
        );

        let (accessory, _) = round_trip(r#"{"amount":22.49,"currencyCode":"USD"}"#);
        assert_eq!(accessory.amount + accessory.amount, Decimal::new(4498, 2));
    }

    #[test]
    fn reads_from_a_value() {
        let value: serde_json::Value =
            serde_json::from_str(r#"{"amount":38.69,"currencyCode":"USD","recurrence":"MONTHLY"}"#)
                .unwrap();
        let money: Money = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(money.amount, Decimal::new(3869, 2));
        assert_eq!(money.recurrence, Some(Recurrence::Monthly));
        assert_eq!(serde_json::to_value(&money).unwrap(), value);
    }
}
