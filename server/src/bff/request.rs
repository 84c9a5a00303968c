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
    work(scope).await.map_err(|error| {
        let error = error.to_app_error(&correlation_id);
        answer_with_status(&error);
        error
    })
}

/// A server function called by script (not a plain form post, which leptos_axum
/// answers with a redirect back) answers with the status that fits its error, e.g.
/// 403 for a refused switch, rather than leptos' default 500.
fn answer_with_status(error: &AppError) {
    use http::{header::ACCEPT, StatusCode};
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return;
    };
    let form_post = parts
        .headers
        .get(ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if !parts.uri.path().starts_with("/api/") || form_post {
        return;
    }
    let status = match error {
        AppError::SignInRequired => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Upstream { .. } => StatusCode::BAD_GATEWAY,
        AppError::Internal { .. } | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}
