//! Every refusal of API.md §5/§10–§12: 400, `"status":"ERROR"`, and an error whose
//! `field` points at the offending input. Requests start from the documented ones.

mod common;
mod orders_common;

use common::{TestSandbox, PETER};
use orders_common::{assert_refused, post_order, request};
use serde_json::{json, Value};

/// Confirms `body` as Peter and asserts it is refused about every one of `fields`.
async fn refused(body: Value, fields: &[&str]) -> Value {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, answer) = post_order(&sandbox, &peter, body.to_string(), true).await;
    assert_refused(status, &answer, fields);
    // Submitting refuses the same way and creates nothing.
    let (status, submitted) = post_order(&sandbox, &peter, body.to_string(), false).await;
    assert_refused(status, &submitted, fields);
    let (_, orders) = sandbox.get(&peter, "/orders").await;
    assert_eq!(orders["orders"]["_meta"]["totalCount"], 0, "{orders}");
    answer
}

fn accessories() -> Value {
    request("order_accessories")
}

fn upgrade() -> Value {
    request("upgrade")
}

/// The request's property `id`, to change it.
fn property<'v>(body: &'v mut Value, id: &str) -> &'v mut Value {
    body["orderRequest"]["properties"][0]["fields"]
        .as_array_mut()
        .and_then(|fields| fields.iter_mut().find(|f| f["id"] == id))
        .unwrap_or_else(|| panic!("no property {id}"))
}

fn remove_property(body: &mut Value, id: &str) {
    if let Some(fields) = body["orderRequest"]["properties"][0]["fields"].as_array_mut() {
        fields.retain(|f| f["id"] != id);
    }
}

fn address<'v>(body: &'v mut Value, id: &str) -> &'v mut Value {
    body["orderRequest"]["shipTo"]["address"]
        .as_array_mut()
        .and_then(|lines| lines.iter_mut().find(|l| l["id"] == id))
        .unwrap_or_else(|| panic!("no address line {id}"))
}

#[tokio::test]
async fn malformed_bodies_are_refused_without_a_field_or_with_the_offending_one() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    for body in ["", "{", "[1,2]", "{\"orderRequest\":\"x\"}", "\u{0}\u{ff}"] {
        let (status, answer) = post_order(&sandbox, &peter, body.to_owned(), true).await;
        assert_refused(status, &answer, &[]);
    }
    let mut body = accessories();
    body["orderRequest"]["shoppingCart"]["accessoryIds"][1] = json!(3628939021u64);
    let (status, answer) = post_order(&sandbox, &peter, body.to_string(), true).await;
    assert_refused(status, &answer, &["shoppingCart.accessoryIds[1]"]);
}

#[tokio::test]
async fn transaction_type_is_required_and_known() {
    let mut body = accessories();
    body["orderRequest"]
        .as_object_mut()
        .map(|o| o.remove("transactionType"));
    refused(body, &["transactionType"]).await;
    let mut body = accessories();
    body["orderRequest"]["transactionType"] = json!("TELEPORT");
    refused(body, &["transactionType"]).await;
}

#[tokio::test]
async fn a_line_order_needs_its_service() {
    let mut body = accessories();
    body["orderRequest"]
        .as_object_mut()
        .map(|o| o.remove("serviceId"));
    refused(body, &["serviceId"]).await;
}

#[tokio::test]
async fn unknown_ids_are_refused_where_they_are() {
    let mut body = accessories();
    body["orderRequest"]["shoppingCart"]["accessoryIds"][1] = json!("4242");
    refused(body, &["shoppingCart.accessoryIds[1]"]).await;
    let mut body = upgrade();
    body["orderRequest"]["shoppingCart"]["planId"] = json!("999");
    refused(body, &["shoppingCart.planId"]).await;
    let mut body = upgrade();
    body["orderRequest"]["shoppingCart"]["optionalFeatureIds"][0] = json!("518");
    refused(body, &["shoppingCart.optionalFeatureIds[0]"]).await;
}

#[tokio::test]
async fn another_employees_line_is_not_the_actors() {
    // Barbara's AT&T line.
    let mut body = accessories();
    body["orderRequest"]["serviceId"] = json!("38382601");
    refused(body, &["serviceId"]).await;
}

