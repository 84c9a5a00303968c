//! Fault injection over real HTTP: 4xx and 5xx answers, latency, hanging requests, and
//! a connection dropped after an order was committed; set by flag and at run time.

mod common;
mod orders_common;

use std::time::{Duration, Instant};

use common::{assert_error, TestSandbox, ADMIN, BARBARA_ID, JAMES_ID, PETER};
use orders_common::{order_ids, post_order, request_text};
use reqwest::{Method, StatusCode};
use sandbox::Config;
use serde_json::{json, Value};

async fn set_faults(sandbox: &TestSandbox, rules: Value) -> (StatusCode, Value) {
    TestSandbox::send(
        sandbox
            .http
            .post(format!("{}/_sandbox/faults", sandbox.base()))
            .json(&rules),
    )
    .await
}

async fn clear_faults(sandbox: &TestSandbox) {
    let response = sandbox
        .http
        .delete(format!("{}/_sandbox/faults", sandbox.base()))
        .send()
        .await
        .expect("faults answer");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn an_error_rate_of_one_fails_every_confirmation() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let rule =
        json!([{ "path": "/mobproc/v1/orders?confirm=true", "method": "POST", "errorRate": 1.0 }]);
    let (status, rules) = set_faults(&sandbox, rule).await;
    assert_eq!(status, StatusCode::OK, "{rules}");
    assert_eq!(rules[0]["errorStatus"], 503);

    for _ in 0..3 {
        let (status, body) = post_order(&sandbox, &peter, request_text("upgrade"), true).await;
        assert_error(status, &body, StatusCode::SERVICE_UNAVAILABLE);
    }
    // The rule names the confirmation only: submitting still works.
    let (status, _) = post_order(&sandbox, &peter, request_text("upgrade"), false).await;
    assert_eq!(status, StatusCode::OK);

    let (_, listed) = TestSandbox::send(
        sandbox
            .http
            .get(format!("{}/_sandbox/faults", sandbox.base())),
    )
    .await;
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    clear_faults(&sandbox).await;
    let (status, _) = post_order(&sandbox, &peter, request_text("upgrade"), true).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_limited_rule_fails_only_its_next_requests() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let rule = json!({ "rules": [{ "path": "/mobproc/v1/orders*", "errorRate": 1, "errorStatus": 502, "times": 1 }] });
    set_faults(&sandbox, rule).await;
    let (status, _) = post_order(&sandbox, &peter, request_text("upgrade"), true).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    let (status, _) = post_order(&sandbox, &peter, request_text("upgrade"), true).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_4xx_fault_refuses_one_employee_with_an_error_body() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    let barbara = format!("/employees/{BARBARA_ID}");
    let rule = json!([{
        "path": format!("/mobproc/v1{barbara}"),
        "method": "GET",
        "errorRate": 1,
        "errorStatus": 403
    }]);
    let (status, rules) = set_faults(&sandbox, rule).await;
    assert_eq!(status, StatusCode::OK, "{rules}");
    assert_eq!(rules[0]["errorStatus"], 403);

    let (status, body) = sandbox.get(&admin, &barbara).await;
    assert_error(status, &body, StatusCode::FORBIDDEN);
    assert_eq!(body["errorCode"], "403-Injected-Fault", "{body}");
    // Only that employee: the admin still reads the others.
    let (status, body) = sandbox.get(&admin, &format!("/employees/{JAMES_ID}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn latency_delays_the_answer() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    set_faults(
        &sandbox,
        json!([{ "path": "/mobproc/v1/ping", "method": "GET", "latencyMs": 300, "jitterMs": 50 }]),
    )
    .await;
    let started = Instant::now();
    let (status, _) = sandbox.get(&peter, "/ping?echoText=slow").await;
    let took = started.elapsed();
    assert_eq!(status, StatusCode::OK);
    assert!(took >= Duration::from_millis(300), "{took:?}");
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[tokio::test]
async fn a_hanging_request_never_answers() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    set_faults(
        &sandbox,
        json!([{ "path": "/mobproc/v1/ping", "hang": true }]),
    )
    .await;
    let error = sandbox
        .request(Method::GET, &peter, "/ping")
        .timeout(Duration::from_millis(300))
        .send()
        .await
        .expect_err("no answer");
    assert!(error.is_timeout(), "{error}");
    clear_faults(&sandbox).await;
    let (status, _) = sandbox.get(&peter, "/ping").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn shutting_down_ends_hanging_requests() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    // `times: 1`: the rule is gone once the request hangs on it.
    set_faults(
        &sandbox,
        json!([{ "path": "/mobproc/v1/ping", "hang": true, "times": 1 }]),
    )
    .await;
    let hung = tokio::spawn(sandbox.request(Method::GET, &peter, "/ping").send());
    let faults_url = format!("{}/_sandbox/faults", sandbox.base());
    let hanging = async {
        while TestSandbox::send(sandbox.http.get(&faults_url)).await.1 != json!([]) {
            tokio::task::yield_now().await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), hanging)
        .await
        .expect("the request reaches the sandbox");
    let TestSandbox { running, .. } = sandbox;
    tokio::time::timeout(Duration::from_secs(10), running.shutdown())
        .await
        .expect("shutdown does not wait for hanging requests")
        .expect("stops");
    let answer = hung.await.expect("request task");
    assert!(answer.is_err(), "{answer:?}");
}

#[tokio::test]
async fn a_dropped_connection_after_commit_still_leaves_one_order() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    set_faults(
        &sandbox,
        json!([{ "path": "/mobproc/v1/orders", "method": "POST", "dropAfterCommit": true }]),
    )
    .await;
    let outcome = async {
        sandbox
            .request(Method::POST, &peter, "/orders")
            .header("content-type", "application/json")
            .body(request_text("order_accessories"))
            .send()
            .await?
            .bytes()
            .await
    }
    .await;
    let error = outcome.expect_err("the connection breaks");
    assert!(!error.is_timeout(), "{error}");

    // Did the order go through? Reading is not faulted: yes, exactly once.
    let (status, list) = sandbox.get(&peter, "/orders").await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(order_ids(&list).len(), 1, "{list}");
    assert_eq!(
        list["orders"]["items"][0]["externalOrderNumber"],
        "MM123456A"
    );
}

