//! Each way a MOBPROC call can fail maps to its own error, with the correlation id used
//! and without the token.
#![cfg(feature = "client")]

mod common;

use std::time::Duration;

use mobproc::client::{
    AccessToken, CallContext, ClientConfig, ErrorKind, MobprocClient, MobprocError, RetryPolicy,
};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "t0ken-abc";
const CORRELATION_ID: &str = "req-err-1";

fn config(base: &str) -> ClientConfig {
    common::config(base).with_retry(RetryPolicy::NONE)
}

fn context() -> CallContext {
    CallContext::new().with_correlation_id(CORRELATION_ID)
}

/// `GET /employees/1` answered with `response`.
async fn fetch_employee(response: ResponseTemplate) -> MobprocError {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/employees/1"))
        .respond_with(response)
        .expect(1)
        .mount(&server)
        .await;
    let client = MobprocClient::new(config(&server.uri())).unwrap();
    let token = AccessToken::new(TOKEN.to_owned());
    let error = client
        .api(&token, context())
        .employee("1")
        .await
        .unwrap_err();
    assert_traceable(&error);
    error
}

/// The correlation id is kept; the token is in neither the message nor the debug output.
fn assert_traceable(error: &MobprocError) {
    assert_eq!(error.correlation_id(), Some(CORRELATION_ID));
    let text = format!("{error} {error:?}");
    assert!(!text.contains(TOKEN), "token leaked: {text}");
    assert!(!text.contains("s3cr3t"), "secret leaked: {text}");
}

fn mobproc_error(status: u16) -> serde_json::Value {
    serde_json::json!({
        "errorCode": format!("{status}-error"), "id": "tghwn",
        "message": "Region ID or Service ID must be passed in.", "status": status
    })
}

#[tokio::test]
async fn a_400_keeps_mobproc_error_body() {
    let error = fetch_employee(ResponseTemplate::new(400).set_body_json(mobproc_error(400))).await;

    let ErrorKind::BadRequest(body) = error.kind() else {
        panic!("expected BadRequest, got {error:?}");
    };
    assert_eq!(body.status, 400);
    assert_eq!(body.error_code.as_deref(), Some("400-error"));
    assert_eq!(body.id.as_deref(), Some("tghwn"));
    assert_eq!(
        body.message.as_deref(),
        Some("Region ID or Service ID must be passed in.")
    );
    assert!(error
        .to_string()
        .contains("Region ID or Service ID must be passed in."));
}

#[tokio::test]
async fn a_401_is_unauthorized() {
    let error = fetch_employee(ResponseTemplate::new(401)).await;
    assert!(matches!(error.kind(), ErrorKind::Unauthorized(None)));
}

#[tokio::test]
async fn a_403_is_forbidden_with_its_body() {
    let error = fetch_employee(ResponseTemplate::new(403).set_body_json(mobproc_error(403))).await;
    assert!(matches!(error.kind(), ErrorKind::Forbidden(Some(body)) if body.status == 403));
}

#[tokio::test]
async fn a_404_is_not_found() {
    let error =
        fetch_employee(ResponseTemplate::new(404).set_body_string("<html>nope</html>")).await;
    assert!(matches!(error.kind(), ErrorKind::NotFound(None)));
}

#[tokio::test]
async fn a_5xx_is_a_server_error() {
    let error = fetch_employee(ResponseTemplate::new(502).set_body_json(mobproc_error(502))).await;
    assert!(matches!(
        error.kind(),
        ErrorKind::Server {
            status: 502,
            body: Some(_)
        }
    ));
}

#[tokio::test]
async fn a_redirect_is_not_followed() {
    let error = fetch_employee(
        ResponseTemplate::new(302).insert_header("location", "http://elsewhere.test/steal"),
    )
    .await;
    assert!(matches!(
        error.kind(),
        ErrorKind::UnexpectedStatus { status: 302 }
    ));
}

#[tokio::test]
async fn an_undecodable_body_is_a_decode_error_with_its_status() {
    let ok = fetch_employee(ResponseTemplate::new(200).set_body_string("{\"id\": 12")).await;
    assert!(matches!(ok.kind(), ErrorKind::Decode { status: 200, .. }));

    let wrong_shape =
        fetch_employee(ResponseTemplate::new(200).set_body_json(serde_json::json!({"name": "x"})))
            .await;
    assert!(matches!(
        wrong_shape.kind(),
        ErrorKind::Decode { status: 200, .. }
    ));

    let bad_request = fetch_employee(ResponseTemplate::new(400).set_body_string("<html/>")).await;
    assert!(matches!(
        bad_request.kind(),
        ErrorKind::Decode { status: 400, .. }
    ));
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .expect(1)
        .mount(&server)
        .await;
    let client =
        MobprocClient::new(config(&server.uri()).with_request_timeout(Duration::from_millis(100)))
            .unwrap();

    let token = AccessToken::new(TOKEN.to_owned());

    let error = client
        .api(&token, context())
        .employee("1")
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::Timeout));
    assert_traceable(&error);
}

#[tokio::test]
async fn a_refused_connection_is_a_connect_error() {
    // A port that was free a moment ago: nothing listens there any more.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = MobprocClient::new(config(&base)).unwrap();

    let token = AccessToken::new(TOKEN.to_owned());

    let error = client
        .api(&token, context())
        .employee("1")
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::Connect(_)), "{error:?}");
    assert_traceable(&error);
}

#[tokio::test]
async fn an_unusable_id_is_refused_before_sending() {
    let server = MockServer::start().await;
    let client = MobprocClient::new(config(&server.uri())).unwrap();

    let token = AccessToken::new(TOKEN.to_owned());

    let error = client
        .api(&token, context())
        .employee("..")
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::InvalidId));
    assert!(server.received_requests().await.unwrap().is_empty());
}
