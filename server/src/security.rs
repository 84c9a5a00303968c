//! Request-level protections: same-origin for every state-changing request, and the
//! response headers every answer carries, HSTS over https among them. (What a
//! signed-in person gets is marked `no-store` by `bff::guard`.)

use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use url::Url;

/// How the origin of this site is known: configured, or taken from `Host`.
#[derive(Debug, Clone)]
pub struct OriginPolicy {
    pub public_origin: Option<Url>,
    pub https: bool,
}

impl OriginPolicy {
    fn expected_origin(&self, headers: &HeaderMap) -> Option<String> {
        if let Some(origin) = &self.public_origin {
            return Some(origin.origin().ascii_serialization());
        }
        let host = headers.get(header::HOST)?.to_str().ok()?;
        let scheme = if self.https { "https" } else { "http" };
        Some(format!("{scheme}://{host}"))
    }

    /// `Origin` must match this site; without it, `Sec-Fetch-Site` must say
    /// `same-origin`. A request with neither cannot prove where it came from.
    pub fn is_same_origin(&self, headers: &HeaderMap) -> bool {
        if let Some(origin) = headers.get(header::ORIGIN) {
            return match (origin.to_str(), self.expected_origin(headers)) {
                (Ok(origin), Some(expected)) => origin.eq_ignore_ascii_case(&expected),
                _ => false,
            };
        }
        headers
            .get("sec-fetch-site")
            .is_some_and(|site| site.as_bytes() == b"same-origin")
    }
}

/// Refuses cross-origin (or origin-less) requests that could change state, on top
/// of the SameSite=Lax session cookie.
pub async fn require_same_origin(
    State(policy): State<OriginPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || policy.is_same_origin(request.headers()) {
        return next.run(request).await;
    }
    tracing::warn!(method = %request.method(), path = request.uri().path(), "cross-origin request refused");
    (
        StatusCode::FORBIDDEN,
        "This request did not come from this site.",
    )
        .into_response()
}

/// A year: browsers keep to https for this site.
const HSTS: &str = "max-age=31536000";

/// Headers for every response; the page CSP (with its script nonce) is set by the
/// app shell, so only the parts that do not depend on the page live here.
pub async fn security_headers(
    State(policy): State<OriginPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if policy.https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(
            "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
        ));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    fn from_host() -> OriginPolicy {
        OriginPolicy {
            public_origin: None,
            https: false,
        }
    }

    #[test]
    fn the_origin_must_match_the_host() {
        let policy = from_host();
        assert!(policy.is_same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000")
        ])));
        assert!(!policy.is_same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://evil.example")
        ])));
        assert!(!policy.is_same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "https://127.0.0.1:3000")
        ])));
        assert!(!policy.is_same_origin(&headers(&[("host", "127.0.0.1:3000"), ("origin", "null")])));
    }

    #[test]
    fn without_origin_sec_fetch_site_decides() {
        let policy = from_host();
        assert!(policy.is_same_origin(&headers(&[
            ("host", "h"),
            ("sec-fetch-site", "same-origin")
        ])));
        assert!(
            !policy.is_same_origin(&headers(&[("host", "h"), ("sec-fetch-site", "cross-site")]))
        );
        assert!(!policy.is_same_origin(&headers(&[("host", "h"), ("sec-fetch-site", "same-site")])));
        assert!(!policy.is_same_origin(&headers(&[("host", "h")])));
    }

    #[test]
    fn a_configured_origin_wins_over_host() {
        let policy = OriginPolicy {
            public_origin: Some(Url::parse("https://shop.example.com").unwrap()),
            https: true,
        };
        assert!(policy.is_same_origin(&headers(&[
            ("host", "internal:8080"),
            ("origin", "https://shop.example.com")
        ])));
        assert!(!policy.is_same_origin(&headers(&[
            ("host", "internal:8080"),
            ("origin", "http://internal:8080")
        ])));
    }
}
