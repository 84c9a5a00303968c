//! Bounded work for the whole server: a request taking longer than the request
//! timeout, or arriving while the concurrency limit is reached, is answered 503 with a
//! plain page at once instead of queueing forever (ASVS 11.1.4). The layers
//! (tower's load shedding, one global concurrency limit, timeout) are in the router.

use std::time::Duration;

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::Response,
    BoxError,
};

use crate::plain_page;

/// The server-wide limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longer than the longest wait a request has (an order being placed elsewhere,
    /// 45 s) and MOBPROC's own timeout.
    pub request_timeout: Duration,
    /// Requests served at once; more are refused, not queued.
    pub max_concurrent_requests: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            request_timeout: Duration::from_secs(60),
            max_concurrent_requests: 512,
        }
    }
}

/// The answer to a request the limits stopped: 503, a plain page, `Retry-After`.
pub async fn answer(error: BoxError) -> Response {
    let message = if error.is::<tower::timeout::error::Elapsed>() {
        tracing::warn!("request timed out");
        "This took too long and was stopped. Please try again in a moment."
    } else if error.is::<tower::load_shed::error::Overloaded>() {
        tracing::warn!("request refused: the server is at its concurrency limit");
        "The storefront is very busy right now. Please try again in a moment."
    } else {
        tracing::error!(%error, "request failed in the server's layers");
        "Something went wrong on our side. Please try again in a moment."
    };
    let mut response = plain_page::page(
        StatusCode::SERVICE_UNAVAILABLE,
        "Please try again",
        message,
        ("/", "Back to My lines"),
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}
