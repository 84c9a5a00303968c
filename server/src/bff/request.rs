//! What the BFF needs from the request a server function runs in.

use std::future::Future;

use app::error::AppError;
use tower_sessions::Session;

use super::error::BffError;
use crate::observability::CorrelationId;

/// The session and correlation id of the current request.
pub struct RequestScope {
    pub session: Session,
    pub correlation_id: String,
}

impl RequestScope {
    fn current() -> Result<Self, AppError> {
        let parts = leptos::prelude::use_context::<http::request::Parts>();
        let correlation_id = parts
            .as_ref()
            .and_then(|p| p.extensions.get::<CorrelationId>())
            .map(|c| c.0.clone())
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let session = parts
            .as_ref()
            .and_then(|p| p.extensions.get::<Session>().cloned())
            .ok_or_else(|| {
                BffError::Context("no session in this request").to_app_error(&correlation_id)
            })?;
        Ok(Self {
            session,
            correlation_id,
        })
    }
}

/// Runs `work` with this request's scope and turns its error into what the user sees.
pub async fn in_request<T, F, Fut>(work: F) -> Result<T, AppError>
where
    F: FnOnce(RequestScope) -> Fut,
    Fut: Future<Output = Result<T, BffError>>,
{
    let scope = RequestScope::current()?;
    let correlation_id = scope.correlation_id.clone();
    work(scope)
        .await
        .map_err(|error| error.to_app_error(&correlation_id))
}
