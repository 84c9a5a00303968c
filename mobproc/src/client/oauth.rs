//! OAuth 2 against PingFederate (API.md §2): the password, refresh and authorization
//! code (with PKCE S256) grants through the `oauth2` crate; revocation (RFC 7009) and
//! PingFederate's validate grant as plain form posts. Client credentials travel in the
//! form body, as PingFederate expects.

use std::borrow::Cow;
use std::time::{Duration, Instant, SystemTime};

use oauth2::basic::{BasicClient, BasicErrorResponse, BasicErrorResponseType, BasicTokenResponse};
use oauth2::{
    AccessToken, AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken,
    EndpointNotSet, EndpointSet, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RefreshToken,
    RequestTokenError, ResourceOwnerPassword, ResourceOwnerUsername, Scope, TokenResponse,
    TokenUrl,
};
use reqwest::header::ACCEPT;
use url::Url;

use super::config::ClientConfig;
use super::error::{transport_error, ErrorKind, MobprocError};
use super::transport::{read_capped, Answer};
use super::MobprocClient;
use crate::model::TokenValidation;

const SCOPE: &str = "MOBPROC";
const VALIDATE_GRANT: &str = "urn:pingidentity.com:oauth2:grant_type:validate_bearer";

type TokenClient =
    BasicClient<EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;
type CodeClient =
    BasicClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;
type TokenError = RequestTokenError<Exchange, BasicErrorResponse>;

/// Why an OAuth request got no answer to read: the transport, or an answer too large.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub(crate) struct Exchange(ErrorKind);

type PendingExchange = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<oauth2::HttpResponse, Exchange>> + Send>,
>;

/// The `oauth2` crate's requests, sent with the client's own HTTP client and read up
/// to its size limit like every other answer.
async fn exchange(
    http: &reqwest::Client,
    limit: usize,
    request: oauth2::HttpRequest,
) -> Result<oauth2::HttpResponse, Exchange> {
    let request = reqwest::Request::try_from(request).map_err(|e| Exchange(transport_error(e)))?;
    let response = http
        .execute(request)
        .await
        .map_err(|e| Exchange(transport_error(e)))?;
    let status = response.status();
    let mut answer = oauth2::http::Response::builder().status(status);
    for (name, value) in response.headers() {
        answer = answer.header(name, value);
    }
    let body = read_capped(response, limit).await.map_err(Exchange)?;
    answer.body(body).map_err(|_| {
        Exchange(ErrorKind::OAuthResponse {
            status: Some(status.as_u16()),
        })
    })
}

/// Tokens from a grant. `Debug` shows neither token.
#[derive(Debug, Clone)]
pub struct TokenSet {
    pub access_token: AccessToken,
    /// `None` when the server sent none; after a refresh, keep using the previous one then.
    pub refresh_token: Option<RefreshToken>,
    /// When the access token expires, from `expires_in` counted from when the request was
    /// sent, so it is never later than the server's own reckoning.
    pub expires_at: SystemTime,
}

impl TokenSet {
    /// Whether the access token expires within `margin`: time to refresh it.
    pub fn expires_within(&self, margin: Duration) -> bool {
        SystemTime::now() + margin >= self.expires_at
    }
}

/// Where to send the browser to sign in at the identity provider, and what its
/// callback must be checked and exchanged with. Only the URL leaves the server; the
/// verifier never does, and `Debug` shows neither secret.
pub struct AuthorizationRequest {
    pub url: Url,
    /// The `state` the callback must carry back.
    pub state: CsrfToken,
    /// The PKCE verifier of the S256 challenge in the URL, for the exchange.
    pub verifier: PkceCodeVerifier,
}

impl std::fmt::Debug for AuthorizationRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthorizationRequest")
            .finish_non_exhaustive()
    }
}

/// The token endpoints and the client credentials sent to them.
pub(crate) struct OAuthEndpoints {
    client: TokenClient,
    /// The same client with the identity provider's authorization endpoint, if any.
    code_client: Option<CodeClient>,
    token_url: Url,
    revocation_url: Option<Url>,
    client_id: String,
    client_secret: ClientSecret,
}

