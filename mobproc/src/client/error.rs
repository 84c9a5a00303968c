//! The one error type of the MOBPROC boundary, and how transport failures map into it.

use std::fmt;

use reqwest::header::HeaderName;

use crate::model::{ErrorBody, OrderError};

/// A failed MOBPROC or OAuth call: what went wrong, and the correlation id the call was
/// sent with, so the UI can show it and MOBPROC's logs can be searched for it.
///
/// Neither the text nor the `Debug` output ever holds a token, password or client secret.
#[derive(Debug)]
pub struct MobprocError {
    kind: ErrorKind,
    correlation_id: Option<String>,
}

impl MobprocError {
    pub(crate) fn new(kind: ErrorKind, correlation_id: Option<String>) -> Self {
        Self {
            kind,
            correlation_id,
        }
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub fn into_kind(self) -> ErrorKind {
        self.kind
    }

    /// The `X-TNGO-CONTEXT-CORRELATIONID` the failed call carried; `None` for OAuth calls
    /// and for calls refused before a valid id existed.
    pub fn correlation_id(&self) -> Option<&str> {
        self.correlation_id.as_deref()
    }

    /// The per-field refusals of an order, to show beside the form fields they name.
    pub fn order_errors(&self) -> Option<&[OrderError]> {
        match &self.kind {
            ErrorKind::OrderRejected(errors) => Some(errors),
            _ => None,
        }
    }
}

impl From<ErrorKind> for MobprocError {
    fn from(kind: ErrorKind) -> Self {
        Self::new(kind, None)
    }
}

impl fmt::Display for MobprocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.correlation_id {
            Some(id) => write!(f, "{} (correlation id {id})", self.kind),
            None => self.kind.fmt(f),
        }
    }
}

impl std::error::Error for MobprocError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.kind.source()
    }
}

/// What went wrong. Upstream bodies are kept where MOBPROC sent its error shape.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    /// 400 with MOBPROC's error body.
    #[error("MOBPROC refused the request: {}", describe(.0))]
    BadRequest(ErrorBody),
    /// An order answered `"status":"ERROR"`; each error may name the offending `field`.
    #[error("MOBPROC refused the order ({} error(s))", .0.len())]
    OrderRejected(Vec<OrderError>),
    /// 401: the access token is missing, expired or revoked.
    #[error("MOBPROC rejected the access token (401)")]
    Unauthorized(Option<ErrorBody>),
    /// 403: the user may not see this, or may not act for the context employee.
    #[error("MOBPROC forbade the call (403)")]
    Forbidden(Option<ErrorBody>),
    #[error("MOBPROC found no such resource (404)")]
    NotFound(Option<ErrorBody>),
    /// 5xx, after the retries a GET is allowed.
    #[error("MOBPROC failed with HTTP {status}")]
    Server {
        status: u16,
        body: Option<ErrorBody>,
    },
    /// Any other status, e.g. a 3xx (redirects are never followed).
    #[error("MOBPROC answered with unexpected HTTP {status}")]
    UnexpectedStatus { status: u16 },
    /// The connect or total timeout elapsed.
    #[error("the upstream call timed out")]
    Timeout,
    #[error("could not connect upstream")]
    Connect(#[source] reqwest::Error),
    #[error("the upstream call failed in transport")]
    Transport(#[source] reqwest::Error),
    /// The answer's body was longer than the client reads
    /// ([`super::ClientConfig::max_response_bytes`]).
    #[error("the upstream answer is larger than {limit} bytes; not read")]
    TooLarge { limit: usize },
    /// The body did not match the wire model.
    #[error("could not decode MOBPROC's answer (HTTP {status})")]
    Decode {
        status: u16,
        #[source]
        source: serde_json::Error,
    },
    #[error("could not encode the request")]
    Encode(#[source] serde_json::Error),
    /// A header value with a control, space or non-ASCII character; nothing was sent.
    #[error("invalid value for header {name}; nothing was sent")]
    InvalidHeader { name: HeaderName },
    /// An id that cannot be a path segment (empty, `.` or `..`); nothing was sent.
    #[error("invalid resource id; nothing was sent")]
    InvalidId,
    /// A link outside the configured API base: following it would hand the token elsewhere.
    #[error("link outside the configured MOBPROC base; not followed")]
    ForeignHref,
    /// `hrefNext` pointed back at a page already read.
    #[error("MOBPROC's pagination loops; stopped")]
    PaginationLoop,
    /// The OAuth server refused the grant: wrong credentials, or an expired or revoked token.
    #[error("the OAuth grant was refused (invalid_grant)")]
    InvalidGrant { description: Option<String> },
    /// Any other OAuth error code (`invalid_client`, `unsupported_token_type`, …).
    #[error("the OAuth server refused the request: {error}")]
    OAuthRefused {
        error: String,
        description: Option<String>,
    },
    /// The OAuth server's answer was not what the protocol says. Its body is never kept:
    /// it may hold tokens.
    #[error("unexpected answer from the OAuth server")]
    OAuthResponse { status: Option<u16> },
    #[error("invalid MOBPROC client configuration: {0}")]
    Config(String),
}

impl ErrorKind {
    /// Worth another try for an idempotent call: MOBPROC or the network may recover.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Server { .. } | Self::Timeout | Self::Connect(_))
    }
}

fn describe(body: &ErrorBody) -> String {
    let code = body.error_code.as_deref().unwrap_or("no error code");
    match &body.message {
        Some(message) => format!("{code}: {message}"),
        None => code.to_owned(),
    }
}

/// reqwest's text carries the URL; it is dropped so query values never reach logs.
pub(crate) fn transport_error(error: reqwest::Error) -> ErrorKind {
    if error.is_timeout() {
        ErrorKind::Timeout
    } else if error.is_connect() {
        ErrorKind::Connect(error.without_url())
    } else {
        ErrorKind::Transport(error.without_url())
    }
}
