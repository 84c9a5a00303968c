//! Collections and their pages (API.md §6). Pages are followed by `_meta.hrefNext` only:
//! Premium Mobile answers the page *containing* an offset, so computed offsets can skip
//! or repeat items. Every link is checked to be under the API base before the bearer
//! token is sent to it.

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde::Serialize;
use url::Url;

use super::api::Api;
use super::collection::Collection;
use super::credentials::Credentials;
use super::error::{ErrorKind, MobprocError};
use super::params::with_query;
use super::transport::{decode, Answer};
use super::MobprocClient;
use crate::model::Listing;

/// Every item of a walk, and whether it reached the last page.
#[derive(Debug, Clone, PartialEq)]
pub struct Walked<T> {
    pub items: Vec<T>,
    /// `false` when the walk stopped at its page cap with pages left.
    pub complete: bool,
}

impl MobprocClient {
    /// The URL of `collection` under the API base, without a query.
    pub fn collection_url<T>(&self, collection: &Collection<T>) -> Url {
        self.endpoint(collection.segments)
            .unwrap_or_else(|_| self.inner.api_base.clone())
    }

    /// `href` if it is a link under the API base, the only place the token may go.
    pub(crate) fn link(&self, href: &str) -> Result<Url, MobprocError> {
        within_base(&self.inner.api_base, href).map_err(MobprocError::from)
    }
}

impl<C: Credentials> Api<'_, C> {
    /// The first page of `collection` narrowed by `query`.
    pub async fn page<T, Q>(
        &self,
        collection: &Collection<T>,
        query: &Q,
    ) -> Result<Listing<T>, C::Error>
    where
        T: DeserializeOwned,
        Q: Serialize + ?Sized,
    {
        let url = self
            .client
            .endpoint(collection.segments)
            .and_then(|url| with_query(url, query))
            .map_err(MobprocError::from)?;
        self.listing_at(url, collection.envelope).await
    }

    /// The page a link of MOBPROC's points at (`hrefNext`, `hrefPrevious`, …), for a UI
    /// that pages by links. A link outside the API base is refused and not requested.
    pub async fn page_at<T: DeserializeOwned>(
        &self,
        collection: &Collection<T>,
        href: &str,
    ) -> Result<Listing<T>, C::Error> {
        let url = self.client.link(href)?;
        self.listing_at(url, collection.envelope).await
    }

    /// The items of `collection` from its first page on, following `hrefNext` for at most
    /// `max_pages` pages in all.
    pub async fn walk<T, Q>(
        &self,
        collection: &Collection<T>,
        query: &Q,
        max_pages: usize,
    ) -> Result<Walked<T>, C::Error>
    where
        T: DeserializeOwned,
        Q: Serialize + ?Sized,
    {
        let mut listing = self.page(collection, query).await?;
        let mut items = Vec::new();
        let mut followed = HashSet::new();
        for _ in 1..max_pages.max(1) {
            let next = listing.next_href().map(str::to_owned);
            items.extend(listing.into_items());
            let Some(href) = next else {
                return Ok(Walked {
                    items,
                    complete: true,
                });
            };
            let url = self.client.link(&href)?;
            if !followed.insert(url.clone()) {
                return Err(MobprocError::from(ErrorKind::PaginationLoop).into());
            }
            listing = self.listing_at(url, collection.envelope).await?;
        }
        let complete = listing.next_href().is_none();
        items.extend(listing.into_items());
        Ok(Walked { items, complete })
    }

    pub(crate) async fn listing_at<T: DeserializeOwned>(
        &self,
        url: Url,
        envelope: &str,
    ) -> Result<Listing<T>, C::Error> {
        self.client
            .get_with(self.auth, &self.context, url, |answer| {
                listing(answer, envelope)
            })
            .await
    }
}

/// The listing under `name` in a 2xx body.
fn listing<T: DeserializeOwned>(answer: Answer, name: &str) -> Result<Listing<T>, ErrorKind> {
    let status = answer.status.as_u16();
    let decode_error = |source| ErrorKind::Decode { status, source };
    let mut envelope: serde_json::Map<String, serde_json::Value> = decode(answer)?;
    let value = envelope.remove(name).ok_or_else(|| {
        decode_error(serde::de::Error::custom(format_args!(
            "no `{name}` collection in the answer"
        )))
    })?;
    serde_json::from_value(value).map_err(decode_error)
}
/// `href` parsed, if it is under `base`: same scheme, host and port, no credentials, and a
/// path inside the base path (checked after `..` segments are resolved by the parser).
fn within_base(base: &Url, href: &str) -> Result<Url, ErrorKind> {
    let url = Url::parse(href).map_err(|_| ErrorKind::ForeignHref)?;
    let same_origin = url.scheme() == base.scheme()
        && url.host() == base.host()
        && url.port_or_known_default() == base.port_or_known_default();
    let no_credentials = url.username().is_empty() && url.password().is_none();
    let base_path = base.path().trim_end_matches('/');
    let inside = url
        .path()
        .strip_prefix(base_path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if same_origin && no_credentials && inside {
        Ok(url)
    } else {
        Err(ErrorKind::ForeignHref)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_links_under_the_base_are_followed() {
        let base = Url::parse("https://mobproc.test/mobproc/v1").unwrap();
        for ok in [
            "https://mobproc.test/mobproc/v1/employees?offset=10&limit=10",
            "https://MOBPROC.test:443/mobproc/v1/employees",
            "https://mobproc.test/mobproc/v1",
        ] {
            assert!(within_base(&base, ok).is_ok(), "{ok} should be followed");
        }
        for foreign in [
            "https://evil.test/mobproc/v1/employees",
            "http://mobproc.test/mobproc/v1/employees",
            "https://mobproc.test:8443/mobproc/v1/employees",
            "https://mobproc.test/mobproc/v10/employees",
            "https://mobproc.test/other/employees",
            "https://mobproc.test/mobproc/v1/../../admin",
            "https://mobproc.test/mobproc/v1/%2e%2e/%2e%2e/admin",
            "https://user:pw@mobproc.test/mobproc/v1/employees",
            "https://mobproc.test.evil.test/mobproc/v1/employees",
            "/mobproc/v1/employees",
            "javascript:alert(1)",
        ] {
            assert!(
                matches!(within_base(&base, foreign), Err(ErrorKind::ForeignHref)),
                "{foreign} must be refused"
            );
        }
    }
}
