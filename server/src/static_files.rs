//! The built assets (`/pkg/*`) and the files of the site root (the favicon), served
//! ahead of the session, the sign-in guard and the BFF: they are the same for everyone,
//! so a request for one never reads a session, whatever cookie it carries.
//!
//! cargo-leptos names every file under `/pkg` by its content (`hash-files`), so those
//! are cached for a year without asking again. Brotli and gzip copies are made at build
//! time (`scripts/precompress.sh`, after `cargo leptos build --release`) and sent to
//! browsers that accept them; nothing here is compressed per request.

use std::{path::Path, sync::OnceLock};

use axum::{
    http::{header, HeaderValue, Response},
    Router,
};
use leptos::prelude::LeptosOptions;
use tower::ServiceBuilder;
use tower_http::{
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
};

/// For `/pkg/*`: a changed file gets a new name, so a copy never goes stale.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For the site root's files, whose names stay: a day, then asked again.
const A_DAY: &str = "public, max-age=86400";

/// The stylesheet's path, for pages made outside Leptos; set by [`router`].
static STYLESHEET: OnceLock<String> = OnceLock::new();

/// Routes for `/pkg/*` under the site root and for each file directly in it, as found
/// now (the build puts them there before the server starts).
pub fn router<S: Clone + Send + Sync + 'static>(options: &LeptosOptions) -> Router<S> {
    let site_root = Path::new(&*options.site_root);
    let pkg_dir = &*options.site_pkg_dir;
    STYLESHEET.get_or_init(|| format!("/{pkg_dir}/{}", stylesheet_name(options)));
    let pkg = ServiceBuilder::new()
        .layer(cache_control(IMMUTABLE))
        .layer(vary())
        .service(
            ServeDir::new(site_root.join(pkg_dir))
                .precompressed_br()
                .precompressed_gzip(),
        );
    let mut router = Router::new().nest_service(&format!("/{pkg_dir}"), pkg);
    for name in root_files(site_root) {
        let file = ServiceBuilder::new()
            .layer(cache_control(A_DAY))
            .layer(vary())
            .service(
                ServeFile::new(site_root.join(&name))
                    .precompressed_br()
                    .precompressed_gzip(),
            );
        router = router.route_service(&format!("/{name}"), file);
    }
    router
}

/// The site's stylesheet as pages link it, e.g. `/pkg/storefront.<hash>.css`.
pub fn stylesheet() -> &'static str {
    STYLESHEET
        .get()
        .map_or("/pkg/storefront.css", String::as_str)
}

/// The stylesheet's file name, with the hash cargo-leptos wrote beside the server
/// binary when it hashed the names (read as Leptos' own `HashedStylesheet` does).
fn stylesheet_name(options: &LeptosOptions) -> String {
    let hash = options
        .hash_files
        .then(|| {
            let exe = std::env::current_exe().ok()?;
            std::fs::read_to_string(exe.parent()?.join(&*options.hash_file)).ok()
        })
        .flatten()
        .and_then(|hashes| {
            hashes.lines().find_map(|line| {
                let (file, hash) = line.split_once(':')?;
                (file.trim() == "css").then(|| hash.trim().to_owned())
            })
        });
    match hash {
        Some(hash) => format!("{}.{hash}.css", options.output_name),
        None => format!("{}.css", options.output_name),
    }
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

/// The names of the files directly in `site_root`, without their compressed copies;
/// only plain names, which are routes as they are.
fn root_files(site_root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(site_root) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| {
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        })
        .filter(|name| !name.ends_with(".br") && !name.ends_with(".gz"))
        .collect()
}

#[cfg(test)]
mod tests {
    use axum::{body::Body, http::Request};
    use tower::ServiceExt;

    use super::*;

    #[tokio::test]
    async fn a_site_root_file_is_served_for_a_day_and_compressed_copies_are_not_routes() {
        let site = tempfile::tempdir().unwrap();
        std::fs::write(site.path().join("favicon.svg"), "<svg/>").unwrap();
        std::fs::write(site.path().join("favicon.svg.br"), "br").unwrap();
        let options = LeptosOptions::builder()
            .output_name("storefront")
            .site_root(site.path().to_string_lossy().to_string())
            .build();
        let get = |path: &str| {
            Request::get(path)
                .header(header::ACCEPT_ENCODING, "br")
                .body(Body::empty())
                .unwrap()
        };

        let favicon = router::<()>(&options)
            .oneshot(get("/favicon.svg"))
            .await
            .unwrap();
        assert!(favicon.status().is_success());
        assert_eq!(favicon.headers()[header::CACHE_CONTROL], A_DAY);
        assert_eq!(favicon.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(favicon.headers()[header::CONTENT_TYPE], "image/svg+xml");

        let copy = router::<()>(&options)
            .oneshot(get("/favicon.svg.br"))
            .await
            .unwrap();
        assert_eq!(copy.status(), axum::http::StatusCode::NOT_FOUND);
    }
}
