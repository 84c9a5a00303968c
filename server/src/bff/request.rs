//! The request a server function runs in, as the BFF needs it: its session and its id.

use app::error::AppError;
use tower_sessions::Session;

use super::error::BffError;
use crate::observability::RequestId;

/// The session and id of the request being served. The id is what a user quotes and
/// what every log line of the request carries.
#[derive(Clone)]
pub struct Request {
    pub session: Session,
    pub id: String,
}

impl Request {
    /// The request a server function or page is rendered for.
    pub fn current() -> Result<Self, BffError> {
        let parts = leptos::prelude::use_context::<http::request::Parts>()
            .ok_or(BffError::Context("not inside a request"))?;
        let id = parts
            .extensions
            .get::<RequestId>()
            .map(|id| id.0.clone())
            .ok_or(BffError::Context("the request has no id"))?;
        let session = parts
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or(BffError::Context("no session in this request"))?;
        Ok(Self { session, id })
    }

    /// What the user sees of `result`; a failure is logged under this request's id.
    pub fn answer<T>(&self, result: Result<T, BffError>) -> Result<T, AppError> {
        result.map_err(|error| error.to_app_error(Some(&self.id)))
    }
}
