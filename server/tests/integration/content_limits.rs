//! What the storefront fetches and shows on others' behalf: `/media` fetches only
//! MOBPROC's image paths, never its API, OAuth server or anything else on that host;
//! an error in a page's URL is shown only if this server issued it to this session.

use crate::support;

use base64::{engine::general_purpose::URL_SAFE, Engine};
use reqwest::{header, StatusCode};
use sandbox::journal::CallFilter;
use support::{ordering::seed_checkout, ordering::with, start, Harness};

#[tokio::test]
async fn media_fetches_only_image_paths_and_never_asks_for_anything_else() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.forget_mobproc_calls();
    for path in [
        "%2Fmobproc%2Fv1%2Fme",
        "%2F_sandbox%2Fcalls",
        "%2Fas%2Ftoken.oauth2%3Fgrant_type%3Dpassword",
        "%2Fimages%2F..%2Fmobproc%2Fv1%2Fme",
        "%2Fmobproc%2Fv1%2Femployees%2F1.jpg",
    ] {
        let response = browser
            .get(harness.url(&format!("/media?src={path}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
    }
    let calls = harness.mobproc_calls(&CallFilter::default());
    assert!(calls.is_empty(), "nothing was fetched upstream: {calls:#?}");

    let image = browser
        .get(harness.url("/media?src=%2F%2Fimages%2Fdevices%2FVER%2FMICRDUALVPCF_m.jpg"))
        .send()
        .await
        .unwrap();
    assert_eq!(image.status(), StatusCode::OK);
    let policy = image.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.contains("sandbox") && policy.contains("default-src 'none'"),
        "{policy}"
    );
}

/// A form post as a browser without JavaScript sends it: HTML accepted, from `page`.
async fn post_without_javascript(
    harness: &Harness,
    browser: &reqwest::Client,
    endpoint: &str,
    page: &str,
    form: &[(String, String)],
) -> reqwest::Response {
    browser
        .post(harness.url(&format!("/api/{endpoint}")))
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, harness.url(page))
        .form(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_error_the_server_issued_comes_back_to_its_page() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.add_chargers(&browser).await;
    let wrong = with(
        &seed_checkout(),
        "form[address][POSTAL_CODE]",
        Some("0647X"),
    );
    let response =
        post_without_javascript(&harness, &browser, "checkout/save", "/checkout", &wrong).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = support::location(&response).to_owned();
    assert!(
        back.contains("__err=") && back.contains("__err_sig="),
        "{back}"
    );
    assert!(
        back.contains("__path=%2Fapi%2Fcheckout%2Fsave"),
        "the crafted link below names the same form: {back}"
    );
    let page = browser.get(&back).send().await.unwrap();
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Postal Code must look like [99999] or [99999-9999]."),
        "the issued error is shown"
    );
    assert!(
        !html.contains("__err_sig"),
        "the signature stays out of the page"
    );

    // The same link in another person's browser shows nothing.
    let barbara = harness.browser();
    harness
        .sign_in(&barbara, "barbara.andrews@example.com", "demo")
        .await;
    let elsewhere = barbara
        .get(&back)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!elsewhere.contains("Postal Code must look like"));
}

#[tokio::test]
async fn a_crafted_error_link_shows_no_attacker_text() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.add_chargers(&browser).await;
    let words = "Your account is locked. Call 555-0100 to unlock it.";
    let error = serde_json::json!({ "Invalid": { "message": words, "fields": [] } });
    let encoded = URL_SAFE.encode(error.to_string());
    for page in ["/checkout", "/cart"] {
        let link = format!(
            "{page}?__path=%2Fapi%2Fcheckout%2Fsave&__err={}",
            url::form_urlencoded::byte_serialize(encoded.as_bytes()).collect::<String>()
        );
        let html = harness.page(&browser, &link).await;
        assert!(!html.contains("Call 555-0100"), "{page}: no attacker text");
        let forged = format!("{link}&__err_sig=99999999999.AAAA");
        let html = harness.page(&browser, &forged).await;
        assert!(
            !html.contains("Call 555-0100"),
            "{page}: a made-up signature neither"
        );
    }
}
