//! The call journal over real HTTP and through the Rust API: what is recorded (API,
//! OAuth, images; never `/_sandbox`), the context headers, token requests without
//! their secrets, faulted answers with their final status, filters, clearing, reset.

mod common;
mod orders_common;

use std::time::Duration;

use common::{TestSandbox, CLIENT_ID, CLIENT_SECRET, PETER, PETER_ID};
use orders_common::request_text;
use reqwest::{Method, StatusCode};
use sandbox::journal::{fingerprint, Call, CallFilter};
use serde_json::{json, Value};

async fn calls(sandbox: &TestSandbox, query: &str) -> (StatusCode, Value) {
    TestSandbox::send(
        sandbox
            .http
            .get(format!("{}/_sandbox/calls{query}", sandbox.base())),
    )
    .await
}

fn all(sandbox: &TestSandbox) -> Vec<Call> {
    sandbox
        .running
        .state()
        .journal()
        .calls(&CallFilter::default())
}

async fn set_faults(sandbox: &TestSandbox, rules: Value) {
    let response = sandbox
        .http
        .post(format!("{}/_sandbox/faults", sandbox.base()))
        .json(&rules)
        .send()
        .await
        .expect("faults answer");
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn every_call_but_the_controls_is_recorded_in_order() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, _) = TestSandbox::send(
        sandbox
            .request(Method::GET, &peter, "/ping?echoText=hi%20there")
            .header("X-TNGO-CONTEXT-CORRELATIONID", "corr-1")
            .header("X-TNGO-CONTEXT-ACTIVITYID", "act-1")
            .header("X-TNGO-CONTEXT-EMPLOYEEID", PETER_ID),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = sandbox.get(&peter, "/orders/1").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let image = sandbox
        .http
        .get(format!(
            "{}//images/devices/VER/iphone5_blk_l.jpg",
            sandbox.base()
        ))
        .send()
        .await
        .expect("image answers");
    assert_eq!(image.status(), StatusCode::OK);
    sandbox.advance_clock(1).await;

    let (status, body) = calls(&sandbox, "").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let list = body.as_array().expect("a list");
    assert_eq!(list.len(), 4, "{body}");
    let seqs: Vec<u64> = list.iter().filter_map(|c| c["seq"].as_u64()).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");

    let token = &list[0];
    assert_eq!(
        (&token["method"], &token["path"], &token["status"]),
        (&json!("POST"), &json!("/as/token.oauth2"), &json!(200))
    );
    assert_eq!(token["grantType"], "password");
    assert_eq!(token["username"], PETER);

    let ping = &list[1];
    assert_eq!(ping["path"], "/mobproc/v1/ping");
    assert_eq!(ping["query"], "echoText=hi%20there");
    assert_eq!(ping["status"], 200);
    assert_eq!(ping["correlationId"], "corr-1");
    assert_eq!(ping["activityId"], "act-1");
    assert_eq!(ping["contextEmployeeId"], PETER_ID);
    assert!(ping["at"].is_string(), "{ping}");
    assert!(ping.get("grantType").is_none(), "{ping}");

    let missing = &list[2];
    assert_eq!(missing["status"], 404);
    for key in ["query", "correlationId", "activityId", "contextEmployeeId"] {
        assert!(missing[key].is_null(), "{key} of {missing}");
    }
    assert_eq!(list[3]["path"], "//images/devices/VER/iphone5_blk_l.jpg");
    assert_eq!(list[3]["method"], "GET");
}

