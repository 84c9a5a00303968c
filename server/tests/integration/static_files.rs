//! Built assets at static speed: served before the session, with a year's cache for
//! their content-hashed names, and as the brotli or gzip copy the build made when the
//! browser takes it.

use crate::support;

use reqwest::{header, Client, StatusCode};
use support::{start, Harness, Setup};

const CSS: &str = "/pkg/storefront.0123456789abcdefABCDEF.css";
const PLAIN: &[u8] = b"body{margin:0}";
const BROTLI: &[u8] = b"brotli bytes";
const GZIP: &[u8] = b"gzip bytes";

/// The build's output in the server's site root: the file and its compressed copies.
fn build_assets(site_root: &std::path::Path) {
    let pkg = site_root.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let name = CSS.trim_start_matches("/pkg/");
    std::fs::write(pkg.join(name), PLAIN).unwrap();
    std::fs::write(pkg.join(format!("{name}.br")), BROTLI).unwrap();
    std::fs::write(pkg.join(format!("{name}.gz")), GZIP).unwrap();
}

/// A storefront whose site root holds the build's output when it starts, as deployed.
async fn start_built() -> Harness {
    support::start_set_up(
        sandbox::Config::ephemeral(),
        Setup {
            built_site: Some(build_assets),
            ..Setup::default()
        },
    )
    .await
}

async fn fetch(client: &Client, url: &str, accept_encoding: Option<&str>) -> reqwest::Response {
    let mut request = client.get(url);
    if let Some(encodings) = accept_encoding {
        request = request.header(header::ACCEPT_ENCODING, encodings);
    }
    request.send().await.unwrap()
}

fn header_of(response: &reqwest::Response, name: header::HeaderName) -> &str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

#[tokio::test]
async fn an_asset_with_a_session_cookie_never_reaches_the_session_store() {
    let harness = start_built().await;
    let peter = harness.peter().await;
    // Without its session table, anything that reads the session fails.
    let table = if support::on_postgres() {
        "tower_sessions.session RENAME TO session_gone"
    } else {
        "tower_sessions RENAME TO tower_sessions_gone"
    };
    harness.execute(&format!("ALTER TABLE {table}")).await;

    let asset = fetch(&peter, &harness.url(CSS), None).await;
    assert_eq!(asset.status(), StatusCode::OK);
    assert!(asset.headers().get(header::SET_COOKIE).is_none());
    assert_eq!(
        header_of(&asset, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(asset.bytes().await.unwrap(), PLAIN);

    let page = fetch(&peter, &harness.url("/cart"), None).await;
    assert_ne!(
        page.status(),
        StatusCode::OK,
        "a page with the same cookie does read the session"
    );

    let garbage = Client::new()
        .get(harness.url(CSS))
        .header(header::COOKIE, "storefront_session=not-a-session-id!")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), StatusCode::OK);
    assert!(garbage.headers().get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn an_asset_is_sent_as_the_compressed_copy_the_browser_takes() {
    let harness = start_built().await;
    let browser = harness.browser();
    let url = harness.url(CSS);

    let brotli = fetch(&browser, &url, Some("gzip, deflate, br")).await;
    assert_eq!(header_of(&brotli, header::CONTENT_ENCODING), "br");
    assert_eq!(header_of(&brotli, header::CONTENT_TYPE), "text/css");
    assert_eq!(header_of(&brotli, header::VARY), "accept-encoding");
    assert_eq!(brotli.bytes().await.unwrap(), BROTLI);

    let gzip = fetch(&browser, &url, Some("gzip")).await;
    assert_eq!(header_of(&gzip, header::CONTENT_ENCODING), "gzip");
    assert_eq!(gzip.bytes().await.unwrap(), GZIP);

    let plain = fetch(&browser, &url, None).await;
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(plain.bytes().await.unwrap(), PLAIN);
}

#[tokio::test]
async fn an_asset_built_after_the_server_started_is_served_from_disk_alike() {
    let harness = start().await;
    build_assets(harness.data_dir());
    let brotli = fetch(&harness.browser(), &harness.url(CSS), Some("gzip, br")).await;
    assert_eq!(brotli.status(), StatusCode::OK);
    assert_eq!(header_of(&brotli, header::CONTENT_ENCODING), "br");
    assert_eq!(
        header_of(&brotli, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(brotli.bytes().await.unwrap(), BROTLI);
}

#[tokio::test]
async fn a_missing_asset_is_not_found_and_not_cached() {
    let harness = start_built().await;
    let missing = fetch(&harness.browser(), &harness.url("/pkg/nothing.css"), None).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.headers().get(header::CACHE_CONTROL).is_none());
}

#[tokio::test]
async fn pages_load_the_islands_when_idle_without_preloading_them() {
    let harness = start().await;
    let html = fetch(&harness.browser(), &harness.url("/sign-in"), None)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains("rel=\"preload\"") && !html.contains("rel=\"modulepreload\""),
        "no hint fetches the WASM ahead of the stylesheet: {html}"
    );
    let loader = html
        .split("<script type=\"module\"")
        .nth(1)
        .expect("the islands loader");
    assert!(
        loader.contains("requestIdleCallback") && loader.contains("\"pkg\""),
        "the loader imports the package once idle: {loader}"
    );
}
