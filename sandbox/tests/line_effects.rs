//! Completed orders change the lines, by the sandbox clock: every transaction type's
//! effect on `/assets/services` and `/assets/devices`, applied once, nothing before the
//! order completes; and moving a line with its device.

mod common;
mod orders_common;

use common::{ids, TestSandbox, ADMIN, APPROVER, BARBARA, BARBARA_ID, PETER, PETER_ID};
use orders_common::{order_id, post_order, request, submit};
use reqwest::{Method, StatusCode};
use sandbox::Config;
use serde_json::{json, Value};

const DAY: i64 = 86_400;

async fn start() -> TestSandbox {
    TestSandbox::with(Config {
        token_ttl_secs: 60 * 86_400,
        ..Config::ephemeral()
    })
    .await
}

async fn get_ok(sandbox: &TestSandbox, token: &str, path: &str) -> Value {
    let (status, body) = sandbox.get(token, path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

async fn line(sandbox: &TestSandbox, token: &str, id: &str) -> Value {
    get_ok(sandbox, token, &format!("/assets/services/{id}")).await
}

/// Submits `body` as Peter and moves the clock until the order is complete, the
/// approver approving it on the way if it needs her. Answers the completed order.
async fn complete(sandbox: &TestSandbox, peter: &str, body: &Value) -> Value {
    let id = order_id(&submit(sandbox, peter, body).await);
    sandbox.advance_clock(120).await;
    let order = get_ok(sandbox, peter, &format!("/orders/{id}")).await;
    if order["status"] == "AWAITING_APPROVAL" {
        let diane = sandbox.token(APPROVER).await;
        let (status, answer) = TestSandbox::send(
            sandbox
                .request(Method::POST, &diane, &format!("/orders/{id}/approval"))
                .json(&json!({ "action": "APPROVE" })),
        )
        .await;
        assert_eq!(
            (status, &answer["status"]),
            (StatusCode::OK, &json!("APPROVAL_QUEUED"))
        );
    }
    sandbox.advance_clock(4 * DAY).await;
    let order = get_ok(sandbox, peter, &format!("/orders/{id}")).await;
    assert_eq!(order["status"], "COMPLETED", "{order}");
    order
}

fn actions(value: &Value) -> Vec<String> {
    value["orderActions"]
        .as_array()
        .expect("orderActions")
        .iter()
        .filter_map(|a| a.as_str().map(str::to_owned))
        .collect()
}

fn feature_ids(line: &Value) -> Vec<String> {
    line["plan"]["optionalFeatures"]
        .as_array()
        .expect("optionalFeatures")
        .iter()
        .filter_map(|f| f["id"].as_str().map(str::to_owned))
        .collect()
}

/// Peter's lines as `/assets/services` lists them (ids).
async fn peters_lines(sandbox: &TestSandbox, peter: &str, query: &str) -> Vec<String> {
    let body = get_ok(
        sandbox,
        peter,
        &format!("/assets/services?limit=100{query}"),
    )
    .await;
    ids(&body["services"])
}

fn set_property(body: &mut Value, id: &str, text: &str) {
    let fields = body["orderRequest"]["properties"][0]["fields"]
        .as_array_mut()
        .expect("fields");
    fields
        .iter_mut()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no property {id}"))["text"] = json!(text);
}

#[tokio::test]
async fn a_line_shows_status_carrier_plan_features_device_and_actions() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let line = line(&sandbox, &peter, "38382349").await;
    assert_eq!(line["status"], "ACTIVE");
    assert_eq!(line["vendor"]["billing"]["id"], "98");
    assert_eq!(line["vendor"]["current"]["id"], "98");
    assert_eq!(line["plan"]["id"], "6568886494");
    assert_eq!(
        line["plan"]["name"],
        "Nationwide for Business Talk Share Plan"
    );
    assert_eq!(
        line["plan"]["includedFeatures"],
        json!([{ "description": "Base Package" }])
    );
    assert_eq!(feature_ids(&line), ["2082"]);
    assert!(line["plan"]["optionalFeatures"][0]["price"]["amount"].is_number());
    assert_eq!(
        line["device"]["serialNumber"],
        json!({ "type": "ESN", "value": "4289183847832" })
    );
    assert!(actions(&line).contains(&"SUSPEND".to_owned()));
}

#[tokio::test]
async fn suspending_and_unsuspending_change_status_and_actions() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let id = order_id(&submit(&sandbox, &peter, &request("suspend")).await);
    // Not before the order completes.
    sandbox.advance_clock(12 * 3600).await;
    assert_eq!(
        get_ok(&sandbox, &peter, &format!("/orders/{id}")).await["status"],
        "IN_PROGRESS"
    );
    assert_eq!(line(&sandbox, &peter, "38382335").await["status"], "ACTIVE");

    sandbox.advance_clock(DAY).await;
    let suspended = line(&sandbox, &peter, "38382335").await;
    assert_eq!(suspended["status"], "SUSPENDED");
    assert_eq!(actions(&suspended), ["UNSUSPEND", "DEACTIVATE"]);
    assert_eq!(suspended["device"]["orderActions"], json!([]));
    // A suspended line takes no procurement.
    let mut accessories = request("order_accessories");
    accessories["orderRequest"]["serviceId"] = json!("38382335");
    let (status, refused) = post_order(&sandbox, &peter, accessories.to_string(), true).await;
    orders_common::assert_refused(status, &refused, &["transactionType"]);

    complete(&sandbox, &peter, &request("unsuspend")).await;
    let active = line(&sandbox, &peter, "38382335").await;
    assert_eq!(active["status"], "ACTIVE");
    let active_actions = actions(&active);
    assert!(active_actions.contains(&"SUSPEND".to_owned()), "{active}");
    assert!(
        !active_actions.contains(&"UNSUSPEND".to_owned()),
        "{active}"
    );
    assert!(active_actions.contains(&"ORDER_ACCESSORIES".to_owned()));
    assert_eq!(
        active["device"]["orderActions"],
        json!(["UPGRADE", "ORDER_ACCESSORIES", "SWAP_DEVICES"])
    );
}

