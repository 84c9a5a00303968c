//! Every typed call reaches its documented path (API.md §7) with its query, and reads the
//! documented answer; collections are named by their constants.
#![cfg(feature = "client")]

mod common;

use common::{client_for, token};
use mobproc::client::{
    collection, AccessToken, Api, CallContext, CatalogQuery, Collection, PropertiesQuery,
    VendorQuery,
};
use mobproc::model::{TransactionType, Vendor};
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn answers(server: &MockServer, verb: &str, at: &str, body: serde_json::Value) {
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn detail_calls_reach_their_paths() {
    let server = MockServer::start().await;
    let id = json!({"id": "7", "name": "Seven"});
    for at in [
        "/mobproc/v1/employees/7",
        "/mobproc/v1/assets/services/7",
        "/mobproc/v1/assets/devices/7",
        "/mobproc/v1/catalog/devices/7",
        "/mobproc/v1/catalog/accessories/7",
        "/mobproc/v1/regions/7",
        "/mobproc/v1/vendors/7",
    ] {
        answers(&server, "GET", at, id.clone()).await;
    }
    answers(
        &server,
        "GET",
        "/mobproc/v1/catalog/plans/7",
        json!({"id": "7", "name": "Plan"}),
    )
    .await;
    answers(
        &server,
        "POST",
        "/mobproc/v1/assets/services/7/move",
        json!({"id": "7"}),
    )
    .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/ping"))
        .and(query_param("echoText", "hi"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"echoText": "hi"})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);
    let token = token();
    let api = client.api(&token, CallContext::new());

    assert_eq!(api.employee("7").await.unwrap().id, "7");
    assert_eq!(api.service_asset("7").await.unwrap().id, "7");
    assert_eq!(api.device_asset("7").await.unwrap().id, "7");
    assert_eq!(api.catalog_device("7").await.unwrap().id, "7");
    assert_eq!(api.catalog_plan("7").await.unwrap().id, "7");
    assert_eq!(api.catalog_accessory("7").await.unwrap().id, "7");
    assert_eq!(api.region("7").await.unwrap().id, "7");
    let vendor: Vendor = api.vendor("7").await.unwrap();
    assert_eq!(vendor.id, "7");
    let moved = serde_json::from_value(json!({"employeeId": "48068987"})).unwrap();
    assert_eq!(api.move_service("7", &moved).await.unwrap().id, "7");
    assert_eq!(
        api.ping("hi").await.unwrap().echo_text.as_deref(),
        Some("hi")
    );
}

