//! Bounded work: the act-for search over a tenant of 20,000 employees makes a capped
//! number of MOBPROC calls, says when it could not search them all and serves the next
//! pages from its walk; an exact email or id is one filtered call; 50 concurrent
//! searches do not stall another person's page; the server-wide timeout and
//! concurrency limit answer 503 with a plain page instead of hanging.

use crate::support;

use std::time::{Duration, Instant};

use reqwest::{header, StatusCode};
use sandbox::journal::CallFilter;
use serde_json::json;
use server::overload::Limits;
use support::{start, start_set_up, Harness, Setup};
use tokio::task::JoinSet;

const REFINE: &str = "please refine your search";

async fn tenant_of_20_000() -> Harness {
    start_set_up(
        sandbox::Config {
            synthetic_employees: 20_000,
            ..sandbox::Config::ephemeral()
        },
        Setup::default(),
    )
    .await
}

fn employee_calls(harness: &Harness) -> usize {
    harness
        .mobproc_calls(&CallFilter::default().path("/mobproc/v1/employees*"))
        .len()
}

#[tokio::test]
async fn a_search_of_20_000_employees_makes_a_capped_walk_and_says_so() {
    let harness = tenant_of_20_000().await;
    let admin = harness.admin().await;
    harness.forget_mobproc_calls();

    let page = harness.page(&admin, "/act-for?q=").await;
    assert!(page.contains(REFINE), "the cap is told");
    let walked = employee_calls(&harness);
    assert!(
        (1..=10).contains(&walked),
        "at most 10 pages of /employees: {walked}"
    );
    let next = harness.page(&admin, "/act-for?q=&page=2").await;
    assert!(next.contains(REFINE));
    assert_eq!(
        employee_calls(&harness),
        walked,
        "the next page comes from the same walk"
    );

    harness.forget_mobproc_calls();
    let by_email = harness
        .page(&admin, "/act-for?q=employee.19042%40example.com")
        .await;
    assert!(
        by_email.contains("employee.19042@example.com"),
        "found beyond the walk"
    );
    assert!(
        !by_email.contains(REFINE),
        "an exact email searched everyone"
    );
    let calls = harness.mobproc_calls(&CallFilter::default().path("/mobproc/v1/employees*?*"));
    assert_eq!(calls.len(), 1, "one filtered call: {calls:#?}");
    assert!(
        calls[0]
            .query
            .as_deref()
            .unwrap_or_default()
            .contains("companyEmployeeId=employee.19042%40example.com"),
        "{calls:#?}"
    );

    harness.forget_mobproc_calls();
    let by_id = harness.page(&admin, "/act-for?q=70019042").await;
    assert!(by_id.contains("employee.19042@example.com"));
    assert_eq!(employee_calls(&harness), 1, "one call for an id");
}

#[tokio::test]
async fn fifty_concurrent_searches_do_not_stall_another_persons_page() {
    let harness = tenant_of_20_000().await;
    let admin = harness.admin().await;
    let peter = harness.peter().await;
    let mut searches = JoinSet::new();
    for n in 0..50 {
        let (admin, url) = (admin.clone(), harness.url(&format!("/act-for?q=smith+{n}")));
        searches.spawn(async move { admin.get(url).send().await.map(|r| r.status()) });
    }
    let started = Instant::now();
    let page = peter.get(harness.url("/")).send().await.expect("answers");
    let took = started.elapsed();
    assert!(
        matches!(
            page.status(),
            StatusCode::OK | StatusCode::SERVICE_UNAVAILABLE
        ),
        "{}",
        page.status()
    );
    assert!(
        took < Limits::default().request_timeout,
        "Peter's page answered in {took:?}"
    );
    while let Some(search) = searches.join_next().await {
        let status = search.expect("ran").expect("every search answers");
        assert!(
            matches!(status, StatusCode::OK | StatusCode::SERVICE_UNAVAILABLE),
            "{status}"
        );
    }
}

#[tokio::test]
async fn a_request_past_the_timeout_is_answered_503_with_a_plain_page() {
    let harness = start_set_up(
        sandbox::Config::ephemeral(),
        Setup {
            limits: Limits {
                request_timeout: Duration::from_secs(1),
                ..Limits::default()
            },
            ..Setup::default()
        },
    )
    .await;
    let peter = harness.peter().await;
    harness
        .set_faults(json!([{ "path": "/mobproc/v1/assets/services*", "latencyMs": 5_000 }]))
        .await;
    let started = Instant::now();
    let page = peter.get(harness.url("/")).send().await.unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "did not wait for MOBPROC"
    );
    assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.headers().contains_key(header::RETRY_AFTER));
    let html = page.text().await.unwrap();
    assert!(html.contains("This took too long"), "{html}");
    assert!(!html.contains("<script"), "a plain page");
}

#[tokio::test]
async fn requests_over_the_concurrency_limit_are_refused_at_once() {
    let harness = start_set_up(
        sandbox::Config::ephemeral(),
        Setup {
            limits: Limits {
                max_concurrent_requests: 1,
                ..Limits::default()
            },
            ..Setup::default()
        },
    )
    .await;
    let peter = harness.peter().await;
    harness
        .set_faults(
            json!([{ "path": "/mobproc/v1/assets/services*", "latencyMs": 3_000, "times": 1 }]),
        )
        .await;
    let slow = {
        let (peter, url) = (peter.clone(), harness.url("/"));
        tokio::spawn(async move { peter.get(url).send().await.map(|r| r.status()) })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let started = Instant::now();
    let refused = harness
        .browser()
        .get(harness.url("/sign-in"))
        .send()
        .await
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(1), "not queued");
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(refused.text().await.unwrap().contains("very busy"));
    assert_eq!(slow.await.unwrap().unwrap(), StatusCode::OK);
    let after = harness
        .browser()
        .get(harness.url("/sign-in"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        after.status(),
        StatusCode::OK,
        "served again once there is room"
    );
}

#[tokio::test]
async fn a_search_of_a_small_tenant_is_complete() {
    let harness = start().await;
    let admin = harness.admin().await;
    let page = harness.page(&admin, "/act-for?q=barb").await;
    assert!(page.contains("Barbara Andrews"));
    assert!(!page.contains(REFINE));
}
