//! The client reads answers only up to its size limit: an upstream cannot make the
//! server hold an unbounded body, for API calls or OAuth.
#![cfg(feature = "client")]

mod common;

use mobproc::client::{CallContext, ErrorKind, MobprocClient, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const LIMIT: usize = 64 * 1024;

fn client(server: &MockServer) -> MobprocClient {
    MobprocClient::new(
        common::config(&server.uri())
            .with_retry(RetryPolicy::NONE)
            .with_max_response_bytes(LIMIT),
    )
    .unwrap()
}

/// A JSON body of about `bytes` bytes.
fn body_of(bytes: usize) -> String {
    format!("{{\"id\":\"1\",\"firstName\":\"{}\"}}", "x".repeat(bytes))
}

#[tokio::test]
async fn an_api_answer_over_the_limit_is_refused_and_one_under_it_read() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/employees/big"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(body_of(LIMIT * 4), "application/json"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/employees/small"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(body_of(LIMIT / 2), "application/json"),
        )
        .mount(&server)
        .await;
    let client = client(&server);
    let token = common::token();
    let api = client.api(&token, CallContext::new());
    let error = api.employee("big").await.expect_err("too large");
    assert!(
        matches!(error.kind(), ErrorKind::TooLarge { limit: LIMIT }),
        "{error:?}"
    );
    assert!(api.employee("small").await.is_ok());
}

#[tokio::test]
async fn an_oauth_answer_over_the_limit_is_refused() {
    let server = MockServer::start().await;
    let huge = format!(
        "{{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"{}\"}}",
        "a".repeat(LIMIT * 2)
    );
    Mock::given(method("POST"))
        .and(path("/as/token.oauth2"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(huge, "application/json"))
        .mount(&server)
        .await;
    let error = client(&server)
        .password_grant("peter", "demo")
        .await
        .expect_err("too large");
    assert!(
        matches!(error.kind(), ErrorKind::TooLarge { limit: LIMIT }),
        "{error:?}"
    );
}
