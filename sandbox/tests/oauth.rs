//! The OAuth server of API.md §2 over real HTTP.

mod common;

use common::*;
use reqwest::StatusCode;
use sandbox::Config;

fn refresh_params(token: &str) -> [(&str, &str); 5] {
    [
        ("grant_type", "refresh_token"),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("scope", "MOBPROC"),
        ("refresh_token", token),
    ]
}

#[tokio::test]
async fn password_grant_answers_the_documented_shape() {
    let sandbox = TestSandbox::start().await;
    let body = sandbox.sign_in(&format!("command://{PETER}")).await;
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    let access = body["access_token"].as_str().unwrap();
    let refresh = body["refresh_token"].as_str().unwrap();
    assert!(access.len() >= 43 && refresh.len() >= 43);
    assert_ne!(access, refresh);
    assert!(!access.contains("demo") && !access.contains("peter"));
    let again = sandbox.sign_in(PETER).await;
    assert_ne!(
        again["access_token"], body["access_token"],
        "tokens are random"
    );

    let (status, me) = sandbox.get(access, "/me").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["me"]["authenticatedUser"]["id"], PETER_ID);
}

#[tokio::test]
async fn form_body_and_basic_client_auth_work_too() {
    let sandbox = TestSandbox::start().await;
    let response = sandbox
        .http
        .post(format!("{}/as/token.oauth2", sandbox.base()))
        .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
        .form(&[
            ("grant_type", "password"),
            ("username", "rivermine://barbara.andrews@example.com"),
            ("password", "demo"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["access_token"].is_string());
}

#[tokio::test]
async fn refresh_rotates_and_the_old_refresh_token_stops_working() {
    let sandbox = TestSandbox::start().await;
    let first = sandbox.sign_in(PETER).await;
    let old = first["refresh_token"].as_str().unwrap();

    let (status, second) = sandbox.oauth(&refresh_params(old)).await;
    assert_eq!(status, StatusCode::OK, "{second}");
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    assert_ne!(second["access_token"], first["access_token"]);
    let (status, _) = sandbox
        .get(second["access_token"].as_str().unwrap(), "/ping")
        .await;
    assert_eq!(status, StatusCode::OK);

    let (status, body) = sandbox.oauth(&refresh_params(old)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_grant");
    assert!(body["error_description"].is_string());

    let (status, _) = sandbox
        .oauth(&refresh_params(second["refresh_token"].as_str().unwrap()))
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn revoking_a_token_revokes_its_pair() {
    let sandbox = TestSandbox::start().await;
    let tokens = sandbox.sign_in(PETER).await;
    let access = tokens["access_token"].as_str().unwrap();
    let refresh = tokens["refresh_token"].as_str().unwrap();
    let revoke = |token: &str, secret: &str| {
        sandbox
            .http
            .post(format!("{}/as/revoke_token.oauth2", sandbox.base()))
            .form(&[
                ("token", token),
                ("client_id", CLIENT_ID),
                ("client_secret", secret),
            ])
            .send()
    };

    let refused = revoke(refresh, "wrong").await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(sandbox.get(access, "/ping").await.0, StatusCode::OK);

    assert_eq!(
        revoke(refresh, CLIENT_SECRET).await.unwrap().status(),
        StatusCode::OK
    );
    let (status, body) = sandbox.get(access, "/ping").await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED);
    let (status, _) = sandbox.oauth(&refresh_params(refresh)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // RFC 7009: unknown tokens are not an error.
    assert_eq!(
        revoke("no-such-token", CLIENT_SECRET)
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn validate_grant_answers_the_documented_shape() {
    let sandbox = TestSandbox::start().await;
    let access = sandbox.token(&format!("command://{PETER}")).await;
    let (status, body) = sandbox
        .oauth(&[
            (
                "grant_type",
                "urn:pingidentity.com:oauth2:grant_type:validate_bearer",
            ),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("token", &access),
        ])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["scope"], "MOBPROC");
    assert_eq!(body["client_id"], CLIENT_ID);
    let expires_in = body["expires_in"].as_u64().unwrap();
    assert!((3590..=3600).contains(&expires_in), "{expires_in}");
    let identity = &body["access_token"];
    assert_eq!(identity["platform"], "command");
    assert_eq!(identity["tenant"], "ACME");
    assert_eq!(identity["multitenant"], "false");
    assert_eq!(identity["domain"], "*");
    assert_eq!(identity["identityProvider"], "pcv_edge");
    assert_eq!(identity["identifier"], PETER);

    let (status, body) = sandbox
        .oauth(&[
            (
                "grant_type",
                "urn:pingidentity.com:oauth2:grant_type:validate_bearer",
            ),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("token", "forged"),
        ])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_grant");
}

#[tokio::test]
async fn access_tokens_expire_when_the_clock_passes_their_lifetime() {
    let sandbox = TestSandbox::with(Config {
        token_ttl_secs: 2,
        ..Config::ephemeral()
    })
    .await;
    let tokens = sandbox.sign_in(PETER).await;
    assert_eq!(tokens["expires_in"], 2);
    let access = tokens["access_token"].as_str().unwrap();
    assert_eq!(sandbox.get(access, "/ping").await.0, StatusCode::OK);

    sandbox.advance_clock(3).await;
    let (status, body) = sandbox.get(access, "/ping").await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED);
    // The refresh token outlives it.
    let (status, fresh) = sandbox
        .oauth(&refresh_params(tokens["refresh_token"].as_str().unwrap()))
        .await;
    assert_eq!(status, StatusCode::OK);
    let fresh = fresh["access_token"].as_str().unwrap();
    assert_eq!(sandbox.get(fresh, "/ping").await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_zero_lifetime_issues_expired_tokens() {
    let sandbox = TestSandbox::with(Config {
        token_ttl_secs: 0,
        ..Config::ephemeral()
    })
    .await;
    let access = sandbox.token(PETER).await;
    let (status, body) = sandbox.get(&access, "/ping").await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn bad_credentials_get_rfc_6749_errors() {
    let sandbox = TestSandbox::start().await;
    let grant =
        |user: &'static str, password: &'static str, secret: &'static str, scope: &'static str| {
            [
                ("grant_type", "password"),
                ("client_id", CLIENT_ID),
                ("client_secret", secret),
                ("scope", scope),
                ("username", user),
                ("password", password),
            ]
        };

    let (status, wrong_password) = sandbox
        .oauth(&grant(PETER, "letmein", CLIENT_SECRET, "MOBPROC"))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong_password["error"], "invalid_grant");
    let (status, unknown_user) = sandbox
        .oauth(&grant("nobody.acme", "demo", CLIENT_SECRET, "MOBPROC"))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        unknown_user, wrong_password,
        "no hint whether the user exists"
    );

    let (status, body) = sandbox
        .oauth(&grant(PETER, "demo", "not-the-secret", "MOBPROC"))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "invalid_client");

    let (status, body) = sandbox
        .oauth(&grant(PETER, "demo", CLIENT_SECRET, "ADMIN"))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_scope");

    let (status, body) = sandbox
        .oauth(&[
            ("grant_type", "client_credentials"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "unsupported_grant_type");

    let (status, body) = sandbox.oauth(&[("client_id", CLIENT_ID)]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_request");
}
