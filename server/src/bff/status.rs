//! The HTTP status of a server function's failure, from the one mapping
//! ([`AppError::status`]). The framework answers every failure with 500, including a
//! request it could not read; pages and plain routes set their status themselves.

use axum::{
    body::{to_bytes, Body},
    extract::Request,
    middleware::Next,
    response::Response,
};
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;

use app::error::AppError;

/// Error bodies are a short JSON message; anything longer is passed on untouched.
const MAX_ERROR_BYTES: usize = 64 * 1024;

/// Gives a server function's error answer the status of its [`AppError`]. Redirects
/// (a plain form post is sent back to its page) are left as they are.
pub async fn of_server_fn_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
        || response.status().is_redirection()
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BYTES).await else {
        tracing::warn!("a server function's error answer could not be read");
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
    }
    Response::from_parts(parts, Body::from(bytes))
}
