//! Addresses of the storefront's own pages. Ids and typed values go into paths and
//! queries percent-encoded one way, RFC 3986's unreserved characters kept, so the server
//! and the browser write the same links.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

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

/// A page of one line, e.g. `line(id, "accessories")`.
pub fn line(service_id: &str, page: &str) -> String {
    format!("/lines/{}/{page}", encode(service_id))
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
        assert_eq!(line("38382349", "upgrade"), "/lines/38382349/upgrade");
    }
}
