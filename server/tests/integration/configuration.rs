//! Fail-closed configuration, through the real `server` binary: no MOBPROC and no
//! demo choice, or a real MOBPROC without its credentials, stops it with a message
//! naming the variables; the embedded sandbox runs only when asked for; an https
//! public origin makes the cookie `__Host-…; Secure` and adds HSTS; unknown settings are
//! reported; audit lines go to their own file when configured.

use crate::support;

use reqwest::{header, redirect, Client, StatusCode};
use support::process::{refusal, ServerProcess};

fn data() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[tokio::test]
async fn without_a_mobproc_or_the_demo_asked_for_the_server_does_not_start() {
    let data = data();
    let (code, said) = refusal(
        data.path(),
        &[("STOREFRONT_MOBPROC_ULR", "https://m.example/mobproc/v1")],
    )
    .await;
    assert_eq!(code, Some(1), "{said}");
    for name in [
        "STOREFRONT_MOBPROC_URL",
        "STOREFRONT_EMBEDDED_SANDBOX",
        "STOREFRONT_MOBPROC_ULR",
    ] {
        assert!(said.contains(name), "names {name}: {said}");
    }
    assert!(
        !data.path().join("sandbox").exists(),
        "no sandbox was started"
    );
}

#[tokio::test]
async fn a_real_mobproc_without_its_client_secret_does_not_start() {
    let data = data();
    let (code, said) = refusal(
        data.path(),
        &[
            ("STOREFRONT_MOBPROC_URL", "https://m.example/mobproc/v1"),
            (
                "STOREFRONT_OAUTH_TOKEN_URL",
                "https://idp.example/as/token.oauth2",
            ),
            ("STOREFRONT_TENANT", "ACME"),
            ("STOREFRONT_CLIENT_ID", "storefront"),
        ],
    )
    .await;
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("STOREFRONT_CLIENT_SECRET"), "{said}");
}

#[tokio::test]
async fn a_shared_postgresql_database_with_the_embedded_sandbox_does_not_start() {
    let data = data();
    let (code, said) = refusal(
        data.path(),
        &[
            ("STOREFRONT_EMBEDDED_SANDBOX", "true"),
            (
                "STOREFRONT_DATABASE_URL",
                "postgres://u@127.0.0.1:9/storefront",
            ),
        ],
    )
    .await;
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("private MOBPROC"), "{said}");
}

#[tokio::test]
async fn the_demo_runs_when_asked_for_and_unknown_settings_are_reported() {
    let data = data();
    let server = ServerProcess::start_with(
        data.path(),
        &[
            ("STOREFRONT_EMBEDDED_SANDBOX", "true"),
            ("STOREFRONT_DATA_DIR", data.path().to_str().unwrap()),
            ("STOREFRONT_COOKIE_SECUR", "true"),
        ],
    )
    .await;
    let page = Client::new()
        .get(format!("{}/sign-in", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        server
            .log()
            .contains("unknown setting STOREFRONT_COOKIE_SECUR is ignored"),
        "{}",
        server.log()
    );
}

#[tokio::test]
async fn an_https_public_origin_makes_the_cookie_host_prefixed_and_secure_with_hsts() {
    let sandbox = sandbox::spawn(sandbox::Config::ephemeral()).await.unwrap();
    let data = data();
    let origin = "https://shop.example.test";
    let server = ServerProcess::start(
        &sandbox,
        data.path(),
        &[],
        &[("STOREFRONT_PUBLIC_ORIGIN", origin)],
    )
    .await;
    let browser = Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap();
    let signed_in = browser
        .post(format!("{}/auth/sign-in", server.base))
        .header(header::ORIGIN, origin)
        .form(&[("username", "peter.edwards.acme"), ("password", "demo")])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let cookie = signed_in
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.contains("storefront_session="))
        .expect("session cookie")
        .to_owned();
    assert!(cookie.starts_with("__Host-storefront_session="), "{cookie}");
    let attributes: Vec<String> = cookie
        .split(';')
        .skip(1)
        .map(|a| a.trim().to_ascii_lowercase())
        .collect();
    for attribute in ["secure", "httponly", "samesite=lax", "path=/"] {
        assert!(
            attributes.iter().any(|a| a == attribute),
            "{attribute} in {cookie}"
        );
    }
    assert!(
        !attributes.iter().any(|a| a.starts_with("domain")),
        "{cookie}"
    );
    for response in [
        &signed_in,
        &browser
            .get(format!("{}/sign-in", server.base))
            .send()
            .await
            .unwrap(),
    ] {
        assert_eq!(
            response.headers()[header::STRICT_TRANSPORT_SECURITY],
            "max-age=31536000"
        );
    }
}

#[tokio::test]
async fn audit_lines_go_to_their_own_file_in_one_format() {
    let data = data();
    let audit = data.path().join("audit.log");
    let server = ServerProcess::start_with(
        data.path(),
        &[
            ("STOREFRONT_EMBEDDED_SANDBOX", "true"),
            ("STOREFRONT_DATA_DIR", data.path().to_str().unwrap()),
            ("STOREFRONT_AUDIT_LOG", audit.to_str().unwrap()),
        ],
    )
    .await;
    let browser = Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap();
    for password in ["wrong", "demo"] {
        browser
            .post(format!("{}/auth/sign-in", server.base))
            .header(header::ORIGIN, &server.base)
            .form(&[("username", "peter.edwards.acme"), ("password", password)])
            .send()
            .await
            .unwrap();
    }
    let lines = std::fs::read_to_string(&audit).expect("the audit file");
    let lines: Vec<&str> = lines.lines().collect();
    assert_eq!(lines.len(), 2, "only audit lines: {lines:#?}");
    for (line, outcome) in lines.iter().zip(["refused", "ok"]) {
        assert!(line.contains(" audit: sign_in "), "{line}");
        for field in [
            "event=\"sign_in\"".to_owned(),
            format!("outcome=\"{outcome}\""),
            "account=\"peter.edwards.acme\"".to_owned(),
            "address=\"127.0.0.1\"".to_owned(),
            "method=\"password\"".to_owned(),
        ] {
            assert!(line.contains(&field), "{field} in {line}");
        }
        assert!(
            !line.contains("demo") && !line.contains("wrong"),
            "no password: {line}"
        );
    }
}
