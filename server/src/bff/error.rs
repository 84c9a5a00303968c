//! The BFF boundary's one error type, and how each case is told to the user.

use app::error::AppError;
use mobproc::client::{ErrorKind, MobprocError};

/// What went wrong behind a page or a form post. Details are logged with the
/// request's correlation id; users see [`AppError`] with only that id.
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
    Database(#[from] tower_sessions_sqlx_store::sqlx::Error),
    /// A stored cart or checkout no longer reads as JSON.
    #[error("stored data unreadable: {0}")]
    Stored(#[from] serde_json::Error),
    /// An answer meant for the user as it is: a message beside a field, not found, …
    #[error("refused: {0}")]
    User(AppError),
}

impl BffError {
    /// Logs the detail under `correlation_id` and returns what the user may see.
    pub fn to_app_error(&self, correlation_id: &str) -> AppError {
        let correlation_id = correlation_id.to_owned();
        match self {
            Self::SignInRequired => AppError::SignInRequired,
            Self::Mobproc(error) => match error.kind() {
                ErrorKind::Unauthorized(_) | ErrorKind::InvalidGrant { .. } => {
                    AppError::SignInRequired
                }
                ErrorKind::Forbidden(_) => AppError::Forbidden,
                ErrorKind::NotFound(_) => AppError::NotFound,
                _ => {
                    tracing::warn!(%correlation_id, error = %error, "MOBPROC call failed");
                    AppError::Upstream { correlation_id }
                }
            },
            // A session (de)serialization error quotes the session's data, tokens
            // included, so only its kind is logged.
            Self::Session(tower_sessions::session::Error::SerdeJson(error)) => {
                tracing::error!(%correlation_id, category = ?error.classify(), "session data unreadable");
                AppError::Internal { correlation_id }
            }
            Self::User(error) => error.clone(),
            Self::Session(_)
            | Self::Context(_)
            | Self::Setup(_)
            | Self::Database(_)
            | Self::Stored(_) => {
                tracing::error!(%correlation_id, error = %self, "BFF failure");
                AppError::Internal { correlation_id }
            }
        }
    }
}
