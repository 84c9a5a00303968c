//! What the client needs to know about its environment.

use std::time::Duration;

use oauth2::ClientSecret;

use super::retry::RetryPolicy;

/// Endpoints, credentials and limits of one MOBPROC environment. Production and QA
/// differ in hosts and in client credentials (API.md §1, §2).
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// The API base, e.g. `https://tngo-mobproc.cloudhub.io/mobproc/v1`. Links outside it
    /// are never followed.
    pub api_base: String,
    /// PingFederate's `/as/token.oauth2`; also used for the validate grant.
    pub token_url: String,
    /// The RFC 7009 revocation endpoint, if the environment has one.
    pub revocation_url: Option<String>,
    /// PingFederate's `/as/authorization.oauth2`, for the authorization code grant.
    pub authorization_url: Option<String>,
    /// `X-TNGO-TENANT`: the customer code.
    pub tenant: String,
    /// Sent as the `client_id` header and to the OAuth server.
    pub client_id: String,
    /// Sent only to the OAuth server; `Debug` prints it redacted.
    pub client_secret: ClientSecret,
    /// Time allowed to open a connection.
    pub connect_timeout: Duration,
    /// Time allowed for a whole attempt, connection and body included.
    pub request_timeout: Duration,
    /// The most of an answer's body that is read; a longer one is an error.
    pub max_response_bytes: usize,
    pub retry: RetryPolicy,
}

impl ClientConfig {
    pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
    pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
    /// Far above any page of MOBPROC's (a 1,000-item page is well under 1 MiB).
    pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;

    /// A configuration with default timeouts and retries and no revocation endpoint.
    pub fn new(
        api_base: impl Into<String>,
        token_url: impl Into<String>,
        tenant: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> Self {
        Self {
            api_base: api_base.into(),
            token_url: token_url.into(),
            revocation_url: None,
            authorization_url: None,
            tenant: tenant.into(),
            client_id: client_id.into(),
            client_secret: ClientSecret::new(client_secret.into()),
            connect_timeout: Self::DEFAULT_CONNECT_TIMEOUT,
            request_timeout: Self::DEFAULT_REQUEST_TIMEOUT,
            max_response_bytes: Self::DEFAULT_MAX_RESPONSE_BYTES,
            retry: RetryPolicy::default(),
        }
    }

    pub fn with_revocation_url(mut self, url: impl Into<String>) -> Self {
        self.revocation_url = Some(url.into());
        self
    }

    pub fn with_authorization_url(mut self, url: impl Into<String>) -> Self {
        self.authorization_url = Some(url.into());
        self
    }

    pub fn with_max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    pub fn with_connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    pub fn with_request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }
}
