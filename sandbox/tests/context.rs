//! The headers of API.md §3 and the context (actor) of §4.

mod common;

use common::*;
use reqwest::{Method, StatusCode};

#[tokio::test]
async fn missing_tenant_or_client_id_is_a_bad_request() {
    let sandbox = TestSandbox::start().await;
    let token = sandbox.token(PETER).await;
    let no_tenant = sandbox
        .http
        .get(sandbox.api("/ping"))
        .bearer_auth(&token)
        .header("client_id", CLIENT_ID);
    let (status, body) = TestSandbox::send(no_tenant).await;
    assert_error(status, &body, StatusCode::BAD_REQUEST);

    let no_client = sandbox
        .http
        .get(sandbox.api("/ping"))
        .bearer_auth(&token)
        .header("X-TNGO-TENANT", "ACME");
    let (status, body) = TestSandbox::send(no_client).await;
    assert_error(status, &body, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn missing_or_unknown_tokens_are_unauthorized() {
    let sandbox = TestSandbox::start().await;
    let anonymous = sandbox
        .http
        .get(sandbox.api("/me"))
        .header("X-TNGO-TENANT", "ACME")
        .header("client_id", CLIENT_ID);
    let (status, body) = TestSandbox::send(anonymous).await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED);

    let (status, body) = sandbox.get("not-a-token", "/me").await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn wrong_tenant_or_client_is_forbidden() {
    let sandbox = TestSandbox::start().await;
    let token = sandbox.token(PETER).await;
    // Two tenants in one request are refused rather than guessed between.
    let (status, body) = TestSandbox::send(
        sandbox
            .request(Method::GET, &token, "/me")
            .header("X-TNGO-TENANT", "GLOBEX"),
    )
    .await;
    assert_error(status, &body, StatusCode::BAD_REQUEST);
    let wrong_tenant = sandbox
        .http
        .get(sandbox.api("/me"))
        .bearer_auth(&token)
        .header("X-TNGO-TENANT", "GLOBEX")
        .header("client_id", CLIENT_ID);
    let (status, body) = TestSandbox::send(wrong_tenant).await;
    assert_error(status, &body, StatusCode::FORBIDDEN);

    let wrong_client = sandbox
        .http
        .get(sandbox.api("/me"))
        .bearer_auth(&token)
        .header("X-TNGO-TENANT", "ACME")
        .header("client_id", "someone-else");
    let (status, body) = TestSandbox::send(wrong_client).await;
    assert_error(status, &body, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_employee_may_not_act_for_someone_else() {
    let sandbox = TestSandbox::start().await;
    let token = sandbox.token(PETER).await;
    for (header, value) in [
        ("X-TNGO-CONTEXT-EMPLOYEEID", BARBARA_ID),
        ("X-TNGO-CONTEXT-COMPANYEMPLOYEEID", BARBARA),
        ("X-TNGO-CONTEXT-EMPLOYEEID", "99999999"),
    ] {
        let (status, body) = TestSandbox::send(
            sandbox
                .request(Method::GET, &token, "/me")
                .header(header, value),
        )
        .await;
        assert_error(status, &body, StatusCode::FORBIDDEN);
    }
    // Naming oneself is fine.
    let (status, body) = TestSandbox::send(
        sandbox
            .request(Method::GET, &token, "/me")
            .header("X-TNGO-CONTEXT-EMPLOYEEID", PETER_ID),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["me"]["actor"]["id"], PETER_ID);
}

#[tokio::test]
async fn the_admin_acts_for_barbara_and_sees_her_data() {
    let sandbox = TestSandbox::start().await;
    let token = sandbox.token(ADMIN).await;
    let as_barbara = |path: &str| {
        TestSandbox::send(
            sandbox
                .request(Method::GET, &token, path)
                .header("X-TNGO-CONTEXT-COMPANYEMPLOYEEID", BARBARA),
        )
    };
    let (status, body) = as_barbara("/me").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let me = &body["me"];
    assert_eq!(me["authenticatedUser"]["companyEmployeeId"], ADMIN);
    assert_eq!(me["actor"]["id"], BARBARA_ID);
    assert_eq!(me["canActForOthers"], true);

    let (status, body) = as_barbara("/assets/services").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let lines = &body["services"]["items"];
    assert_eq!(lines.as_array().map(Vec::len), Some(1), "{body}");
    assert_eq!(lines[0]["employee"]["id"], BARBARA_ID);

    let (status, body) = sandbox.get(&token, "/assets/services").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["services"]["_meta"]["totalCount"].as_u64().unwrap() > 10);
}

#[tokio::test]
async fn the_employee_id_header_wins_over_the_company_id_header() {
    let sandbox = TestSandbox::start().await;
    let token = sandbox.token(ADMIN).await;
    let (status, body) = TestSandbox::send(
        sandbox
            .request(Method::GET, &token, "/me")
            .header("X-TNGO-CONTEXT-EMPLOYEEID", JAMES_ID)
            .header("X-TNGO-CONTEXT-COMPANYEMPLOYEEID", BARBARA),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["me"]["actor"]["id"], JAMES_ID);
}

#[tokio::test]
async fn an_unknown_actor_is_not_found_for_the_admin() {
    let sandbox = TestSandbox::start().await;
    let token = sandbox.token(ADMIN).await;
    let (status, body) = TestSandbox::send(
        sandbox
            .request(Method::GET, &token, "/me")
            .header("X-TNGO-CONTEXT-COMPANYEMPLOYEEID", "nobody@example.com"),
    )
    .await;
    assert_error(status, &body, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn filters_stay_within_the_callers_rights() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, body) = sandbox
        .get(&peter, &format!("/assets/services?employee={BARBARA_ID}"))
        .await;
    assert_error(status, &body, StatusCode::FORBIDDEN);
    let (status, body) = sandbox.get(&peter, "/employees").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ids(&body["employees"]), [PETER_ID]);

    let approver = sandbox.token(APPROVER).await;
    let (status, body) = sandbox
        .get(
            &approver,
            &format!("/assets/devices?companyEmployeeId={BARBARA}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(!ids(&body["devices"]).is_empty());
    let (status, body) = sandbox
        .get(&approver, &format!("/employees/{BARBARA_ID}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = sandbox
        .get(&peter, &format!("/employees/{BARBARA_ID}"))
        .await;
    assert_error(status, &body, StatusCode::NOT_FOUND);
}
