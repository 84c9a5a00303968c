//! One log line per request, tied to a correlation id that is also sent to MOBPROC.

use axum::{extract::Request, http::HeaderValue, middleware::Next, response::Response};
use tracing::Instrument;
use uuid::Uuid;

/// The response header that tells a user (and support) which request failed.
pub const CORRELATION_HEADER: &str = "x-correlation-id";

/// This request's correlation id; the BFF sends it as `X-TNGO-CONTEXT-CORRELATIONID`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrelationId(pub String);

/// Gives every request a fresh id (never one the client sent, which could be forged
/// or malformed), logs one line when the response is ready, and echoes the id back.
pub async fn correlate(mut request: Request, next: Next) -> Response {
    let id = Uuid::new_v4().to_string();
    request.extensions_mut().insert(CorrelationId(id.clone()));
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let span = tracing::info_span!("request", correlation_id = %id);
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
