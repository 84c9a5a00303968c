//! Pagination and `_meta` as API.md §6 has them, on several collections.

mod common;

use std::collections::HashSet;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::Value;

const LINKS: [&str; 4] = ["hrefStart", "hrefPrevious", "hrefNext", "hrefEnd"];

/// Walks a collection by `hrefNext` from `path`, checking every page's `_meta`.
async fn walk(sandbox: &TestSandbox, token: &str, name: &str, path: &str) -> Vec<String> {
    let (status, first) = sandbox.get(token, path).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let total = first[name]["_meta"]["totalCount"].as_u64().unwrap();
    let mut seen = Vec::new();
    let mut page = first;
    let mut pages = 0;
    loop {
        let meta = &page[name]["_meta"];
        let href = meta["href"].as_str().unwrap();
        assert!(href.starts_with(&sandbox.api("/")), "{href}");
        assert_eq!(meta["totalCount"].as_u64(), Some(total));
        for link in LINKS {
            if let Some(url) = meta[link].as_str() {
                assert_ne!(url, href, "{link} points at the current page");
                assert!(url.starts_with(&sandbox.api("/")), "{url}");
            }
        }
        seen.extend(ids(&page[name]));
        pages += 1;
        assert!(pages <= 100, "runaway pagination");
        let Some(next) = meta["hrefNext"].as_str() else {
            break;
        };
        let (status, body) = sandbox.follow(token, next).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        page = body;
    }
    assert_eq!(seen.len() as u64, total, "every item once: {seen:?}");
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());
    seen
}

#[tokio::test]
async fn walking_href_next_covers_every_item_exactly_once() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    let employees = walk(&sandbox, &admin, "employees", "/employees?limit=4").await;
    assert!(employees.len() >= 15);
    assert!(employees.contains(&BARBARA_ID.to_owned()));
    walk(
        &sandbox,
        &admin,
        "devices",
        "/catalog/devices?regionId=70144640&limit=7",
    )
    .await;
    walk(&sandbox, &admin, "accessories", "/catalog/accessories").await;
    walk(
        &sandbox,
        &admin,
        "regions",
        "/regions?parentRegion=70144640&limit=20",
    )
    .await;
    walk(&sandbox, &admin, "services", "/assets/services?limit=3").await;
}

#[tokio::test]
async fn links_appear_only_when_they_differ_from_the_current_page() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    let (_, first) = sandbox.get(&admin, "/employees?sortAscending=true").await;
    let meta = &first["employees"]["_meta"];
    assert_eq!(meta["limit"], 10, "the default limit");
    assert_eq!(meta["offset"], 0);
    assert!(meta.get("hrefStart").is_none() && meta.get("hrefPrevious").is_none());
    let api = sandbox.api("/employees");
    assert_eq!(
        meta["href"],
        format!("{api}?sortAscending=true&offset=0&limit=10")
    );
    assert_eq!(
        meta["hrefNext"],
        format!("{api}?sortAscending=true&offset=10&limit=10")
    );
    assert_eq!(
        meta["hrefEnd"], meta["hrefNext"],
        "two pages: next is the end"
    );

    let (_, last) = sandbox
        .follow(&admin, meta["hrefEnd"].as_str().unwrap())
        .await;
    let meta = &last["employees"]["_meta"];
    assert!(meta.get("hrefNext").is_none() && meta.get("hrefEnd").is_none());
    assert_eq!(
        meta["hrefStart"],
        format!("{api}?sortAscending=true&offset=0&limit=10")
    );
    assert_eq!(meta["hrefPrevious"], meta["hrefStart"]);

    let (_, single) = sandbox.get(&admin, "/vendors?limit=100").await;
    let meta = &single["vendors"]["_meta"];
    for link in LINKS {
        assert!(meta.get(link).is_none(), "{link} on a single page: {meta}");
    }
}

#[tokio::test]
async fn an_offset_inside_a_page_answers_the_page_containing_it() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    let (_, page) = sandbox.get(&admin, "/employees?limit=5&offset=7").await;
    let meta = &page["employees"]["_meta"];
    assert_eq!(meta["offset"], 5);
    assert_eq!(meta["href"], sandbox.api("/employees?offset=5&limit=5"));
}

#[tokio::test]
async fn links_use_the_host_the_client_called() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    let port = sandbox.running.addr().port();
    let (status, body) = TestSandbox::send(
        sandbox
            .request(Method::GET, &admin, "/employees?limit=2")
            .header("Host", format!("localhost:{port}")),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let next = body["employees"]["_meta"]["hrefNext"].as_str().unwrap();
    assert!(
        next.starts_with(&format!("http://localhost:{port}/mobproc/v1/employees?")),
        "{next}"
    );
    let item: &Value = &body["employees"]["items"][0];
    assert!(item["_meta"]["href"]
        .as_str()
        .unwrap()
        .starts_with(&format!("http://localhost:{port}/")));
}

#[tokio::test]
async fn bad_paging_is_a_bad_request() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    for query in ["limit=0", "limit=ten", "offset=-3"] {
        let (status, body) = sandbox.get(&admin, &format!("/employees?{query}")).await;
        assert_error(status, &body, StatusCode::BAD_REQUEST);
    }
}
