//! Withdrawing catalog items at run time: gone from listings, 404 in detail, refused
//! in orders like an unknown id, still shown in orders placed before; a reset brings
//! them back.

mod common;
mod orders_common;

use common::{ids, TestSandbox, PETER};
use orders_common::{order_id, post_order, request, submit};
use reqwest::StatusCode;
use sandbox::store::CatalogKind;
use serde_json::{json, Value};

async fn withdraw(sandbox: &TestSandbox, body: Value) -> (StatusCode, Value) {
    TestSandbox::send(
        sandbox
            .http
            .post(format!("{}/_sandbox/withdraw", sandbox.base()))
            .json(&body),
    )
    .await
}

async fn reset(sandbox: &TestSandbox) {
    let response = sandbox
        .http
        .post(format!("{}/_sandbox/reset", sandbox.base()))
        .send()
        .await
        .expect("reset answers");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

async fn listed(sandbox: &TestSandbox, token: &str, path: &str, name: &str) -> Vec<String> {
    let (status, body) = sandbox.get(token, path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    ids(&body[name])
}

/// The error code and message a refused confirmation gives about `field`.
async fn refusal(sandbox: &TestSandbox, token: &str, body: &Value, field: &str) -> String {
    let (status, answer) = post_order(sandbox, token, body.to_string(), true).await;
    orders_common::assert_refused(status, &answer, &[field]);
    let error = answer["errors"]
        .as_array()
        .and_then(|e| e.iter().find(|e| e["field"] == field))
        .expect("the error");
    error["errorCode"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_withdrawn_accessory_is_gone_until_reset() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let fitting = "/catalog/accessories?service=38382349&limit=100";
    let placed = order_id(&submit(&sandbox, &peter, &request("order_accessories")).await);
    assert!(listed(&sandbox, &peter, fitting, "accessories")
        .await
        .contains(&"3628935898".to_owned()));

    let (status, answer) =
        withdraw(&sandbox, json!({ "kind": "accessory", "id": "3628935898" })).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(
        answer,
        json!({ "accessories": ["3628935898"], "devices": [], "plans": [] })
    );
    assert!(!listed(&sandbox, &peter, fitting, "accessories")
        .await
        .contains(&"3628935898".to_owned()));
    assert!(!listed(
        &sandbox,
        &peter,
        "/catalog/accessories?limit=1000",
        "accessories"
    )
    .await
    .contains(&"3628935898".to_owned()));
    let (status, _) = sandbox.get(&peter, "/catalog/accessories/3628935898").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Refused exactly as an id that never existed.
    let withdrawn = refusal(
        &sandbox,
        &peter,
        &request("order_accessories"),
        "shoppingCart.accessoryIds[0]",
    )
    .await;
    let mut unknown = request("order_accessories");
    unknown["orderRequest"]["shoppingCart"]["accessoryIds"][0] = json!("no-such-accessory");
    let never = refusal(&sandbox, &peter, &unknown, "shoppingCart.accessoryIds[0]").await;
    assert_eq!(withdrawn, never);

    // The order placed before still shows what it ordered.
    let (_, order) = sandbox.get(&peter, &format!("/orders/{placed}")).await;
    let names = order["orderSegments"]["items"][0]["accessories"].to_string();
    assert!(names.contains("Vehicle Charger"), "{names}");

    reset(&sandbox).await;
    assert!(listed(&sandbox, &peter, fitting, "accessories")
        .await
        .contains(&"3628935898".to_owned()));
    let (status, _) = sandbox.get(&peter, "/catalog/accessories/3628935898").await;
    assert_eq!(status, StatusCode::OK);
    let (status, answer) = post_order(
        &sandbox,
        &peter,
        request("order_accessories").to_string(),
        true,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
}

#[tokio::test]
async fn a_withdrawn_device_or_plan_cannot_be_ordered() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let devices = "/catalog/devices?service=38382349&limit=100";
    let plans = "/catalog/plans?service=38382349&limit=100";
    assert!(listed(&sandbox, &peter, devices, "devices")
        .await
        .contains(&"9194713904".to_owned()));

    withdraw(&sandbox, json!({ "kind": "device", "id": "9194713904" })).await;
    assert!(!listed(&sandbox, &peter, devices, "devices")
        .await
        .contains(&"9194713904".to_owned()));
    for path in [
        "/catalog/devices/9194713904",
        "/catalog/plans?service=38382349&device=9194713904",
        "/catalog/accessories?device=9194713904",
    ] {
        let (status, _) = sandbox.get(&peter, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    refusal(
        &sandbox,
        &peter,
        &request("upgrade"),
        "shoppingCart.deviceId",
    )
    .await;

    // The Rust API withdraws too.
    sandbox
        .running
        .state()
        .withdraw(CatalogKind::Plan, "6568886698")
        .expect("withdrawn");
    assert!(!listed(&sandbox, &peter, plans, "plans")
        .await
        .contains(&"6568886698".to_owned()));
    for path in [
        "/catalog/plans/6568886698",
        "/catalog/features?plan=6568886698",
    ] {
        let (status, _) = sandbox.get(&peter, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let mut plan_only = request("upgrade");
    plan_only["orderRequest"]["shoppingCart"] = json!({ "planId": "6568886698" });
    refusal(&sandbox, &peter, &plan_only, "shoppingCart.planId").await;

    let (_, now) = TestSandbox::send(
        sandbox
            .http
            .get(format!("{}/_sandbox/withdraw", sandbox.base())),
    )
    .await;
    assert_eq!(
        now,
        json!({ "accessories": [], "devices": ["9194713904"], "plans": ["6568886698"] })
    );
    reset(&sandbox).await;
    let (status, answer) = post_order(&sandbox, &peter, request("upgrade").to_string(), true).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
}

#[tokio::test]
async fn impossible_withdrawals_are_refused() {
    let sandbox = TestSandbox::start().await;
    for (body, expected) in [
        (
            json!({ "kind": "feature", "id": "122" }),
            StatusCode::BAD_REQUEST,
        ),
        (json!({ "kind": "device" }), StatusCode::BAD_REQUEST),
        (
            json!({ "kind": "device", "id": "nope" }),
            StatusCode::NOT_FOUND,
        ),
        // A plan's id is not a device's.
        (
            json!({ "kind": "device", "id": "6568886698" }),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let (status, answer) = withdraw(&sandbox, body.clone()).await;
        assert_eq!(status, expected, "{body}: {answer}");
    }
}
