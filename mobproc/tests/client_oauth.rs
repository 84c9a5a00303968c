//! OAuth against a PingFederate stand-in (API.md §2): the form each call sends, the
//! answers read, refusals told apart, and no secret in any error.
#![cfg(feature = "client")]

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use mobproc::client::{
    AccessToken, ClientConfig, ErrorKind, MobprocClient, PkceCodeVerifier, RefreshToken,
};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOKEN_PATH: &str = "/as/token.oauth2";
const REVOKE_PATH: &str = "/as/revoke_token.oauth2";

fn config_for(server: &MockServer) -> ClientConfig {
    ClientConfig::new(
        format!("{}/mobproc/v1", server.uri()),
        format!("{}{TOKEN_PATH}", server.uri()),
        "ACME",
        "storefront-client",
        "s3cr3t",
    )
}

fn client_for(server: &MockServer) -> MobprocClient {
    let config = config_for(server).with_revocation_url(format!("{}{REVOKE_PATH}", server.uri()));
    MobprocClient::new(config).unwrap()
}

fn form(request: &Request) -> HashMap<String, String> {
    url::form_urlencoded::parse(&request.body)
        .into_owned()
        .collect()
}

async fn only_form(server: &MockServer) -> HashMap<String, String> {
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].headers["content-type"],
        "application/x-www-form-urlencoded"
    );
    // Client credentials go in the body, never as Basic auth.
    assert!(requests[0].headers.get("authorization").is_none());
    form(&requests[0])
}

fn expect_form(form: &HashMap<String, String>, expected: &[(&str, &str)]) {
    for (name, value) in expected {
        assert_eq!(form.get(*name).map(String::as_str), Some(*value), "{name}");
    }
    assert_eq!(
        form.len(),
        expected.len(),
        "unexpected parameters in {form:?}"
    );
}

async fn token_endpoint(server: &MockServer, response: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(response)
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn the_password_grant_sends_its_form_and_reads_the_tokens() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "token_type": "Bearer", "expires_in": 7199,
            "refresh_token": "a9AhNvcffquYkV4bSw0O6gt4gKZRvTUGR2lfR8nJf4",
            "access_token": "ts5grB07RB2GHAuOs67tJ4zJjV1R"
        })),
    )
    .await;
    let before = SystemTime::now();

    let tokens = client_for(&server)
        .password_grant("command://peter.edwards", "pa ss&word")
        .await
        .unwrap();

    let after = SystemTime::now();
    expect_form(
        &only_form(&server).await,
        &[
            ("grant_type", "password"),
            ("username", "command://peter.edwards"),
            ("password", "pa ss&word"),
            ("scope", "MOBPROC"),
            ("client_id", "storefront-client"),
            ("client_secret", "s3cr3t"),
        ],
    );
    assert_eq!(tokens.access_token.secret(), "ts5grB07RB2GHAuOs67tJ4zJjV1R");
    assert_eq!(
        tokens.refresh_token.as_ref().unwrap().secret(),
        "a9AhNvcffquYkV4bSw0O6gt4gKZRvTUGR2lfR8nJf4"
    );
    let lifetime = Duration::from_secs(7199);
    assert!(tokens.expires_at >= before + lifetime && tokens.expires_at <= after + lifetime);
    assert!(!tokens.expires_within(Duration::from_secs(60)));
    assert!(tokens.expires_within(Duration::from_secs(7200)));
    assert!(!format!("{tokens:?}").contains("ts5grB07RB2GHAuOs67tJ4zJjV1R"));
}

#[tokio::test]
async fn the_code_grant_sends_the_code_redirect_uri_and_verifier_with_the_credentials() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "token_type": "Bearer", "expires_in": 7200,
            "refresh_token": "c0deRefreshTokenFromTheIdentityProvider000",
            "access_token": "c0deAccessToken"
        })),
    )
    .await;
    let redirect = url::Url::parse("https://shop.example.com/auth/callback").unwrap();
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    let tokens = client_for(&server)
        .code_grant(
            "the-code",
            &redirect,
            PkceCodeVerifier::new(verifier.into()),
        )
        .await
        .unwrap();

    expect_form(
        &only_form(&server).await,
        &[
            ("grant_type", "authorization_code"),
            ("code", "the-code"),
            ("redirect_uri", "https://shop.example.com/auth/callback"),
            ("code_verifier", verifier),
            ("client_id", "storefront-client"),
            ("client_secret", "s3cr3t"),
        ],
    );
    assert_eq!(tokens.access_token.secret(), "c0deAccessToken");
}

