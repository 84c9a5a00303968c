//! The real `mobproc-sandbox` binary: its first stdout line, and that it serves.

use std::process::Stdio;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

#[tokio::test]
async fn prints_its_address_first_and_serves_there() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mobproc-sandbox"))
        .args(["--listen", "127.0.0.1:0", "--token-ttl-secs", "5"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let first = BufReader::new(stdout)
        .lines()
        .next_line()
        .await
        .expect("stdout is readable")
        .expect("a first line");
    let base = first
        .strip_prefix("listening on http://127.0.0.1:")
        .map(|port| format!("http://127.0.0.1:{port}"))
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
    assert!(!base.ends_with(":0"), "{first}");

    let token: serde_json::Value = reqwest::Client::new()
        .post(format!("{base}/as/token.oauth2"))
        .query(&[
            ("grant_type", "password"),
            ("client_id", "storefront"),
            ("client_secret", "storefront-secret"),
            ("scope", "MOBPROC"),
            ("username", "command://peter.edwards.acme"),
            ("password", "demo"),
        ])
        .send()
        .await
        .expect("token endpoint answers")
        .json()
        .await
        .expect("JSON");
    assert_eq!(token["expires_in"], 5);
    child.kill().await.expect("the child stops");
}

#[test]
fn help_documents_every_flag() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_mobproc-sandbox"))
        .arg("--help")
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for flag in [
        "--listen",
        "--public-base-url",
        "--data-dir",
        "--seed",
        "--token-ttl-secs",
        "--refresh-token-ttl-secs",
        "--tenant",
        "--client-id",
        "--client-secret",
    ] {
        assert!(help.contains(flag), "{flag} missing from --help");
    }
}
