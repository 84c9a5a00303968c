//! Sign-in throttling: counted in the database per account and per client address,
//! answered 429 with `Retry-After` and without asking MOBPROC, no session row for a
//! failed attempt, and the client address taken from `X-Forwarded-For` only from a
//! trusted proxy.

use crate::support;

use std::time::Duration;

use reqwest::{header, StatusCode};
use sandbox::journal::CallFilter;
use server::bff::throttle::{Rule, ThrottlePolicy};
use support::{location, start_set_up, Harness, Setup};

const BARBARA: &str = "barbara.andrews@example.com";

/// The default rules with locks of `secs`, so a test can wait one out.
fn locks_of(secs: i64) -> ThrottlePolicy {
    let defaults = ThrottlePolicy::default();
    ThrottlePolicy {
        account: Rule {
            first_lock_secs: secs,
            max_lock_secs: secs,
            ..defaults.account
        },
        address: Rule {
            first_lock_secs: secs,
            max_lock_secs: secs,
            ..defaults.address
        },
        ..defaults
    }
}

/// Password grants MOBPROC received for `username`.
fn password_grants(harness: &Harness, username: &str) -> usize {
    harness
        .mobproc_calls(&CallFilter::default().path("/as/token.oauth2"))
        .iter()
        .filter(|call| {
            call.grant_type.as_deref() == Some("password")
                && call.username.as_deref() == Some(username)
        })
        .count()
}

#[tokio::test]
async fn thirty_wrong_passwords_lock_the_account_without_mobproc_and_the_lock_ends() {
    let harness = start_set_up(
        sandbox::Config::ephemeral(),
        Setup {
            throttle: locks_of(2),
            ..Setup::default()
        },
    )
    .await;
    let sessions_before = harness.session_rows().await;
    let barbara = harness.browser();
    for attempt in 1..=30 {
        let response = harness.sign_in(&barbara, BARBARA, "wrong").await;
        if attempt <= 5 {
            assert_eq!(
                response.status(),
                StatusCode::SEE_OTHER,
                "attempt {attempt}"
            );
            assert!(location(&response).starts_with("/sign-in"));
        } else {
            assert_eq!(
                response.status(),
                StatusCode::TOO_MANY_REQUESTS,
                "attempt {attempt}"
            );
            let retry_after: u64 = response.headers()[header::RETRY_AFTER]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!((1..=2).contains(&retry_after), "{retry_after}");
            let page = response.text().await.unwrap();
            assert!(
                page.contains("Too many attempts. Try again in 1 minute."),
                "{page}"
            );
        }
        if attempt == 15 {
            // Peter signs in normally meanwhile, from the same address.
            let peter = harness.browser();
            let signed_in = harness.sign_in(&peter, "peter.edwards.acme", "demo").await;
            assert_eq!(location(&signed_in), "/");
        }
    }
    assert_eq!(
        password_grants(&harness, BARBARA),
        5,
        "MOBPROC saw only the attempts before the lock"
    );
    assert_eq!(
        harness.session_rows().await,
        sessions_before + 1,
        "Peter's session only: failed attempts leave no session row"
    );

    tokio::time::sleep(Duration::from_millis(2_500)).await;
    let response = harness.sign_in(&barbara, BARBARA, "demo").await;
    assert_eq!(location(&response), "/", "after the lock Barbara signs in");
    let home = barbara.get(harness.url("/")).send().await.unwrap();
    assert!(home.text().await.unwrap().contains("Barbara Andrews"));
}

/// A wrong sign-in as `username`, through a proxy that says the client is `client`.
async fn wrong_from(harness: &Harness, username: &str, client: &str) -> StatusCode {
    harness
        .browser()
        .post(harness.url("/auth/sign-in"))
        .header("x-forwarded-for", client)
        .form(&[("username", username), ("password", "wrong")])
        .send()
        .await
        .unwrap()
        .status()
}

/// An address locks after three failures (accounts after many).
fn addresses_strict() -> ThrottlePolicy {
    let defaults = ThrottlePolicy::default();
    ThrottlePolicy {
        address: Rule {
            free_failures: 3,
            ..defaults.address
        },
        account: Rule {
            free_failures: 100,
            ..defaults.account
        },
        ..defaults
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_address_counts_on_its_own() {
    let harness = start_set_up(
        sandbox::Config::ephemeral(),
        Setup {
            throttle: addresses_strict(),
            trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
            ..Setup::default()
        },
    )
    .await;
    for n in 0..3 {
        let status = wrong_from(&harness, &format!("nobody.{n}"), "198.51.100.7").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    assert_eq!(
        wrong_from(&harness, "nobody.3", "198.51.100.7").await,
        StatusCode::TOO_MANY_REQUESTS,
        "that address is locked"
    );
    assert_eq!(
        wrong_from(&harness, "nobody.3", "198.51.100.8").await,
        StatusCode::SEE_OTHER,
        "another address is not"
    );
}

#[tokio::test]
async fn without_a_trusted_proxy_x_forwarded_for_is_ignored() {
    let harness = start_set_up(
        sandbox::Config::ephemeral(),
        Setup {
            throttle: addresses_strict(),
            ..Setup::default()
        },
    )
    .await;
    for n in 0..3 {
        let client = format!("198.51.100.{n}");
        assert_eq!(
            wrong_from(&harness, &format!("nobody.{n}"), &client).await,
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        wrong_from(&harness, "nobody.9", "203.0.113.1").await,
        StatusCode::TOO_MANY_REQUESTS,
        "a made-up X-Forwarded-For does not escape the lock on the real address"
    );
}
