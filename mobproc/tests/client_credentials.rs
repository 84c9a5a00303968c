//! Refused tokens: a 401 renews the token through the caller's credentials and sends the
//! call once more, except the submission of an order, which is never sent twice.
#![cfg(feature = "client")]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use common::client_for;
use mobproc::client::{AccessToken, CallContext, Credentials, ErrorKind, MobprocError};
use mobproc::model::OrderRequestBody;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Hands out `stale` until asked to renew, then `fresh`; counts renewals.
struct Rotating {
    renewed: AtomicUsize,
}

impl Rotating {
    fn new() -> Self {
        Self {
            renewed: AtomicUsize::new(0),
        }
    }

    fn renewals(&self) -> usize {
        self.renewed.load(Ordering::SeqCst)
    }
}

impl Credentials for Rotating {
    type Error = MobprocError;

    async fn token(&self) -> Result<AccessToken, MobprocError> {
        Ok(AccessToken::new(
            if self.renewals() == 0 {
                "stale"
            } else {
                "fresh"
            }
            .into(),
        ))
    }

    async fn renew(&self, rejected: &AccessToken) -> Result<Option<AccessToken>, MobprocError> {
        assert_eq!(rejected.secret(), "stale");
        self.renewed.fetch_add(1, Ordering::SeqCst);
        Ok(Some(AccessToken::new("fresh".into())))
    }
}

async fn refusing_stale(server: &MockServer, verb: &str, at: &str, answer: serde_json::Value) {
    Mock::given(method(verb))
        .and(path(at))
        .and(header("authorization", "Bearer stale"))
        .respond_with(ResponseTemplate::new(401))
        .expect(1)
        .mount(server)
        .await;
    Mock::given(method(verb))
        .and(path(at))
        .and(header("authorization", "Bearer fresh"))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .mount(server)
        .await;
}

fn order() -> OrderRequestBody {
    serde_json::from_value(serde_json::json!({
        "orderRequest": {"externalOrderNumber": "SF-1", "transactionType": "SUSPEND", "serviceId": "1"}
    }))
    .unwrap()
}

#[tokio::test]
async fn a_get_refused_with_401_is_sent_again_with_a_renewed_token() {
    let server = MockServer::start().await;
    let me = serde_json::json!({"me": {"authenticatedUser": {"id": "1"}, "actor": {"id": "1"}}});
    refusing_stale(&server, "GET", "/mobproc/v1/me", me).await;
    let credentials = Rotating::new();

    let me = client_for(&server)
        .api(&credentials, CallContext::new())
        .me()
        .await
        .unwrap();

    assert_eq!(me.actor.id, "1");
    assert_eq!(credentials.renewals(), 1);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].headers["x-tngo-context-correlationid"],
        requests[1].headers["x-tngo-context-correlationid"],
        "the second attempt is the same call"
    );
}

#[tokio::test]
async fn a_confirmation_refused_with_401_is_sent_again() {
    let server = MockServer::start().await;
    let confirmed = serde_json::json!({"status": "SUCCESS", "orderConfirmation": {"externalOrderNumber": "SF-1", "transactionType": "SUSPEND"}});
    refusing_stale(&server, "POST", "/mobproc/v1/orders", confirmed).await;
    let credentials = Rotating::new();

    let confirmation = client_for(&server)
        .api(&credentials, CallContext::new())
        .confirm_order(&order())
        .await
        .unwrap();

    assert_eq!(confirmation.external_order_number.as_deref(), Some("SF-1"));
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_submission_refused_with_401_is_not_sent_again() {
    let server = MockServer::start().await;
    let placed = serde_json::json!({"status": "SUCCESS", "order": {"orderId": "1"}});
    Mock::given(method("POST"))
        .and(path("/mobproc/v1/orders"))
        .and(header("authorization", "Bearer stale"))
        .respond_with(ResponseTemplate::new(401))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/mobproc/v1/orders"))
        .respond_with(ResponseTemplate::new(200).set_body_json(placed))
        .expect(0)
        .mount(&server)
        .await;
    let credentials = Rotating::new();

    let error = client_for(&server)
        .api(&credentials, CallContext::new())
        .submit_order(&order())
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::Unauthorized(_)));
    assert_eq!(
        credentials.renewals(),
        0,
        "the caller decides what comes next"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_plain_token_cannot_renew_so_the_401_stands() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401))
        .expect(1)
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&AccessToken::new("t".into()), CallContext::new())
        .me()
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::Unauthorized(_)));
}
