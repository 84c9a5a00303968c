//! The BFF boundary's one error type, and how each case is told to the user.

use app::error::AppError;
use mobproc::client::{ErrorKind, MobprocError};

/// What went wrong behind a page or a form post. Details are logged with the
/// request's id; users see [`AppError`] with only that id.
#[derive(Debug, thiserror::Error)]
pub enum BffError {
    #[error("not signed in, or the session's tokens can no longer be refreshed")]
    SignInRequired,
    #[error("session store: {0}")]
    Session(#[from] tower_sessions::session::Error),
    #[error("MOBPROC: {0}")]
    Mobproc(#[from] MobprocError),
    #[error("request context missing: {0}")]
    Context(&'static str),
    #[error("cannot set up the BFF: {0}")]
    Setup(reqwest::Error),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored cart or checkout no longer reads as JSON.
    #[error("stored data unreadable: {0}")]
    Stored(#[from] serde_json::Error),
    /// An answer meant for the user as it is: a message beside a field, not found, …
    #[error("refused: {0}")]
    User(AppError),
}

impl From<AppError> for BffError {
    fn from(error: AppError) -> Self {
        Self::User(error)
    }
}

impl BffError {
    /// Logs the detail under `request_id` and returns what the user may see.
    pub fn to_app_error(&self, request_id: Option<&str>) -> AppError {
        let reference = request_id.map(str::to_owned);
        match self {
            Self::SignInRequired => AppError::SignInRequired,
            Self::Mobproc(error) => match error.kind() {
                ErrorKind::Unauthorized(_) | ErrorKind::InvalidGrant { .. } => {
                    AppError::SignInRequired
                }
                ErrorKind::Forbidden(_) => AppError::Forbidden,
                ErrorKind::NotFound(_) => AppError::NotFound,
                _ => {
                    tracing::warn!(request_id = request_id.unwrap_or("-"), error = %error, "MOBPROC call failed");
                    match reference.or_else(|| error.correlation_id().map(str::to_owned)) {
                        Some(correlation_id) => AppError::Upstream { correlation_id },
                        None => AppError::Internal {
                            correlation_id: None,
                        },
                    }
                }
            },
            // A session (de)serialization error quotes the session's data, tokens
            // included, so only its kind is logged.
            Self::Session(tower_sessions::session::Error::SerdeJson(error)) => {
                tracing::error!(
                    request_id = request_id.unwrap_or("-"),
                    category = ?error.classify(),
                    "session data unreadable"
                );
                AppError::Internal {
                    correlation_id: reference,
                }
            }
            Self::User(error) => error.clone(),
            Self::Session(_)
            | Self::Context(_)
            | Self::Setup(_)
            | Self::Database(_)
            | Self::Stored(_) => {
                tracing::error!(request_id = request_id.unwrap_or("-"), error = %self, "BFF failure");
                AppError::Internal {
                    correlation_id: reference,
                }
            }
        }
    }
}
