//! The built assets (`/pkg/*`) and the files of the site root (the favicon), served
//! ahead of the session, the sign-in guard and the BFF: they are the same for everyone,
//! so a request for one never reads a session, whatever cookie it carries.
//!
//! cargo-leptos names every file under `/pkg` by its content (`hash-files`), so those
//! are cached for a year without asking again. Brotli and gzip copies are made at build
//! time (`scripts/precompress.sh`, after `cargo leptos build --release`) and sent to
//! browsers that accept them; nothing here is compressed per request.
//!
//! The files the build left before the server started are read into memory once, with
//! their copies: answering from disk cost a trip through tokio's blocking pool per
//! request, which was most of a static request's time. Crates that serve from memory
//! embed the files at compile time, before cargo-leptos has built or hashed them, so
//! the table is read here at start. A file that appears later (cargo-leptos rebuilding
//! the WASM under `watch`) is served from disk as before.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    sync::Arc,
};

use axum::{
    body::{Body, Bytes},
    http::{header, HeaderMap, HeaderValue, Response, StatusCode},
    routing::get,
    Router,
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use leptos::prelude::LeptosOptions;
use sha2::{Digest, Sha256};
use tower::ServiceBuilder;
use tower_http::{
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
};

/// For `/pkg/*`: a changed file gets a new name, so a copy never goes stale.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For the site root's files, whose names stay: a day, then asked again.
const A_DAY: &str = "public, max-age=86400";
/// Larger files stay on disk, so a stray big file in the site cannot take the memory.
const IN_MEMORY_LIMIT: u64 = 4 * 1024 * 1024;

/// Routes for `/pkg/*` under the site root and for each file directly in it, as found
/// now (the build puts them there before the server starts).
pub fn router<S: Clone + Send + Sync + 'static>(options: &LeptosOptions) -> Router<S> {
    let site_root = Path::new(&*options.site_root);
    let pkg_dir = &*options.site_pkg_dir;
    // Read now, for pages made outside Leptos too.
    app::components::stylesheet::href(options);
    let on_disk = ServiceBuilder::new()
        .layer(cache_control(IMMUTABLE))
        .layer(vary())
        .service(
            ServeDir::new(site_root.join(pkg_dir))
                .precompressed_br()
                .precompressed_gzip(),
        );
    let mut router = Router::new().nest_service(&format!("/{pkg_dir}"), on_disk);
    let pkg = files_under(&site_root.join(pkg_dir), true)
        .into_iter()
        .map(|(route, path)| (format!("/{pkg_dir}/{route}"), path, IMMUTABLE));
    let root = files_under(site_root, false)
        .into_iter()
        .map(|(route, path)| (format!("/{route}"), path, A_DAY));
    for (route, path, cache) in pkg.chain(root) {
        router = match Asset::read(&path, cache) {
            Some(asset) => {
                let asset = Arc::new(asset);
                router.route(
                    &route,
                    get(move |headers: HeaderMap| async move { asset.answer(&headers) }),
                )
            }
            None => router.route_service(
                &route,
                ServiceBuilder::new()
                    .layer(cache_control(cache))
                    .layer(vary())
                    .service(
                        ServeFile::new(&path)
                            .precompressed_br()
                            .precompressed_gzip(),
                    ),
            ),
        };
    }
    router
}

/// One file of the site as read at start, with the copies the build compressed.
#[derive(Debug)]
struct Asset {
    content_type: HeaderValue,
    cache_control: HeaderValue,
    plain: Variant,
    brotli: Option<Variant>,
    gzip: Option<Variant>,
}

/// The bytes of one encoding and their entity tag.
#[derive(Debug)]
struct Variant {
    bytes: Bytes,
    etag: HeaderValue,
}

impl Variant {
    fn read(path: &Path) -> Option<Self> {
        let bytes = Bytes::from(std::fs::read(path).ok()?);
        let digest = Sha256::digest(&bytes);
        let etag =
            HeaderValue::try_from(format!("\"{}\"", URL_SAFE_NO_PAD.encode(&digest[..16]))).ok()?;
        Some(Self { bytes, etag })
    }
}