impl OAuthEndpoints {
    pub(crate) fn new(config: &ClientConfig) -> Result<Self, ErrorKind> {
        let token_url = endpoint_url("token", &config.token_url)?;
        let revocation_url = config
            .revocation_url
            .as_deref()
            .map(|url| endpoint_url("revocation", url))
            .transpose()?;
        let client = BasicClient::new(ClientId::new(config.client_id.clone()))
            .set_client_secret(config.client_secret.clone())
            .set_token_uri(TokenUrl::from_url(token_url.clone()))
            .set_auth_type(AuthType::RequestBody);
        let code_client = config
            .authorization_url
            .as_deref()
            .map(|url| endpoint_url("authorization", url))
            .transpose()?
            .map(|url| client.clone().set_auth_uri(AuthUrl::from_url(url)));
        Ok(Self {
            client,
            code_client,
            token_url,
            revocation_url,
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
        })
    }
}

impl MobprocClient {
    /// The password grant, for the signed-in employee or a service account. `username` is
    /// `<source_system>://<user>` or a plain Tangoe user (API.md §2).
    pub async fn password_grant(
        &self,
        username: &str,
        password: &str,
    ) -> Result<TokenSet, MobprocError> {
        let username = ResourceOwnerUsername::new(username.to_owned());
        let password = ResourceOwnerPassword::new(password.to_owned());
        let request = self
            .inner
            .oauth
            .client
            .exchange_password(&username, &password)
            .add_scope(Scope::new(SCOPE.to_owned()));
        let sent_at = SystemTime::now();
        let started = Instant::now();
        let result = request.request_async(&self.oauth_http()).await;
        token_set("password", started, sent_at, result)
    }

    /// The refresh grant: a new access token before the current one expires.
    pub async fn refresh_grant(
        &self,
        refresh_token: &RefreshToken,
    ) -> Result<TokenSet, MobprocError> {
        let request = self
            .inner
            .oauth
            .client
            .exchange_refresh_token(refresh_token)
            .add_scope(Scope::new(SCOPE.to_owned()));
        let sent_at = SystemTime::now();
        let started = Instant::now();
        let result = request.request_async(&self.oauth_http()).await;
        token_set("refresh_token", started, sent_at, result)
    }

    /// A new authorization request (RFC 6749 §4.1.1) for the browser: a random `state`
    /// and a PKCE S256 challenge (RFC 7636), coming back to `redirect_uri`.
    pub fn authorization_request(
        &self,
        redirect_uri: &Url,
    ) -> Result<AuthorizationRequest, MobprocError> {
        let client = self
            .inner
            .oauth
            .code_client
            .as_ref()
            .ok_or_else(|| ErrorKind::Config("no authorization endpoint configured".into()))?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state) = client
            .authorize_url(CsrfToken::new_random)
            .set_pkce_challenge(challenge)
            .set_redirect_uri(Cow::Owned(RedirectUrl::from_url(redirect_uri.clone())))
            .add_scope(Scope::new(SCOPE.to_owned()))
            .url();
        Ok(AuthorizationRequest {
            url,
            state,
            verifier,
        })
    }

    /// The authorization code grant (RFC 6749 §4.1.3): the identity provider's `code`,
    /// the `redirect_uri` it was issued for and the PKCE verifier, with the client's
    /// credentials, for the same tokens as the password grant.
    pub async fn code_grant(
        &self,
        code: &str,
        redirect_uri: &Url,
        verifier: PkceCodeVerifier,
    ) -> Result<TokenSet, MobprocError> {
        let redirect_uri = RedirectUrl::from_url(redirect_uri.clone());
        let request = self
            .inner
            .oauth
            .client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .set_pkce_verifier(verifier)
            .set_redirect_uri(Cow::Borrowed(&redirect_uri));
        let sent_at = SystemTime::now();
        let started = Instant::now();
        let result = request.request_async(&self.oauth_http()).await;
        token_set("authorization_code", started, sent_at, result)
    }

    /// The HTTP client the `oauth2` crate's requests go through.
    fn oauth_http(&self) -> impl Fn(oauth2::HttpRequest) -> PendingExchange {
        let (http, limit) = (self.inner.http.clone(), self.inner.max_response_bytes);
        move |request| {
            let http = http.clone();
            Box::pin(async move { exchange(&http, limit, request).await })
        }
    }

    /// Revokes a refresh token at sign-out (RFC 7009). A plain form post: the `oauth2`
    /// crate refuses non-HTTPS revocation endpoints, which the local sandbox is.
    pub async fn revoke_refresh_token(
        &self,
        refresh_token: &RefreshToken,
    ) -> Result<(), MobprocError> {
        let oauth = &self.inner.oauth;
        let url = oauth
            .revocation_url
            .clone()
            .ok_or_else(|| ErrorKind::Config("no revocation URL configured".into()))?;
        let form = [
            ("token", refresh_token.secret().as_str()),
            ("token_type_hint", "refresh_token"),
            ("client_id", oauth.client_id.as_str()),
            ("client_secret", oauth.client_secret.secret().as_str()),
        ];
        self.form_post("revoke", url, &form).await?;
        Ok(())
    }

    /// Asks PingFederate whom an access token belongs to and how long it stays valid.
    pub async fn validate_token(
        &self,
        access_token: &AccessToken,
    ) -> Result<TokenValidation, MobprocError> {
        let oauth = &self.inner.oauth;
        let form = [
            ("grant_type", VALIDATE_GRANT),
            ("token", access_token.secret().as_str()),
            ("client_id", oauth.client_id.as_str()),
            ("client_secret", oauth.client_secret.secret().as_str()),
        ];
        let answer = self
            .form_post("validate_bearer", oauth.token_url.clone(), &form)
            .await?;
        let status = Some(answer.status.as_u16());
        serde_json::from_slice(&answer.body).map_err(|_| ErrorKind::OAuthResponse { status }.into())
    }

    /// POSTs a form to the OAuth server; a 2xx answer is returned, anything else mapped.
    async fn form_post(
        &self,
        call: &'static str,
        url: Url,
        form: &[(&str, &str)],
    ) -> Result<Answer, MobprocError> {
        let started = Instant::now();
        let result = async {
            let request = self
                .inner
                .http
                .post(url)
                .header(ACCEPT, "application/json")
                .form(form)
                .build()
                .map_err(transport_error)?;
            let answer = self.send(request).await?;
            if answer.status.is_success() {
                Ok(answer)
            } else {
                Err(oauth_failure(&answer))
            }
        }
        .await;
        log_oauth_call(call, started, result.as_ref().err());
        Ok(result?)
    }
}

