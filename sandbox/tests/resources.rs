//! `/ping`, `/me`, employees, assets, vendors, properties, acknowledgements.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/mobproc/examples");

fn example(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/{path}")).expect("example exists");
    serde_json::from_str(&text).expect("example is JSON")
}

#[tokio::test]
async fn ping_echoes() {
    let sandbox = TestSandbox::start().await;
    let token = sandbox.token(PETER).await;
    let (status, body) = sandbox.get(&token, "/ping?echoText=hello%20there").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"echoText": "hello there"}));
}

#[tokio::test]
async fn me_describes_user_actor_and_permissions() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (_, body) = sandbox.get(&peter, "/me").await;
    let me = &body["me"];
    let documented = &example("orders/order_accessories/confirmation.json")["orderConfirmation"]
        ["accountHolder"];
    let mut expected = documented.clone();
    expected["_meta"]["href"] = json!(sandbox.api("/employees/28673732"));
    assert_eq!(
        me["authenticatedUser"], expected,
        "Peter as the tutorials show him"
    );
    assert_eq!(me["actor"], me["authenticatedUser"]);
    assert_eq!(me["canActForOthers"], false);
    assert_eq!(me["isApprover"], false);
    assert_eq!(me["transactionTypes"].as_array().unwrap().len(), 12);

    let approver = sandbox.token(APPROVER).await;
    let (_, body) = sandbox.get(&approver, "/me").await;
    assert_eq!(body["me"]["isApprover"], true);
    let admin = sandbox.token(ADMIN).await;
    let (_, body) = sandbox.get(&admin, "/me").await;
    assert_eq!(body["me"]["canActForOthers"], true);
    assert_eq!(body["me"]["canMoveService"], true);
}

#[tokio::test]
async fn employees_match_the_documented_items() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    for documented in example("meta/employees_items.json").as_array().unwrap() {
        let id = documented["id"].as_str().unwrap();
        let (status, ours) = sandbox.get(&admin, &format!("/employees/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        let text = documented.to_string().replace(
            "https://tngo-mobproc.cloudhub.io/mobproc/v1",
            &sandbox.api(""),
        );
        let documented: Value = serde_json::from_str(&text).unwrap();
        for (field, value) in documented.as_object().unwrap() {
            assert_eq!(&ours[field], value, "{id} {field}");
        }
    }
    let (_, found) = sandbox.get(&admin, "/employees?q=carp").await;
    assert_eq!(ids(&found["employees"]), [JAMES_ID]);
    let (_, sorted) = sandbox
        .get(&admin, "/employees?sort=lastName&limit=100")
        .await;
    let last_names: Vec<_> = sorted["employees"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["lastName"].as_str().unwrap().to_owned())
        .collect();
    let mut expected = last_names.clone();
    expected.sort();
    assert_eq!(last_names, expected);
}

