//! Orders after submission: not idempotent, progressing with the sandbox clock
//! (moved, never slept), approval, listing with filters and pages, acting for
//! someone else, and surviving a restart with `--data-dir`.

mod common;
mod orders_common;

use common::{TestSandbox, ADMIN, APPROVER, BARBARA, PETER, PETER_ID};
use orders_common::{order_id, order_ids, post_order, request, submit};
use reqwest::{Method, StatusCode};
use sandbox::Config;
use serde_json::{json, Value};

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

/// Tokens outlive the days these tests move the clock by.
fn config() -> Config {
    Config {
        token_ttl_secs: 30 * 86_400,
        ..Config::ephemeral()
    }
}

async fn start() -> TestSandbox {
    TestSandbox::with(config()).await
}

async fn order(sandbox: &TestSandbox, token: &str, id: &str) -> Value {
    let (status, body) = sandbox.get(token, &format!("/orders/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

fn statuses(history: &Value) -> Vec<String> {
    history["history"]["items"]
        .as_array()
        .expect("history items")
        .iter()
        .map(|e| e["status"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn decide(sandbox: &TestSandbox, token: &str, id: &str, action: &str) -> (StatusCode, Value) {
    TestSandbox::send(
        sandbox
            .request(Method::POST, token, &format!("/orders/{id}/approval"))
            .json(&json!({ "action": action, "reason": "Promoted to manager" })),
    )
    .await
}

#[tokio::test]
async fn an_order_keeps_the_request_it_was_submitted_with() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let body = request("xfer_service_in");
    let order = submit(&sandbox, &peter, &body).await;
    let url = format!(
        "{}/_sandbox/orders/{}/request",
        sandbox.base(),
        order_id(&order)
    );
    let kept: Value = reqwest::get(&url).await.unwrap().json().await.unwrap();
    assert_eq!(kept, body);
    let unknown = reqwest::get(format!("{}/_sandbox/orders/none/request", sandbox.base()))
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn submitting_twice_makes_two_orders() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let body = request("order_accessories");
    let first = submit(&sandbox, &peter, &body).await;
    let second = submit(&sandbox, &peter, &body).await;
    assert_ne!(order_id(&first), order_id(&second));
    let (_, list) = sandbox.get(&peter, "/orders").await;
    assert_eq!(list["orders"]["_meta"]["totalCount"], 2, "{list}");
    for item in list["orders"]["items"].as_array().expect("items") {
        assert_eq!(item["externalOrderNumber"], "MM123456A");
    }
}

#[tokio::test]
async fn a_shipped_order_progresses_to_complete_with_tracking() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let placed = submit(&sandbox, &peter, &request("order_accessories")).await;
    let id = order_id(&placed);
    let segment = &placed["orderSegments"]["items"][0];
    let (history_url, shipments_url) = (
        segment["_meta"]["hrefHistory"]
            .as_str()
            .expect("hrefHistory"),
        segment["_meta"]["hrefShipments"]
            .as_str()
            .expect("hrefShipments"),
    );
    let (_, history) = sandbox.follow(&peter, history_url).await;
    assert_eq!(statuses(&history), ["ORDER_SUBMITTED"]);
    let (_, shipments) = sandbox.follow(&peter, shipments_url).await;
    assert_eq!(
        shipments["shipments"]["_meta"]["totalCount"], 0,
        "{shipments}"
    );

    sandbox.advance_clock(2 * HOUR).await;
    let now = order(&sandbox, &peter, &id).await;
    assert_eq!(now["status"], "IN_PROGRESS");
    assert_eq!(now["orderSegments"]["items"][0]["status"], "IN_PROGRESS");
    assert!(now["updated"].is_string(), "{now}");

    sandbox.advance_clock(DAY).await;
    assert_eq!(order(&sandbox, &peter, &id).await["status"], "SHIPPED");
    let (_, shipments) = sandbox.follow(&peter, shipments_url).await;
    let parcel = &shipments["shipments"]["items"][0];
    assert_eq!(parcel["carrier"], "UPS");
    let tracking = parcel["trackingNumber"].as_str().expect("trackingNumber");
    assert!(
        tracking.starts_with("1Z") && tracking.len() == 18,
        "{tracking}"
    );
    assert_eq!(
        parcel["items"].as_array().map(Vec::len),
        Some(2),
        "{parcel}"
    );

    sandbox.advance_clock(3 * DAY).await;
    assert_eq!(order(&sandbox, &peter, &id).await["status"], "COMPLETED");
    let (_, history) = sandbox.follow(&peter, history_url).await;
    assert_eq!(
        statuses(&history),
        ["ORDER_SUBMITTED", "IN_PROGRESS", "SHIPPED", "COMPLETED"]
    );
    let shipped = &history["history"]["items"][2];
    assert!(shipped["description"]
        .as_str()
        .is_some_and(|d| d.contains(tracking)));
    assert!(shipped["date"].as_str().is_some_and(|d| d.ends_with('Z')));
}

#[tokio::test]
async fn a_care_order_completes_without_shipping() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let id = order_id(&submit(&sandbox, &peter, &request("deactivate")).await);
    sandbox.advance_clock(DAY + HOUR).await;
    assert_eq!(order(&sandbox, &peter, &id).await["status"], "COMPLETED");
    let (_, history) = sandbox.get(&peter, &format!("/orders/{id}/history")).await;
    assert_eq!(
        statuses(&history),
        ["ORDER_SUBMITTED", "IN_PROGRESS", "COMPLETED"]
    );
    let (_, shipments) = sandbox
        .get(&peter, &format!("/orders/{id}/shipments"))
        .await;
    assert_eq!(shipments["shipments"]["items"], json!([]));
}

#[tokio::test]
async fn the_approver_approves_an_expensive_order() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let diane = sandbox.token(APPROVER).await;
    let barbara = sandbox.token(BARBARA).await;
    // MONTHLY 558.67: above the approval threshold.
    let id = order_id(&submit(&sandbox, &peter, &request("upgrade")).await);

    let (status, answer) = decide(&sandbox, &diane, &id, "APPROVE").await;
    assert_eq!(
        (status, &answer["status"]),
        (StatusCode::OK, &json!("NOT_READY_FOR_APPROVAL"))
    );

    sandbox.advance_clock(120).await;
    assert_eq!(
        order(&sandbox, &peter, &id).await["status"],
        "AWAITING_APPROVAL"
    );
    let (_, waiting) = sandbox
        .get(&diane, "/orders?eligibleToApproveEmployeeId=48069010")
        .await;
    assert_eq!(order_ids(&waiting), std::slice::from_ref(&id));

    let (status, _) = decide(&sandbox, &peter, &id, "APPROVE").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = decide(&sandbox, &barbara, &id, "APPROVE").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = decide(&sandbox, &diane, &id, "MAYBE").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, answer) = decide(&sandbox, &diane, &id, "APPROVE").await;
    assert_eq!(
        (status, &answer["status"]),
        (StatusCode::OK, &json!("APPROVAL_QUEUED"))
    );
    assert_eq!(order(&sandbox, &peter, &id).await["status"], "APPROVED");
    let (_, answer) = decide(&sandbox, &diane, &id, "REJECT").await;
    assert_eq!(answer["status"], "APPROVAL_NOT_NEEDED");
    let (_, waiting) = sandbox
        .get(&diane, "/orders?eligibleToApproveEmployeeId=48069010")
        .await;
    assert_eq!(waiting["orders"]["_meta"]["totalCount"], 0);

    sandbox.advance_clock(4 * DAY).await;
    let (_, history) = sandbox.get(&peter, &format!("/orders/{id}/history")).await;
    assert_eq!(
        statuses(&history),
        [
            "ORDER_SUBMITTED",
            "AWAITING_APPROVAL",
            "APPROVED",
            "IN_PROGRESS",
            "SHIPPED",
            "COMPLETED"
        ]
    );
    let approved = history["history"]["items"][2]["description"]
        .as_str()
        .unwrap_or_default();
    assert!(
        approved.contains("Diane Foster") && approved.contains("Promoted"),
        "{approved}"
    );
}

#[tokio::test]
async fn a_rejected_order_stays_rejected() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let diane = sandbox.token(APPROVER).await;
    let id = order_id(&submit(&sandbox, &peter, &request("upgrade")).await);
    sandbox.advance_clock(120).await;
    let (_, answer) = decide(&sandbox, &diane, &id, "REJECT").await;
    assert_eq!(answer["status"], "REJECTION_QUEUED");
    sandbox.advance_clock(10 * DAY).await;
    assert_eq!(order(&sandbox, &peter, &id).await["status"], "REJECTED");
}

