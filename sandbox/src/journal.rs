//! The call journal: every request the sandbox received (API, OAuth, images; not
//! `/_sandbox/*`), recorded by the outermost layer, so requests that fault injection
//! answered count with the status they got. Tests read it to check what a client
//! really sent: which calls, in what order, with which context headers.
//!
//! An entry is written when its answer is ready, `seq` counting up from 1 for the
//! sandbox's lifetime (clearing keeps counting). `status` is `null` when no answer was
//! given because the client went away first (a hanging fault), and `dropped` is true
//! when the connection was cut after the status line (`dropAfterCommit`, a released
//! hang). Token requests also record `grantType`, `username` (password grants, as
//! sent), `refreshTokenId` ([`fingerprint`] of a presented refresh token, never the
//! token) and `pkce` (authorization-code exchanges). Only the last [`CAPACITY`] calls
//! are kept, in memory only.
//!
//! - `GET /_sandbox/calls`: the calls, oldest first; `?method=POST` and
//!   `?path=<glob>` (the [`glob`](crate::glob) of fault rules) narrow them.
//! - `DELETE /_sandbox/calls`: forgets them (`POST /_sandbox/reset` does too).

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, PoisonError};

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::auth::{CONTEXT_ACTIVITY_ID, CONTEXT_CORRELATION_ID, CONTEXT_EMPLOYEE_ID};
use crate::error::{Error, Result};
use crate::faults::Dropped;
use crate::glob::target_matches;
use crate::oauth::{self, TOKEN_PATH};
use crate::pagination::Params;
use crate::state::SandboxState;

/// How many calls the journal keeps; older ones make room.
pub const CAPACITY: usize = 50_000;

/// The most of a token request's body the journal reads (axum's default body limit).
const TOKEN_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Query parameters whose values the journal never keeps: the docs send passwords and
/// client secrets in token requests' query strings.
const SECRET_PARAMETERS: [&str; 7] = [
    "password",
    "client_secret",
    "refresh_token",
    "access_token",
    "token",
    "code",
    "code_verifier",
];

/// What stands in for a secret parameter's value.
pub const REDACTED: &str = "REDACTED";

/// How an authorization-code exchange fared with PKCE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pkce {
    /// The `code_verifier` matches the code's challenge.
    Verified,
    /// A verifier was sent and did not match, or there was no valid code to match it to.
    Failed,
    /// No `code_verifier` was sent.
    Absent,
}

/// One request and how it was answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Call {
    pub seq: u64,
    /// When it arrived, by the sandbox clock.
    pub at: DateTime<Utc>,
    pub method: String,
    pub path: String,
    /// The raw query string, values of secret parameters (`password`,
    /// `client_secret`, tokens, codes) replaced by [`REDACTED`].
    pub query: Option<String>,
    /// `None` when the client went away before an answer.
    pub status: Option<u16>,
    /// The connection was cut by an injected fault after the status was decided.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dropped: bool,
    pub correlation_id: Option<String>,
    pub activity_id: Option<String>,
    pub context_employee_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pkce: Option<Pkce>,
}

/// A short stable name for a token: the first 12 hex digits of its SHA-256, so the
/// journal can tell refresh tokens apart without holding one.
pub fn fingerprint(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Which calls to list; the default keeps all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallFilter {
    /// Case-insensitive.
    pub method: Option<String>,
    /// A glob over the path, or path and query when it has a `?`.
    pub path: Option<String>,
}

impl CallFilter {
    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.method = Some(method.into());
        self
    }

    pub fn path(mut self, pattern: impl Into<String>) -> Self {
        self.path = Some(pattern.into());
        self
    }

    fn keeps(&self, call: &Call) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(&call.method))
            && self
                .path
                .as_deref()
                .is_none_or(|p| target_matches(p, &call.path, call.query.as_deref()))
    }
}

#[derive(Debug)]
struct Entries {
    calls: VecDeque<Call>,
    last_seq: u64,
}

/// The calls of one sandbox, oldest first, at most `capacity` of them.
#[derive(Debug)]
pub struct Journal {
    capacity: usize,
    entries: Mutex<Entries>,
}

impl Default for Journal {
    fn default() -> Self {
        Self::with_capacity(CAPACITY)
    }
}

