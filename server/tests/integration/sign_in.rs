//! Sign-in, sign-out, the session cookie and the sign-in guard, through real HTTP
//! against the sandbox.

use crate::support;

use reqwest::{header, StatusCode};
use support::{location, start, start_with};

#[tokio::test]
async fn pages_redirect_to_sign_in_with_a_return_path() {
    let harness = start().await;
    let response = harness
        .browser()
        .get(harness.url("/lines/1/accessories?q=car"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&response),
        "/sign-in?return_to=%2Flines%2F1%2Faccessories%3Fq%3Dcar"
    );
}

#[tokio::test]
async fn wrong_credentials_get_one_generic_message_and_keep_the_username() {
    let harness = start().await;
    let browser = harness.browser();
    for (username, password) in [("peter.edwards.acme", "wrong"), ("nobody.at.all", "demo")] {
        let response = harness.sign_in(&browser, username, password).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(location(&response).starts_with("/sign-in"));
        let page = browser
            .get(harness.url(location(&response)))
            .send()
            .await
            .unwrap();
        let html = page.text().await.unwrap();
        assert!(
            html.contains("The username or password is not correct."),
            "{html}"
        );
        assert!(
            html.contains(&format!("value=\"{username}\"")),
            "username kept: {html}"
        );
    }
}

#[tokio::test]
async fn signing_in_rotates_the_session_and_sets_a_safe_cookie() {
    let harness = start().await;
    let browser = harness.browser();
    let failed = harness
        .sign_in(&browser, "peter.edwards.acme", "wrong")
        .await;
    assert!(
        session_cookie(&failed).is_none(),
        "a failed try leaves no session behind"
    );
    // A session that exists before this sign-in: an earlier one of this browser.
    let earlier = harness
        .sign_in(&browser, "barbara.andrews@example.com", "demo")
        .await;
    let before = session_cookie(&earlier).expect("a session exists before the sign-in");

    let response = harness
        .sign_in(&browser, "peter.edwards.acme", "demo")
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/");
    let after = session_cookie(&response).expect("session cookie set at sign-in");
    assert!(after.starts_with("storefront_session="), "{after}");
    assert_ne!(
        cookie_value(&before),
        cookie_value(&after),
        "session id rotated"
    );
    let flags = after.to_ascii_lowercase();
    assert!(
        flags.contains("httponly") && flags.contains("samesite=lax") && flags.contains("path=/"),
        "{after}"
    );
    assert!(!flags.contains("secure"), "plain http run: {after}");

    let home = browser.get(harness.url("/")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    let html = home.text().await.unwrap();
    assert!(html.contains("Peter Edwards"), "{html}");
    assert!(html.contains("203-555-7676"), "{html}");
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_and_host_prefixed() {
    let harness = start_with(sandbox::Config::ephemeral(), true).await;
    // Behind TLS termination the browser's origin is https.
    let https_origin = harness.base.replacen("http://", "https://", 1);
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(harness.url("/auth/sign-in"))
        .header(header::ORIGIN, https_origin)
        .form(&[("username", "peter.edwards.acme"), ("password", "demo")])
        .send()
        .await
        .unwrap();
    let cookie = session_cookie(&response).expect("cookie");
    assert!(cookie.starts_with("__Host-storefront_session="), "{cookie}");
    assert!(cookie.to_ascii_lowercase().contains("secure"), "{cookie}");
}

#[tokio::test]
async fn a_cross_origin_sign_in_is_refused() {
    let harness = start().await;
    let response = reqwest::Client::new()
        .post(harness.url("/auth/sign-in"))
        .header(header::ORIGIN, "http://evil.example")
        .form(&[("username", "peter.edwards.acme"), ("password", "demo")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(session_cookie(&response).is_none());
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let harness = start().await;
    let browser = harness.browser();
    harness
        .sign_in(&browser, "peter.edwards.acme", "demo")
        .await;
    let response = browser
        .post(harness.url("/auth/sign-out"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/sign-in");
    let home = browser.get(harness.url("/")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn tokens_close_to_expiry_are_refreshed_before_use() {
    // 61 s is inside the BFF's refresh margin, so every page view refreshes first.
    let config = sandbox::Config {
        token_ttl_secs: 61,
        ..sandbox::Config::ephemeral()
    };
    let harness = start_with(config, false).await;
    let browser = harness.browser();
    harness
        .sign_in(&browser, "peter.edwards.acme", "demo")
        .await;
    for _ in 0..3 {
        let home = browser.get(harness.url("/")).send().await.unwrap();
        assert_eq!(home.status(), StatusCode::OK);
        assert!(home.text().await.unwrap().contains("203-555-7676"));
    }
}

#[tokio::test]
async fn an_access_token_expired_upstream_is_refreshed_silently() {
    let harness = start().await;
    let browser = harness.browser();
    harness
        .sign_in(&browser, "peter.edwards.acme", "demo")
        .await;
    // Two hours later by MOBPROC's clock: the access token is dead, the refresh token is not.
    harness.advance_sandbox_clock(7200).await;
    let home = browser.get(harness.url("/")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    assert!(home.text().await.unwrap().contains("203-555-7676"));
}

#[tokio::test]
async fn when_the_refresh_is_refused_too_the_page_sends_to_sign_in_and_back() {
    let harness = start().await;
    let browser = harness.browser();
    harness
        .sign_in(&browser, "peter.edwards.acme", "demo")
        .await;
    // Two days later by MOBPROC's clock: both tokens are dead.
    harness.advance_sandbox_clock(2 * 86_400).await;
    let page = browser
        .get(harness.url("/lines/38382349/accessories?q=car"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&page),
        "/sign-in?return_to=%2Flines%2F38382349%2Faccessories%3Fq%3Dcar"
    );
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.contains("storefront_session="))
        .map(str::to_owned)
}

fn cookie_value(cookie: &str) -> &str {
    cookie.split(';').next().unwrap_or_default()
}