#[tokio::test]
async fn an_upgrade_before_the_eligibility_date_needs_approval() {
    let sandbox = start().await;
    // Back to January 2015: Peter's line becomes eligible on 2015-07-21.
    let back_then = chrono::DateTime::parse_from_rfc3339("2015-01-05T12:00:00Z").expect("date");
    let offset = back_then.timestamp() - chrono::Utc::now().timestamp();
    sandbox.advance_clock(offset).await;
    let peter = sandbox.token(PETER).await;
    let mut body = request("upgrade");
    // A plan-only upgrade of 50.00 a month: cheap, but early.
    body["orderRequest"]["shoppingCart"] = json!({ "planId": "6568886501" });
    let id = order_id(&submit(&sandbox, &peter, &body).await);
    sandbox.advance_clock(120).await;
    assert_eq!(
        order(&sandbox, &peter, &id).await["status"],
        "AWAITING_APPROVAL"
    );
    let (_, history) = sandbox.get(&peter, &format!("/orders/{id}/history")).await;
    let waiting = history["history"]["items"][1]["description"]
        .as_str()
        .unwrap_or_default();
    assert!(waiting.contains("2015-07-21"), "{waiting}");
    let diane = sandbox.token(APPROVER).await;
    let (_, answer) = decide(&sandbox, &diane, &id, "APPROVE").await;
    assert_eq!(answer["status"], "APPROVAL_QUEUED");
}

