//! The session rules of a trusted BFF: absolute and idle lifetimes (sign in again and
//! come back), `no-store` on what a signed-in person gets, `Clear-Site-Data` at
//! sign-out, and "Sign out everywhere" ending every session of the person on every
//! instance.

use crate::support;

use std::sync::Arc;

use reqwest::{cookie::Jar, header, StatusCode};
use sandbox::journal::CallFilter;
use support::{
    location,
    ordering::{browser_at, LINE, PETER},
    start, Harness,
};

/// A sign-in past its twelve hours (by the database's clock).
async fn age_sign_ins(harness: &Harness, column: &str, secs: i64) {
    let moved = harness
        .execute(&format!("UPDATE sign_ins SET {column} = {column} - {secs}"))
        .await;
    assert!(moved > 0, "a sign-in to age");
}

#[tokio::test]
async fn past_its_absolute_lifetime_a_session_signs_in_again_and_comes_back() {
    let harness = start().await;
    let browser = harness.peter().await;
    let here = format!("/lines/{LINE}/accessories?q=car");
    assert_eq!(
        browser
            .get(harness.url(&here))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    age_sign_ins(&harness, "signed_in_at", 12 * 60 * 60 + 60).await;

    let page = browser.get(harness.url(&here)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::SEE_OTHER);
    let to_sign_in = location(&page).to_owned();
    assert_eq!(
        to_sign_in,
        "/sign-in?return_to=%2Flines%2F38382349%2Faccessories%3Fq%3Dcar"
    );
    let signed_in = browser
        .post(harness.url("/auth/sign-in"))
        .form(&[
            ("username", PETER),
            ("password", "demo"),
            ("return_to", &here),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&signed_in), here, "back where Peter was");
    let back = browser.get(harness.url(&here)).send().await.unwrap();
    assert_eq!(back.status(), StatusCode::OK);
}

#[tokio::test]
async fn idle_for_half_an_hour_a_session_signs_in_again() {
    let harness = start().await;
    let browser = harness.peter().await;
    age_sign_ins(&harness, "last_seen_at", 30 * 60 + 60).await;
    let page = browser.get(harness.url("/")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::SEE_OTHER);
    assert!(location(&page).starts_with("/sign-in"));
}

#[tokio::test]
async fn what_a_signed_in_person_gets_is_never_stored_by_caches() {
    let harness = start().await;
    let browser = harness.peter().await;
    let page = browser.get(harness.url("/")).send().await.unwrap();
    assert_eq!(page.headers()[header::CACHE_CONTROL], "no-store");
    let html = page.text().await.unwrap();
    for endpoint in ["cart/count", "cart/get"] {
        let answer = harness
            .call(&browser, endpoint, &[] as &[(&str, &str)])
            .await;
        assert_eq!(
            answer.headers()[header::CACHE_CONTROL],
            "no-store",
            "{endpoint}"
        );
    }
    let sign_in = browser.get(harness.url("/sign-in")).send().await.unwrap();
    assert_eq!(
        sign_in.headers()[header::CACHE_CONTROL],
        "no-store",
        "any page of a signed-in person"
    );
    // Product images are the same for everyone and may be cached.
    assert!(html.contains("Peter Edwards"));
    let catalog = harness
        .page(&browser, &format!("/lines/{LINE}/accessories"))
        .await;
    let image = catalog
        .split("/media?src=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an image on the page")
        .replace("&amp;", "&");
    let picture = browser
        .get(harness.url(&format!("/media?src={image}")))
        .send()
        .await
        .unwrap();
    assert_eq!(picture.status(), StatusCode::OK);
    assert_ne!(picture.headers()[header::CACHE_CONTROL], "no-store");
}

#[tokio::test]
async fn signing_out_tells_the_browser_to_clear_this_sites_cache_and_cookies() {
    let harness = start().await;
    let browser = harness.peter().await;
    let signed_out = browser
        .post(harness.url("/auth/sign-out"))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        signed_out.headers()["clear-site-data"],
        "\"cache\", \"cookies\""
    );
}

#[tokio::test]
async fn sign_out_everywhere_ends_every_session_of_the_person_on_every_instance() {
    let harness = start().await;
    let (second_base, _second) = harness.second_server().await;
    let here = harness.peter().await;
    let elsewhere = browser_at(&second_base, Arc::new(Jar::default()));
    let signed_in = elsewhere
        .post(format!("{second_base}/auth/sign-in"))
        .form(&[("username", PETER), ("password", "demo")])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&signed_in), "/", "Peter in a second browser");
    let barbara = harness.browser();
    harness
        .sign_in(&barbara, "barbara.andrews@example.com", "demo")
        .await;
    harness.forget_mobproc_calls();

    let home = harness.page(&here, "/").await;
    assert!(
        home.contains("href=\"/auth/sign-out-everywhere\""),
        "on the account menu"
    );
    let asked = harness.page(&here, "/auth/sign-out-everywhere").await;
    assert!(asked.contains("Sign out everywhere"));
    let signed_out = here
        .post(harness.url("/auth/sign-out-everywhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&signed_out), "/sign-in");
    assert!(signed_out.headers().contains_key("clear-site-data"));

    let second = elsewhere
        .get(format!("{second_base}/"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        second.status(),
        StatusCode::SEE_OTHER,
        "the other browser is signed out"
    );
    assert_eq!(
        barbara.get(harness.url("/")).send().await.unwrap().status(),
        StatusCode::OK,
        "someone else is not"
    );
    let revoked = harness
        .mobproc_calls(&CallFilter::default().path("/as/revoke_token.oauth2"))
        .len();
    assert_eq!(revoked, 2, "both of Peter's refresh tokens were revoked");
}
