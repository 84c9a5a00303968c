//! What reaches the browser: no access token, refresh token or client secret in any
//! page, server-function answer or header of a whole order; and no state-changing
//! route answers a request from another site.

use crate::support;

use leptos::server_fn::axum::server_fn_paths;
use reqwest::{header, Method, StatusCode};
use support::{
    ordering::{seed_checkout, LINE},
    start,
};

const CLIENT_SECRET: &str = "storefront-secret";

#[tokio::test]
async fn a_whole_order_never_shows_a_token_or_the_client_secret() {
    let harness = start().await;
    let browser = harness.peter().await;
    let mut seen = Vec::new();

    for path in [
        "/",
        &format!("/lines/{LINE}/accessories"),
        &format!("/lines/{LINE}/upgrade"),
    ] {
        let response = browser.get(harness.url(path)).send().await.unwrap();
        seen.push(format!("{:?}", response.headers()));
        seen.push(response.text().await.unwrap());
    }
    harness.add_chargers(&browser).await;
    seen.push(harness.page(&browser, "/cart").await);
    seen.push(harness.page(&browser, "/checkout").await);
    let checkout = harness
        .confirm(&browser, &seed_checkout())
        .await
        .expect("confirmed");
    seen.push(
        harness
            .page(&browser, &format!("/checkout/confirm?checkout={checkout}"))
            .await,
    );
    for endpoint in ["cart/get", "cart/count"] {
        let response = harness
            .call(&browser, endpoint, &[] as &[(&str, &str)])
            .await;
        seen.push(format!("{:?}", response.headers()));
        seen.push(response.text().await.unwrap());
    }
    let order = harness
        .submit(&browser, &checkout)
        .await
        .expect("order placed");
    seen.push(harness.page(&browser, &format!("/orders/{order}")).await);
    // Taken before sign-out, which revokes them.
    let issued: Vec<String> = harness.sandbox.state().read(|store| {
        store
            .tokens
            .access
            .keys()
            .chain(store.tokens.refresh.keys())
            .cloned()
            .collect()
    });
    let sign_out = browser
        .post(harness.url("/auth/sign-out"))
        .send()
        .await
        .unwrap();
    seen.push(format!("{:?}", sign_out.headers()));

    assert!(!issued.is_empty(), "the sandbox issued tokens");
    for text in &seen {
        assert!(!text.contains(CLIENT_SECRET), "client secret leaked");
        for token in &issued {
            assert!(
                !text.contains(token.as_str()),
                "a token leaked into what the browser got"
            );
        }
    }
}

#[tokio::test]
async fn every_server_function_refuses_another_site() {
    let harness = start().await;
    let browser = harness.peter().await;
    let paths: Vec<String> = server_fn_paths()
        .filter(|(_, method)| *method == Method::POST)
        .map(|(path, _)| path.to_owned())
        .collect();
    assert!(paths.len() >= 10, "server functions found: {paths:?}");
    for path in paths {
        let response = browser
            .post(harness.url(&path))
            .header(header::ORIGIN, "https://evil.example")
            .form(&[("checkout", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
}
