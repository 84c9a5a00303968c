//! Prices as people read them: `$22.49 one-time`, `$58.67 / month`. Exact decimal
//! arithmetic throughout; only the final text is formatted.

use mobproc::model::{Money, Recurrence};
use rust_decimal::{Decimal, RoundingStrategy};

/// `22.49 USD` → `$22.49`; other currencies get their symbol or code.
pub fn amount(amount: Decimal, currency: &str) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let digits = format!("{:.2}", rounded.abs());
    let (whole, cents) = digits.split_once('.').unwrap_or((&digits, "00"));
    let grouped = group_thousands(whole);
    let sign = if negative { "-" } else { "" };
    match currency_symbol(currency) {
        Some(symbol) => format!("{sign}{symbol}{grouped}.{cents}"),
        None => format!("{sign}{grouped}.{cents} {currency}"),
    }
}

/// A price with its recurrence: `$22.49 one-time`, `$58.67 / month`.
pub fn price(money: &Money) -> String {
    let text = amount(money.amount, &money.currency_code);
    match &money.recurrence {
        Some(Recurrence::OneTime) => format!("{text} one-time"),
        Some(Recurrence::Monthly) => format!("{text} / month"),
        Some(Recurrence::Unknown(other)) => format!("{text} ({})", other.to_lowercase()),
        None => text,
    }
}

fn currency_symbol(code: &str) -> Option<&'static str> {
    match code {
        "USD" => Some("$"),
        "CAD" => Some("CA$"),
        "GBP" => Some("£"),
        "EUR" => Some("€"),
        _ => None,
    }
}

fn group_thousands(whole: &str) -> String {
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn money(amount: &str, recurrence: Recurrence) -> Money {
        Money {
            amount: Decimal::from_str(amount).unwrap(),
            currency_code: "USD".into(),
            recurrence: Some(recurrence),
        }
    }

    #[test]
    fn prices_read_like_the_seeds() {
        assert_eq!(
            price(&money("22.49", Recurrence::OneTime)),
            "$22.49 one-time"
        );
        assert_eq!(
            price(&money("58.67", Recurrence::Monthly)),
            "$58.67 / month"
        );
        assert_eq!(price(&money("0", Recurrence::Monthly)), "$0.00 / month");
        assert_eq!(price(&money("300", Recurrence::Monthly)), "$300.00 / month");
    }

    #[test]
    fn amounts_group_thousands_and_round_half_away_from_zero() {
        assert_eq!(
            amount(Decimal::from_str("1234567.005").unwrap(), "USD"),
            "$1,234,567.01"
        );
        assert_eq!(amount(Decimal::from_str("-5.5").unwrap(), "GBP"), "-£5.50");
        assert_eq!(amount(Decimal::from_str("12").unwrap(), "JPY"), "12.00 JPY");
    }
}