#[tokio::test]
async fn flag_rules_apply_from_the_start_and_come_back_on_reset() {
    let config = Config {
        faults: vec![
            "path=/mobproc/v1/ping,method=GET,error-rate=1.0,error-status=500"
                .parse()
                .expect("a rule"),
        ],
        ..Config::ephemeral()
    };
    let sandbox = TestSandbox::with(config).await;
    let peter = sandbox.token(PETER).await;
    let (status, body) = sandbox.get(&peter, "/ping").await;
    assert_error(status, &body, StatusCode::INTERNAL_SERVER_ERROR);

    let (status, _) = set_faults(&sandbox, json!([])).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = sandbox.get(&peter, "/ping").await;
    assert_eq!(status, StatusCode::OK);

    let reset = sandbox
        .http
        .post(format!("{}/_sandbox/reset", sandbox.base()))
        .send()
        .await
        .expect("reset answers");
    assert!(reset.status().is_success());
    let (status, _) = sandbox.get(&peter, "/ping").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
}

#[tokio::test]
async fn impossible_rules_are_refused() {
    let sandbox = TestSandbox::start().await;
    for rules in [
        json!([{ "path": "/x", "errorRate": 2 }]),
        json!([{ "path": "/x", "errorStatus": 399 }]),
        json!([{ "path": "/x", "errorStatus": 600 }]),
        json!([{ "path": "/x", "speed": 1 }]),
        json!([{ "method": "GET" }]),
        json!({ "path": "/x" }),
    ] {
        let (status, body) = set_faults(&sandbox, rules).await;
        assert_error(status, &body, StatusCode::BAD_REQUEST);
    }
}
