//! One log line per request, under the request's id and the client's address: every
//! line logged while serving it (each MOBPROC call's line with its own correlation id,
//! every audit line) carries both.

use axum::{
    extract::{Request, State},
    http::HeaderValue,
    middleware::Next,
    response::Response,
};
use tracing::Instrument;
use uuid::Uuid;

use crate::client_address::TrustedProxies;

/// The response header that tells a user (and support) which request failed.
pub const CORRELATION_HEADER: &str = "x-correlation-id";

/// This request's id, the reference a user quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

/// Gives every request a fresh id (never one the client sent, which could be forged
/// or malformed) and its client's address, logs one line when the response is ready,
/// and echoes the id back.
pub async fn correlate(
    State(proxies): State<TrustedProxies>,
    mut request: Request,
    next: Next,
) -> Response {
    let id = Uuid::new_v4().to_string();
    let address = proxies.client_of_request(&request);
    request.extensions_mut().insert(RequestId(id.clone()));
    request.extensions_mut().insert(address);
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let span = tracing::info_span!("request", request_id = %id, address = %address);
    let started = std::time::Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    span.in_scope(|| {
        tracing::info!(
            %method,
            path,
            status = response.status().as_u16(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "request"
        );
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(CORRELATION_HEADER, value);
    }
    response
}
