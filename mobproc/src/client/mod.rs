//! The async MOBPROC client (feature `client`; server side only, never in the WASM bundle).
//!
//! One [`MobprocClient`] per environment, built from a [`ClientConfig`] and shared: it wraps
//! one `reqwest` connection pool behind an `Arc`, so clones are cheap. It holds no user
//! state: [`MobprocClient::api`] binds it to a caller's [`Credentials`] (a token source; a
//! plain [`AccessToken`], whose `Debug` is redacted, is one) and a [`CallContext`] (actor,
//! hierarchy, activity and correlation ids), and the [`Api`] handle has the typed calls.
//!
//! - Headers (API.md §3) are built and checked before sending: a value with a control
//!   character, a space or non-ASCII is an [`ErrorKind::InvalidHeader`] and nothing is sent.
//! - GETs are retried with bounded exponential backoff on 5xx, timeouts and connect errors
//!   ([`RetryPolicy`]); POSTs never are, since `POST /orders` is not idempotent.
//! - A 401 renews the token through [`Credentials`] and sends the call once more, except
//!   `POST /orders`, which is never sent twice.
//! - Collections ([`collection`] names them with their paths and envelopes) are read a
//!   page at a time or walked by `_meta.hrefNext` up to a page cap, and only links under
//!   the API base are followed, so the token never leaves for another host.
//! - Answers are read up to [`ClientConfig::max_response_bytes`]; a longer body is
//!   [`ErrorKind::TooLarge`], so an upstream cannot make the server hold unbounded data.
//! - Errors are one [`MobprocError`], carrying the correlation id the call used.
//! - OAuth (API.md §2): password, refresh and authorization code (PKCE S256) grants,
//!   revocation and PingFederate's validate grant, returning a [`TokenSet`] with an
//!   absolute expiry; [`MobprocClient::authorization_request`] makes the browser's
//!   redirect to the identity provider.
//! - One `tracing` event per upstream attempt (method, path, status, elapsed ms,
//!   correlation id); tokens, passwords and secrets are never logged.

mod api;
pub mod collection;
mod config;
mod context;
mod credentials;
mod error;
mod headers;
mod oauth;
mod orders;
mod pagination;
mod params;
mod retry;
mod transport;

use std::fmt;
use std::sync::Arc;

use url::Url;

pub use oauth2::{AccessToken, ClientSecret, CsrfToken, PkceCodeVerifier, RefreshToken};

pub use api::Api;
pub use collection::Collection;
pub use config::ClientConfig;
pub use context::CallContext;
pub use credentials::Credentials;
pub use error::{ErrorKind, MobprocError};
pub use oauth::{AuthorizationRequest, TokenSet};
pub use pagination::Walked;
pub use params::{
    AssetQuery, CatalogQuery, EmployeeQuery, OrderQuery, PropertiesQuery, VendorQuery,
};
pub use retry::RetryPolicy;

use headers::FixedHeaders;
use oauth::OAuthEndpoints;

/// The MOBPROC client. Cheap to clone; share one per environment.
#[derive(Clone)]
pub struct MobprocClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// Without a trailing slash, so paths are appended as segments.
    api_base: Url,
    headers: FixedHeaders,
    oauth: OAuthEndpoints,
    retry: RetryPolicy,
    request_timeout: std::time::Duration,
    max_response_bytes: usize,
}

impl MobprocClient {
    /// Checks the configuration and builds the shared HTTP client.
    pub fn new(config: ClientConfig) -> Result<Self, MobprocError> {
        let api_base = parse_api_base(&config.api_base)?;
        let headers = FixedHeaders::new(&config.tenant, &config.client_id)?;
        let oauth = OAuthEndpoints::new(&config)?;
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            // Neither MOBPROC nor PingFederate redirects; following a redirect could replay
            // credentials to another host (the oauth2 crate's advice too).
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| ErrorKind::Config(format!("HTTP client: {error}")))?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                api_base,
                headers,
                oauth,
                retry: config.retry,
                request_timeout: config.request_timeout,
                max_response_bytes: config.max_response_bytes,
            }),
        })
    }

    /// The longest one attempt may take, answer included: after it, no answer comes.
    pub fn request_timeout(&self) -> std::time::Duration {
        self.inner.request_timeout
    }

    /// The API base every call and every followed link is under.
    pub fn api_base(&self) -> &Url {
        &self.inner.api_base
    }

    /// The URL of a resource: the base plus `segments`, each percent-encoded as one path
    /// segment, so an id can never add a path, a query or a `..`.
    pub(crate) fn endpoint(&self, segments: &[&str]) -> Result<Url, ErrorKind> {
        if segments
            .iter()
            .any(|segment| matches!(*segment, "" | "." | ".."))
        {
            return Err(ErrorKind::InvalidId);
        }
        let mut url = self.inner.api_base.clone();
        url.path_segments_mut()
            .map_err(|()| ErrorKind::Config("the API base cannot hold a path".into()))?
            .extend(segments);
        Ok(url)
    }
}