#[tokio::test]
async fn items_outside_the_actors_catalog_are_refused() {
    // The iPad is in the marketing catalog only; Peter orders from the corporate one.
    let mut body = upgrade();
    body["orderRequest"]["shoppingCart"]["deviceId"] = json!("9194800106");
    refused(body, &["shoppingCart.deviceId"]).await;
}

#[tokio::test]
async fn accessories_must_fit_the_lines_device() {
    // A case for the iPhone 6 Plus on Peter's LG Cookie Plus line.
    let mut body = accessories();
    body["orderRequest"]["shoppingCart"]["accessoryIds"] = json!(["3628935898", "3628940005"]);
    refused(body, &["shoppingCart.accessoryIds[1]"]).await;
}

#[tokio::test]
async fn a_plan_of_another_network_needs_a_new_device() {
    // An AT&T (GSM) plan for the CDMA LG Cookie Plus, without a new device.
    let mut body = upgrade();
    body["orderRequest"]["shoppingCart"] = json!({ "planId": "6568887002" });
    refused(body, &["shoppingCart.planId"]).await;
}

#[tokio::test]
async fn a_transfer_onto_another_network_is_ported() {
    // The documented transfer brings a Verizon (CDMA) number onto a Sprint (CDMA) plan;
    // from AT&T (GSM) the same plan is a port.
    let mut body = request("xfer_service_in");
    body["orderRequest"]["currentVendorId"] = json!("111");
    body["orderRequest"]["acknowledgements"] =
        json!([{"id": "SHARED_PLAN", "boolean": true}, {"id": "TERMINATION_FEE", "boolean": true}]);
    let answer = refused(body, &["transactionType"]).await;
    assert!(
        answer.to_string().contains("XFER_SERVICE_IN_AND_PORT"),
        "{answer}"
    );
}

#[tokio::test]
async fn an_upgrade_needs_the_existing_device() {
    let mut body = upgrade();
    body["orderRequest"]
        .as_object_mut()
        .map(|o| o.remove("existingDevice"));
    refused(body, &["existingDevice"]).await;
}

#[tokio::test]
async fn required_properties_must_be_sent() {
    let mut body = accessories();
    remove_property(&mut body, "CONTACT_NUMBER");
    refused(body, &["properties.CONTACT_NUMBER"]).await;
}

#[tokio::test]
async fn properties_keep_their_lengths() {
    let mut body = accessories();
    property(&mut body, "CONTACT_NUMBER")["text"] = json!("2".repeat(21));
    refused(body, &["properties.CONTACT_NUMBER"]).await;
    let mut body = request("new_activation");
    property(&mut body, "PREFERRED_AREA_CODE")["text"] = json!("51");
    refused(body, &["properties.PREFERRED_AREA_CODE"]).await;
}

#[tokio::test]
async fn properties_match_their_reg_ex() {
    let mut body = request("new_activation");
    property(&mut body, "PREFERRED_AREA_CODE")["text"] = json!("5a2");
    refused(body, &["properties.PREFERRED_AREA_CODE"]).await;
    let mut body = request("xfer_service_out");
    property(&mut body, "PERSONAL_EMAIL")["text"] = json!("not an address");
    refused(body, &["properties.PERSONAL_EMAIL"]).await;
}

#[tokio::test]
async fn choices_must_be_listed() {
    let mut body = upgrade();
    property(&mut body, "Reason")["choice"] = json!({ "id": "99" });
    refused(body, &["properties.Reason"]).await;
}

#[tokio::test]
async fn the_other_choice_needs_its_text() {
    let mut body = upgrade();
    property(&mut body, "Reason")["choice"] = json!({ "id": "7" });
    refused(body, &["properties.Reason.otherText"]).await;
    let mut body = upgrade();
    property(&mut body, "Reason")["choice"] = json!({ "id": "7", "otherText": "  " });
    refused(body, &["properties.Reason.otherText"]).await;
}

#[tokio::test]
async fn physical_items_need_a_ship_to() {
    let mut body = accessories();
    body["orderRequest"]
        .as_object_mut()
        .map(|o| o.remove("shipTo"));
    refused(body, &["shipTo"]).await;
}

