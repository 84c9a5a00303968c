//! Product images from the same origin as the pages: MOBPROC's image URLs point at
//! hosts a browser may not reach (the embedded sandbox listens on loopback), so the
//! BFF fetches them itself, only from MOBPROC's own origin.
//!
//! A proxied address carries only the image's path on MOBPROC's host: carts and
//! confirmations kept in the database stay valid when MOBPROC's address changes
//! (the embedded sandbox gets a new port at every start), and the proxy can only
//! ever reach MOBPROC. Only image paths are fetched, by the pattern of every image URL
//! MOBPROC's catalog and orders give (`[/<one segment>]/images/…/<name>.<jpg|jpeg|png|gif|svg|webp>`,
//! e.g. `//images/devices/VER/iphone5_blk_l.jpg`, `/manage/images/devices/x.jpg`):
//! never the API, the OAuth server or anything else on that host. The answer may only
//! be an image, and is served so that even an SVG cannot run script here.

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
/// What an image path may end with.
const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "svg", "webp"];
/// Segments that are never an image's first: MOBPROC's API, its OAuth server and
/// identity provider, the sandbox's controls.
const NOT_IMAGES: &[&str] = &["mobproc", "as", "idp", "_sandbox"];
/// An image, and never a document: no script, no plugins, no framing.
const IMAGE_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/// Whether `path` (a path, with its query if any) follows the pattern of MOBPROC's
/// image URLs.
fn is_image_path(path: &str) -> bool {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let lower = path.to_ascii_lowercase();
    // An encoded slash, backslash or dot could hide another path.
    if ["%2f", "%5c", "%2e", "\\"]
        .iter()
        .any(|hidden| lower.contains(hidden))
        || !query
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "=&_.-".contains(c))
    {
        return false;
    }
    let Ok(decoded) = percent_encoding::percent_decode_str(path).decode_utf8() else {
        return false;
    };
    if decoded.chars().any(char::is_control) {
        return false;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    let Some(images_at) = segments.iter().position(|s| *s == "images") else {
        return false;
    };
    let first_ok = match images_at {
        0 => true,
        1 => !NOT_IMAGES.contains(&segments[0]),
        _ => false,
    };
    let named = segments
        .last()
        .and_then(|name| name.rsplit_once('.'))
        .is_some_and(|(stem, extension)| {
            !stem.is_empty() && IMAGE_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
        });
    first_ok
        && named
        && segments.len() > images_at + 1
        && segments.iter().all(|s| *s != "." && *s != "..")
}

/// The same-origin URL that serves `upstream_url`, an image on MOBPROC's host.
pub fn proxied(upstream_url: &str) -> String {
    let path = match Url::parse(upstream_url) {
        Ok(url) => match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        },
        Err(_) => upstream_url.to_owned(),
    };
    format!("/media?src={}", app::links::encode(&path))
}

/// Fetches images for the proxy, from MOBPROC's origin only.
#[derive(Clone)]
pub struct MediaFetcher {
    http: reqwest::Client,
    origin: Url,
}

impl MediaFetcher {
    pub fn new(upstream: &Url) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(3))
            .timeout(Duration::from_secs(10))
            .build()?;
        let mut origin = upstream.clone();
        origin.set_path("/");
        origin.set_query(None);
        origin.set_fragment(None);
        Ok(Self { http, origin })
    }

    /// The image at `path` (a path, with its query if any) on MOBPROC's origin.
    fn locate(&self, path: &str) -> Option<Url> {
        if !path.starts_with('/') || !is_image_path(path) {
            return None;
        }
        let (path, query) = match path.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (path, None),
        };
        let mut url = self.origin.clone();
        // `set_path` keeps a leading `//` as part of the path instead of reading a host.
        url.set_path(path);
        url.set_query(query);
        Some(url)
    }
}

#[derive(Deserialize)]
pub struct MediaQuery {
    src: String,
}

/// `GET /media?src=<path of an image on MOBPROC's host>`.
pub async fn serve(State(bff): State<Bff>, Query(query): Query<MediaQuery>) -> Response {
    let fetcher = bff.media();
    let Some(url) = fetcher.locate(&query.src) else {
        tracing::warn!("media refused: not an image path");
        return StatusCode::BAD_REQUEST.into_response();
    };
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
                (
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(IMAGE_CSP),
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
    fn proxied_urls_are_local_encoded_and_carry_no_host() {
        assert_eq!(
            proxied("http://127.0.0.1:9/images/a b.gif"),
            "/media?src=%2Fimages%2Fa%2520b.gif"
        );
        assert_eq!(
            proxied("https://m.test//images/a.jpg?size=m"),
            "/media?src=%2F%2Fimages%2Fa.jpg%3Fsize%3Dm"
        );
    }

    fn fetcher() -> MediaFetcher {
        MediaFetcher::new(&Url::parse("http://127.0.0.1:9/mobproc/v1?x=1").unwrap()).unwrap()
    }

    #[test]
    fn paths_are_fetched_from_the_upstream_origin_only() {
        let fetcher = fetcher();
        let at = |path: &str| fetcher.locate(path).map(|u| u.to_string());
        assert_eq!(
            at("//images/x.jpg").as_deref(),
            Some("http://127.0.0.1:9//images/x.jpg")
        );
        assert_eq!(
            at("/images/x.jpg?size=m").as_deref(),
            Some("http://127.0.0.1:9/images/x.jpg?size=m")
        );
        // A full URL, or anything else that is not a path, names no image.
        assert_eq!(at("http://169.254.169.254/latest"), None);
        assert_eq!(at("images/x.jpg"), None);
    }

    #[test]
    fn only_paths_of_images_are_fetched() {
        for image in [
            "//images/devices/VER/iphone5_blk_l.jpg",
            "/images/carrier/logo_VER.gif",
            "/manage/images/devices/sam_gal_s4.jpg",
            "//images/manufacturers/Verizon%20Wireless.gif",
            "/images/x.PNG?size=m",
        ] {
            assert!(is_image_path(image), "{image}");
        }
        for other in [
            "/mobproc/v1/me",
            "/mobproc/v1/images/x.jpg",
            "/_sandbox/calls",
            "/_sandbox/images/x.jpg",
            "/as/token.oauth2",
            "/images/../mobproc/v1/me.jpg",
            "/images/%2e%2e/mobproc/v1/me.jpg",
            "/images/x%2Fy.jpg",
            "/images/x.jpg.html",
            "/images/",
            "/images/.jpg",
            "/a/b/images/x.jpg",
            "/images/x.jpg?<script>",
        ] {
            assert!(!is_image_path(other), "{other}");
        }
    }

    #[test]
    fn an_image_moved_with_mobproc_is_found_at_its_new_address() {
        let src = Url::parse("http://storefront.test")
            .unwrap()
            .join(&proxied("http://127.0.0.1:10//images/x.jpg"))
            .unwrap();
        let (_, path) = src.query_pairs().find(|(name, _)| name == "src").unwrap();
        assert_eq!(
            fetcher().locate(&path).map(|u| u.to_string()).as_deref(),
            Some("http://127.0.0.1:9//images/x.jpg")
        );
    }
}