impl fmt::Debug for MobprocClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MobprocClient")
            .field("api_base", &self.inner.api_base.as_str())
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// Parse errors are reported without the URL, which might carry credentials.
fn parse_api_base(base: &str) -> Result<Url, ErrorKind> {
    let mut url =
        Url::parse(base).map_err(|error| ErrorKind::Config(format!("API base URL: {error}")))?;
    let plain = matches!(url.scheme(), "http" | "https")
        && url.has_host()
        && url.username().is_empty()
        && url.password().is_none()
        && url.query().is_none()
        && url.fragment().is_none();
    if !plain {
        return Err(ErrorKind::Config(
            "API base URL must be http(s) with a host and no credentials, query or fragment".into(),
        ));
    }
    url.path_segments_mut()
        .map_err(|()| ErrorKind::Config("the API base cannot hold a path".into()))?
        .pop_if_empty();
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(base: &str) -> MobprocClient {
        MobprocClient::new(ClientConfig::new(
            base,
            "http://auth.test/as/token.oauth2",
            "ACME",
            "client",
            "secret",
        ))
        .unwrap()
    }

    #[test]
    fn ids_are_single_encoded_segments() {
        let client = client("http://mobproc.test/mobproc/v1/");
        let url = client.endpoint(&["employees", "a/b?c#d"]).unwrap();
        assert_eq!(
            url.as_str(),
            "http://mobproc.test/mobproc/v1/employees/a%2Fb%3Fc%23d"
        );
        for bad in ["", ".", ".."] {
            assert!(matches!(
                client.endpoint(&["employees", bad]),
                Err(ErrorKind::InvalidId)
            ));
        }
    }

    #[test]
    fn api_base_must_be_plain_http() {
        for bad in [
            "ftp://mobproc.test/v1",
            "http://user:pw@mobproc.test/v1",
            "http://mobproc.test/v1?x=1",
            "not a url",
        ] {
            let config = ClientConfig::new(bad, "http://auth.test/t", "ACME", "c", "s");
            assert!(MobprocClient::new(config).is_err(), "{bad} must be refused");
        }
    }

    /// Axum handlers and server functions need `Send` futures and a `Send + Sync` state.
    #[test]
    fn client_and_its_futures_can_cross_threads() {
        fn shared<T: Send + Sync>(_: &T) {}
        fn sendable<F: std::future::Future + Send>(_: F) {}
        let client = client("http://mobproc.test/mobproc/v1");
        let token = AccessToken::new("t".into());
        let refresh = RefreshToken::new("r".into());
        let context = CallContext::new();
        let body: crate::model::OrderRequestBody = serde_json::from_value(
            serde_json::json!({"orderRequest": {"transactionType": "SUSPEND", "serviceId": "1"}}),
        )
        .unwrap();
        shared(&client);
        let api = client.api(&token, context);
        sendable(api.me());
        sendable(api.submit_order(&body));
        sendable(api.walk(&collection::EMPLOYEES, &(), 10));
        sendable(client.password_grant("u", "p"));
        sendable(client.refresh_grant(&refresh));
        let redirect = Url::parse("http://shop.test/auth/callback").unwrap();
        sendable(client.code_grant("c", &redirect, PkceCodeVerifier::new("v".into())));
        sendable(client.revoke_refresh_token(&refresh));
        sendable(client.validate_token(&token));
    }

    #[test]
    fn an_authorization_request_carries_state_and_an_s256_challenge_but_no_secret() {
        let config = ClientConfig::new(
            "http://mobproc.test/v1",
            "http://auth.test/as/token.oauth2",
            "ACME",
            "storefront",
            "s3cr3t",
        );
        let redirect = Url::parse("http://shop.test/auth/callback").unwrap();
        let without = MobprocClient::new(config.clone()).unwrap();
        assert!(without.authorization_request(&redirect).is_err());
        let client = MobprocClient::new(
            config.with_authorization_url("http://auth.test/as/authorization.oauth2"),
        )
        .unwrap();
        let request = client.authorization_request(&redirect).unwrap();
        let query: std::collections::HashMap<String, String> =
            request.url.query_pairs().into_owned().collect();
        assert_eq!(request.url.path(), "/as/authorization.oauth2");
        assert_eq!(query["response_type"], "code");
        assert_eq!(query["client_id"], "storefront");
        assert_eq!(query["redirect_uri"], redirect.as_str());
        assert_eq!(query["scope"], "MOBPROC");
        assert_eq!(query["state"], *request.state.secret());
        assert_eq!(query["code_challenge_method"], "S256");
        let challenge = oauth2::PkceCodeChallenge::from_code_verifier_sha256(&request.verifier);
        assert_eq!(query["code_challenge"], challenge.as_str());
        let url = request.url.as_str();
        assert!(!url.contains("s3cr3t") && !url.contains(request.verifier.secret().as_str()));
        let again = client.authorization_request(&redirect).unwrap();
        assert_ne!(
            again.state.secret(),
            request.state.secret(),
            "fresh each time"
        );
        assert!(!format!("{request:?}").contains(request.verifier.secret().as_str()));
    }

    #[test]
    fn debug_shows_no_secret() {
        let config = ClientConfig::new(
            "http://mobproc.test/v1",
            "http://auth.test/t",
            "ACME",
            "c",
            "s3cr3t",
        );
        assert!(!format!("{config:?}").contains("s3cr3t"));
        let client = MobprocClient::new(config).unwrap();
        assert!(!format!("{client:?}").contains("s3cr3t"));
    }
}
