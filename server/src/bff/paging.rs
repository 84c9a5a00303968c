//! Pages of a listing (a catalog, orders) by MOBPROC's own `_meta` links (API.md §6:
//! never by computed offsets). The page URL carries a link as an opaque token, its query
//! part; the BFF rebuilds the link under the configured API base, and only for the
//! listing it was handed out for, so a token cannot point the bearer token anywhere
//! else, nor show another line's items under this line's title.

use app::model::catalog::Pager;
use mobproc::model::Meta;
use url::{form_urlencoded, Url};

/// The token for a MOBPROC link: its query part.
pub fn token(href: &str) -> Option<String> {
    Url::parse(href)
        .ok()
        .and_then(|url| url.query().map(str::to_owned))
        .filter(|query| !query.is_empty())
}

/// The pager of a listing's `_meta`: only the links MOBPROC gave.
pub fn pager(meta: Option<&Meta>) -> Pager {
    let link = |href: Option<&String>| href.and_then(|h| token(h));
    meta.map_or_else(Pager::default, |meta| Pager {
        first: link(meta.href_start.as_ref()),
        previous: link(meta.href_previous.as_ref()),
        next: link(meta.href_next.as_ref()),
        last: link(meta.href_end.as_ref()),
    })
}

/// The link `token` stands for: `collection` (the collection's URL under the API
/// base), if the token asks for exactly the `expected` parameters (`None`: absent) of
/// this listing. Other parameters (`offset`, `limit`, whatever MOBPROC pages by) pass as
/// they are.
pub fn href(collection: &Url, token: &str, expected: &[(&str, Option<&str>)]) -> Option<Url> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(token.as_bytes())
        .into_owned()
        .collect();
    let matches = expected.iter().all(|(name, value)| {
        let mut found = pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v);
        match (value, found.next(), found.next()) {
            (None, None, _) => true,
            (Some(value), Some(only), None) => only == value,
            _ => false,
        }
    });
    if !matches {
        return None;
    }
    let mut url = collection.clone();
    url.query_pairs_mut().extend_pairs(pairs);
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accessories() -> Url {
        Url::parse("http://mobproc.test/mobproc/v1/catalog/accessories").unwrap()
    }

    #[test]
    fn tokens_are_query_parts() {
        assert_eq!(
            token(
                "http://mobproc.test/mobproc/v1/catalog/accessories?service=1&offset=10&limit=10"
            )
            .as_deref(),
            Some("service=1&offset=10&limit=10")
        );
        assert_eq!(
            token("http://mobproc.test/mobproc/v1/catalog/accessories"),
            None
        );
        assert_eq!(token("not a link"), None);
    }

    #[test]
    fn the_pager_has_only_the_links_given() {
        let meta = Meta {
            href_next: Some(
                "http://mobproc.test/mobproc/v1/catalog/plans?service=1&offset=10&limit=10".into(),
            ),
            href_end: Some(
                "http://mobproc.test/mobproc/v1/catalog/plans?service=1&offset=20&limit=10".into(),
            ),
            ..Meta::default()
        };
        let pager = pager(Some(&meta));
        assert_eq!(pager.first, None);
        assert_eq!(pager.previous, None);
        assert_eq!(pager.next.as_deref(), Some("service=1&offset=10&limit=10"));
        assert_eq!(pager.last.as_deref(), Some("service=1&offset=20&limit=10"));
        assert!(super::pager(None).is_empty());
    }

    #[test]
    fn a_token_is_rebuilt_under_the_base_for_its_own_listing() {
        let expected = [
            ("service", Some("38382349")),
            ("q", Some("car charger")),
            ("vendor", None),
        ];
        let url = href(
            &accessories(),
            "service=38382349&q=car+charger&offset=10&limit=10",
            &expected,
        )
        .unwrap();
        assert_eq!(
            url.as_str(),
            "http://mobproc.test/mobproc/v1/catalog/accessories?service=38382349&q=car+charger&offset=10&limit=10"
        );
    }

    #[test]
    fn tokens_for_another_listing_are_refused() {
        let expected = [("service", Some("38382349")), ("q", None)];
        for token in [
            "service=38382601&offset=10",
            "offset=10",
            "service=38382349&service=38382601",
            "service=38382349&q=other",
        ] {
            assert!(href(&accessories(), token, &expected).is_none(), "{token}");
        }
    }

    #[test]
    fn tokens_cannot_leave_the_path() {
        let expected = [("service", Some("1"))];
        for token in ["service=1#frag", "service=1&x=/../../admin"] {
            let url = href(&accessories(), token, &expected);
            assert!(
                url.is_none_or(|u| u.path() == "/mobproc/v1/catalog/accessories"),
                "{token}"
            );
        }
    }
}
