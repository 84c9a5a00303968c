//! The one error type at the HTTP boundary. MOBPROC errors render as §5's body
//! `{"errorCode","id","message","status"}`; OAuth errors as RFC 6749's
//! `{"error","error_description"}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use mobproc::model::ErrorBody;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A MOBPROC error; `code` becomes `errorCode`.
    #[error("{status} {code}: {message}")]
    Api {
        status: StatusCode,
        code: String,
        message: String,
    },
    /// An OAuth error of the token, revocation or validation endpoint.
    #[error("oauth {error}: {description}")]
    OAuth {
        status: StatusCode,
        error: &'static str,
        description: String,
    },
    #[error("state file: {0}")]
    Io(#[from] std::io::Error),
    #[error("state file: {0}")]
    Json(#[from] serde_json::Error),
    #[error("seed: {0}")]
    Seed(String),
    #[error("configuration: {0}")]
    Config(String),
    /// An order refused by validation: 400 `{"status":"ERROR","errors":[…]}`
    /// (API.md §5), every problem with the `field` it is about.
    #[error("order refused: {0:?}")]
    Rejected(Vec<mobproc::model::OrderError>),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A MOBPROC error whose `errorCode` is `{status}-{code}`, as the docs write them
    /// (`400-Region_id-Account-Id-error`).
    pub fn api(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self::Api {
            status,
            code: format!("{}-{code}", status.as_u16()),
            message: message.into(),
        }
    }

    pub fn bad_request(code: &str, message: impl Into<String>) -> Self {
        Self::api(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unauthorized(code: &str, message: impl Into<String>) -> Self {
        Self::api(StatusCode::UNAUTHORIZED, code, message)
    }

    pub fn forbidden(code: &str, message: impl Into<String>) -> Self {
        Self::api(StatusCode::FORBIDDEN, code, message)
    }

    /// 404 for `what` (e.g. "Device asset") with this id; also used for things that
    /// exist but are not visible to the caller, so their existence does not leak.
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::api(
            StatusCode::NOT_FOUND,
            "Not-Found",
            format!("{what} {id} was not found."),
        )
    }

    pub fn oauth(status: StatusCode, error: &'static str, description: impl Into<String>) -> Self {
        Self::OAuth {
            status,
            error,
            description: description.into(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::Api { status, .. } | Self::OAuth { status, .. } => *status,
            Self::Rejected(_) => StatusCode::BAD_REQUEST,
            Self::Io(_) | Self::Json(_) | Self::Seed(_) | Self::Config(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }
}

/// A short random id per error, as MOBPROC's `"id":"tghwn"`, to find it in the log.
fn error_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..8].to_owned()
}

#[derive(Serialize)]
struct OAuthBody<'a> {
    error: &'a str,
    error_description: &'a str,
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let id = error_id();
        match self {
            Self::Api {
                status,
                code,
                message,
            } => {
                tracing::debug!(%id, %status, %code, %message, "request refused");
                let body = ErrorBody {
                    error_code: Some(code),
                    id: Some(id),
                    message: Some(message),
                    status: status.as_u16(),
                };
                let mut response = (status, Json(body)).into_response();
                if status == StatusCode::UNAUTHORIZED {
                    // RFC 6750 §3: a refused bearer token says how to authenticate.
                    response.headers_mut().insert(
                        header::WWW_AUTHENTICATE,
                        HeaderValue::from_static("Bearer realm=\"MOBPROC\""),
                    );
                }
                response
            }
            Self::OAuth {
                status,
                error,
                description,
            } => {
                tracing::debug!(%status, error, %description, "oauth request refused");
                let body = OAuthBody {
                    error,
                    error_description: &description,
                };
                let mut response = (status, Json(body)).into_response();
                let headers = response.headers_mut();
                // RFC 6749 §5.1: token answers must not be cached, errors included.
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                if status == StatusCode::UNAUTHORIZED {
                    // RFC 6749 §5.2: invalid_client answers name the scheme to use.
                    headers.insert(
                        header::WWW_AUTHENTICATE,
                        HeaderValue::from_static("Basic realm=\"PingFederate\""),
                    );
                }
                response
            }
            Self::Rejected(mut errors) => {
                for error in &mut errors {
                    error.id.get_or_insert_with(error_id);
                }
                tracing::debug!(?errors, "order refused");
                let body = mobproc::model::ConfirmationResponse {
                    order_confirmation: None,
                    status: mobproc::model::ResponseStatus::Error,
                    errors: Some(errors),
                };
                (StatusCode::BAD_REQUEST, Json(body)).into_response()
            }
            internal => {
                tracing::error!(%id, error = %internal, "internal error");
                let status = StatusCode::INTERNAL_SERVER_ERROR;
                let body = ErrorBody {
                    error_code: Some("500-Internal-Error".to_owned()),
                    id: Some(id),
                    message: Some("The sandbox failed to handle this request.".to_owned()),
                    status: status.as_u16(),
                };
                (status, Json(body)).into_response()
            }
        }
    }
}