#[tokio::test]
async fn a_deactivated_line_leaves_the_list_and_keeps_its_detail() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    assert!(peters_lines(&sandbox, &peter, "")
        .await
        .contains(&"31647891".to_owned()));
    complete(&sandbox, &peter, &request("deactivate")).await;
    assert!(!peters_lines(&sandbox, &peter, "")
        .await
        .contains(&"31647891".to_owned()));
    let gone = line(&sandbox, &peter, "31647891").await;
    assert_eq!(gone["status"], "DEACTIVATED");
    assert_eq!(gone["orderActions"], json!([]));
    assert_eq!(
        peters_lines(&sandbox, &peter, "&status=DEACTIVATED").await,
        ["31647891"]
    );
    assert_eq!(
        peters_lines(&sandbox, &peter, "&status=active,deactivated")
            .await
            .len(),
        5
    );
    let (status, refused) =
        post_order(&sandbox, &peter, request("deactivate").to_string(), true).await;
    orders_common::assert_refused(status, &refused, &["transactionType"]);
}

#[tokio::test]
async fn updating_features_adds_and_removes_them() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    complete(&sandbox, &peter, &request("update_features")).await;
    assert_eq!(
        feature_ids(&line(&sandbox, &peter, "38382335").await),
        ["518"]
    );

    let mut remove = request("update_features");
    remove["orderRequest"]["serviceId"] = json!("38382349");
    remove["orderRequest"]["shoppingCart"]["features"] =
        json!([{ "id": "2082", "action": "REMOVE" }]);
    set_property(&mut remove, "SERVICE_NUMBER", "2035557676");
    complete(&sandbox, &peter, &remove).await;
    let line = line(&sandbox, &peter, "38382349").await;
    assert_eq!(line["plan"]["optionalFeatures"], json!([]));
}

