//! Every image URL the sandbox emits answers with an image.

mod common;

use std::collections::BTreeSet;

use common::*;
use reqwest::StatusCode;
use serde_json::Value;

fn image_urls(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("imageUrl" | "logoUrl", Value::String(url)) => {
                        into.insert(url.clone());
                    }
                    _ => image_urls(v, into),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| image_urls(v, into)),
        _ => {}
    }
}

#[tokio::test]
async fn every_emitted_image_url_answers_an_svg() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    let mut urls = BTreeSet::new();
    for path in [
        "/catalog/devices?regionId=70144640&limit=1000",
        "/catalog/devices?regionId=70144700&limit=1000",
        "/catalog/accessories?limit=1000",
        "/catalog/plans?regionId=70144640&limit=1000",
        "/assets/services?limit=1000",
        "/vendors?limit=1000",
        "/manufacturers?limit=1000",
    ] {
        let (status, body) = sandbox.get(&admin, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        image_urls(&body, &mut urls);
    }
    assert!(urls.len() > 60, "{}", urls.len());
    for url in &urls {
        assert!(url.starts_with(sandbox.base()), "{url}");
        let response = sandbox.http.get(url).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        assert_eq!(response.headers()["content-type"], "image/svg+xml", "{url}");
        assert!(response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age"));
        let body = response.text().await.unwrap();
        assert!(
            body.starts_with("<svg") && body.ends_with("</svg>"),
            "{url}"
        );
    }
}

#[tokio::test]
async fn documented_paths_keep_their_double_slash_and_spaces() {
    let sandbox = TestSandbox::start().await;
    let base = sandbox.base();
    for path in [
        "//images/devices/VER/MICRDUALVPCF_m.jpg",
        "//images/devices/MICRDUALVPCF_m.jpg",
        "//images/manufacturers/Verizon%20Wireless.gif",
        "/manage/images/manufacturers/VerizonWireless.gif",
    ] {
        let response = sandbox
            .http
            .get(format!("{base}{path}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["content-type"], "image/svg+xml");
        let etag = response.headers()["etag"].clone();
        let again = sandbox
            .http
            .get(format!("{base}{path}"))
            .header("If-None-Match", etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    }
    let response = sandbox
        .http
        .get(format!("{base}//images/devices/VER/MICRDUALVPCF_m.jpg"))
        .send()
        .await
        .unwrap();
    let svg = response.text().await.unwrap();
    assert!(
        svg.contains("Vehicle Charger"),
        "drawn with the item's name"
    );
}