/// The error an OAuth server answered with, or the bare fact that it was not one.
fn oauth_failure(answer: &Answer) -> ErrorKind {
    match serde_json::from_slice::<BasicErrorResponse>(&answer.body) {
        Ok(error) => refusal(error.error(), error.error_description()),
        Err(_) => ErrorKind::OAuthResponse {
            status: Some(answer.status.as_u16()),
        },
    }
}

fn refusal(error: &BasicErrorResponseType, description: Option<&String>) -> ErrorKind {
    let description = description.cloned();
    match error {
        BasicErrorResponseType::InvalidGrant => ErrorKind::InvalidGrant { description },
        other => ErrorKind::OAuthRefused {
            error: other.as_ref().to_owned(),
            description,
        },
    }
}

fn token_set(
    grant: &'static str,
    started: Instant,
    sent_at: SystemTime,
    result: Result<BasicTokenResponse, TokenError>,
) -> Result<TokenSet, MobprocError> {
    let result = result.map_err(token_error).and_then(|response| {
        let lifetime = response
            .expires_in()
            .ok_or(ErrorKind::OAuthResponse { status: Some(200) })?;
        Ok(TokenSet {
            access_token: response.access_token().clone(),
            refresh_token: response.refresh_token().cloned(),
            expires_at: sent_at + lifetime,
        })
    });
    log_oauth_call(grant, started, result.as_ref().err());
    Ok(result?)
}

fn token_error(error: TokenError) -> ErrorKind {
    match error {
        RequestTokenError::ServerResponse(response) => {
            refusal(response.error(), response.error_description())
        }
        RequestTokenError::Request(Exchange(kind)) => kind,
        // A parse error holds the raw body, which may contain tokens: only the fact is kept.
        _ => ErrorKind::OAuthResponse { status: None },
    }
}

/// One event per OAuth call; no username, token or secret, only the outcome.
fn log_oauth_call(call: &'static str, started: Instant, error: Option<&ErrorKind>) {
    let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    match error {
        None => tracing::info!(call, elapsed_ms, "OAuth call"),
        Some(error) => tracing::warn!(call, elapsed_ms, error = %error, "OAuth call failed"),
    }
}

fn endpoint_url(which: &str, url: &str) -> Result<Url, ErrorKind> {
    let parsed =
        Url::parse(url).map_err(|error| ErrorKind::Config(format!("{which} URL: {error}")))?;
    if matches!(parsed.scheme(), "http" | "https") && parsed.has_host() {
        Ok(parsed)
    } else {
        Err(ErrorKind::Config(format!("{which} URL must be http(s)")))
    }
}
