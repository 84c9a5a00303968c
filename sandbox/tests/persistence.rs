//! `--data-dir` keeps state across a restart; `POST /_sandbox/reset` goes back to
//! the seed but keeps tokens.

mod common;

use std::path::PathBuf;

use common::*;
use reqwest::{Method, StatusCode};
use sandbox::Config;
use serde_json::json;

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        Self(std::env::temp_dir().join(format!("mobproc-sandbox-{}", uuid::Uuid::new_v4())))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn move_to_barbara(sandbox: &TestSandbox, admin: &str) {
    let (status, body) = TestSandbox::send(
        sandbox
            .request(Method::POST, admin, "/assets/services/38382349/move")
            .json(&json!({"newOwnerEmployeeId": BARBARA_ID})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn owner_of_peters_line(sandbox: &TestSandbox, admin: &str) -> String {
    let (_, line) = sandbox.get(admin, "/assets/services/38382349").await;
    line["employee"]["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_restart_with_the_same_data_dir_keeps_tokens_and_changes() {
    let dir = TempDir::new();
    let config = Config {
        data_dir: Some(dir.0.clone()),
        ..Config::ephemeral()
    };
    let first = TestSandbox::with(config.clone()).await;
    let tokens = first.sign_in(ADMIN).await;
    let admin = tokens["access_token"].as_str().unwrap().to_owned();
    move_to_barbara(&first, &admin).await;
    first.advance_clock(60).await;
    first.running.shutdown().await.unwrap();

    let second = TestSandbox::with(config).await;
    assert_eq!(
        second.get(&admin, "/ping").await.0,
        StatusCode::OK,
        "the token survived"
    );
    assert_eq!(owner_of_peters_line(&second, &admin).await, BARBARA_ID);
    assert!(second.running.state().clock().offset().num_seconds() >= 60);
    let refresh = tokens["refresh_token"].as_str().unwrap();
    let (status, _) = second
        .oauth(&[
            ("grant_type", "refresh_token"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("refresh_token", refresh),
        ])
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn without_a_data_dir_nothing_survives() {
    let first = TestSandbox::start().await;
    let admin = first.token(ADMIN).await;
    first.running.shutdown().await.unwrap();
    let second = TestSandbox::start().await;
    let (status, _) = second.get(&admin, "/ping").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn reset_restores_the_seed_and_keeps_tokens() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    move_to_barbara(&sandbox, &admin).await;
    assert_eq!(owner_of_peters_line(&sandbox, &admin).await, BARBARA_ID);

    let response = sandbox
        .http
        .post(format!("{}/_sandbox/reset", sandbox.base()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(owner_of_peters_line(&sandbox, &admin).await, PETER_ID);
}