#[tokio::test]
async fn order_calls_reach_their_paths() {
    let server = MockServer::start().await;
    answers(
        &server,
        "GET",
        "/mobproc/v1/orders/8711820",
        json!({"orderId": "8711820", "transactionType": "SUSPEND", "status": "ORDER_SUBMITTED"}),
    )
    .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/orders/8711820/history"))
        .and(query_param("orderSegment", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"history": {"items": [{"status": "ORDER_SUBMITTED", "date": "2016-04-29T10:00:00Z"}]}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/orders/8711820/shipments"))
        .and(query_param("orderSegment", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"shipments": {"items": [{"carrier": "UPS", "trackingNumber": "1Z"}]}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    answers(
        &server,
        "POST",
        "/mobproc/v1/orders/8711820/approval",
        json!({"status": "APPROVAL_QUEUED"}),
    )
    .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/acknowledgements"))
        .and(query_param("transactionType", "XFER_SERVICE_IN"))
        .and(query_param("vendor", "777"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"infoblocks": [], "acknowledgements": [{"id": "a", "label": "I agree", "type": "BOOLEAN", "validation": "REQUIRED"}]}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);
    let token = token();
    let api = client.api(&token, CallContext::new());

    assert_eq!(api.order("8711820").await.unwrap().order_id, "8711820");
    let history = api.order_history("8711820", Some("1")).await.unwrap();
    assert_eq!(history.items().len(), 1);
    let shipments = api.order_shipments("8711820", Some("1")).await.unwrap();
    assert_eq!(shipments.items()[0].carrier.as_deref(), Some("UPS"));
    let decision = serde_json::from_value(json!({"action": "APPROVE"})).unwrap();
    let answer = api.order_approval("8711820", &decision).await.unwrap();
    assert_eq!(
        serde_json::to_value(answer.status).unwrap(),
        "APPROVAL_QUEUED"
    );
    let acknowledgements = api
        .acknowledgements(&TransactionType::XferServiceIn, Some("777"))
        .await
        .unwrap();
    assert_eq!(acknowledgements.acknowledgements.map(|a| a.len()), Some(1));
}

#[tokio::test]
async fn collections_are_read_at_their_paths_with_their_queries() {
    let server = MockServer::start().await;
    let item = json!({"id": "1", "name": "x", "orderId": "1", "transactionType": "SUSPEND", "status": "ORDER_SUBMITTED"});
    let listed =
        |name: &str| json!({ name: {"_meta": {"totalCount": 1}, "items": [item.clone()]} });
    for (at, name) in [
        ("/mobproc/v1/assets/services", "services"),
        ("/mobproc/v1/assets/devices", "devices"),
        ("/mobproc/v1/catalog/devices", "devices"),
        ("/mobproc/v1/catalog/plans", "plans"),
        ("/mobproc/v1/catalog/accessories", "accessories"),
        ("/mobproc/v1/vendors", "vendors"),
        ("/mobproc/v1/orders", "orders"),
        ("/mobproc/v1/employees", "employees"),
        ("/mobproc/v1/regions", "regions"),
    ] {
        answers(&server, "GET", at, listed(name)).await;
    }
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/catalog/features"))
        .and(query_param("plan", "5"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"features": {"items": [{"id": "1"}]}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/orders/properties"))
        .and(query_param("transactionType", "UPGRADE"))
        .and(query_param("service", "38382349"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"properties": {"items": [{"groupId": "MISCELLANEOUS", "fields": []}]}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);
    let token = token();
    let api = client.api(&token, CallContext::new());
    let none = CatalogQuery::default();
    let features = CatalogQuery {
        plan: Some("5".into()),
        ..CatalogQuery::default()
    };

    assert_eq!(first_page(&api, &collection::SERVICES, &none).await, 1);
    assert_eq!(first_page(&api, &collection::DEVICE_ASSETS, &none).await, 1);
    assert_eq!(first_page(&api, &collection::DEVICES, &none).await, 1);
    assert_eq!(first_page(&api, &collection::PLANS, &none).await, 1);
    assert_eq!(first_page(&api, &collection::ACCESSORIES, &none).await, 1);
    assert_eq!(
        first_page(&api, &collection::VENDORS, &VendorQuery::default()).await,
        1
    );
    assert_eq!(first_page(&api, &collection::ORDERS, &none).await, 1);
    assert_eq!(first_page(&api, &collection::FEATURES, &features).await, 1);
    assert_eq!(
        api.walk(&collection::EMPLOYEES, &(), 5)
            .await
            .unwrap()
            .items
            .len(),
        1
    );
    assert_eq!(
        api.walk(&collection::REGIONS, &(), 5)
            .await
            .unwrap()
            .items
            .len(),
        1
    );
    let properties = PropertiesQuery::for_service(TransactionType::Upgrade, "38382349");
    let groups = api
        .walk(&collection::PROPERTIES, &properties, 5)
        .await
        .unwrap();
    assert_eq!(groups.items[0].group_id, "MISCELLANEOUS");
}

/// How many items the first page of `collection` holds.
async fn first_page<T: serde::de::DeserializeOwned, Q: serde::Serialize>(
    api: &Api<'_, AccessToken>,
    collection: &Collection<T>,
    query: &Q,
) -> usize {
    api.page(collection, query).await.unwrap().items().len()
}
