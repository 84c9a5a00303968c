//! GETs are retried on 5xx, timeouts and connect errors, within the policy; 4xx never;
//! POSTs never, whatever happens.
#![cfg(feature = "client")]

mod common;

use std::time::Duration;

use common::token;
use mobproc::client::{CallContext, ClientConfig, ErrorKind, MobprocClient, RetryPolicy};
use mobproc::model::OrderRequestBody;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const FAST: RetryPolicy = RetryPolicy {
    max_retries: 3,
    min_delay: Duration::from_millis(1),
    max_delay: Duration::from_millis(5),
};

fn config_for(server: &MockServer) -> ClientConfig {
    common::config(&server.uri()).with_retry(FAST)
}

fn client_for(server: &MockServer) -> MobprocClient {
    MobprocClient::new(config_for(server)).unwrap()
}

fn order_body() -> OrderRequestBody {
    serde_json::from_value(serde_json::json!({
        "orderRequest": {"transactionType": "ORDER_ACCESSORIES", "serviceId": "38382349"}
    }))
    .unwrap()
}

fn employee() -> serde_json::Value {
    serde_json::json!({"id": "48068931", "firstName": "Barbara"})
}

async fn received(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

#[tokio::test]
async fn a_get_answered_503_twice_then_200_succeeds_on_the_third_request() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/employees/48068931"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/employees/48068931"))
        .respond_with(ResponseTemplate::new(200).set_body_json(employee()))
        .expect(1)
        .mount(&server)
        .await;

    let employee = client_for(&server)
        .api(&token(), CallContext::new())
        .employee("48068931")
        .await
        .unwrap();

    assert_eq!(employee.id, "48068931");
    assert_eq!(received(&server).await, 3);
}

#[tokio::test]
async fn a_get_always_500_stops_after_max_retries() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500))
        .expect(4)
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new())
        .employee("48068931")
        .await
        .unwrap_err();

    assert!(matches!(
        error.kind(),
        ErrorKind::Server { status: 500, .. }
    ));
    assert_eq!(received(&server).await, 1 + FAST.max_retries);
}

#[tokio::test]
async fn all_attempts_of_a_get_carry_the_same_correlation_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502))
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new())
        .me()
        .await
        .unwrap_err();

    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 4);
    for request in &requests {
        assert_eq!(
            request.headers["x-tngo-context-correlationid"]
                .to_str()
                .unwrap(),
            error.correlation_id().unwrap()
        );
    }
}

#[tokio::test]
async fn a_get_answered_400_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "errorCode": "400-Region_id-Account-Id-error", "id": "tghwn",
            "message": "Region ID or Service ID must be passed in.", "status": 400
        })))
        .expect(1)
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new())
        .employee("48068931")
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::BadRequest(_)));
    assert_eq!(received(&server).await, 1);
}

#[tokio::test]
async fn a_get_timing_out_is_retried() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(employee())
                .set_delay(Duration::from_secs(5)),
        )
        .expect(2)
        .mount(&server)
        .await;
    let config = config_for(&server)
        .with_request_timeout(Duration::from_millis(100))
        .with_retry(RetryPolicy {
            max_retries: 1,
            ..FAST
        });

    let error = MobprocClient::new(config)
        .unwrap()
        .api(&token(), CallContext::new())
        .employee("48068931")
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::Timeout));
    assert_eq!(received(&server).await, 2);
}

#[tokio::test]
async fn submitting_an_order_answered_500_is_sent_exactly_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/mobproc/v1/orders"))
        .respond_with(ResponseTemplate::new(500))
        .expect(1)
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new())
        .submit_order(&order_body())
        .await
        .unwrap_err();

    assert!(matches!(
        error.kind(),
        ErrorKind::Server { status: 500, .. }
    ));
    assert_eq!(received(&server).await, 1);
}

#[tokio::test]
async fn no_post_is_retried_on_503_or_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/mobproc/v1/orders"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/mobproc/v1/orders/8711720/approval"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .expect(1)
        .mount(&server)
        .await;
    let config = config_for(&server).with_request_timeout(Duration::from_millis(100));
    let client = MobprocClient::new(config).unwrap();

    let confirm = client
        .api(&token(), CallContext::new())
        .confirm_order(&order_body())
        .await
        .unwrap_err();
    let approval = serde_json::from_value(serde_json::json!({"action": "APPROVE"})).unwrap();
    let approve = client
        .api(&token(), CallContext::new())
        .order_approval("8711720", &approval)
        .await
        .unwrap_err();

    assert!(matches!(
        confirm.kind(),
        ErrorKind::Server { status: 503, .. }
    ));
    assert!(matches!(approve.kind(), ErrorKind::Timeout));
    assert_eq!(received(&server).await, 2);
}
