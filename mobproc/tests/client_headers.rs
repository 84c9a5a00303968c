//! The headers of API.md §3 on every call, the actor precedence, correlation ids, and
//! header injection refused before anything is sent.
#![cfg(feature = "client")]

mod common;

use std::time::Duration;

use common::client_for;
use mobproc::client::{AccessToken, CallContext, ClientConfig, ErrorKind, MobprocClient};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "t0ken-abc";

fn token() -> AccessToken {
    AccessToken::new(TOKEN.to_owned())
}

fn header(request: &Request, name: &str) -> Option<String> {
    request
        .headers
        .get(name)
        .map(|value| value.to_str().unwrap().to_owned())
}

async fn ping_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/ping"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"echoText": "hi"})),
        )
        .mount(&server)
        .await;
    server
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    requests.remove(0)
}

#[tokio::test]
async fn every_header_is_sent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/ping"))
        .and(query_param("echoText", "hi"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"echoText": "hi"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let context = CallContext::new()
        .with_employee_id("28673732")
        .with_hierarchy_id("H-1")
        .with_activity_id("checkout-42")
        .with_correlation_id("req-7f3a");

    let ping = client_for(&server)
        .api(&token(), context.clone())
        .ping("hi")
        .await
        .unwrap();

    assert_eq!(ping.echo_text.as_deref(), Some("hi"));
    let request = only_request(&server).await;
    let expected = [
        ("authorization", "Bearer t0ken-abc"),
        ("x-tngo-tenant", "ACME"),
        ("client_id", "storefront-client"),
        ("x-tngo-context-employeeid", "28673732"),
        ("x-tngo-context-hierarchyid", "H-1"),
        ("x-tngo-context-activityid", "checkout-42"),
        ("x-tngo-context-correlationid", "req-7f3a"),
    ];
    for (name, value) in expected {
        assert_eq!(header(&request, name).as_deref(), Some(value), "{name}");
    }
    assert_eq!(header(&request, "x-tngo-context-companyemployeeid"), None);
}

#[tokio::test]
async fn employee_id_wins_over_company_employee_id() {
    let server = ping_server().await;
    let context = CallContext::new()
        .with_employee_id("28673732")
        .with_company_employee_id("peter.edwards@acme.com");

    client_for(&server)
        .api(&token(), context.clone())
        .ping("hi")
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(
        header(&request, "x-tngo-context-employeeid").as_deref(),
        Some("28673732")
    );
    assert_eq!(header(&request, "x-tngo-context-companyemployeeid"), None);
}

#[tokio::test]
async fn company_employee_id_is_sent_when_alone() {
    let server = ping_server().await;
    let context = CallContext::new().with_company_employee_id("peter.edwards@acme.com");

    client_for(&server)
        .api(&token(), context.clone())
        .ping("hi")
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(
        header(&request, "x-tngo-context-companyemployeeid").as_deref(),
        Some("peter.edwards@acme.com")
    );
    for absent in [
        "x-tngo-context-employeeid",
        "x-tngo-context-hierarchyid",
        "x-tngo-context-activityid",
    ] {
        assert_eq!(header(&request, absent), None, "{absent}");
    }
}

#[tokio::test]
async fn without_a_caller_id_each_call_gets_a_fresh_uuid() {
    let server = ping_server().await;
    let client = client_for(&server);

    client
        .api(&token(), CallContext::new())
        .ping("hi")
        .await
        .unwrap();
    client
        .api(&token(), CallContext::new())
        .ping("hi")
        .await
        .unwrap();

    let requests = server.received_requests().await.unwrap();
    let ids: Vec<String> = requests
        .iter()
        .map(|request| header(request, "x-tngo-context-correlationid").unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
    for id in &ids {
        uuid::Uuid::parse_str(id).unwrap();
    }
}

#[tokio::test]
async fn the_error_carries_the_correlation_id_sent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let client = client_for(&server);

    let given = client
        .api(&token(), CallContext::new().with_correlation_id("req-1"))
        .me()
        .await
        .unwrap_err();
    let fresh = client
        .api(&token(), CallContext::new())
        .me()
        .await
        .unwrap_err();

    assert_eq!(given.correlation_id(), Some("req-1"));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        fresh.correlation_id(),
        header(&requests[1], "x-tngo-context-correlationid").as_deref()
    );
    assert!(given.to_string().contains("req-1"));
}

#[tokio::test]
async fn header_injection_is_refused_before_sending() {
    let server = ping_server().await;
    let client = client_for(&server);
    let refused = [
        (
            CallContext::new().with_employee_id("123\r\nX-Evil: 1"),
            "x-tngo-context-employeeid",
        ),
        (
            CallContext::new().with_company_employee_id("a\nb"),
            "x-tngo-context-companyemployeeid",
        ),
        (
            CallContext::new().with_hierarchy_id("h\r"),
            "x-tngo-context-hierarchyid",
        ),
        (
            CallContext::new().with_activity_id("two words"),
            "x-tngo-context-activityid",
        ),
        (
            CallContext::new().with_employee_id("caf\u{e9}"),
            "x-tngo-context-employeeid",
        ),
        (
            CallContext::new().with_employee_id(""),
            "x-tngo-context-employeeid",
        ),
    ];

    for (context, expected) in refused {
        let error = client
            .api(&token(), context.clone())
            .ping("hi")
            .await
            .unwrap_err();
        match error.kind() {
            ErrorKind::InvalidHeader { name } => assert_eq!(name.as_str(), expected),
            other => panic!("expected InvalidHeader for {expected}, got {other:?}"),
        }
        assert!(error.correlation_id().is_some());
    }

    let bad_id = CallContext::new().with_correlation_id("id\r\nX-Evil: 1");
    let error = client
        .api(&token(), bad_id.clone())
        .ping("hi")
        .await
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::InvalidHeader { .. }));
    assert_eq!(error.correlation_id(), None);

    let bad_token = AccessToken::new("t0ken\r\nX-Evil: 1".to_owned());
    let error = client
        .api(&bad_token, CallContext::new())
        .ping("hi")
        .await
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::InvalidHeader { name } if name == "authorization"));
    assert!(!format!("{error} {error:?}").contains("t0ken"));

    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn tenant_and_client_id_are_checked_when_built() {
    let config = ClientConfig::new(
        "http://127.0.0.1:9/mobproc/v1",
        "http://127.0.0.1:9/as/token.oauth2",
        "AC\r\nME",
        "storefront-client",
        "s3cr3t",
    )
    .with_request_timeout(Duration::from_secs(1));
    let error = MobprocClient::new(config).unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::InvalidHeader { name } if name == "x-tngo-tenant"));
}