impl Asset {
    /// `None` when the file is too large to keep or cannot be read now.
    fn read(path: &Path, cache_control: &'static str) -> Option<Self> {
        if std::fs::metadata(path).ok()?.len() > IN_MEMORY_LIMIT {
            return None;
        }
        let copy = |extension: &str| {
            let mut name = path.as_os_str().to_owned();
            name.push(extension);
            Variant::read(Path::new(&name))
        };
        let content_type = mime_guess::from_path(path).first_or_octet_stream();
        Some(Self {
            content_type: HeaderValue::try_from(content_type.essence_str()).ok()?,
            cache_control: HeaderValue::from_static(cache_control),
            plain: Variant::read(path)?,
            brotli: copy(".br"),
            gzip: copy(".gz"),
        })
    }

    fn answer(&self, request: &HeaderMap) -> Response<Body> {
        let (variant, encoding) = match preferred_encoding(request) {
            Encoding::Brotli if self.brotli.is_some() => (self.brotli.as_ref(), Some("br")),
            Encoding::Brotli | Encoding::Gzip if self.gzip.is_some() => {
                (self.gzip.as_ref(), Some("gzip"))
            }
            _ => (None, None),
        };
        let variant = variant.unwrap_or(&self.plain);
        let mut response = Response::builder()
            .header(header::CACHE_CONTROL, self.cache_control.clone())
            .header(header::VARY, HeaderValue::from_static("accept-encoding"))
            .header(header::ETAG, variant.etag.clone());
        if already_has(request, &variant.etag) {
            return response
                .status(StatusCode::NOT_MODIFIED)
                .body(Body::empty())
                .unwrap_or_default();
        }
        response = response.header(header::CONTENT_TYPE, self.content_type.clone());
        if let Some(encoding) = encoding {
            response = response.header(header::CONTENT_ENCODING, encoding);
        }
        response
            .body(Body::from(variant.bytes.clone()))
            .unwrap_or_default()
    }
}

/// The encodings a copy exists for, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// The best encoding `Accept-Encoding` takes: the highest weight, brotli on a tie;
/// `*` stands for what is not named, and a weight of 0 refuses.
fn preferred_encoding(request: &HeaderMap) -> Encoding {
    let (mut brotli, mut gzip, mut any) = (None, None, None);
    let offers = request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','));
    for offer in offers {
        let mut parts = offer.split(';').map(str::trim);
        let coding = parts.next().unwrap_or_default();
        let weight = parts
            .find_map(|p| p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")))
            .map_or(Some(1.0), |q| {
                q.parse::<f32>().ok().filter(|q| (0.0..=1.0).contains(q))
            });
        let Some(weight) = weight else { continue };
        let named = |name: &str| coding.eq_ignore_ascii_case(name);
        if named("br") {
            brotli = Some(weight);
        } else if named("gzip") || named("x-gzip") {
            gzip = Some(weight);
        } else if coding == "*" {
            any = Some(weight);
        }
    }
    let brotli = brotli.or(any).unwrap_or(0.0);
    let gzip = gzip.or(any).unwrap_or(0.0);
    if brotli > 0.0 && brotli >= gzip {
        Encoding::Brotli
    } else if gzip > 0.0 {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// `If-None-Match` names this copy (or any): the browser's is current.
fn already_has(request: &HeaderMap, etag: &HeaderValue) -> bool {
    let etag = etag.as_bytes();
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|tag| tag.trim())
        .any(|tag| tag == "*" || tag.trim_start_matches("W/").as_bytes() == etag)
}

/// `Cache-Control: value` on successful answers only: a missing file is not cached.
fn cache_control<B>(
    value: &'static str,
) -> SetResponseHeaderLayer<impl FnMut(&Response<B>) -> Option<HeaderValue> + Clone> {
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, move |response: &Response<B>| {
        response
            .status()
            .is_success()
            .then(|| HeaderValue::from_static(value))
    })
}

/// The answer depends on `Accept-Encoding` (brotli, gzip or plain): shared caches must
/// keep them apart.
fn vary() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::appending(header::VARY, HeaderValue::from_static("accept-encoding"))
}

