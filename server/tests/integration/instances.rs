//! Two storefront instances on one database (SQLite here, PostgreSQL when
//! `STOREFRONT_TEST_POSTGRES_URL` is set) and one sandbox, with one browser whose
//! requests go to either: token refreshes, sessions, sign-out and exactly-once
//! submission hold across them.

use crate::support;

use std::{sync::Arc, time::Duration};

use reqwest::{cookie::CookieStore, cookie::Jar, header, Client, StatusCode};
use sandbox::journal::{fingerprint, CallFilter};
use serde_json::json;
use support::{
    location,
    ordering::{browser_at, confirm_at, seed_checkout, submit_at, PETER},
    start_with, Harness,
};
use tokio::task::{JoinHandle, JoinSet};

/// A harness, a second server on its database, and one cookie jar for both.
struct TwoInstances {
    harness: Harness,
    second_base: String,
    _second: JoinHandle<()>,
    first: Client,
    second: Client,
    jar: Arc<Jar>,
}

impl TwoInstances {
    async fn start(config: sandbox::Config) -> Self {
        let harness = start_with(config, false).await;
        let (second_base, second_server) = harness.second_server().await;
        let jar = Arc::new(Jar::default());
        Self {
            first: browser_at(&harness.base, jar.clone()),
            second: browser_at(&second_base, jar.clone()),
            harness,
            second_base,
            _second: second_server,
            jar,
        }
    }

    /// The `n`th instance in turn (0: the first) and the browser speaking to it.
    fn nth(&self, n: usize) -> (String, Client) {
        if n.is_multiple_of(2) {
            (self.harness.base.clone(), self.first.clone())
        } else {
            (self.second_base.clone(), self.second.clone())
        }
    }

    async fn peter_signs_in(&self) {
        let response = self.harness.sign_in(&self.first, PETER, "demo").await;
        assert_eq!(location(&response), "/", "Peter signs in");
    }

    /// The session cookie the browser holds now, as a `Cookie` header value.
    fn cookie(&self) -> header::HeaderValue {
        let url = self.harness.base.parse().expect("url");
        self.jar.cookies(&url).expect("a session cookie")
    }
}

/// GET `path` on `base`; the status and the page.
async fn view(browser: &Client, base: &str, path: &str) -> (StatusCode, String) {
    let response = browser
        .get(format!("{base}{path}"))
        .send()
        .await
        .expect("page answers");
    let status = response.status();
    (status, response.text().await.unwrap_or_default())
}

#[tokio::test]
async fn twenty_page_views_on_two_instances_after_expiry_refresh_the_tokens_once() {
    // Access tokens of a minute and a half: the BFF would not refresh on its own yet.
    let instances = TwoInstances::start(sandbox::Config {
        token_ttl_secs: 90,
        ..sandbox::Config::ephemeral()
    })
    .await;
    instances.peter_signs_in().await;
    let issued: Vec<String> = instances
        .harness
        .sandbox
        .state()
        .read(|store| store.tokens.refresh.keys().cloned().collect());
    let [refresh_token] = issued.as_slice() else {
        panic!("one refresh token issued at sign-in: {}", issued.len());
    };
    instances.harness.forget_mobproc_calls();
    // Two minutes later by MOBPROC's clock the access token is dead, the refresh
    // token is not: every page's first call is refused, and each wants a refresh.
    instances.harness.advance_sandbox_clock(120).await;

    let mut views = JoinSet::new();
    for n in 0..20 {
        let (base, browser) = instances.nth(n);
        views.spawn(async move { view(&browser, &base, "/").await });
    }
    while let Some(viewed) = views.join_next().await {
        let (status, html) = viewed.expect("view ran");
        assert_eq!(status, StatusCode::OK, "every view succeeds");
        assert!(html.contains("203-555-7676"), "Peter's lines shown");
    }

    let refreshes: Vec<_> = instances
        .harness
        .mobproc_calls(&CallFilter::default().path("/as/token.oauth2"))
        .into_iter()
        .filter(|call| call.grant_type.as_deref() == Some("refresh_token"))
        .collect();
    assert_eq!(
        refreshes.len(),
        1,
        "exactly one refresh grant: {refreshes:#?}"
    );
    assert_eq!(
        refreshes[0].refresh_token_id.as_deref(),
        Some(fingerprint(refresh_token).as_str()),
        "with the refresh token of the sign-in"
    );
    assert_eq!(refreshes[0].status, Some(200));
    for n in 0..2 {
        let (base, browser) = instances.nth(n);
        let (status, html) = view(&browser, &base, "/").await;
        assert_eq!(status, StatusCode::OK, "still signed in on instance {n}");
        assert!(html.contains("Peter Edwards"));
    }
}