#[tokio::test]
async fn swapping_devices_puts_the_described_device_on_the_line() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let before = line(&sandbox, &peter, "38382349").await;
    complete(&sandbox, &peter, &request("swap_devices")).await;
    let after = line(&sandbox, &peter, "38382349").await;
    let device = &after["device"];
    assert_ne!(device["id"], before["device"]["id"]);
    assert_eq!(device["manufacturer"]["id"], "Apple");
    assert_eq!(device["model"]["id"], "iPhone 6 (64GB) - Space Gray");
    assert_eq!(
        device["serialNumber"],
        json!({ "type": "IMEI", "value": "123456789001230" })
    );
    // The SIM card stays in the line.
    assert_eq!(device["simId"], before["device"]["simId"]);
    assert_eq!(after["contractDates"], before["contractDates"]);
    assert_eq!(
        after["upgradeEligibilityDate"],
        before["upgradeEligibilityDate"]
    );
    let (status, _) = sandbox.get(&peter, "/assets/devices/35362368").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, asset) = sandbox
        .get(
            &peter,
            &format!(
                "/assets/devices/{}",
                device["id"].as_str().unwrap_or_default()
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{asset}");
    // The tutorial's accessories fit the LG, not the iPhone.
    let (status, refused) = post_order(
        &sandbox,
        &peter,
        request("order_accessories").to_string(),
        true,
    )
    .await;
    orders_common::assert_refused(status, &refused, &["shoppingCart.accessoryIds[0]"]);
}

#[tokio::test]
async fn the_tutorial_upgrade_brings_the_new_device_and_plan() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let before = line(&sandbox, &peter, "38382349").await;
    let order = complete(&sandbox, &peter, &request("upgrade")).await;
    let (_, shipments) = sandbox
        .get(&peter, &format!("/orders/{}/shipments", order_id(&order)))
        .await;
    let shipped = &shipments["shipments"]["items"][0]["items"][0];
    assert_eq!(shipped["name"], "Apple iPhone 5 (16GB) - Black");

    let after = line(&sandbox, &peter, "38382349").await;
    assert_eq!(after["serviceNumber"], "2035557676");
    let device = &after["device"];
    assert_eq!(device["model"]["id"], "iPhone 5");
    assert_eq!(device["manufacturer"]["id"], "Apple");
    assert_eq!(device["accessMethod"], "CDMA");
    assert_eq!(device["serialNumber"], shipped["serialNumber"]);
    assert_eq!(after["plan"]["id"], "6568886698");
    let mut features = feature_ids(&after);
    features.sort();
    assert_eq!(features, ["122", "293"]);
    assert_ne!(
        after["contractDates"]["lastDeviceUpgrade"],
        before["contractDates"]["lastDeviceUpgrade"]
    );
    assert!(
        after["upgradeEligibilityDate"].as_str()
            > after["contractDates"]["lastDeviceUpgrade"].as_str(),
        "{after}"
    );
    assert_eq!(
        device["upgradeEligibilityDate"],
        after["upgradeEligibilityDate"]
    );
    let (status, _) = sandbox.get(&peter, "/assets/devices/35362368").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn porting_moves_the_line_to_the_plans_carrier_with_its_number() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let before = line(&sandbox, &peter, "34415733").await;
    assert_eq!(before["vendor"]["billing"]["id"], "111");
    complete(&sandbox, &peter, &request("port_number")).await;
    let after = line(&sandbox, &peter, "34415733").await;
    assert_eq!(after["serviceNumber"], "5123440000");
    assert_eq!(after["vendor"]["billing"]["id"], "98");
    assert_eq!(after["vendor"]["current"]["id"], "98");
    assert_eq!(after["plan"]["id"], "6568886494");
    let mut features = feature_ids(&after);
    features.sort();
    assert_eq!(features, ["1399", "2082"]);
    assert_eq!(after["device"]["model"]["id"], "iPhone 5");
    assert_eq!(after["device"]["accessMethod"], "CDMA");
    assert_eq!(after["device"]["serialNumber"]["type"], "IMEI");
    assert_eq!(after["status"], "ACTIVE");
    assert!(actions(&after).contains(&"UPGRADE".to_owned()));
}

