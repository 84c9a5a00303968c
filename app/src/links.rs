//! Addresses of the storefront's own pages. Ids and typed values go into paths and
//! queries percent-encoded one way, RFC 3986's unreserved characters kept, so the server
//! and the browser write the same links.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::model::cart::{OrderKind, OrderTarget, Place};

/// Everything but `A–Z a–z 0–9 - _ . ~` is encoded.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `value` as one path segment or one query value.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// A placed order's page.
pub fn order(order_id: &str) -> String {
    format!("/orders/{}", encode(order_id))
}

/// A confirmation to check before placing the order.
pub fn confirmation(checkout_id: &str) -> String {
    format!("/checkout/confirm?checkout={}", encode(checkout_id))
}

/// The sign-in page, coming back to `return_to` (a local path) afterwards.
pub fn sign_in(return_to: &str) -> String {
    format!("/sign-in?return_to={}", encode(return_to))
}

/// The start of signing in at the identity provider, coming back to `return_to`.
pub fn company_sign_in(return_to: &str) -> String {
    format!("/auth/authorize?return_to={}", encode(return_to))
}

/// A page of one line, e.g. `line(id, "accessories")`.
pub fn line(service_id: &str, page: &str) -> String {
    format!("/lines/{}/{page}", encode(service_id))
}

/// The "New line" page.
pub const NEW_LINE: &str = "/new-line";

/// The step that asks where a line of `order` will be used: a carrier change is a page
/// of its line, a new line one of its own.
pub fn place_step(order: OrderKind, service_id: Option<&str>) -> String {
    match service_id {
        Some(id) => line(id, "port"),
        None => format!("/new-line/place?kind={}", order.as_str()),
    }
}

/// The path of `target`'s catalog, without its query.
pub fn catalog(target: &OrderTarget) -> String {
    match (target.order, target.service_id.as_deref()) {
        (OrderKind::Accessories, Some(id)) => line(id, "accessories"),
        (OrderKind::PortNumber, Some(id)) => line(id, "port/catalog"),
        (_, Some(id)) => line(id, "upgrade"),
        (_, None) => "/new-line/catalog".to_owned(),
    }
}

/// Where `target`'s plan `plan_id` is shown, with the target's place in the query.
pub fn plan(target: &OrderTarget, plan_id: &str) -> String {
    let base = match (target.order, target.service_id.as_deref()) {
        (OrderKind::PortNumber, Some(id)) => line(id, "port/plans"),
        (_, Some(id)) => line(id, "upgrade/plans"),
        (_, None) => "/new-line/plans".to_owned(),
    };
    format!("{base}/{}{}", encode(plan_id), query(&place_pairs(target)))
}

/// The query pairs that say what a catalog page is for beyond its path: a new line's
/// kind, and the place.
pub fn place_pairs(target: &OrderTarget) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if target.service_id.is_none() {
        pairs.push(("kind", target.order.as_str().to_owned()));
    }
    if let Some(place) = &target.place {
        pairs.push(("region", place.region.clone()));
        pairs.extend(place.postal_code.clone().map(|p| ("postal_code", p)));
        pairs.extend(place.from.clone().map(|f| ("from", f)));
    }
    pairs
}

/// The place a page URL names, given its query's values by name; `None` without a
/// country. Blank values are left out; the BFF checks the rest.
pub fn place_from_query(get: impl Fn(&str) -> Option<String>) -> Option<Place> {
    let value = |name: &str| {
        get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    Some(Place {
        region: value("region")?,
        postal_code: value("postal_code"),
        from: value("from"),
    })
}

/// `?a=1&b=2` of `pairs`, values encoded; empty for none.
pub fn query(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    format!("?{}", joined.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unreserved_characters_stay() {
        assert_eq!(encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(encode("car & wall/x?y=1"), "car%20%26%20wall%2Fx%3Fy%3D1");
        assert_eq!(encode("é"), "%C3%A9");
    }

    #[test]
    fn pages_carry_encoded_ids() {
        assert_eq!(order("87/11"), "/orders/87%2F11");
        assert_eq!(confirmation("ab c"), "/checkout/confirm?checkout=ab%20c");
        assert_eq!(sign_in("/cart?x=1"), "/sign-in?return_to=%2Fcart%3Fx%3D1");
        assert_eq!(
            company_sign_in("/cart?x=1"),
            "/auth/authorize?return_to=%2Fcart%3Fx%3D1"
        );
        assert_eq!(line("38382349", "upgrade"), "/lines/38382349/upgrade");
    }

    #[test]
    fn new_lines_carry_their_kind_and_place() {
        let target = OrderTarget {
            order: OrderKind::NewActivation,
            service_id: None,
            place: Some(Place {
                region: "70144640".into(),
                postal_code: Some("06477".into()),
                from: None,
            }),
        };
        assert_eq!(catalog(&target), "/new-line/catalog");
        assert_eq!(
            plan(&target, "65 68"),
            "/new-line/plans/65%2068?kind=new_activation&region=70144640&postal_code=06477"
        );
        let port = OrderTarget {
            service_id: Some("34415733".into()),
            order: OrderKind::PortNumber,
            ..target.clone()
        };
        assert_eq!(catalog(&port), "/lines/34415733/port/catalog");
        assert_eq!(
            query(&place_pairs(&port)),
            "?region=70144640&postal_code=06477"
        );
        let asked = |pairs: &[(&str, &str)]| {
            place_from_query(|name| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            })
        };
        assert_eq!(
            asked(&[("postal_code", "06477")]),
            None,
            "no country, no place"
        );
        let place = asked(&[
            ("region", " 70144640 "),
            ("postal_code", ""),
            ("from", "777"),
        ]);
        assert_eq!(
            place,
            Some(Place {
                region: "70144640".into(),
                postal_code: None,
                from: Some("777".into()),
            })
        );
    }
}