#[tokio::test]
async fn a_slow_request_saving_its_session_never_brings_back_rotated_tokens() {
    // 66 s: the BFF refreshes once less than 60 s are left, so 6 s after sign-in.
    let instances = TwoInstances::start(sandbox::Config {
        token_ttl_secs: 66,
        ..sandbox::Config::ephemeral()
    })
    .await;
    let harness = &instances.harness;
    instances.peter_signs_in().await;
    harness.add_chargers(&instances.first).await;
    // The checkout's last MOBPROC call, the confirmation, is held for 10 s: its request
    // read its session and token before the refresh and saves the session after it.
    harness
        .set_faults(json!([{
            "path": "/mobproc/v1/orders?confirm=true",
            "method": "POST",
            "latencyMs": 10_000,
            "times": 1
        }]))
        .await;
    let slow = {
        let (base, browser) = instances.nth(0);
        tokio::spawn(async move { confirm_at(&base, &browser, &seed_checkout()).await })
    };
    tokio::time::sleep(Duration::from_secs(7)).await;
    let (base, browser) = instances.nth(1);
    let (status, _) = view(&browser, &base, "/").await;
    assert_eq!(status, StatusCode::OK, "the page view refreshes the tokens");
    let refreshes = || {
        harness
            .mobproc_calls(&CallFilter::default().path("/as/token.oauth2"))
            .into_iter()
            .filter(|call| call.grant_type.as_deref() == Some("refresh_token"))
            .count()
    };
    assert!(refreshes() >= 1, "the tokens were refreshed meanwhile");

    let confirmed = slow.await.expect("slow request ran");
    assert!(
        confirmed.is_ok(),
        "the slow request succeeds: {confirmed:?}"
    );

    for n in 0..4 {
        let (base, browser) = instances.nth(n);
        let (status, html) = view(&browser, &base, "/").await;
        assert_eq!(status, StatusCode::OK, "still signed in (view {n})");
        assert!(html.contains("203-555-7676"));
    }
    let refused = harness
        .mobproc_calls(&CallFilter::default().path("/as/token.oauth2"))
        .into_iter()
        .filter(|call| call.status != Some(200))
        .count();
    assert_eq!(
        refused, 0,
        "no refresh was refused: no rotated token came back"
    );
}

#[tokio::test]
async fn fifty_submits_of_one_checkout_on_two_instances_place_one_order() {
    let instances = TwoInstances::start(sandbox::Config::ephemeral()).await;
    let harness = &instances.harness;
    instances.peter_signs_in().await;
    harness.add_chargers(&instances.first).await;
    let checkout = harness
        .confirm(&instances.first, &seed_checkout())
        .await
        .expect("confirmed");
    // The submit takes half a second at MOBPROC, so the fifty overlap it.
    harness
        .set_faults(json!([{
            "path": "/mobproc/v1/orders",
            "method": "POST",
            "latencyMs": 500,
            "times": 1
        }]))
        .await;

    let mut submits = JoinSet::new();
    for n in 0..50 {
        let (base, browser) = instances.nth(n);
        let checkout = checkout.clone();
        submits.spawn(async move { submit_at(&base, &browser, &checkout).await });
    }
    let mut answers = Vec::new();
    while let Some(answer) = submits.join_next().await {
        answers.push(
            answer
                .expect("submit ran")
                .expect("every submit names the order"),
        );
    }
    let orders = harness.sandbox_orders().await;
    assert_eq!(orders.len(), 1, "exactly one order: {orders:#?}");
    let order_id = orders[0]["orderId"].as_str().expect("order id");
    assert!(
        answers.iter().all(|answer| answer == order_id),
        "every answer names order {order_id}: {answers:?}"
    );
    assert_eq!(answers.len(), 50);
}

#[tokio::test]
async fn signing_out_while_requests_are_in_flight_is_final_on_both_instances() {
    let instances = TwoInstances::start(sandbox::Config::ephemeral()).await;
    let harness = &instances.harness;
    instances.peter_signs_in().await;
    harness.add_chargers(&instances.first).await;
    let old_cookie = instances.cookie();
    // Checkout saves change the session (what was typed) and wait on MOBPROC: they
    // save their sessions after the sign-out. The OAuth server fails to revoke the
    // tokens, so those requests' calls still succeed.
    harness
        .set_faults(json!([
            {
                "path": "/mobproc/v1/orders/properties*",
                "method": "GET",
                "latencyMs": 1_500,
                "times": 10
            },
            {
                "path": "/as/revoke_token.oauth2",
                "errorRate": 1.0,
                "errorStatus": 503
            }
        ]))
        .await;
    let mut in_flight = JoinSet::new();
    for n in 0..10 {
        let (base, browser) = instances.nth(n);
        in_flight.spawn(async move { confirm_at(&base, &browser, &seed_checkout()).await });
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let signed_out = instances
        .first
        .post(harness.url("/auth/sign-out"))
        .send()
        .await
        .expect("sign-out answers");
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    while let Some(done) = in_flight.join_next().await {
        done.expect("request ran").ok();
    }

    let replay = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    for n in 0..2 {
        let (base, _) = instances.nth(n);
        let page = replay
            .get(format!("{base}/"))
            .header(header::COOKIE, old_cookie.clone())
            .send()
            .await
            .expect("page");
        assert_eq!(
            page.status(),
            StatusCode::SEE_OTHER,
            "the old cookie is signed out on instance {n}"
        );
        assert!(location(&page).starts_with("/sign-in"));
        let cart = replay
            .post(format!("{base}/api/cart/get"))
            .header(header::COOKIE, old_cookie.clone())
            .header(header::ORIGIN, base.clone())
            .send()
            .await
            .expect("server function");
        assert_eq!(cart.status(), StatusCode::UNAUTHORIZED, "instance {n}");
    }
}