#[tokio::test]
async fn a_line_transferred_out_leaves_the_employee() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    complete(&sandbox, &peter, &request("xfer_service_out")).await;
    assert!(
        !peters_lines(&sandbox, &peter, "&status=ACTIVE,SUSPENDED,DEACTIVATED")
            .await
            .contains(&"38382555".to_owned())
    );
    for path in ["/assets/services/38382555", "/assets/devices/37948999"] {
        let (status, _) = sandbox.get(&peter, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn a_new_activation_brings_a_new_line_in_the_preferred_area_code() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let before = peters_lines(&sandbox, &peter, "").await;
    let order = complete(&sandbox, &peter, &request("new_activation")).await;
    // Read again and again: the effect is applied once.
    for _ in 0..3 {
        sandbox.advance_clock(DAY).await;
        peters_lines(&sandbox, &peter, "").await;
    }
    let after = peters_lines(&sandbox, &peter, "").await;
    let new: Vec<&String> = after.iter().filter(|id| !before.contains(id)).collect();
    assert_eq!(new.len(), 1, "{after:?}");
    let line = line(&sandbox, &peter, new[0]).await;
    let number = line["serviceNumber"].as_str().expect("serviceNumber");
    assert!(number.starts_with("512") && number.len() == 10, "{number}");
    assert_eq!(
        get_ok(&sandbox, &peter, &format!("/orders/{}", order_id(&order))).await["serviceNumber"],
        number
    );
    assert_eq!(line["status"], "ACTIVE");
    assert_eq!(line["employee"]["id"], PETER_ID);
    assert_eq!(line["vendor"]["billing"]["id"], "98");
    assert_eq!(line["plan"]["id"], "6568886494");
    let mut features = feature_ids(&line);
    features.sort();
    assert_eq!(features, ["88", "951"]);
    assert_eq!(line["device"]["model"]["id"], "Galaxy S4");
    assert!(line["contractDates"]["activated"].is_string());
    assert!(actions(&line).contains(&"ORDER_ACCESSORIES".to_owned()));
    let (_, devices) = sandbox.get(&peter, "/assets/devices?limit=100").await;
    assert!(ids(&devices["devices"])
        .contains(&line["device"]["id"].as_str().unwrap_or_default().to_owned()));
}

#[tokio::test]
async fn without_a_preferred_area_code_the_holders_own_is_used() {
    let sandbox = start().await;
    let peter = sandbox.token(PETER).await;
    let mut body = request("new_activation");
    if let Some(fields) = body["orderRequest"]["properties"][0]["fields"].as_array_mut() {
        fields.retain(|f| f["id"] != "PREFERRED_AREA_CODE");
    }
    // T-Mobile's new activations do not ask for an area code.
    body["orderRequest"]["shoppingCart"] =
        json!({ "deviceId": "9194800303", "planId": "6568887101" });
    let (status, confirmed) = post_order(&sandbox, &peter, body.to_string(), true).await;
    if status != StatusCode::OK {
        panic!("{confirmed}");
    }
    let before = peters_lines(&sandbox, &peter, "").await;
    complete(&sandbox, &peter, &body).await;
    let after = peters_lines(&sandbox, &peter, "").await;
    let new = after
        .iter()
        .find(|id| !before.contains(id))
        .expect("a new line");
    let line = line(&sandbox, &peter, new).await;
    // Peter's office phone is 203-555-9999.
    assert!(
        line["serviceNumber"]
            .as_str()
            .is_some_and(|n| n.starts_with("203555")),
        "{line}"
    );
    assert_eq!(line["vendor"]["billing"]["id"], "777");
}

#[tokio::test]
async fn transfers_in_bring_the_transferred_number() {
    for (kind, current) in [
        ("xfer_service_in", "888"),
        ("xfer_service_in_and_port", "333"),
    ] {
        let sandbox = start().await;
        let peter = sandbox.token(PETER).await;
        let before = peters_lines(&sandbox, &peter, "").await;
        complete(&sandbox, &peter, &request(kind)).await;
        let after = peters_lines(&sandbox, &peter, "").await;
        let new: Vec<&String> = after.iter().filter(|id| !before.contains(id)).collect();
        assert_eq!(new.len(), 1, "{kind}: {after:?}");
        let line = line(&sandbox, &peter, new[0]).await;
        assert_eq!(line["serviceNumber"], "2035551111", "{kind}");
        assert_eq!(line["vendor"]["billing"]["id"], "333", "{kind}");
        assert_eq!(line["vendor"]["current"]["id"], current, "{kind}");
        assert_eq!(line["plan"]["id"], "123454111", "{kind}");
        assert_eq!(line["device"]["model"]["id"], "2346152", "{kind}");
    }
}

#[tokio::test]
async fn settled_effects_survive_a_restart_and_are_not_applied_again() {
    let dir = std::env::temp_dir().join(format!(
        "sandbox-effects-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    let config = || Config {
        data_dir: Some(dir.clone()),
        token_ttl_secs: 60 * 86_400,
        ..Config::ephemeral()
    };
    let first = TestSandbox::with(config()).await;
    let peter = first.token(PETER).await;
    submit(&first, &peter, &request("new_activation")).await;
    submit(&first, &peter, &request("suspend")).await;
    // Moved with the Rust API; the next read settles both.
    first
        .running
        .state()
        .advance_clock(chrono::Duration::days(4))
        .expect("clock moves");
    let lines = peters_lines(&first, &peter, "").await;
    first.running.shutdown().await.expect("stops");

    let second = TestSandbox::with(config()).await;
    let peter = second.token(PETER).await;
    assert_eq!(peters_lines(&second, &peter, "").await, lines);
    assert_eq!(
        line(&second, &peter, "38382335").await["status"],
        "SUSPENDED"
    );
    drop(second);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn moving_a_line_moves_its_device_to_the_new_owner() {
    let sandbox = start().await;
    let admin = sandbox.token(ADMIN).await;
    let (status, moved) = TestSandbox::send(
        sandbox
            .request(Method::POST, &admin, "/assets/services/38382349/move")
            .json(
                &json!({ "newOwnerEmployeeId": BARBARA_ID, "moveCharges": "MOVE_FUTURE_CHARGES" }),
            ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["employee"]["id"], BARBARA_ID);
    assert_eq!(moved["device"]["id"], "35362368");

    let barbara = sandbox.token(BARBARA).await;
    let (_, services) = sandbox.get(&barbara, "/assets/services?limit=100").await;
    assert!(ids(&services["services"]).contains(&"38382349".to_owned()));
    let (_, devices) = sandbox.get(&barbara, "/assets/devices?limit=100").await;
    assert!(ids(&devices["devices"]).contains(&"35362368".to_owned()));

    let peter = sandbox.token(PETER).await;
    assert!(!peters_lines(&sandbox, &peter, "")
        .await
        .contains(&"38382349".to_owned()));
    for path in ["/assets/services/38382349", "/assets/devices/35362368"] {
        let (status, _) = sandbox.get(&peter, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    // Peter can no longer order for it; Barbara can.
    let (status, refused) = post_order(
        &sandbox,
        &peter,
        request("order_accessories").to_string(),
        true,
    )
    .await;
    orders_common::assert_refused(status, &refused, &["serviceId"]);
    let mut hers = request("order_accessories");
    hers["orderRequest"]["shipTo"]["name"] = json!("Barbara Andrews");
    let (status, answer) = post_order(&sandbox, &barbara, hers.to_string(), true).await;
    assert_eq!(status, StatusCode::OK, "{answer}");

    let (status, _) = TestSandbox::send(
        sandbox
            .request(Method::POST, &admin, "/assets/services/38382349/move")
            .json(&json!({ "newOwnerEmployeeId": "nobody" })),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
