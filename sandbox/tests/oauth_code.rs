//! The authorization-code flow with PKCE on PingFederate's paths: the identity
//! provider's own sign-in page, codes (single use, 60 s, bound to client, redirect URI
//! and challenge), the token exchange, RFC 6749 §4.1.2.1 errors (shown or redirected),
//! cancel, the sign-in session, logout, and redirect URIs registered at run time.

mod common;

use std::collections::HashMap;

use clap::Parser;
use common::{TestSandbox, CLIENT_ID, CLIENT_SECRET, PETER, PETER_ID};
use reqwest::header::{CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use reqwest::{Method, Response, StatusCode};
use sandbox::journal::{CallFilter, Pkce};
use sandbox::pkce::challenge_of;
use sandbox::Config;
use serde_json::{json, Value};

const REDIRECT: &str = "http://127.0.0.1:3000/auth/callback";
const OTHER_REDIRECT: &str = "http://127.0.0.1:3000/other/callback";
const VERIFIER: &str = "the-storefronts-verifier-of-at-least-43-characters";
const STATE: &str = "st4te-xyz";

struct Idp {
    sandbox: TestSandbox,
    /// Follows no redirect: the tests read every `Location`.
    browser: reqwest::Client,
}

fn config() -> Config {
    Config {
        redirect_uris: vec![REDIRECT.to_owned(), OTHER_REDIRECT.to_owned()],
        extra_clients: vec!["other-app:other-secret".parse().expect("client")],
        ..Config::ephemeral()
    }
}

/// The authorization request's parameters, as the storefront sends them.
fn request() -> Vec<(String, String)> {
    [
        ("response_type", "code"),
        ("client_id", CLIENT_ID),
        ("redirect_uri", REDIRECT),
        ("state", STATE),
        ("code_challenge", &challenge_of(VERIFIER)),
        ("code_challenge_method", "S256"),
        ("scope", "MOBPROC"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn with(
    mut params: Vec<(String, String)>,
    name: &str,
    value: Option<&str>,
) -> Vec<(String, String)> {
    params.retain(|(k, _)| k != name);
    if let Some(value) = value {
        params.push((name.to_owned(), value.to_owned()));
    }
    params
}

/// The query parameters of a redirect's `Location`.
fn location(response: &Response) -> (String, HashMap<String, String>) {
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|l| l.to_str().ok())
        .unwrap_or_else(|| panic!("no Location in {response:?}"));
    let url = url::Url::parse(location).expect("an absolute Location");
    let base = format!("{}{}", url.origin().ascii_serialization(), url.path());
    (base, url.query_pairs().into_owned().collect())
}

/// `PF=…` from a response's `Set-Cookie`, ready for a `Cookie` header.
fn session_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("PF="))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned)
}

impl Idp {
    async fn start() -> Self {
        Self::with(config()).await
    }

    async fn with(config: Config) -> Self {
        Self {
            sandbox: TestSandbox::with(config).await,
            browser: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.base())
    }

    async fn authorize(&self, params: &[(String, String)], cookie: Option<&str>) -> Response {
        let mut request = self
            .browser
            .get(self.url("/as/authorization.oauth2"))
            .query(params);
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.expect("the IdP answers")
    }