#[tokio::test]
async fn token_requests_record_the_grant_but_no_secret() {
    let sandbox = TestSandbox::start().await;
    let signed_in = sandbox.sign_in("command://peter.edwards.acme").await;
    let refresh_token = signed_in["refresh_token"].as_str().expect("refresh_token");
    // A form body this time: the journal reads bodies as the endpoint does.
    let refreshed = sandbox
        .http
        .post(format!("{}/as/token.oauth2", sandbox.base()))
        .form(&[
            ("grant_type", "refresh_token"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("refresh_token", refresh_token),
        ])
        .send()
        .await
        .expect("token endpoint answers");
    assert_eq!(refreshed.status(), StatusCode::OK);
    let refreshed: Value = refreshed.json().await.expect("JSON");
    let (status, _) = sandbox
        .oauth(&[
            ("grant_type", "password"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("username", PETER),
            ("password", "wrong"),
        ])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let recorded = all(&sandbox);
    assert_eq!(recorded.len(), 3, "{recorded:?}");
    // The docs send token requests in the query string: its secrets are not kept.
    assert_eq!(
        recorded[0].query.as_deref(),
        Some("grant_type=password&client_id=storefront&client_secret=REDACTED&scope=MOBPROC&username=command%3A%2F%2Fpeter.edwards.acme&password=REDACTED")
    );
    assert_eq!(recorded[0].grant_type.as_deref(), Some("password"));
    assert_eq!(
        recorded[0].username.as_deref(),
        Some("command://peter.edwards.acme")
    );
    assert_eq!(recorded[1].grant_type.as_deref(), Some("refresh_token"));
    assert_eq!(
        recorded[1].refresh_token_id.as_deref(),
        Some(fingerprint(refresh_token).as_str())
    );
    assert_eq!(recorded[1].username, None);
    assert_eq!((recorded[2].status, recorded[2].pkce), (Some(400), None));

    let (_, body) = calls(&sandbox, "").await;
    let text = body.to_string();
    for secret in [
        refresh_token,
        signed_in["access_token"].as_str().expect("access_token"),
        refreshed["refresh_token"].as_str().expect("refresh_token"),
        CLIENT_SECRET,
        "demo",
        "wrong",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
}

#[tokio::test]
async fn faulted_answers_are_recorded_with_their_final_status() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    set_faults(
        &sandbox,
        json!([
            { "path": "/mobproc/v1/orders?confirm=true", "errorRate": 1.0, "errorStatus": 502 },
            { "path": "/mobproc/v1/orders", "method": "POST", "dropAfterCommit": true },
            { "path": "/mobproc/v1/ping", "hang": true, "times": 1 }
        ]),
    )
    .await;
    let (status, _) =
        orders_common::post_order(&sandbox, &peter, request_text("order_accessories"), true).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    let dropped = async {
        sandbox
            .request(Method::POST, &peter, "/orders")
            .header("content-type", "application/json")
            .body(request_text("order_accessories"))
            .send()
            .await?
            .bytes()
            .await
    }
    .await;
    assert!(dropped.is_err(), "{dropped:?}");

    // The hanging ping: once its `times: 1` rule is used up it hangs; clearing the
    // rules releases it with a dropped connection.
    let hung = tokio::spawn(sandbox.request(Method::GET, &peter, "/ping").send());
    let faults_url = format!("{}/_sandbox/faults", sandbox.base());
    let taken = async {
        while TestSandbox::send(sandbox.http.get(&faults_url))
            .await
            .1
            .as_array()
            .is_some_and(|rules| rules.len() == 3)
        {
            tokio::task::yield_now().await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), taken)
        .await
        .expect("the ping reaches the sandbox");
    set_faults(&sandbox, json!([])).await;
    let answer = hung.await.expect("request task");
    assert!(answer.is_err() || answer.is_ok_and(|r| r.status() == StatusCode::SERVICE_UNAVAILABLE));
    let pinged = async {
        loop {
            let journal = sandbox.running.state().journal();
            if let Some(call) = journal
                .calls(&CallFilter::default().path("/mobproc/v1/ping"))
                .pop()
            {
                return call;
            }
            tokio::task::yield_now().await;
        }
    };
    let ping = tokio::time::timeout(Duration::from_secs(10), pinged)
        .await
        .expect("the released ping is recorded");
    assert_eq!((ping.status, ping.dropped), (Some(503), true));

    let orders = sandbox
        .running
        .state()
        .journal()
        .calls(&CallFilter::default().path("/mobproc/v1/orders*"));
    let outcomes: Vec<_> = orders
        .iter()
        .map(|c| (c.query.as_deref(), c.status, c.dropped))
        .collect();
    assert_eq!(
        outcomes,
        [
            (Some("confirm=true"), Some(502), false),
            (None, Some(200), true)
        ]
    );
}

#[tokio::test]
async fn filters_pick_calls_by_method_and_path_glob() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    orders_common::post_order(&sandbox, &peter, request_text("order_accessories"), true).await;
    orders_common::post_order(&sandbox, &peter, request_text("order_accessories"), false).await;
    sandbox.get(&peter, "/orders").await;
    sandbox.get(&peter, "/assets/services").await;

    let paths = |body: &Value| -> Vec<String> {
        body.as_array()
            .expect("a list")
            .iter()
            .map(|c| {
                let query = c["query"]
                    .as_str()
                    .map(|q| format!("?{q}"))
                    .unwrap_or_default();
                format!(
                    "{} {}{query}",
                    c["method"].as_str().unwrap_or_default(),
                    c["path"].as_str().unwrap_or_default()
                )
            })
            .collect()
    };
    let (_, posts) = calls(&sandbox, "?method=post&path=/mobproc/v1/*").await;
    assert_eq!(
        paths(&posts),
        [
            "POST /mobproc/v1/orders?confirm=true",
            "POST /mobproc/v1/orders"
        ]
    );
    let (_, orders) = calls(&sandbox, "?path=/mobproc/v1/orders").await;
    assert_eq!(orders.as_array().map(Vec::len), Some(3), "{orders}");
    let (_, confirms) = calls(&sandbox, "?path=*%3Fconfirm%3Dtrue").await;
    assert_eq!(paths(&confirms), ["POST /mobproc/v1/orders?confirm=true"]);
    let (_, oauth) = calls(&sandbox, "?path=/as/*").await;
    assert_eq!(oauth.as_array().map(Vec::len), Some(1), "{oauth}");
    assert_eq!(oauth[0]["path"], "/as/token.oauth2");

    let (status, _) = calls(&sandbox, "?method=NO%20SUCH").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = calls(&sandbox, "?paht=/x").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn delete_and_reset_clear_the_journal() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    sandbox.get(&peter, "/ping").await;
    let deleted = sandbox
        .http
        .delete(format!("{}/_sandbox/calls", sandbox.base()))
        .send()
        .await
        .expect("calls answer");
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert_eq!(calls(&sandbox, "").await.1, json!([]));

    sandbox.get(&peter, "/ping").await;
    assert_eq!(all(&sandbox).len(), 1);
    // Numbering goes on after clearing: the token, the first ping, then this one.
    assert_eq!(all(&sandbox)[0].seq, 3);
    let reset = sandbox
        .http
        .post(format!("{}/_sandbox/reset", sandbox.base()))
        .send()
        .await
        .expect("reset answers");
    assert_eq!(reset.status(), StatusCode::NO_CONTENT);
    assert!(all(&sandbox).is_empty());

    sandbox.running.state().journal().clear();
    assert!(all(&sandbox).is_empty());
}
