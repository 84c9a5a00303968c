//! Collections: pages followed by `hrefNext` only, links outside the API base refused
//! before the token is sent, and both envelope shapes of API.md §6.
#![cfg(feature = "client")]

mod common;

use common::{client_for, token};
use mobproc::client::{collection, CallContext, EmployeeQuery, ErrorKind};
use mobproc::model::{Employee, Listing, Region};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn employees_href(server: &MockServer, offset: u32) -> String {
    format!(
        "{}/mobproc/v1/employees?sortAscending=true&offset={offset}&limit=2",
        server.uri()
    )
}

fn page(ids: &[&str], next: Option<String>) -> ResponseTemplate {
    let items: Vec<_> = ids.iter().map(|id| serde_json::json!({"id": id})).collect();
    let mut meta = serde_json::json!({"limit": 2, "totalCount": 5});
    if let Some(next) = next {
        meta["hrefNext"] = next.into();
    }
    ResponseTemplate::new(200)
        .set_body_json(serde_json::json!({"employees": {"_meta": meta, "items": items}}))
}

/// Page 1 at `/employees?limit=2`, then pages 2 and 3 reached only by their links. The
/// links use offsets that differ from what a client would compute, as Premium Mobile's do.
async fn three_pages(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/employees"))
        .and(query_param_is_missing("offset"))
        .respond_with(page(&["1", "2"], Some(employees_href(server, 3))))
        .expect(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/employees"))
        .and(query_param("offset", "3"))
        .respond_with(page(&["3", "4"], Some(employees_href(server, 7))))
        .expect(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/employees"))
        .and(query_param("offset", "7"))
        .respond_with(page(&["5"], None))
        .expect(1)
        .mount(server)
        .await;
}

fn ids(employees: &[Employee]) -> Vec<&str> {
    employees
        .iter()
        .map(|employee| employee.id.as_str())
        .collect()
}

#[tokio::test]
async fn a_walk_follows_href_next_across_three_pages() {
    let server = MockServer::start().await;
    three_pages(&server).await;
    let query = EmployeeQuery {
        limit: Some(2),
        ..EmployeeQuery::default()
    };
    let context = CallContext::new().with_employee_id("28673732");

    let walked = client_for(&server)
        .api(&token(), context)
        .walk(&collection::EMPLOYEES, &query, 10)
        .await
        .unwrap();

    assert_eq!(ids(&walked.items), ["1", "2", "3", "4", "5"]);
    assert!(walked.complete);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 3);
    for request in &requests {
        assert_eq!(request.headers["x-tngo-context-employeeid"], "28673732");
    }
}

#[tokio::test]
async fn the_ui_pages_by_links() {
    let server = MockServer::start().await;
    three_pages(&server).await;
    let client = client_for(&server);
    let query = EmployeeQuery {
        limit: Some(2),
        ..EmployeeQuery::default()
    };

    let token = token();
    let api = client.api(&token, CallContext::new());
    let first = api.page(&collection::EMPLOYEES, &query).await.unwrap();
    let next = first.next_href().unwrap().to_owned();
    let second: Listing<Employee> = api.page_at(&collection::EMPLOYEES, &next).await.unwrap();
    let last: Listing<Employee> = api
        .page_at(&collection::EMPLOYEES, second.next_href().unwrap())
        .await
        .unwrap();

    assert_eq!(ids(first.items()), ["1", "2"]);
    assert_eq!(ids(second.items()), ["3", "4"]);
    assert_eq!(ids(last.items()), ["5"]);
    assert_eq!(last.next_href(), None);
}

#[tokio::test]
async fn a_link_to_another_host_is_refused_without_sending() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let port = server.address().port();
    let foreign = [
        "http://evil.test/mobproc/v1/employees?offset=2".to_owned(),
        format!(
            "http://127.0.0.1:{}/mobproc/v1/employees",
            port.wrapping_add(1)
        ),
        format!("http://localhost:{port}/mobproc/v1/employees"),
        format!("{}/other/v1/employees", server.uri()),
    ];

    let token = token();
    let api = client.api(&token, CallContext::new());
    for href in &foreign {
        let error = api.page_at(&collection::EMPLOYEES, href).await.unwrap_err();
        assert!(
            matches!(error.kind(), ErrorKind::ForeignHref),
            "{href}: {error:?}"
        );
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_walk_stops_at_a_foreign_href_next() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(page(
            &["1"],
            Some("http://evil.test/mobproc/v1/employees?offset=1".into()),
        ))
        .expect(1)
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new())
        .walk(&collection::EMPLOYEES, &(), 10)
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::ForeignHref));
}

#[tokio::test]
async fn a_walk_stops_when_the_links_loop() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(page(&["1"], Some(employees_href(&server, 1))))
        .expect(2)
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new())
        .walk(&collection::EMPLOYEES, &(), 10)
        .await
        .unwrap_err();

    assert!(matches!(error.kind(), ErrorKind::PaginationLoop));
}

#[tokio::test]
async fn a_bare_array_collection_is_read() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/regions"))
        .and(query_param("parentRegion", "70144640"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "regions": [
                {"id": "158385987", "name": "Alabama", "parentId": "70144640", "type": "STATE_PROVINCE"},
                {"id": "158385986", "name": "Alaska", "parentId": "70144640", "type": "STATE_PROVINCE"}
            ]
        })))
        .expect(1)
        .mount(&server)
        .await;

    let states: Listing<Region> = client_for(&server)
        .api(&token(), CallContext::new())
        .page(&collection::REGIONS, &[("parentRegion", "70144640")])
        .await
        .unwrap();

    assert!(matches!(states, Listing::Bare(_)));
    assert_eq!(states.items().len(), 2);
    assert_eq!(states.next_href(), None);
}

#[tokio::test]
async fn a_missing_envelope_is_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"people": []})))
        .mount(&server)
        .await;

    let error = client_for(&server)
        .api(&token(), CallContext::new())
        .page(&collection::EMPLOYEES, &EmployeeQuery::default())
        .await
        .unwrap_err();

    assert!(matches!(
        error.kind(),
        ErrorKind::Decode { status: 200, .. }
    ));
}

#[tokio::test]
async fn a_walk_stops_at_its_page_cap_and_says_so() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/employees"))
        .and(query_param_is_missing("offset"))
        .respond_with(page(&["1", "2"], Some(employees_href(&server, 3))))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/mobproc/v1/employees"))
        .and(query_param("offset", "3"))
        .respond_with(page(&["3", "4"], Some(employees_href(&server, 7))))
        .expect(1)
        .mount(&server)
        .await;

    let walked = client_for(&server)
        .api(&token(), CallContext::new())
        .walk(&collection::EMPLOYEES, &(), 2)
        .await
        .unwrap();

    assert_eq!(ids(&walked.items), ["1", "2", "3", "4"]);
    assert!(!walked.complete, "a third page was left");
}
