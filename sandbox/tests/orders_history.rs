//! Order history and shipments per segment as the sandbox clock moves, and the
//! tutorial upgrade's approval by Diane Foster, rejection reason included.

mod common;
mod orders_common;

use common::{TestSandbox, ADMIN, APPROVER, PETER};
use orders_common::{order_id, order_ids, post_order, request, submit};
use reqwest::{Method, StatusCode};
use sandbox::Config;
use serde_json::{json, Value};

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;
const DIANE_ID: &str = "48069010";

async fn start() -> TestSandbox {
    TestSandbox::with(Config {
        token_ttl_secs: 30 * 86_400,
        ..Config::ephemeral()
    })
    .await
}

fn items(page: &Value, name: &str) -> Vec<Value> {
    page[name]["items"].as_array().cloned().unwrap_or_default()
}

fn statuses(history: &[Value]) -> Vec<String> {
    history
        .iter()
        .map(|e| e["status"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The history and shipments of every segment of an order, by its links.
async fn per_segment(
    sandbox: &TestSandbox,
    token: &str,
    id: &str,
) -> Vec<(Vec<Value>, Vec<Value>)> {
    let (_, order) = sandbox.get(token, &format!("/orders/{id}")).await;
    let mut out = Vec::new();
    for segment in items(&order, "orderSegments") {
        let meta = &segment["_meta"];
        let (_, history) = sandbox
            .follow(token, meta["hrefHistory"].as_str().expect("hrefHistory"))
            .await;
        let (_, shipments) = sandbox
            .follow(
                token,
                meta["hrefShipments"].as_str().expect("hrefShipments"),
            )
            .await;
        out.push((items(&history, "history"), items(&shipments, "shipments")));
    }
    out
}

#[tokio::test]
async fn every_segment_gains_history_and_a_ups_shipment_as_it_progresses() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let mut body = request("order_accessories");
    // A Verizon charger and a headset from Ingram Micro: two vendors, two segments.
    body["orderRequest"]["shoppingCart"]["accessoryIds"] = json!(["3628935898", "3628940013"]);
    let order = submit(&sandbox, &peter, &body).await;
    let id = order_id(&order);
    assert_eq!(items(&order, "orderSegments").len(), 2, "{order}");

    let expected = [
        (0, vec!["ORDER_SUBMITTED"]),
        (2 * HOUR, vec!["ORDER_SUBMITTED", "IN_PROGRESS"]),
        (DAY, vec!["ORDER_SUBMITTED", "IN_PROGRESS", "SHIPPED"]),
        (
            2 * DAY,
            vec!["ORDER_SUBMITTED", "IN_PROGRESS", "SHIPPED", "COMPLETED"],
        ),
    ];
    let mut tracking_numbers = Vec::new();
    for (advance, want) in expected {
        sandbox.advance_clock(advance).await;
        for (history, shipments) in per_segment(&sandbox, &peter, &id).await {
            assert_eq!(statuses(&history), want, "{history:?}");
            for entry in &history {
                assert!(
                    entry["date"].as_str().is_some_and(|d| d.ends_with('Z')),
                    "{entry}"
                );
                assert!(
                    entry["description"].as_str().is_some_and(|d| !d.is_empty()),
                    "{entry}"
                );
            }
            let shipped = history.iter().find(|e| e["status"] == "SHIPPED");
            match shipped {
                None => assert!(shipments.is_empty(), "{shipments:?}"),
                Some(shipped) => {
                    assert_eq!(shipments.len(), 1, "{shipments:?}");
                    let parcel = &shipments[0];
                    assert_eq!(parcel["carrier"], "UPS");
                    let tracking = parcel["trackingNumber"].as_str().expect("trackingNumber");
                    // Expedited: UPS next day air (service 01).
                    assert!(
                        tracking.starts_with("1Z999AA101") && tracking.len() == 18,
                        "{tracking}"
                    );
                    assert_eq!(parcel["dateShipped"], shipped["date"]);
                    assert!(shipped["description"]
                        .as_str()
                        .is_some_and(|d| d.contains(tracking)));
                    tracking_numbers.push(tracking.to_owned());
                }
            }
        }
    }
    tracking_numbers.sort();
    tracking_numbers.dedup();
    assert_eq!(tracking_numbers.len(), 2, "one parcel per segment");
}

#[tokio::test]
async fn care_orders_progress_without_shipments() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let id = order_id(&submit(&sandbox, &peter, &request("suspend")).await);
    let expected = [
        (0, vec!["ORDER_SUBMITTED"]),
        (2 * HOUR, vec!["ORDER_SUBMITTED", "IN_PROGRESS"]),
        (DAY, vec!["ORDER_SUBMITTED", "IN_PROGRESS", "COMPLETED"]),
        (
            10 * DAY,
            vec!["ORDER_SUBMITTED", "IN_PROGRESS", "COMPLETED"],
        ),
    ];
    for (advance, want) in expected {
        sandbox.advance_clock(advance).await;
        let segments = per_segment(&sandbox, &peter, &id).await;
        assert_eq!(segments.len(), 1);
        let (history, shipments) = &segments[0];
        assert_eq!(statuses(history), want);
        assert!(shipments.is_empty(), "{shipments:?}");
    }
}

#[tokio::test]
async fn the_tutorial_upgrade_waits_for_diane_foster_and_shows_her_rejection() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let diane = sandbox.token(APPROVER).await;
    let body = request("upgrade");
    let (status, confirmation) = post_order(&sandbox, &peter, body.to_string(), true).await;
    assert_eq!(status, StatusCode::OK, "{confirmation}");
    let summary = &confirmation["orderConfirmation"]["costSummary"];
    assert_eq!(summary[1]["recurrence"], "MONTHLY");
    assert_eq!(summary[1]["amount"].to_string(), "558.67");

    let id = order_id(&submit(&sandbox, &peter, &body).await);
    let decide = |action: &'static str, reason: &'static str| {
        let request = sandbox
            .request(Method::POST, &diane, &format!("/orders/{id}/approval"))
            .json(&json!({ "action": action, "reason": reason }));
        TestSandbox::send(request)
    };
    let (_, early) = decide("REJECT", "too early").await;
    assert_eq!(early["status"], "NOT_READY_FOR_APPROVAL");

    sandbox.advance_clock(120).await;
    let (_, order) = sandbox.get(&peter, &format!("/orders/{id}")).await;
    assert_eq!(order["status"], "AWAITING_APPROVAL");
    let waiting = format!("/orders?eligibleToApproveEmployeeId={DIANE_ID}");
    let (_, hers) = sandbox.get(&diane, &waiting).await;
    assert_eq!(order_ids(&hers), std::slice::from_ref(&id));
    let admin = sandbox.token(ADMIN).await;
    let (_, listed) = sandbox.get(&admin, &waiting).await;
    assert_eq!(order_ids(&listed), std::slice::from_ref(&id));
    let (_, history) = sandbox.get(&peter, &format!("/orders/{id}/history")).await;
    let awaiting = &items(&history, "history")[1];
    assert_eq!(awaiting["status"], "AWAITING_APPROVAL");
    let why = awaiting["description"].as_str().unwrap_or_default();
    assert!(
        why.contains("Diane Foster") && why.contains("more than 500 USD"),
        "{why}"
    );
    // Only she decides: not the account holder, not the admin (no approver).
    for token in [&peter, &admin] {
        let (status, _) = TestSandbox::send(
            sandbox
                .request(Method::POST, token, &format!("/orders/{id}/approval"))
                .json(&json!({ "action": "APPROVE" })),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }

    let (status, answer) = decide("REJECT", "Over this quarter's budget").await;
    assert_eq!(
        (status, &answer["status"]),
        (StatusCode::OK, &json!("REJECTION_QUEUED"))
    );
    let (_, again) = decide("APPROVE", "changed my mind").await;
    assert_eq!(again["status"], "APPROVAL_NOT_NEEDED");

    sandbox.advance_clock(10 * DAY).await;
    let (_, order) = sandbox.get(&peter, &format!("/orders/{id}")).await;
    assert_eq!(order["status"], "REJECTED");
    let (_, history) = sandbox.get(&peter, &format!("/orders/{id}/history")).await;
    let history = items(&history, "history");
    assert_eq!(
        statuses(&history),
        ["ORDER_SUBMITTED", "AWAITING_APPROVAL", "REJECTED"]
    );
    let rejected = history[2]["description"].as_str().unwrap_or_default();
    assert!(
        rejected.contains("Diane Foster") && rejected.contains("Over this quarter's budget"),
        "{rejected}"
    );
    let (_, shipments) = sandbox
        .get(&peter, &format!("/orders/{id}/shipments"))
        .await;
    assert!(items(&shipments, "shipments").is_empty());
    // A rejected upgrade changes nothing on the line.
    let (_, line) = sandbox.get(&peter, "/assets/services/38382349").await;
    assert_eq!(line["device"]["id"], "35362368");
    assert_eq!(line["plan"]["id"], "6568886494");
}