#[tokio::test]
async fn peters_line_is_as_the_tutorials_confirm_it() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, line) = sandbox.get(&peter, "/assets/services/38382349").await;
    assert_eq!(status, StatusCode::OK, "{line}");
    let confirmation = &example("orders/order_accessories/confirmation.json")["orderConfirmation"];
    for field in ["id", "serviceNumber", "status", "contractDates"] {
        assert_eq!(line[field], confirmation["service"][field], "{field}");
    }
    let device = &line["device"];
    let documented = &confirmation["device"];
    for field in [
        "id",
        "accessMethod",
        "companyAssetId",
        "macAddress",
        "serialNumber",
        "simId",
    ] {
        assert_eq!(device[field], documented[field], "{field}");
    }
    assert_eq!(device["model"]["id"], "Cookie Plus");
    assert_eq!(device["manufacturer"]["id"], "LG");
    assert_eq!(line["vendor"]["billing"]["id"], "98");
    assert!(line["upgradeEligibilityDate"].is_string());
    assert!(line["orderActions"]
        .as_array()
        .unwrap()
        .contains(&json!("ORDER_ACCESSORIES")));

    let (status, devices) = sandbox
        .get(
            &peter,
            "/assets/devices?includeServiceDetails=true&includeUpgradeEligibleDate=true&limit=100",
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let cookie = devices["devices"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "35362368")
        .unwrap();
    assert_eq!(cookie["service"]["serviceNumber"], "2035557676");
    assert!(cookie["upgradeEligibilityDate"].is_string());

    let (status, body) = sandbox.get(&peter, "/assets/services/38382601").await;
    assert_error(status, &body, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn moving_a_service_follows_the_documented_example() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    let request = example("assets/move_service_request.json");
    let (status, moved) = TestSandbox::send(
        sandbox
            .request(Method::POST, &admin, "/assets/services/99034551/move")
            .json(&request),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    let documented = example("assets/move_service_response.json");
    for field in [
        "id",
        "serviceNumber",
        "status",
        "contractDates",
        "plan",
        "orderActions",
    ] {
        assert_eq!(moved[field], documented[field], "{field}");
    }
    for field in [
        "id",
        "simId",
        "accessMethod",
        "macAddress",
        "companyAssetId",
        "serialNumber",
        "orderActions",
    ] {
        assert_eq!(
            moved["device"][field], documented["device"][field],
            "device {field}"
        );
    }
    assert_eq!(
        moved["device"]["model"]["name"],
        documented["device"]["model"]["name"]
    );
    assert_eq!(moved["employee"]["id"], BARBARA_ID);
    assert_eq!(
        moved["_meta"]["href"],
        sandbox.api("/assets/services/99034551")
    );

    let barbara = sandbox.token(BARBARA).await;
    let (_, hers) = sandbox.get(&barbara, "/assets/services").await;
    assert!(ids(&hers["services"]).contains(&"99034551".to_owned()));

    let peter = sandbox.token(PETER).await;
    let (status, body) = TestSandbox::send(
        sandbox
            .request(Method::POST, &peter, "/assets/services/38382349/move")
            .json(&request),
    )
    .await;
    assert_error(status, &body, StatusCode::FORBIDDEN);
    let (status, body) = TestSandbox::send(
        sandbox
            .request(Method::POST, &admin, "/assets/services/38382349/move")
            .body("{not json"),
    )
    .await;
    assert_error(status, &body, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn vendors_filter_by_type() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (_, carriers) = sandbox.get(&peter, "/vendors?type=CARRIER&limit=100").await;
    let carriers = ids(&carriers["vendors"]);
    for id in ["98", "111", "333", "777"] {
        assert!(carriers.contains(&id.to_owned()), "{id}");
    }
    assert!(!carriers.contains(&"5001".to_owned()));
    let (_, detail) = sandbox.get(&peter, "/vendors/98").await;
    assert_eq!(detail["accessMethod"], "CDMA");
    assert_eq!(detail["type"], "CARRIER");
    let (_, unlisted) = sandbox.get(&peter, "/vendors/888").await;
    assert_eq!(unlisted["name"], "Verizon Wireless");
    let (status, body) = sandbox.get(&peter, "/vendors/1").await;
    assert_error(status, &body, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn order_properties_include_the_documented_fields() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let path = "/orders/properties?transactionType=NEW_ACTIVATION&vendor=98";
    let (status, body) = sandbox.get(&peter, path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["properties"]["_meta"]["href"], sandbox.api(path));
    let ours = body["properties"]["items"][0]["fields"]
        .as_array()
        .unwrap()
        .clone();
    let documented = example("orders/properties_response.json");
    for field in documented["properties"]["items"][0]["fields"]
        .as_array()
        .unwrap()
    {
        let id = &field["id"];
        let mine = ours
            .iter()
            .find(|f| &f["id"] == id)
            .unwrap_or_else(|| panic!("{id}"));
        for (key, value) in field.as_object().unwrap() {
            match key.as_str() {
                // Ours defaults to the actor's office phone.
                "text" => assert_eq!(mine["text"], "2035559999"),
                // Ours has more reasons, the documented ones among them.
                "choices" => {
                    for choice in value.as_array().unwrap() {
                        assert!(
                            mine["choices"].as_array().unwrap().contains(choice),
                            "{choice}"
                        );
                    }
                }
                _ => assert_eq!(&mine[key], value, "{id} {key}"),
            }
        }
    }
    let reason = ours.iter().find(|f| f["id"] == "Reason").unwrap();
    assert!(reason["choices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["isOther"] == true));

    let (_, by_line) = sandbox
        .get(
            &peter,
            "/orders/properties?transactionType=ORDER_ACCESSORIES&service=38382349",
        )
        .await;
    let fields = &by_line["properties"]["items"][0]["fields"];
    let number = fields
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "SERVICE_NUMBER")
        .unwrap();
    assert_eq!(number["text"], "2035557676");

    let (status, body) = sandbox.get(&peter, "/orders/properties?vendor=98").await;
    assert_error(status, &body, StatusCode::BAD_REQUEST);
    let (status, body) = sandbox
        .get(&peter, "/orders/properties?transactionType=UPGRADE")
        .await;
    assert_error(status, &body, StatusCode::BAD_REQUEST);
    let (status, body) = sandbox
        .get(
            &peter,
            "/orders/properties?transactionType=TELEPORT&vendor=98",
        )
        .await;
    assert_error(status, &body, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn acknowledgements_answer_both_documented_sets() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, body) = sandbox
        .get(
            &peter,
            "/acknowledgements?transactionType=XFER_SERVICE_IN&vendor=777",
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, example("acknowledgements/xfer_service_in.json"));

    for (tt, vendor, expected) in [
        (
            "XFER_SERVICE_IN",
            "888",
            ["SHARED_PLAN", "LIABILITY_TRANSFER"],
        ),
        (
            "XFER_SERVICE_IN_AND_PORT",
            "111",
            ["SHARED_PLAN", "TERMINATION_FEE"],
        ),
    ] {
        let (_, body) = sandbox
            .get(
                &peter,
                &format!("/acknowledgements?transactionType={tt}&vendor={vendor}"),
            )
            .await;
        let found = ids(&json!({"items": body["acknowledgements"]}));
        assert_eq!(found, expected);
    }
}

#[tokio::test]
async fn unknown_paths_and_ids_answer_the_error_body() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    for path in [
        "/employees/1",
        "/catalog/accessories/1",
        "/assets/devices/1",
        "/nothing-here",
    ] {
        let (status, body) = sandbox.get(&peter, path).await;
        assert_error(status, &body, StatusCode::NOT_FOUND);
    }
}
