//! What MOBPROC cannot do for a listing: a price range and sorting. Both are done
//! here, over every item of the (otherwise MOBPROC-filtered) collection, since sorting
//! or narrowing one page at a time would put the cheapest item on whichever page it
//! happened to be.

use std::{cmp::Ordering, str::FromStr};

use app::model::catalog::{CatalogFilter, SortOrder};
use rust_decimal::Decimal;

use super::items::Listed;

/// A price range and an order; the default does nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refinement {
    min: Option<Decimal>,
    max: Option<Decimal>,
    sort: SortOrder,
}

impl Refinement {
    /// Unreadable or negative prices are ignored; a range given backwards is turned round.
    pub fn from_filter(filter: &CatalogFilter) -> Self {
        let mut min = filter.min_price.as_deref().and_then(amount);
        let mut max = filter.max_price.as_deref().and_then(amount);
        if let (Some(low), Some(high)) = (min, max) {
            if low > high {
                (min, max) = (Some(high), Some(low));
            }
        }
        Self {
            min,
            max,
            sort: filter.sort,
        }
    }

    pub fn is_active(&self) -> bool {
        self.min.is_some() || self.max.is_some() || self.sort != SortOrder::Catalog
    }

    /// Keeps the items priced within the range (an unpriced item is outside any range)
    /// and sorts them; equal items keep MOBPROC's order. Prices are compared by amount:
    /// one line's catalog is in one currency.
    pub fn apply<T: Listed>(&self, mut items: Vec<T>) -> Vec<T> {
        if self.min.is_some() || self.max.is_some() {
            items.retain(|item| {
                item.price().is_some_and(|price| {
                    self.min.is_none_or(|min| price.amount >= min)
                        && self.max.is_none_or(|max| price.amount <= max)
                })
            });
        }
        match self.sort {
            SortOrder::Catalog => {}
            SortOrder::NameAsc => items.sort_by_cached_key(|item| item.name().to_lowercase()),
            SortOrder::NameDesc => {
                items.sort_by_cached_key(|item| std::cmp::Reverse(item.name().to_lowercase()))
            }
            SortOrder::PriceAsc => items.sort_by(|a, b| by_price(a, b, false)),
            SortOrder::PriceDesc => items.sort_by(|a, b| by_price(a, b, true)),
        }
        items
    }
}

/// Unpriced items go last whichever way prices are sorted.
fn by_price<T: Listed>(a: &T, b: &T, descending: bool) -> Ordering {
    match (a.price(), b.price()) {
        (Some(a), Some(b)) if descending => b.amount.cmp(&a.amount),
        (Some(a), Some(b)) => a.amount.cmp(&b.amount),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// `20`, `19.99`, `$1,000` → an amount; anything else, or a negative amount, is `None`.
fn amount(text: &str) -> Option<Decimal> {
    let digits: String = text
        .trim()
        .trim_start_matches('$')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    Decimal::from_str(&digits)
        .ok()
        .filter(|amount| !amount.is_sign_negative())
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc::model::Accessory;

    fn accessory(name: &str, price: Option<&str>) -> Accessory {
        let price = price.map_or(String::new(), |amount| {
            format!(r#","price":{{"amount":{amount},"currencyCode":"USD","recurrence":"ONETIME"}}"#)
        });
        serde_json::from_str(&format!(r#"{{"id":"{name}","name":"{name}"{price}}}"#)).unwrap()
    }

    fn names(items: &[Accessory]) -> Vec<&str> {
        items.iter().map(|a| a.name.as_str()).collect()
    }

    fn refinement(min: Option<&str>, max: Option<&str>, sort: SortOrder) -> Refinement {
        Refinement::from_filter(&CatalogFilter {
            min_price: min.map(Into::into),
            max_price: max.map(Into::into),
            sort,
            ..CatalogFilter::default()
        })
    }

    fn catalog() -> Vec<Accessory> {
        vec![
            accessory("charger", Some("22.49")),
            accessory("Battery", Some("24.99")),
            accessory("case", None),
            accessory("Anker", Some("29.99")),
            accessory("pouch", Some("19.99")),
        ]
    }

    #[test]
    fn the_default_changes_nothing() {
        let refinement = refinement(None, None, SortOrder::Catalog);
        assert!(!refinement.is_active());
        assert_eq!(
            names(&refinement.apply(catalog())),
            ["charger", "Battery", "case", "Anker", "pouch"]
        );
    }

    #[test]
    fn names_sort_without_regard_to_case() {
        let sorted = refinement(None, None, SortOrder::NameAsc).apply(catalog());
        assert_eq!(
            names(&sorted),
            ["Anker", "Battery", "case", "charger", "pouch"]
        );
        let sorted = refinement(None, None, SortOrder::NameDesc).apply(catalog());
        assert_eq!(
            names(&sorted),
            ["pouch", "charger", "case", "Battery", "Anker"]
        );
    }

    #[test]
    fn prices_sort_both_ways_with_unpriced_items_last() {
        let sorted = refinement(None, None, SortOrder::PriceAsc).apply(catalog());
        assert_eq!(
            names(&sorted),
            ["pouch", "charger", "Battery", "Anker", "case"]
        );
        let sorted = refinement(None, None, SortOrder::PriceDesc).apply(catalog());
        assert_eq!(
            names(&sorted),
            ["Anker", "Battery", "charger", "pouch", "case"]
        );
    }

    #[test]
    fn a_range_is_inclusive_and_drops_unpriced_items() {
        let kept = refinement(Some("$19.99"), Some("24.99"), SortOrder::Catalog).apply(catalog());
        assert_eq!(names(&kept), ["charger", "Battery", "pouch"]);
        let backwards = refinement(Some("25"), Some("20"), SortOrder::Catalog);
        assert_eq!(
            backwards,
            refinement(Some("20"), Some("25"), SortOrder::Catalog)
        );
    }

    #[test]
    fn unreadable_prices_are_ignored() {
        for bad in ["cheap", "-5", "1e999", "", "NaN"] {
            assert!(
                !refinement(Some(bad), Some(bad), SortOrder::Catalog).is_active(),
                "{bad}"
            );
        }
        assert_eq!(amount("$1,000.50"), Some(Decimal::new(100050, 2)));
    }
}