#[tokio::test]
async fn cheap_orders_need_no_approval() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let diane = sandbox.token(APPROVER).await;
    let id = order_id(&submit(&sandbox, &peter, &request("order_accessories")).await);
    sandbox.advance_clock(120).await;
    assert_eq!(
        order(&sandbox, &peter, &id).await["status"],
        "ORDER_SUBMITTED"
    );
    let (_, answer) = decide(&sandbox, &diane, &id, "APPROVE").await;
    assert_eq!(answer["status"], "APPROVAL_NOT_NEEDED");
}

#[tokio::test]
async fn orders_list_in_pages_and_filter_within_the_callers_rights() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let mut placed = Vec::new();
    for _ in 0..3 {
        placed.push(order_id(
            &submit(&sandbox, &peter, &request("order_accessories")).await,
        ));
    }

    let (_, page) = sandbox.get(&peter, "/orders?limit=2").await;
    let meta = &page["orders"]["_meta"];
    assert_eq!(
        (meta["totalCount"].as_u64(), meta["limit"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(order_ids(&page), [placed[2].clone(), placed[1].clone()]);
    let next = meta["hrefNext"].as_str().expect("hrefNext");
    let (_, last) = sandbox.follow(&peter, next).await;
    assert_eq!(order_ids(&last), [placed[0].clone()]);
    assert!(last["orders"]["_meta"]["hrefPrevious"].is_string());

    let count = |body: &Value| body["orders"]["_meta"]["totalCount"].as_u64();
    let (_, mine) = sandbox
        .get(&peter, &format!("/orders?employee={PETER_ID}"))
        .await;
    assert_eq!(count(&mine), Some(3));
    let (_, mine) = sandbox
        .get(&peter, "/orders?companyEmployeeId=peter.edwards.acme")
        .await;
    assert_eq!(count(&mine), Some(3));
    let (status, _) = sandbox.get(&peter, "/orders?employee=48068931").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, future) = sandbox
        .get(&peter, "/orders?dateTimeUpdated=2999-01-01T00:00:00Z")
        .await;
    assert_eq!(count(&future), Some(0));
    let (_, past) = sandbox
        .get(&peter, "/orders?dateTimeUpdated=2000-01-01")
        .await;
    assert_eq!(count(&past), Some(3));
    let (status, _) = sandbox
        .get(&peter, "/orders?dateTimeUpdated=yesterday")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let admin = sandbox.token(ADMIN).await;
    let (_, everyone) = sandbox.get(&admin, "/orders").await;
    assert_eq!(count(&everyone), Some(3));
    let barbara = sandbox.token(BARBARA).await;
    let (_, hers) = sandbox.get(&barbara, "/orders").await;
    assert_eq!(count(&hers), Some(0));
    let (status, _) = sandbox
        .get(&barbara, &format!("/orders/{}", placed[0]))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn unknown_orders_and_segments_are_404() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let (status, _) = sandbox.get(&peter, "/orders/1").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let id = order_id(&submit(&sandbox, &peter, &request("suspend")).await);
    for what in ["history", "shipments"] {
        let (status, body) = sandbox
            .get(&peter, &format!("/orders/{id}/{what}?orderSegment=1"))
            .await;
        common::assert_error(status, &body, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn an_admin_orders_for_an_employee() {
    let sandbox = start().await;
    let admin = sandbox.token(ADMIN).await;
    let (status, answer) = TestSandbox::send(
        sandbox
            .request(Method::POST, &admin, "/orders")
            .header("X-TNGO-CONTEXT-EMPLOYEEID", PETER_ID)
            .json(&request("order_accessories")),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["order"]["accountHolder"]["id"], PETER_ID);
    assert_eq!(answer["order"]["requestedBy"]["id"], "28600001");
    let peter = sandbox.token(PETER).await;
    let (_, mine) = sandbox.get(&peter, "/orders").await;
    assert_eq!(mine["orders"]["_meta"]["totalCount"], 1);
    // Without the context the admin orders for himself: Peter's line is not his.
    let (status, _) = post_order(
        &sandbox,
        &admin,
        request("order_accessories").to_string(),
        true,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn orders_survive_a_restart_with_a_data_dir() {
    let dir = std::env::temp_dir().join(format!(
        "sandbox-orders-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    let config = || Config {
        data_dir: Some(dir.clone()),
        ..config()
    };

    let first = TestSandbox::with(config()).await;
    let peter = first.token(PETER).await;
    let id = order_id(&submit(&first, &peter, &request("upgrade")).await);
    first.advance_clock(2 * HOUR).await;
    let before = order(&first, &peter, &id).await.to_string();
    let before = before.replace(first.base(), "BASE");
    first.running.shutdown().await.expect("stops");

    let second = TestSandbox::with(config()).await;
    let peter = second.token(PETER).await;
    let after = order(&second, &peter, &id).await;
    assert_eq!(after.to_string().replace(second.base(), "BASE"), before);
    assert_eq!(after["status"], "AWAITING_APPROVAL");
    drop(second);
    let _ = std::fs::remove_dir_all(&dir);
}
