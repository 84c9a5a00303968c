//! Client set-up shared by the client tests: a client for a wiremock server.

// Each test crate compiles this module and uses only part of it.
#![allow(dead_code)]

use mobproc::client::{AccessToken, ClientConfig, MobprocClient, RetryPolicy};
use wiremock::MockServer;

/// The configuration for a MOBPROC at `base`, with default retries.
pub fn config(base: &str) -> ClientConfig {
    ClientConfig::new(
        format!("{base}/mobproc/v1"),
        format!("{base}/as/token.oauth2"),
        "ACME",
        "storefront-client",
        "s3cr3t",
    )
}

/// A client for `server` that never retries, so each test sees every request.
pub fn client_for(server: &MockServer) -> MobprocClient {
    MobprocClient::new(config(&server.uri()).with_retry(RetryPolicy::NONE)).unwrap()
}

pub fn token() -> AccessToken {
    AccessToken::new("t0ken-abc".to_owned())
}
