//! Response headers and the same-origin rule, over real HTTP.

use crate::support;

use reqwest::{header, StatusCode};
use support::start;

#[tokio::test]
async fn pages_carry_a_nonce_csp_and_the_other_security_headers() {
    let harness = start().await;
    let response = harness
        .browser()
        .get(harness.url("/sign-in"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    let csp = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a script nonce");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::REFERRER_POLICY], "same-origin");
    assert!(headers.contains_key("x-correlation-id"));

    let html = response.text().await.unwrap();
    let scripts = html.matches("<script").count();
    assert!(scripts > 0);
    assert_eq!(
        html.matches(&format!("<script type=\"module\" nonce=\"{nonce}\""))
            .count()
            + html.matches(&format!("<script nonce=\"{nonce}\"")).count(),
        scripts,
        "every inline script carries the nonce"
    );
}

#[tokio::test]
async fn state_changing_requests_from_elsewhere_are_refused() {
    let harness = start().await;
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for path in ["/auth/sign-in", "/auth/sign-out", "/api/get_viewer"] {
        let cross_site = plain
            .post(harness.url(path))
            .header(header::ORIGIN, "https://evil.example")
            .send()
            .await
            .unwrap();
        assert_eq!(
            cross_site.status(),
            StatusCode::FORBIDDEN,
            "{path} with a foreign Origin"
        );
        let fetch_metadata = plain
            .post(harness.url(path))
            .header("sec-fetch-site", "cross-site")
            .send()
            .await
            .unwrap();
        assert_eq!(
            fetch_metadata.status(),
            StatusCode::FORBIDDEN,
            "{path} marked cross-site"
        );
        let anonymous = plain.post(harness.url(path)).send().await.unwrap();
        assert_eq!(
            anonymous.status(),
            StatusCode::FORBIDDEN,
            "{path} with no origin at all"
        );
    }
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let harness = start().await;
    let big = "x".repeat(100 * 1024);
    let response = harness
        .browser()
        .post(harness.url("/auth/sign-in"))
        .form(&[("username", big.as_str()), ("password", "demo")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}
