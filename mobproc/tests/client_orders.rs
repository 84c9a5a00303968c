//! Confirm and submit (API.md §8): the body sent, the answers read, and refusals with
//! their per-field errors.
#![cfg(feature = "client")]

mod common;

use common::{client_for, token};
use mobproc::client::{CallContext, ErrorKind};
use mobproc::model::{OrderRequestBody, OrderStatus, TransactionType};
use wiremock::matchers::{body_json, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn request_json() -> serde_json::Value {
    serde_json::json!({
        "orderRequest": {
            "externalOrderNumber": "12345678",
            "transactionType": "ORDER_ACCESSORIES",
            "serviceId": "38382349",
            "shoppingCart": {"accessoryIds": ["3628935898", "3628939021"]}
        }
    })
}

fn request() -> OrderRequestBody {
    serde_json::from_value(request_json()).unwrap()
}

fn refusal() -> serde_json::Value {
    serde_json::json!({
        "status": "ERROR",
        "errors": [{
            "status": 400, "id": "e1", "errorCode": "400-postal-code",
            "message": "Postal code is not valid.", "field": "shipTo.address.POSTAL_CODE"
        }]
    })
}

#[tokio::test]
async fn confirm_posts_the_request_with_confirm_true() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/mobproc/v1/orders"))
        .and(query_param("confirm", "true"))
        .and(body_json(request_json()))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "orderConfirmation": {"transactionType": "ORDER_ACCESSORIES", "externalOrderNumber": "12345678"},
            "status": "SUCCESS"
        })))
        .expect(1)
        .mount(&server)
        .await;

    let confirmation = client_for(&server)
        .api(&token(), CallContext::new())
        .confirm_order(&request())
        .await
        .unwrap();

    assert_eq!(
        confirmation.transaction_type,
        TransactionType::OrderAccessories
    );
    assert_eq!(
        confirmation.external_order_number.as_deref(),
        Some("12345678")
    );
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        requests[0].headers["content-type"].to_str().unwrap(),
        "application/json"
    );
}

#[tokio::test]
async fn submit_posts_without_confirm_and_reads_the_order() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/mobproc/v1/orders"))
        .and(query_param_is_missing("confirm"))
        .and(body_json(request_json()))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "order": {"orderId": "8711720", "transactionType": "ORDER_ACCESSORIES", "status": "ORDER_SUBMITTED"},
            "status": "SUCCESS"
        })))
        .expect(1)
        .mount(&server)
        .await;

    let order = client_for(&server)
        .api(&token(), CallContext::new())
        .submit_order(&request())
        .await
        .unwrap();

    assert_eq!(order.order_id, "8711720");
    assert_eq!(order.status, OrderStatus::OrderSubmitted);
}

#[tokio::test]
async fn a_refusal_answered_200_carries_its_errors_and_fields() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(refusal()))
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new().with_correlation_id("chk-1"))
        .confirm_order(&request())
        .await
        .unwrap_err();

    let errors = error.order_errors().expect("an order refusal");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].field.as_deref(),
        Some("shipTo.address.POSTAL_CODE")
    );
    assert_eq!(
        errors[0].message.as_deref(),
        Some("Postal code is not valid.")
    );
    assert_eq!(error.correlation_id(), Some("chk-1"));
}

#[tokio::test]
async fn a_refusal_answered_400_is_an_order_refusal_too() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(refusal()))
        .expect(1)
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new())
        .submit_order(&request())
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::OrderRejected(errors) if errors.len() == 1));
}

#[tokio::test]
async fn a_plain_400_on_an_order_is_a_bad_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "errorCode": "400-Region_id-Account-Id-error", "id": "tghwn",
            "message": "Region ID or Service ID must be passed in.", "status": 400
        })))
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new())
        .submit_order(&request())
        .await
        .unwrap_err();

    assert!(
        matches!(error.kind(), ErrorKind::BadRequest(body) if body.id.as_deref() == Some("tghwn"))
    );
}

#[tokio::test]
async fn a_success_without_its_payload_is_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"status": "SUCCESS"})),
        )
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new())
        .submit_order(&request())
        .await
        .unwrap_err();

    assert!(matches!(
        error.kind(),
        ErrorKind::Decode { status: 200, .. }
    ));
}

#[tokio::test]
async fn an_order_is_read_bare_or_wrapped() {
    let server = MockServer::start().await;
    let order = serde_json::json!({"orderId": "8711720", "transactionType": "UPGRADE", "status": "AWAITING_APPROVAL"});
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/orders/1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&order))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/orders/2"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"order": order, "status": "SUCCESS"})),
        )
        .mount(&server)
        .await;
    let client = client_for(&server);

    for id in ["1", "2"] {
        let order = client
            .api(&token(), CallContext::new())
            .order(id)
            .await
            .unwrap();
        assert_eq!(order.order_id, "8711720");
        assert_eq!(order.status, OrderStatus::AwaitingApproval);
    }
}
