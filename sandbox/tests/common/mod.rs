//! Shared by the sandbox's integration tests: a sandbox of its own on a free port
//! per test, and a reqwest client that signs in and sends the MOBPROC headers.
#![allow(
    dead_code,
    reason = "each test crate uses a different part of this module"
)]

use reqwest::{Method, RequestBuilder, StatusCode};
use sandbox::{Config, RunningSandbox};
use serde_json::Value;

pub const CLIENT_ID: &str = "storefront";
pub const CLIENT_SECRET: &str = "storefront-secret";
pub const PETER: &str = "peter.edwards.acme";
pub const PETER_ID: &str = "28673732";
pub const BARBARA: &str = "barbara.andrews@example.com";
pub const BARBARA_ID: &str = "48068931";
pub const JAMES_ID: &str = "48068987";
pub const ADMIN: &str = "admin.acme";
pub const APPROVER: &str = "diane.foster.acme";

pub struct TestSandbox {
    pub running: RunningSandbox,
    pub http: reqwest::Client,
}

impl TestSandbox {
    pub async fn start() -> Self {
        Self::with(Config::ephemeral()).await
    }

    pub async fn with(config: Config) -> Self {
        let running = sandbox::spawn(config).await.expect("sandbox starts");
        Self {
            running,
            http: reqwest::Client::new(),
        }
    }

    pub fn base(&self) -> &str {
        self.running.base_url()
    }

    /// `{base}/mobproc/v1{path}`.
    pub fn api(&self, path: &str) -> String {
        format!("{}{path}", self.running.api_url())
    }

    /// The password grant's answer for `username` (password `demo`).
    pub async fn sign_in(&self, username: &str) -> Value {
        let (status, body) = self
            .oauth(&[
                ("grant_type", "password"),
                ("client_id", CLIENT_ID),
                ("client_secret", CLIENT_SECRET),
                ("scope", "MOBPROC"),
                ("username", username),
                ("password", "demo"),
            ])
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }

    /// An access token for `username`.
    pub async fn token(&self, username: &str) -> String {
        self.sign_in(username).await["access_token"]
            .as_str()
            .expect("access_token")
            .to_owned()
    }

    /// `POST /as/token.oauth2` with `params` in the query string, as the docs send them.
    pub async fn oauth(&self, params: &[(&str, &str)]) -> (StatusCode, Value) {
        let response = self
            .http
            .post(format!("{}/as/token.oauth2", self.base()))
            .query(params)
            .send()
            .await
            .expect("token endpoint answers");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// A request with the three required headers.
    pub fn request(&self, method: Method, token: &str, path: &str) -> RequestBuilder {
        self.http
            .request(method, self.api(path))
            .bearer_auth(token)
            .header("X-TNGO-TENANT", "ACME")
            .header("client_id", CLIENT_ID)
    }

    pub async fn send(builder: RequestBuilder) -> (StatusCode, Value) {
        let response = builder.send().await.expect("sandbox answers");
        let status = response.status();
        let text = response.text().await.expect("body");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (status, body)
    }

    /// `GET {api}{path}` as `token`.
    pub async fn get(&self, token: &str, path: &str) -> (StatusCode, Value) {
        Self::send(self.request(Method::GET, token, path)).await
    }

    /// `GET` of a fully qualified URL (a `_meta` link) as `token`.
    pub async fn follow(&self, token: &str, url: &str) -> (StatusCode, Value) {
        Self::send(
            self.http
                .get(url)
                .bearer_auth(token)
                .header("X-TNGO-TENANT", "ACME")
                .header("client_id", CLIENT_ID),
        )
        .await
    }

    /// Moves the sandbox's clock forward over HTTP.
    pub async fn advance_clock(&self, secs: i64) {
        let response = self
            .http
            .post(format!("{}/_sandbox/clock", self.base()))
            .json(&serde_json::json!({ "advanceSecs": secs }))
            .send()
            .await
            .expect("clock answers");
        assert_eq!(response.status(), StatusCode::OK);
    }
}

/// Asserts a MOBPROC error body (§5) with this status.
pub fn assert_error(status: StatusCode, body: &Value, expected: StatusCode) {
    assert_eq!(status, expected, "{body}");
    assert_eq!(body["status"], expected.as_u16(), "{body}");
    let code = body["errorCode"].as_str().unwrap_or_default();
    assert!(code.starts_with(&expected.as_u16().to_string()), "{body}");
    assert!(
        body["id"].as_str().is_some_and(|id| !id.is_empty()),
        "{body}"
    );
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
}

/// The `id`s of a collection's items.
pub fn ids(collection: &Value) -> Vec<String> {
    collection["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