    /// The sign-in form posted with `params` and the button `action`.
    async fn submit(&self, params: &[(String, String)], fields: &[(&str, &str)]) -> Response {
        let mut form: Vec<(String, String)> = params.to_vec();
        form.extend(
            fields
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        self.browser
            .post(self.url("/as/authorization.oauth2"))
            .form(&form)
            .send()
            .await
            .expect("the IdP answers")
    }

    async fn sign_in(&self, params: &[(String, String)], username: &str) -> Response {
        self.submit(
            params,
            &[
                ("username", username),
                ("password", "demo"),
                ("action", "sign-in"),
            ],
        )
        .await
    }

    /// Signs Peter in and answers the code.
    async fn code(&self) -> String {
        let response = self.sign_in(&request(), PETER).await;
        assert_eq!(response.status(), StatusCode::FOUND);
        location(&response).1["code"].clone()
    }

    async fn exchange(&self, fields: &[(&str, &str)]) -> (StatusCode, Value) {
        let response = self
            .browser
            .post(self.url("/as/token.oauth2"))
            .form(fields)
            .send()
            .await
            .expect("token endpoint answers");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// The documented exchange of `code`, as the storefront would make it.
    async fn redeem(&self, code: &str) -> (StatusCode, Value) {
        self.exchange(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", VERIFIER),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ])
        .await
    }

    fn last_pkce(&self) -> Option<Pkce> {
        self.sandbox
            .running
            .state()
            .journal()
            .calls(&CallFilter::default().path("/as/token.oauth2"))
            .pop()
            .and_then(|c| c.pkce)
    }
}

fn assert_invalid_grant((status, body): (StatusCode, Value)) {
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"], "invalid_grant", "{body}");
}

#[tokio::test]
async fn the_sign_in_page_is_the_identity_providers_own() {
    let idp = Idp::start().await;
    let hostile = with(request(), "state", Some("\"><script>alert(1)</script>"));
    let response = idp.authorize(&hostile, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert!(headers[CONTENT_TYPE]
        .to_str()
        .unwrap_or_default()
        .starts_with("text/html"));
    let csp = headers["content-security-policy"]
        .to_str()
        .unwrap_or_default();
    assert!(
        csp.contains("default-src 'none'")
            && csp.contains("form-action 'self' http://127.0.0.1:3000"),
        "{csp}"
    );
    assert_eq!(headers["x-frame-options"], "DENY");
    let html = response.text().await.expect("HTML");
    for expected in [
        "<html lang=\"en\">",
        "ACME identity provider",
        "<label for=\"username\">Username</label>",
        "<label for=\"password\">Password</label>",
        "autocomplete=\"current-password\"",
        "name=\"action\" value=\"cancel\"",
        "<code>peter.edwards.acme</code>",
        "<code>diane.foster.acme</code> (Diane Foster, approves orders)",
        "<code>admin.acme</code> (Alex Morgan, may act for everyone)",
        "Password <code>demo</code>",
        &format!(
            "name=\"code_challenge\" value=\"{}\"",
            challenge_of(VERIFIER)
        ),
        "&quot;&gt;&lt;script&gt;",
    ] {
        assert!(html.contains(expected), "{expected} missing from {html}");
    }
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("style=\""), "no inline styles: {html}");

    let css = idp
        .browser
        .get(idp.url("/as/idp.css"))
        .send()
        .await
        .expect("css");
    assert_eq!(css.status(), StatusCode::OK);
    assert!(css.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap_or_default()
        .starts_with("text/css"));
}

#[tokio::test]
async fn signing_in_redirects_with_a_code_for_the_same_tokens_as_the_password_grant() {
    let idp = Idp::start().await;
    let response = idp.sign_in(&request(), PETER).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let cookie = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("PF="))
        .expect("a session cookie")
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let (target, answer) = location(&response);
    assert_eq!(target, REDIRECT);
    assert_eq!(answer["state"], STATE);
    let code = &answer["code"];

    let (status, tokens) = idp.redeem(code).await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    assert_eq!(tokens["token_type"], "Bearer");
    assert!(tokens["expires_in"].is_u64());
    let access = tokens["access_token"].as_str().expect("access_token");
    let refresh = tokens["refresh_token"].as_str().expect("refresh_token");
    assert_eq!(idp.last_pkce(), Some(Pkce::Verified));
    let call = idp
        .sandbox
        .running
        .state()
        .journal()
        .calls(&CallFilter::default().path("/as/token.oauth2"))
        .pop()
        .expect("the exchange is journaled");
    assert_eq!(call.grant_type.as_deref(), Some("authorization_code"));

    let (status, me) = idp.sandbox.get(access, "/me").await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["me"]["authenticatedUser"]["id"], PETER_ID);
    let (status, refreshed) = idp
        .sandbox
        .oauth(&[
            ("grant_type", "refresh_token"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("refresh_token", refresh),
        ])
        .await;
    assert_eq!(status, StatusCode::OK, "{refreshed}");
}

#[tokio::test]
async fn a_code_is_single_use_and_its_second_use_revokes_its_tokens() {
    let idp = Idp::start().await;
    let code = idp.code().await;
    let (status, tokens) = idp.redeem(&code).await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    let access = tokens["access_token"].as_str().expect("access_token");
    assert_invalid_grant(idp.redeem(&code).await);
    let (status, _) = idp.sandbox.get(access, "/me").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_verifier_must_be_the_challenges() {
    let idp = Idp::start().await;
    let exchange = |code: &str, verifier: Option<&str>| {
        let mut fields = vec![
            ("grant_type", "authorization_code".to_owned()),
            ("code", code.to_owned()),
            ("redirect_uri", REDIRECT.to_owned()),
            ("client_id", CLIENT_ID.to_owned()),
            ("client_secret", CLIENT_SECRET.to_owned()),
        ];
        if let Some(verifier) = verifier {
            fields.push(("code_verifier", verifier.to_owned()));
        }
        fields
    };
    let wrong = "another-verifier-that-is-long-enough-to-be-valid";
    for (verifier, journaled) in [
        (Some(wrong), Pkce::Failed),
        (Some("short"), Pkce::Failed),
        (None, Pkce::Absent),
    ] {
        let code = idp.code().await;
        let fields = exchange(&code, verifier);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_invalid_grant(idp.exchange(&fields).await);
        assert_eq!(idp.last_pkce(), Some(journaled), "{verifier:?}");
    }
}

#[tokio::test]
async fn a_code_belongs_to_its_client_and_redirect_uri() {
    let idp = Idp::start().await;
    let code = idp.code().await;
    assert_invalid_grant(
        idp.exchange(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", VERIFIER),
            ("client_id", "other-app"),
            ("client_secret", "other-secret"),
        ])
        .await,
    );
    for redirect in [Some(OTHER_REDIRECT), None] {
        let code = idp.code().await;
        let mut fields = vec![
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("code_verifier", VERIFIER),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ];
        fields.extend(redirect.map(|r| ("redirect_uri", r)));
        assert_invalid_grant(idp.exchange(&fields).await);
    }
    // Client authentication comes first: a wrong secret is invalid_client.
    let code = idp.code().await;
    let (status, body) = idp
        .exchange(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", VERIFIER),
            ("client_id", CLIENT_ID),
            ("client_secret", "wrong"),
        ])
        .await;
    assert_eq!(
        (status, &body["error"]),
        (StatusCode::UNAUTHORIZED, &json!("invalid_client"))
    );
    let (status, body) = idp
        .exchange(&[
            ("grant_type", "authorization_code"),
            ("redirect_uri", REDIRECT),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ])
        .await;
    assert_eq!(
        (status, &body["error"]),
        (StatusCode::BAD_REQUEST, &json!("invalid_request"))
    );
}

#[tokio::test]
async fn codes_expire_after_sixty_seconds_by_the_sandbox_clock() {
    let idp = Idp::start().await;
    let code = idp.code().await;
    idp.sandbox.advance_clock(59).await;
    let (status, body) = idp.redeem(&code).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let late = idp.code().await;
    idp.sandbox.advance_clock(61).await;
    assert_invalid_grant(idp.redeem(&late).await);
}

#[tokio::test]
async fn bad_clients_and_redirect_uris_are_shown_on_the_idps_page() {
    let idp = Idp::start().await;
    let cases = [
        with(request(), "client_id", Some("<b>nobody</b>")),
        with(request(), "client_id", None),
        with(request(), "redirect_uri", None),
        with(
            request(),
            "redirect_uri",
            Some("http://evil.example/callback"),
        ),
        with(
            request(),
            "redirect_uri",
            Some("http://127.0.0.1:3000/auth/callback/"),
        ),
        with(request(), "client_id", Some("other-app")),
        {
            let mut twice = request();
            twice.push(("redirect_uri".to_owned(), REDIRECT.to_owned()));
            twice
        },
    ];
    for params in cases {
        for response in [
            idp.authorize(&params, None).await,
            idp.sign_in(&params, PETER).await,
        ] {
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{params:?}");
            assert!(response.headers().get(LOCATION).is_none(), "{params:?}");
            assert!(session_cookie(&response).is_none());
            let html = response.text().await.expect("HTML");
            assert!(
                html.contains("ACME identity provider") && html.contains("role=\"alert\""),
                "{html}"
            );
            assert!(!html.contains("<b>"), "escaped: {html}");
        }
    }
}

#[tokio::test]
async fn other_errors_go_back_to_the_client_with_the_state() {
    let idp = Idp::start().await;
    let twice_state = {
        let mut params = request();
        params.push(("state".to_owned(), "again".to_owned()));
        params
    };
    let cases = [
        (
            with(request(), "response_type", Some("token")),
            "unsupported_response_type",
        ),
        (with(request(), "response_type", None), "invalid_request"),
        (with(request(), "code_challenge", None), "invalid_request"),
        (
            with(request(), "code_challenge_method", Some("plain")),
            "invalid_request",
        ),
        (
            with(request(), "code_challenge_method", None),
            "invalid_request",
        ),
        (
            with(request(), "code_challenge", Some("too-short")),
            "invalid_request",
        ),
        (
            with(request(), "scope", Some("openid profile")),
            "invalid_scope",
        ),
        (twice_state, "invalid_request"),
    ];
    for (params, error) in cases {
        for response in [
            idp.authorize(&params, None).await,
            idp.sign_in(&params, PETER).await,
        ] {
            assert_eq!(response.status(), StatusCode::FOUND, "{params:?}");
            assert!(session_cookie(&response).is_none(), "{params:?}");
            let (target, answer) = location(&response);
            assert_eq!(target, REDIRECT);
            assert_eq!(answer["error"], error, "{params:?}");
            assert_eq!(answer["state"], STATE, "{params:?}");
            assert!(!answer.contains_key("code"));
        }
    }
    // Without a state nothing is echoed.
    let response = idp
        .authorize(
            &with(
                with(request(), "state", None),
                "response_type",
                Some("token"),
            ),
            None,
        )
        .await;
    assert!(!location(&response).1.contains_key("state"));
}

#[tokio::test]
async fn cancel_answers_access_denied() {
    let idp = Idp::start().await;
    let response = idp.submit(&request(), &[("action", "cancel")]).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let (target, answer) = location(&response);
    assert_eq!(target, REDIRECT);
    assert_eq!(answer["error"], "access_denied");
    assert_eq!(answer["state"], STATE);
    assert!(session_cookie(&response).is_none());
}

#[tokio::test]
async fn a_wrong_password_shows_the_form_again_with_one_message() {
    let idp = Idp::start().await;
    let mut pages = Vec::new();
    for (username, password) in [(PETER, "wrong"), ("nobody.acme", "demo"), ("", "")] {
        let response = idp
            .submit(
                &request(),
                &[
                    ("username", username),
                    ("password", password),
                    ("action", "sign-in"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers().get(LOCATION).is_none());
        assert!(session_cookie(&response).is_none());
        let html = response.text().await.expect("HTML");
        assert!(
            html.contains("role=\"alert\">The username or password is not right."),
            "{html}"
        );
        assert!(html.contains("aria-describedby=\"problem\""));
        assert!(
            html.contains(&format!("value=\"{username}\"")),
            "the username stays"
        );
        pages.push(html.replace(&format!("value=\"{username}\""), "value=\"\""));
    }
    assert_eq!(
        pages[0], pages[1],
        "no telling unknown users from wrong passwords"
    );
}

#[tokio::test]
async fn a_session_signs_in_without_the_form_until_it_expires() {
    let idp = Idp::start().await;
    let first = idp
        .sign_in(&request(), "command://peter.edwards.acme")
        .await;
    let cookie = session_cookie(&first).expect("a session");

    let again = idp.authorize(&request(), Some(&cookie)).await;
    assert_eq!(again.status(), StatusCode::FOUND);
    let (_, answer) = location(&again);
    assert_eq!(answer["state"], STATE);
    let (status, tokens) = idp.redeem(&answer["code"]).await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    let (_, me) = idp
        .sandbox
        .get(tokens["access_token"].as_str().unwrap_or_default(), "/me")
        .await;
    assert_eq!(me["me"]["authenticatedUser"]["id"], PETER_ID);
    let (_, validated) = idp
        .sandbox
        .oauth(&[
            (
                "grant_type",
                "urn:pingidentity.com:oauth2:grant_type:validate_bearer",
            ),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("token", tokens["access_token"].as_str().unwrap_or_default()),
        ])
        .await;
    assert_eq!(validated["access_token"]["platform"], "command");

    let forced = idp
        .authorize(&with(request(), "prompt", Some("login")), Some(&cookie))
        .await;
    assert_eq!(
        forced.status(),
        StatusCode::OK,
        "prompt=login shows the form"
    );
    let silent = idp
        .authorize(&with(request(), "prompt", Some("none")), None)
        .await;
    assert_eq!(location(&silent).1["error"], "login_required");
    let silent = idp
        .authorize(&with(request(), "prompt", Some("none")), Some(&cookie))
        .await;
    assert!(location(&silent).1.contains_key("code"));

    idp.sandbox.advance_clock(31 * 60).await;
    let expired = idp.authorize(&request(), Some(&cookie)).await;
    assert_eq!(expired.status(), StatusCode::OK, "the form again");
}

#[tokio::test]
async fn logout_ends_the_session_and_returns_only_to_registered_places() {
    let idp = Idp::start().await;
    let cookie = session_cookie(&idp.sign_in(&request(), PETER).await).expect("a session");
    let target = "http://127.0.0.1:3000/signed-out?bye=1";
    let response = idp
        .browser
        .get(idp.url("/idp/startSLO.ping"))
        .query(&[("TargetResource", target)])
        .header(COOKIE, &cookie)
        .send()
        .await
        .expect("logout answers");
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()[LOCATION], target);
    let cleared = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("PF="))
        .expect("the cookie is cleared")
        .to_owned();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    // The old cookie no longer signs in.
    let after = idp.authorize(&request(), Some(&cookie)).await;
    assert_eq!(after.status(), StatusCode::OK);

    for target in [
        Some("http://evil.example/"),
        Some("https://127.0.0.1:3000/"),
        None,
    ] {
        let mut logout = idp.browser.get(idp.url("/idp/startSLO.ping"));
        if let Some(target) = target {
            logout = logout.query(&[("TargetResource", target)]);
        }
        let response = logout.send().await.expect("logout answers");
        assert_eq!(response.status(), StatusCode::OK, "{target:?}");
        assert!(response.headers().get(LOCATION).is_none());
        let html = response.text().await.expect("HTML");
        assert!(html.contains("You are signed out"), "{html}");
        assert_eq!(html.contains("not registered"), target.is_some(), "{html}");
    }
}

#[tokio::test]
async fn redirect_uris_register_at_run_time_and_survive_a_reset() {
    let idp = Idp::with(Config::ephemeral()).await;
    let late = "http://127.0.0.1:45678/auth/callback";
    let params = with(request(), "redirect_uri", Some(late));
    assert_eq!(
        idp.authorize(&params, None).await.status(),
        StatusCode::BAD_REQUEST
    );

    let register = |body: Value| {
        TestSandbox::send(
            idp.sandbox
                .http
                .post(format!("{}/_sandbox/redirect-uris", idp.sandbox.base()))
                .json(&body),
        )
    };
    let (status, listed) = register(json!({ "uri": late })).await;
    assert_eq!(status, StatusCode::OK, "{listed}");
    assert_eq!(listed, json!({ "storefront": [late] }));
    assert_eq!(idp.authorize(&params, None).await.status(), StatusCode::OK);

    let (status, _) = register(json!({ "uri": "/relative" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = register(json!({ "uri": "http://x.example/#frag" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = register(json!({ "uri": late, "clientId": "nobody" })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let reset = idp
        .sandbox
        .http
        .post(format!("{}/_sandbox/reset", idp.sandbox.base()))
        .send()
        .await
        .expect("reset");
    assert_eq!(reset.status(), StatusCode::NO_CONTENT);
    let (_, listed) = TestSandbox::send(idp.sandbox.http.request(
        Method::GET,
        format!("{}/_sandbox/redirect-uris", idp.sandbox.base()),
    ))
    .await;
    assert_eq!(listed, json!({ "storefront": [late] }));
}

#[test]
fn flags_register_redirect_uris_and_clients() {
    let config = Config::try_parse_from([
        "mobproc-sandbox",
        "--redirect-uri",
        REDIRECT,
        "--redirect-uri",
        OTHER_REDIRECT,
        "--extra-client",
        "other-app:other-secret",
    ])
    .expect("flags parse");
    assert_eq!(config.redirect_uris, [REDIRECT, OTHER_REDIRECT]);
    assert_eq!(config.extra_clients[0].id, "other-app");
    assert!(Config::try_parse_from(["mobproc-sandbox", "--extra-client", "no-secret"]).is_err());
}

#[tokio::test]
async fn a_bad_redirect_uri_flag_stops_the_sandbox_from_starting() {
    let config = Config {
        redirect_uris: vec!["not a url".to_owned()],
        ..Config::ephemeral()
    };
    assert!(sandbox::spawn(config).await.is_err());
}