#[tokio::test]
async fn the_address_follows_its_countrys_form() {
    let mut body = accessories();
    address(&mut body, "POSTAL_CODE")["value"] = json!("ABCDE");
    refused(body, &["shipTo.address.POSTAL_CODE"]).await;

    let mut body = accessories();
    address(&mut body, "STATE")["value"] = json!("XX");
    address(&mut body, "LINE_1")["value"] = json!("x".repeat(101));
    if let Some(lines) = body["orderRequest"]["shipTo"]["address"].as_array_mut() {
        lines.retain(|l| l["id"] != "CITY");
    }
    refused(
        body,
        &[
            "shipTo.address.STATE",
            "shipTo.address.LINE_1",
            "shipTo.address.CITY",
        ],
    )
    .await;

    let mut body = accessories();
    body["orderRequest"]["shipTo"]["regionId"] = json!("158385993");
    refused(body, &["shipTo.regionId"]).await;
}

#[tokio::test]
async fn required_acknowledgements_must_be_ticked() {
    let mut body = request("xfer_service_in_and_port");
    body["orderRequest"]["acknowledgements"][1]["boolean"] = json!(false);
    refused(body, &["acknowledgements.TERMINATION_FEE"]).await;
    let mut body = request("xfer_service_in");
    body["orderRequest"]
        .as_object_mut()
        .map(|o| o.remove("acknowledgements"));
    refused(
        body,
        &[
            "acknowledgements.SHARED_PLAN",
            "acknowledgements.LIABILITY_TRANSFER",
        ],
    )
    .await;
}

#[tokio::test]
async fn every_problem_is_reported_at_once() {
    let mut body = accessories();
    body["orderRequest"]["shoppingCart"]["accessoryIds"][0] = json!("4242");
    remove_property(&mut body, "SERVICE_NUMBER");
    address(&mut body, "POSTAL_CODE")["value"] = json!("1");
    let answer = refused(
        body,
        &[
            "shoppingCart.accessoryIds[0]",
            "properties.SERVICE_NUMBER",
            "shipTo.address.POSTAL_CODE",
        ],
    )
    .await;
    assert_eq!(
        answer["errors"].as_array().map(Vec::len),
        Some(3),
        "{answer}"
    );
}

#[tokio::test]
async fn new_lines_need_region_postal_code_device_and_plan() {
    let mut body = request("new_activation");
    let order = &mut body["orderRequest"];
    order["postalCode"] = json!("6477");
    order["shoppingCart"]
        .as_object_mut()
        .map(|c| c.remove("planId"));
    refused(body, &["postalCode", "shoppingCart.planId"]).await;
    let mut body = request("new_activation");
    body["orderRequest"]
        .as_object_mut()
        .map(|o| o.remove("regionId"));
    refused(body, &["regionId"]).await;
}

#[tokio::test]
async fn a_line_allows_only_its_order_actions() {
    // Peter's main line is active: it cannot be unsuspended.
    let mut body = request("unsuspend");
    body["orderRequest"]["serviceId"] = json!("38382349");
    refused(body, &["transactionType"]).await;
}

/// The message of the error about `field`.
fn message_about(body: &Value, field: &str) -> String {
    body["errors"]
        .as_array()
        .and_then(|errors| errors.iter().find(|e| e["field"] == field))
        .and_then(|e| e["message"].as_str())
        .unwrap_or_else(|| panic!("no error about {field}: {body}"))
        .to_owned()
}

#[tokio::test]
async fn field_problems_read_in_the_shared_wording() {
    let mut body = request("new_activation");
    property(&mut body, "PREFERRED_AREA_CODE")["text"] = json!("5a2");
    property(&mut body, "CONTACT_NUMBER")["text"] = json!("2".repeat(21));
    address(&mut body, "POSTAL_CODE")["value"] = json!("ABCDE");
    address(&mut body, "CITY")["value"] = json!("x".repeat(51));
    let answer = refused(
        body,
        &[
            "properties.PREFERRED_AREA_CODE",
            "properties.CONTACT_NUMBER",
            "shipTo.address.POSTAL_CODE",
            "shipTo.address.CITY",
        ],
    )
    .await;
    assert_eq!(
        message_about(&answer, "properties.PREFERRED_AREA_CODE"),
        "Preferred Area Code must look like 999."
    );
    assert_eq!(
        message_about(&answer, "properties.CONTACT_NUMBER"),
        "Contact Phone Number must be at most 20 characters long."
    );
    assert_eq!(
        message_about(&answer, "shipTo.address.POSTAL_CODE"),
        "Postal Code must look like [99999] or [99999-9999]."
    );
    assert_eq!(
        message_about(&answer, "shipTo.address.CITY"),
        "City must be at most 50 characters long."
    );
}
