//! A catalog listing's filter in its page URL (`?q=charger&sort=price_asc&page=…`), so
//! a search is a plain GET form, a link can be shared and the back button works.

use crate::{
    links::query,
    model::catalog::{CatalogFilter, SortOrder},
};

/// Longer values are not searches anyone typed; they are ignored.
const MAX_VALUE_CHARS: usize = 200;
/// Page tokens are MOBPROC links' query parts, longer than a search.
const MAX_PAGE_CHARS: usize = 2000;

/// The filter a page URL asks for, given its query's values by name (e.g. from
/// `use_query_map`). Blank, over-long or unknown values mean "not set".
pub fn filter_from_query(get: impl Fn(&str) -> Option<String>) -> CatalogFilter {
    let value = |name: &str, max: usize| {
        get(name)
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty() && v.chars().count() <= max)
            .filter(|v| !v.chars().any(char::is_control))
            .map(str::to_owned)
    };
    CatalogFilter {
        q: value("q", MAX_VALUE_CHARS),
        manufacturer: value("manufacturer", MAX_VALUE_CHARS),
        vendor: value("vendor", MAX_VALUE_CHARS),
        min_price: value("min_price", MAX_VALUE_CHARS),
        max_price: value("max_price", MAX_VALUE_CHARS),
        sort: get("sort")
            .map(|sort| SortOrder::parse(sort.trim()))
            .unwrap_or_default(),
        page: value("page", MAX_PAGE_CHARS),
    }
}

/// The query string (with its `?`, or empty) of `filter`, after `leading` pairs such
/// as `view=plans`. Unset values are left out.
pub fn query_string(leading: &[(&'static str, String)], filter: &CatalogFilter) -> String {
    let sort = (filter.sort != SortOrder::Catalog).then(|| filter.sort.as_str().to_owned());
    let pairs: Vec<(&str, String)> = leading
        .iter()
        .cloned()
        .chain(
            [
                ("q", filter.q.clone()),
                ("manufacturer", filter.manufacturer.clone()),
                ("vendor", filter.vendor.clone()),
                ("min_price", filter.min_price.clone()),
                ("max_price", filter.max_price.clone()),
                ("sort", sort),
                ("page", filter.page.clone()),
            ]
            .into_iter()
            .filter_map(|(name, value)| value.map(|v| (name, v))),
        )
        .collect();
    query(&pairs)
}

/// Whether anything narrows the listing, so "no results" can suggest clearing it.
pub fn is_filtered(filter: &CatalogFilter) -> bool {
    filter.q.is_some()
        || filter.manufacturer.is_some()
        || filter.vendor.is_some()
        || filter.min_price.is_some()
        || filter.max_price.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(pairs: &[(&str, &str)]) -> CatalogFilter {
        filter_from_query(|name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn blank_long_and_unknown_values_are_defaults() {
        let long = "x".repeat(MAX_VALUE_CHARS + 1);
        let filter = filter(&[
            ("q", "  "),
            ("manufacturer", &long),
            ("sort", "cheapest"),
            ("vendor", "a\u{7}b"),
        ]);
        assert_eq!(filter, CatalogFilter::default());
    }

    #[test]
    fn values_are_trimmed_and_kept() {
        let filter = filter(&[
            ("q", " charger "),
            ("vendor", "98"),
            ("sort", "price_desc"),
            ("page", "service=1&offset=10&limit=10"),
        ]);
        assert_eq!(filter.q.as_deref(), Some("charger"));
        assert_eq!(filter.vendor.as_deref(), Some("98"));
        assert_eq!(filter.sort, SortOrder::PriceDesc);
        assert_eq!(filter.page.as_deref(), Some("service=1&offset=10&limit=10"));
        assert!(is_filtered(&filter));
    }

    #[test]
    fn query_strings_encode_values_and_skip_defaults() {
        assert_eq!(query_string(&[], &CatalogFilter::default()), "");
        let filter = CatalogFilter {
            q: Some("car & wall".into()),
            sort: SortOrder::NameAsc,
            page: Some("service=1&offset=10".into()),
            ..CatalogFilter::default()
        };
        assert_eq!(
            query_string(&[("view", "plans".into())], &filter),
            "?view=plans&q=car%20%26%20wall&sort=name_asc&page=service%3D1%26offset%3D10"
        );
    }
}