impl Journal {
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            entries: Mutex::new(Entries {
                calls: VecDeque::new(),
                last_seq: 0,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The calls `filter` keeps, oldest first.
    pub fn calls(&self, filter: &CallFilter) -> Vec<Call> {
        self.lock()
            .calls
            .iter()
            .filter(|c| filter.keeps(c))
            .cloned()
            .collect()
    }

    /// Forgets every call; `seq` goes on counting.
    pub fn clear(&self) {
        self.lock().calls.clear();
    }

    /// Appends `call` with the next `seq`, dropping the oldest beyond the capacity.
    fn push(&self, mut call: Call) {
        let mut entries = self.lock();
        entries.last_seq += 1;
        call.seq = entries.last_seq;
        if entries.calls.len() == self.capacity {
            entries.calls.pop_front();
        }
        entries.calls.push_back(call);
    }
}

/// A call waiting for its answer; recorded without a status if the request is dropped
/// first (the client hung up on a hanging fault).
struct Pending {
    state: SandboxState,
    call: Option<Call>,
}

impl Pending {
    fn finish(mut self, response: &Response) {
        if let Some(mut call) = self.call.take() {
            call.status = Some(response.status().as_u16());
            call.dropped = response.extensions().get::<Dropped>().is_some();
            call.pkce = response.extensions().get::<Pkce>().copied();
            self.state.journal().push(call);
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(call) = self.call.take() {
            self.state.journal().push(call);
        }
    }
}

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The raw query with the values of [`SECRET_PARAMETERS`] replaced.
fn redacted(query: &str) -> String {
    query
        .split('&')
        .map(|pair| {
            let raw_name = pair.split_once('=').map_or(pair, |(name, _)| name);
            let secret = url::form_urlencoded::parse(raw_name.as_bytes())
                .next()
                .is_some_and(|(name, _)| SECRET_PARAMETERS.contains(&name.as_ref()));
            if secret {
                format!("{raw_name}={REDACTED}")
            } else {
                pair.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn call_of(parts: &Parts, at: DateTime<Utc>) -> Call {
    Call {
        seq: 0,
        at,
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(redacted),
        status: None,
        dropped: false,
        correlation_id: header(&parts.headers, CONTEXT_CORRELATION_ID),
        activity_id: header(&parts.headers, CONTEXT_ACTIVITY_ID),
        context_employee_id: header(&parts.headers, CONTEXT_EMPLOYEE_ID),
        grant_type: None,
        username: None,
        refresh_token_id: None,
        pkce: None,
    }
}

/// What a token request says about itself (query string and form body both).
fn note_token_request(call: &mut Call, params: &Params) {
    let grant_type = params.get("grant_type");
    call.username = grant_type
        .filter(|g| *g == "password")
        .and(params.get("username"))
        .map(str::to_owned);
    call.refresh_token_id = grant_type
        .filter(|g| *g == "refresh_token")
        .and(params.get("refresh_token"))
        .map(fingerprint);
    call.grant_type = grant_type.map(str::to_owned);
}

/// The outermost middleware: records every call but `/_sandbox/*`.
pub async fn record(State(state): State<SandboxState>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/_sandbox") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let mut pending = Pending {
        call: Some(call_of(&parts, state.now())),
        state: state.clone(),
    };
    let body = if parts.uri.path() == TOKEN_PATH {
        let Ok(bytes) = to_bytes(body, TOKEN_BODY_LIMIT).await else {
            let response = Error::oauth(
                StatusCode::PAYLOAD_TOO_LARGE,
                "invalid_request",
                "The request body is too large.",
            )
            .into_response();
            pending.finish(&response);
            return response;
        };
        if let Some(call) = &mut pending.call {
            note_token_request(call, &oauth::parameters(parts.uri.query(), &bytes));
        }
        Body::from(bytes)
    } else {
        body
    };
    let response = next.run(Request::from_parts(parts, body)).await;
    pending.finish(&response);
    response
}

/// The journal's routes, mounted under `/_sandbox`.
pub fn routes() -> Router<SandboxState> {
    Router::new().route("/calls", get(list).delete(clear))
}

async fn list(State(state): State<SandboxState>, params: Params) -> Result<Json<Vec<Call>>> {
    let mut filter = CallFilter::default();
    for (name, value) in params.pairs() {
        match name {
            "method" => {
                Method::from_bytes(value.as_bytes()).map_err(|_| {
                    Error::bad_request("Invalid-Filter", format!("{value:?} is not a method."))
                })?;
                filter.method = Some(value.to_owned());
            }
            "path" => filter.path = Some(value.to_owned()),
            other => {
                return Err(Error::bad_request(
                    "Invalid-Filter",
                    format!("Unknown filter {other:?}; use method and path."),
                ))
            }
        }
    }
    Ok(Json(state.journal().calls(&filter)))
}

async fn clear(State(state): State<SandboxState>) -> StatusCode {
    state.journal().clear();
    StatusCode::NO_CONTENT
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(method: &str, path: &str, query: Option<&str>) -> Call {
        Call {
            seq: 0,
            at: DateTime::<Utc>::UNIX_EPOCH,
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.map(str::to_owned),
            status: Some(200),
            dropped: false,
            correlation_id: None,
            activity_id: None,
            context_employee_id: None,
            grant_type: None,
            username: None,
            refresh_token_id: None,
            pkce: None,
        }
    }

    #[test]
    fn keeps_the_last_calls_and_counts_on() {
        let journal = Journal::with_capacity(3);
        for i in 0..5 {
            journal.push(call("GET", &format!("/{i}"), None));
        }
        let seqs: Vec<u64> = journal
            .calls(&CallFilter::default())
            .iter()
            .map(|c| c.seq)
            .collect();
        assert_eq!(seqs, [3, 4, 5]);
        journal.clear();
        journal.push(call("GET", "/again", None));
        assert_eq!(journal.calls(&CallFilter::default())[0].seq, 6);
    }

    #[test]
    fn filters_by_method_and_glob() {
        let journal = Journal::default();
        journal.push(call("POST", "/mobproc/v1/orders", Some("confirm=true")));
        journal.push(call("POST", "/mobproc/v1/orders", None));
        journal.push(call("GET", "/mobproc/v1/orders/1", None));
        let count = |filter: CallFilter| journal.calls(&filter).len();
        assert_eq!(count(CallFilter::default().method("post")), 2);
        assert_eq!(count(CallFilter::default().path("/mobproc/v1/orders*")), 3);
        assert_eq!(count(CallFilter::default().path("*?confirm=true")), 1);
        assert_eq!(
            count(CallFilter::default().method("GET").path("*/orders")),
            0
        );
    }

    #[test]
    fn a_call_never_answered_is_recorded_without_a_status() {
        let state = SandboxState::new(crate::Config::ephemeral()).unwrap();
        drop(Pending {
            call: Some(Call {
                status: None,
                ..call("GET", "/mobproc/v1/ping", None)
            }),
            state: state.clone(),
        });
        let recorded = state.journal().calls(&CallFilter::default());
        assert_eq!(recorded.len(), 1);
        assert_eq!(recorded[0].status, None);
    }

    #[test]
    fn secret_parameters_are_redacted_and_the_rest_kept_raw() {
        assert_eq!(
            redacted("grant_type=password&username=a%40b&password=demo&client_secret=s&pass%77ord=x&scope"),
            "grant_type=password&username=a%40b&password=REDACTED&client_secret=REDACTED&pass%77ord=REDACTED&scope"
        );
        assert_eq!(redacted("echoText=hi%20there"), "echoText=hi%20there");
    }

    #[test]
    fn fingerprints_are_short_and_stable() {
        let id = fingerprint("a refresh token");
        assert_eq!(id.len(), 12);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(id, fingerprint("a refresh token"));
        assert_ne!(id, fingerprint("another refresh token"));
    }

    #[test]
    fn token_requests_name_their_grant_without_secrets() {
        let mut password = call("POST", TOKEN_PATH, None);
        note_token_request(
            &mut password,
            &Params::parse(Some(
                "grant_type=password&username=command%3A%2F%2Fpeter&password=demo",
            )),
        );
        assert_eq!(password.grant_type.as_deref(), Some("password"));
        assert_eq!(password.username.as_deref(), Some("command://peter"));
        assert!(!serde_json::to_string(&password).unwrap().contains("demo"));

        let mut refresh = call("POST", TOKEN_PATH, None);
        note_token_request(
            &mut refresh,
            &Params::parse(Some("grant_type=refresh_token&refresh_token=R&username=x")),
        );
        assert_eq!(refresh.refresh_token_id, Some(fingerprint("R")));
        assert_eq!(refresh.username, None);
    }
}
