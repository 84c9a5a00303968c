//! Collections and their pages (API.md §6). Pages are followed by `_meta.hrefNext` only:
//! Premium Mobile answers the page *containing* an offset, so computed offsets can skip
//! or repeat items. Every link is checked to be under the API base before the bearer
//! token is sent to it.

use std::collections::HashSet;

use oauth2::AccessToken;
use serde::de::DeserializeOwned;
use serde::Serialize;
use url::Url;

use super::context::CallContext;
use super::error::{ErrorKind, MobprocError};
use super::params::with_query;
use super::transport::{decode, Answer};
use super::MobprocClient;
use crate::model::Listing;

impl MobprocClient {
    /// GETs a resource under the API base and decodes it as `T`.
    pub async fn get<T, Q>(
        &self,
        token: &AccessToken,
        context: &CallContext,
        segments: &[&str],
        query: &Q,
    ) -> Result<T, MobprocError>
    where
        T: DeserializeOwned,
        Q: Serialize + ?Sized,
    {
        let url = with_query(self.endpoint(segments)?, query)?;
        self.get_with(token, context, url, decode).await
    }

    /// The first page of a collection answering `{"<name>": Listing<T>}`.
    pub async fn list<T, Q>(
        &self,
        token: &AccessToken,
        context: &CallContext,
        segments: &[&str],
        query: &Q,
        name: &str,
    ) -> Result<Listing<T>, MobprocError>
    where
        T: DeserializeOwned,
        Q: Serialize + ?Sized,
    {
        let url = with_query(self.endpoint(segments)?, query)?;
        self.listing_at(token, context, url, name).await
    }

    /// The page a link of MOBPROC's points at (`hrefNext`, `hrefPrevious`, …), for a UI that
    /// paginates by links. A link outside the API base is refused and not requested.
    pub async fn list_page<T: DeserializeOwned>(
        &self,
        token: &AccessToken,
        context: &CallContext,
        href: &str,
        name: &str,
    ) -> Result<Listing<T>, MobprocError> {
        let url = within_base(&self.inner.api_base, href)?;
        self.listing_at(token, context, url, name).await
    }

    /// Every item of a collection, following `hrefNext` from the first page to the last.
    pub async fn list_all<T, Q>(
        &self,
        token: &AccessToken,
        context: &CallContext,
        segments: &[&str],
        query: &Q,
        name: &str,
    ) -> Result<Vec<T>, MobprocError>
    where
        T: DeserializeOwned,
        Q: Serialize + ?Sized,
    {
        let mut listing = self.list(token, context, segments, query, name).await?;
        let mut items = Vec::new();
        let mut followed = HashSet::new();
        loop {
            let next = listing.next_href().map(str::to_owned);
            items.extend(listing.into_items());
            let Some(href) = next else {
                return Ok(items);
            };
            let url = within_base(&self.inner.api_base, &href)?;
            if !followed.insert(url.clone()) {
                return Err(ErrorKind::PaginationLoop.into());
            }
            listing = self.listing_at(token, context, url, name).await?;
        }
    }

    async fn listing_at<T: DeserializeOwned>(
        &self,
        token: &AccessToken,
        context: &CallContext,
        url: Url,
        name: &str,
    ) -> Result<Listing<T>, MobprocError> {
        self.get_with(token, context, url, |answer| listing(answer, name))
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
