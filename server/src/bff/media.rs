//! Product images from the same origin as the pages: MOBPROC's image URLs point at
//! hosts a browser may not reach (the embedded sandbox listens on loopback), so the
//! BFF fetches them itself, only from MOBPROC's own origin.

use std::time::Duration;

use axum::{
    body::Body,
    extract::{Query, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use url::Url;

use super::Bff;

/// Larger bodies are not product images.
const MAX_IMAGE_BYTES: usize = 2 * 1024 * 1024;

/// The same-origin URL that serves `upstream_url`.
pub fn proxied(upstream_url: &str) -> String {
    format!("/media?src={}", urlencoding::encode(upstream_url))
}

/// Fetches images for the proxy, from allowed origins only.
#[derive(Clone)]
pub struct MediaFetcher {
    http: reqwest::Client,
    allowed_origin: url::Origin,
}

impl MediaFetcher {
    pub fn new(upstream: &Url) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(3))
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self {
            http,
            allowed_origin: upstream.origin(),
        })
    }

    fn allows(&self, url: &Url) -> bool {
        url.origin() == self.allowed_origin
    }
}

#[derive(Deserialize)]
pub struct MediaQuery {
    src: String,
}

/// `GET /media?src=<MOBPROC image URL>`.
pub async fn serve(State(bff): State<Bff>, Query(query): Query<MediaQuery>) -> Response {
    let fetcher = bff.media();
    let Ok(url) = Url::parse(&query.src) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if !fetcher.allows(&url) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let upstream = match fetcher.http.get(url).send().await {
        Ok(response) if response.status().is_success() => response,
        Ok(response) => {
            tracing::warn!(
                status = response.status().as_u16(),
                "image not available upstream"
            );
            return StatusCode::NOT_FOUND.into_response();
        }
        Err(error) => {
            tracing::warn!(%error, "image fetch failed");
            return StatusCode::BAD_GATEWAY.into_response();
        }
    };
    let content_type = upstream
        .headers()
        .get(header::CONTENT_TYPE)
        .filter(|v| v.as_bytes().starts_with(b"image/"))
        .cloned();
    let Some(content_type) = content_type else {
        return StatusCode::BAD_GATEWAY.into_response();
    };
    if upstream
        .content_length()
        .is_some_and(|n| n as usize > MAX_IMAGE_BYTES)
    {
        return StatusCode::BAD_GATEWAY.into_response();
    }
    match upstream.bytes().await {
        Ok(bytes) if bytes.len() <= MAX_IMAGE_BYTES => (
            [
                (header::CONTENT_TYPE, content_type),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=86400"),
                ),
            ],
            Body::from(bytes),
        )
            .into_response(),
        _ => StatusCode::BAD_GATEWAY.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxied_urls_are_local_and_encoded() {
        assert_eq!(
            proxied("http://127.0.0.1:9/images/a b.gif"),
            "/media?src=http%3A%2F%2F127.0.0.1%3A9%2Fimages%2Fa%20b.gif"
        );
    }

    #[test]
    fn only_the_upstream_origin_is_fetched() {
        let fetcher =
            MediaFetcher::new(&Url::parse("http://127.0.0.1:9/mobproc/v1").unwrap()).unwrap();
        assert!(fetcher.allows(&Url::parse("http://127.0.0.1:9//images/x.jpg").unwrap()));
        assert!(!fetcher.allows(&Url::parse("http://127.0.0.1:10/images/x.jpg").unwrap()));
        assert!(!fetcher.allows(&Url::parse("http://169.254.169.254/latest").unwrap()));
    }
}