/// The files in `dir` (and its folders when `nested`) as route paths relative to it,
/// without the compressed copies; only plain names, which are routes as they are.
fn files_under(dir: &Path, nested: bool) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files = BTreeMap::new();
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let plain = name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
        if !plain || name.starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(kind) if kind.is_file() && !name.ends_with(".br") && !name.ends_with(".gz") => {
                files.insert(name, entry.path());
            }
            Ok(kind) if kind.is_dir() && nested => {
                for (route, path) in files_under(&entry.path(), true) {
                    files.insert(format!("{name}/{route}"), path);
                }
            }
            _ => {}
        }
    }
    files.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use axum::{body::Body, http::Request};
    use tower::ServiceExt;

    use super::*;

    fn options_for(site: &Path) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("storefront")
            .site_root(site.to_string_lossy().to_string())
            .build()
    }

    fn get(path: &str, headers: &[(header::HeaderName, &str)]) -> Request<Body> {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(name, *value);
        }
        request.body(Body::empty()).unwrap()
    }

    #[tokio::test]
    async fn a_site_root_file_is_served_for_a_day_and_compressed_copies_are_not_routes() {
        let site = tempfile::tempdir().unwrap();
        std::fs::write(site.path().join("favicon.svg"), "<svg/>").unwrap();
        std::fs::write(site.path().join("favicon.svg.br"), "br").unwrap();
        let options = options_for(site.path());
        let brotli = [(header::ACCEPT_ENCODING, "br")];

        let favicon = router::<()>(&options)
            .oneshot(get("/favicon.svg", &brotli))
            .await
            .unwrap();
        assert!(favicon.status().is_success());
        assert_eq!(favicon.headers()[header::CACHE_CONTROL], A_DAY);
        assert_eq!(favicon.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(favicon.headers()[header::CONTENT_TYPE], "image/svg+xml");

        let copy = router::<()>(&options)
            .oneshot(get("/favicon.svg.br", &brotli))
            .await
            .unwrap();
        assert_eq!(copy.status(), axum::http::StatusCode::NOT_FOUND);
    }

    fn accepting(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(
                header::ACCEPT_ENCODING,
                HeaderValue::from_str(value).unwrap(),
            );
        }
        headers
    }

    #[test]
    fn the_encoding_is_the_one_weighted_highest_with_brotli_on_a_tie() {
        let cases = [
            (&["gzip, deflate, br, zstd"][..], Encoding::Brotli),
            (&["gzip"], Encoding::Gzip),
            (&["br;q=0.5, gzip"], Encoding::Gzip),
            (&["br;q=0, gzip;q=0"], Encoding::Identity),
            (&["*"], Encoding::Brotli),
            (&["*;q=0.1, gzip;q=0.2"], Encoding::Gzip),
            (&["identity"], Encoding::Identity),
            (&[], Encoding::Identity),
            (&["gzip", "br"], Encoding::Brotli),
            (&["br;q=2, gzip;q=nonsense"], Encoding::Identity),
            (&[" BR ; Q=0.9 , x-gzip;q=0.8"], Encoding::Brotli),
        ];
        for (values, expected) in cases {
            assert_eq!(
                preferred_encoding(&accepting(values)),
                expected,
                "Accept-Encoding: {values:?}"
            );
        }
    }

    #[tokio::test]
    async fn an_asset_in_memory_answers_a_current_copy_with_not_modified() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("pkg")).unwrap();
        std::fs::write(site.path().join("pkg/app.abc.js"), "plain").unwrap();
        std::fs::write(site.path().join("pkg/app.abc.js.gz"), "gzip").unwrap();
        let app = router::<()>(&options_for(site.path()));
        let js = "/pkg/app.abc.js";
        let gzip = app
            .clone()
            .oneshot(get(js, &[(header::ACCEPT_ENCODING, "br, gzip")]))
            .await
            .unwrap();
        assert_eq!(gzip.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(gzip.headers()[header::CONTENT_TYPE], "text/javascript");
        let etag = gzip.headers()[header::ETAG].to_str().unwrap().to_owned();

        let again = app
            .clone()
            .oneshot(get(
                js,
                &[
                    (header::ACCEPT_ENCODING, "gzip"),
                    (header::IF_NONE_MATCH, &etag),
                ],
            ))
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(again.headers()[header::CACHE_CONTROL], IMMUTABLE);

        let plain = app
            .oneshot(get(js, &[(header::IF_NONE_MATCH, &etag)]))
            .await
            .unwrap();
        assert_eq!(
            plain.status(),
            StatusCode::OK,
            "the plain copy has its own tag"
        );
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    }
}
