//! Fully qualified URLs under the sandbox's own base: `_meta` links and image URLs.
//!
//! The base is `--public-base-url` when set, else `http://` + the request's Host
//! header, so a client reaching the sandbox through any name gets links it can follow.

use axum::extract::FromRequestParts;
use axum::http::header::HOST;
use axum::http::request::Parts;
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use crate::error::Error;
use crate::state::SandboxState;

/// Where the API lives under the base URL.
pub const API_PREFIX: &str = "/mobproc/v1";

/// What must be escaped in one path segment (ids such as `Verizon Wireless`).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    base: String,
}

impl Links {
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    /// `http://host:port`, without a trailing slash.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// An API URL: `{base}/mobproc/v1{path}`; `path` starts with `/` and is already escaped.
    pub fn api(&self, path: &str) -> String {
        format!("{}{API_PREFIX}{path}", self.base)
    }

    /// The detail URL of an item: `{base}/mobproc/v1{collection}/{id}`, the id escaped.
    pub fn item(&self, collection: &str, id: &str) -> String {
        self.api(&format!("{collection}/{}", segment(id)))
    }

    /// A documented asset path (an image) under the sandbox's base, kept verbatim:
    /// `//images/devices/VER/x.jpg` becomes `{base}//images/devices/VER/x.jpg`.
    pub fn asset(&self, documented_path: &str) -> String {
        format!("{}{documented_path}", self.base)
    }
}

/// Escapes one path segment.
pub fn segment(raw: &str) -> String {
    utf8_percent_encode(raw, SEGMENT).to_string()
}

/// Host header values that are safe to echo into URLs; anything else falls back to the
/// address the sandbox is bound to.
fn plausible_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 255
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]_".contains(&b))
}

impl FromRequestParts<SandboxState> for Links {
    type Rejection = Error;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &SandboxState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(base) = &state.config().public_base_url {
            return Ok(Self::new(base));
        }
        let host = parts
            .headers
            .get(HOST)
            .and_then(|h| h.to_str().ok())
            .or_else(|| parts.uri.authority().map(|a| a.as_str()))
            .filter(|h| plausible_host(h));
        Ok(match host {
            Some(host) => Self::new(&format!("http://{host}")),
            None => Self::new(&state.bound_base()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_fully_qualified_urls() {
        let links = Links::new("http://127.0.0.1:4000/");
        assert_eq!(links.api("/ping"), "http://127.0.0.1:4000/mobproc/v1/ping");
        assert_eq!(
            links.item("/manufacturers", "Verizon Wireless"),
            "http://127.0.0.1:4000/mobproc/v1/manufacturers/Verizon%20Wireless"
        );
        assert_eq!(
            links.asset("//images/devices/VER/iphone5_blk_l.jpg"),
            "http://127.0.0.1:4000//images/devices/VER/iphone5_blk_l.jpg"
        );
    }

    #[test]
    fn refuses_odd_hosts() {
        assert!(plausible_host("127.0.0.1:8080"));
        assert!(plausible_host("[::1]:80"));
        assert!(!plausible_host("evil.example/path"));
        assert!(!plausible_host("a b"));
        assert!(!plausible_host(""));
    }
}
