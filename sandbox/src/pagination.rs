//! Query parameters, and pagination with `_meta` exactly as API.md §6 describes it.
//!
//! `limit` defaults to 10 (the docs' links all use 10) and may be 1..=1000; `offset`
//! defaults to 0. Like Premium Mobile (Command), a page is picked by `limit` first:
//! the answer is the page *containing* index `offset`, and `_meta.offset` says where it
//! really starts, so clients must follow the `href*` links. Links keep the request's
//! other parameters in their order, then `offset` and `limit`; `hrefStart`,
//! `hrefPrevious`, `hrefNext` and `hrefEnd` appear only when they point at a page other
//! than the current one.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use mobproc::model::{Meta, Page};
use url::form_urlencoded;

use crate::error::{Error, Result};
use crate::links::Links;

pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 1000;

/// The decoded query string, in order. Parameter names are case-sensitive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn parse(query: Option<&str>) -> Self {
        Self(
            form_urlencoded::parse(query.unwrap_or_default().as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value of `name`, if present and not blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Every parameter as sent, in order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The first of several names that is present (aliases such as `q` / `name`).
    pub fn get_any(&self, names: &[&str]) -> Option<&str> {
        names.iter().find_map(|name| self.get(name))
    }

    /// A boolean flag: `true`/`1`/`yes` (any case) is true, absent is false.
    pub fn flag(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "1" | "yes"))
    }

    pub fn paging(&self) -> Result<Paging> {
        let number = |name: &str, default: u32| -> Result<u32> {
            match self.get(name) {
                None => Ok(default),
                Some(raw) => raw.parse().map_err(|_| {
                    Error::bad_request(
                        "Invalid-Paging",
                        format!("{name} must be a non-negative integer, not {raw:?}."),
                    )
                }),
            }
        };
        let limit = number("limit", DEFAULT_LIMIT)?;
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(Error::bad_request(
                "Invalid-Paging",
                format!("limit must be between 1 and {MAX_LIMIT}."),
            ));
        }
        Ok(Paging {
            limit,
            offset: number("offset", 0)?,
        })
    }

    /// The parameters other than `limit` and `offset`, encoded, with a trailing `&` if any.
    fn others_encoded(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.0.iter().filter(|(k, _)| k != "limit" && k != "offset") {
            out.append_pair(k, v);
        }
        let encoded = out.finish();
        if encoded.is_empty() {
            encoded
        } else {
            encoded + "&"
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::parse(parts.uri.query()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub limit: u32,
    pub offset: u32,
}

impl Paging {
    /// Where the page containing `offset` starts.
    pub fn page_start(&self) -> u32 {
        self.offset - self.offset % self.limit
    }
}

/// One page of `items` (the whole filtered collection), with `_meta` links to
/// `{api}{path}` carrying the request's other parameters.
pub fn paginate<T>(items: Vec<T>, params: &Params, links: &Links, path: &str) -> Result<Page<T>> {
    let paging = params.paging()?;
    let limit = paging.limit;
    let total = u32::try_from(items.len()).unwrap_or(u32::MAX);
    let start = paging.page_start();
    let last_start = total.saturating_sub(1) / limit * limit;
    let others = params.others_encoded();
    let href = |offset: u32| links.api(&format!("{path}?{others}offset={offset}&limit={limit}"));
    let other_page = |offset: u32| (offset != start).then(|| href(offset));

    let meta = Meta {
        href: Some(href(start)),
        href_start: other_page(0),
        href_previous: (start > 0).then(|| href(start - limit)),
        href_next: (u64::from(start) + u64::from(limit) < u64::from(total))
            .then(|| href(start + limit)),
        href_end: other_page(last_start),
        limit: Some(limit),
        offset: Some(start),
        total_count: Some(total),
        ..Meta::default()
    };
    let items = items
        .into_iter()
        .skip(start as usize)
        .take(limit as usize)
        .collect();
    Ok(Page {
        meta: Some(meta),
        items,
    })
}

/// [`paginate`], then `present` each item of the page only: for collections that may
/// hold thousands (synthetic employees and accessories).
pub fn paginate_with<T, U>(
    items: Vec<T>,
    params: &Params,
    links: &Links,
    path: &str,
    present: impl FnMut(T) -> U,
) -> Result<Page<U>> {
    let page = paginate(items, params, links, path)?;
    Ok(Page {
        meta: page.meta,
        items: page.items.into_iter().map(present).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(query: &str, total: usize) -> Page<usize> {
        let links = Links::new("http://h");
        paginate(
            (0..total).collect(),
            &Params::parse(Some(query)),
            &links,
            "/employees",
        )
        .unwrap()
    }

    #[test]
    fn middle_page_links_everywhere() {
        let page = page("sortAscending=true&limit=10&offset=30", 72);
        let meta = page.meta.unwrap();
        let base = "http://h/mobproc/v1/employees?sortAscending=true&";
        assert_eq!(meta.href.unwrap(), format!("{base}offset=30&limit=10"));
        assert_eq!(meta.href_start.unwrap(), format!("{base}offset=0&limit=10"));
        assert_eq!(
            meta.href_previous.unwrap(),
            format!("{base}offset=20&limit=10")
        );
        assert_eq!(meta.href_next.unwrap(), format!("{base}offset=40&limit=10"));
        assert_eq!(meta.href_end.unwrap(), format!("{base}offset=70&limit=10"));
        assert_eq!((meta.total_count, meta.offset), (Some(72), Some(30)));
        assert_eq!(page.items, (30..40).collect::<Vec<_>>());
    }

    #[test]
    fn links_to_the_current_page_are_left_out() {
        let first = page("", 5).meta.unwrap();
        assert!(first.href_start.is_none() && first.href_previous.is_none());
        assert!(first.href_next.is_none() && first.href_end.is_none());
        let last = page("offset=70", 72).meta.unwrap();
        assert!(last.href_next.is_none() && last.href_end.is_none());
        assert!(last.href_start.is_some() && last.href_previous.is_some());
    }

    #[test]
    fn offset_inside_a_page_answers_that_page() {
        let page = page("offset=15&limit=10", 30);
        assert_eq!(page.meta.unwrap().offset, Some(10));
        assert_eq!(page.items[0], 10);
    }

    #[test]
    fn refuses_bad_paging() {
        for query in ["limit=0", "limit=abc", "offset=-1", "limit=100000"] {
            assert!(Params::parse(Some(query)).paging().is_err(), "{query}");
        }
    }
}