#[tokio::test]
async fn the_refresh_grant_sends_the_refresh_token() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "token_type": "Bearer", "expires_in": 7200,
            "refresh_token": "wBzXpMnRjAyiLMDrn0vmhnO89pMbm22WJVXuf0RazH",
            "access_token": "Ql0mwXlo8lWHmczeiopaDt5rLMTO"
        })),
    )
    .await;

    let tokens = client_for(&server)
        .refresh_grant(&RefreshToken::new("old-refresh".to_owned()))
        .await
        .unwrap();

    expect_form(
        &only_form(&server).await,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", "old-refresh"),
            ("scope", "MOBPROC"),
            ("client_id", "storefront-client"),
            ("client_secret", "s3cr3t"),
        ],
    );
    assert_eq!(tokens.access_token.secret(), "Ql0mwXlo8lWHmczeiopaDt5rLMTO");
    assert_eq!(
        tokens.refresh_token.unwrap().secret(),
        "wBzXpMnRjAyiLMDrn0vmhnO89pMbm22WJVXuf0RazH"
    );
}

#[tokio::test]
async fn invalid_grant_is_told_apart_and_hides_the_password() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "error": "invalid_grant", "error_description": "Invalid username or password"
        })),
    )
    .await;

    let error = client_for(&server)
        .password_grant("peter.edwards", "wrong-pa55")
        .await
        .unwrap_err();

    assert!(matches!(
        error.kind(),
        ErrorKind::InvalidGrant { description: Some(text) } if text == "Invalid username or password"
    ));
    let text = format!("{error} {error:?}");
    assert!(
        !text.contains("wrong-pa55") && !text.contains("s3cr3t"),
        "{text}"
    );
}

#[tokio::test]
async fn other_oauth_errors_keep_their_code() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        ResponseTemplate::new(401).set_body_json(serde_json::json!({"error": "invalid_client"})),
    )
    .await;

    let error = client_for(&server)
        .refresh_grant(&RefreshToken::new("old-refresh".to_owned()))
        .await
        .unwrap_err();

    assert!(matches!(
        error.kind(),
        ErrorKind::OAuthRefused { error, description: None } if error == "invalid_client"
    ));
}

#[tokio::test]
async fn an_unreadable_token_answer_is_reported_without_its_body() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"access_token": "leaky-token", "expires_in": "soon"}),
        ),
    )
    .await;

    let error = client_for(&server)
        .password_grant("peter.edwards", "pa55")
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::OAuthResponse { .. }));
    assert!(!format!("{error} {error:?}").contains("leaky-token"));
}

#[tokio::test]
async fn a_redirect_from_the_token_endpoint_is_not_followed() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        ResponseTemplate::new(307).insert_header("location", format!("{}/elsewhere", server.uri())),
    )
    .await;
    Mock::given(path("/elsewhere"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;

    let error = client_for(&server)
        .password_grant("peter.edwards", "pa55")
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::OAuthResponse { .. }));
}

#[tokio::test]
async fn revocation_posts_the_refresh_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(REVOKE_PATH))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;

    client_for(&server)
        .revoke_refresh_token(&RefreshToken::new("old-refresh".to_owned()))
        .await
        .unwrap();

    expect_form(
        &only_form(&server).await,
        &[
            ("token", "old-refresh"),
            ("token_type_hint", "refresh_token"),
            ("client_id", "storefront-client"),
            ("client_secret", "s3cr3t"),
        ],
    );
}

#[tokio::test]
async fn revocation_without_an_endpoint_is_a_configuration_error() {
    let server = MockServer::start().await;
    let client = MobprocClient::new(config_for(&server)).unwrap();

    let error = client
        .revoke_refresh_token(&RefreshToken::new("old-refresh".to_owned()))
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::Config(_)));
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn validation_posts_the_validate_grant() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "scope": "MOBPROC", "expires_in": 7186, "client_id": "286ff94127c8801e9227d89337c14351",
            "access_token": {
                "platform": "command", "tenant": "XYZ", "multitenant": "false", "domain": "*",
                "identityProvider": "pcv_edge", "identifier": "api.account.xyz"
            }
        })),
    )
    .await;

    let validation = client_for(&server)
        .validate_token(&AccessToken::new("ts5grB07RB2GHAuOs67tJ4zJjV1R".to_owned()))
        .await
        .unwrap();

    expect_form(
        &only_form(&server).await,
        &[
            (
                "grant_type",
                "urn:pingidentity.com:oauth2:grant_type:validate_bearer",
            ),
            ("token", "ts5grB07RB2GHAuOs67tJ4zJjV1R"),
            ("client_id", "storefront-client"),
            ("client_secret", "s3cr3t"),
        ],
    );
    assert_eq!(validation.expires_in, 7186);
    assert_eq!(validation.access_token.tenant.as_deref(), Some("XYZ"));
    assert_eq!(
        validation.access_token.identifier.as_deref(),
        Some("api.account.xyz")
    );
}

#[tokio::test]
async fn validating_an_invalid_token_is_invalid_grant() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "error": "invalid_grant", "error_description": "token not found, expired or invalid"
        })),
    )
    .await;

    let error = client_for(&server)
        .validate_token(&AccessToken::new("expired".to_owned()))
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::InvalidGrant { .. }));
}
