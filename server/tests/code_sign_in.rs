//! "Sign in with your company account": the authorization code grant with PKCE S256,
//! through real HTTP against the sandbox's identity provider. A forged or reused
//! `state`, a reused code, a code for another client or redirect URI, a wrong verifier
//! and the identity provider's `access_denied` each sign nobody in and say so; a
//! sign-in gets a new session id and goes back where the person was going (a local
//! path only); no token, verifier, code or client secret reaches the browser or the log.

mod support;

use std::sync::{Arc, Mutex, OnceLock};

use reqwest::{header, Client, Response, StatusCode};
use sandbox::journal::{CallFilter, Pkce};
use support::{location, start_set_up, Harness, Setup};
use tracing::field::{Field, Visit};
use tracing_subscriber::{layer::Context, prelude::*, registry::LookupSpan, Layer};
use url::Url;

const PETER: &str = "peter.edwards.acme";
const CLIENT_SECRET: &str = "storefront-secret";
const DID_NOT_WORK: &str = "Signing in with your company account did not work.";
const CANCELLED: &str = "Signing in with your company account was cancelled.";
/// The RFC 7636 Appendix B verifier's challenge: not the storefront's.
const OTHER_CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

/// Every event and span of this test binary, as `target: field=value …` text.
#[derive(Clone, Default)]
struct Recorded(Arc<Mutex<Vec<String>>>);

struct Text(String);

impl Visit for Text {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!(" {}={value:?}", field.name()));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push_str(&format!(" {}={value}", field.name()));
    }
}

impl<S: tracing::Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Recorded {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let mut text = Text(format!("{}:", event.metadata().target()));
        event.record(&mut text);
        self.0.lock().unwrap().push(text.0);
    }
    fn on_new_span(
        &self,
        attributes: &tracing::span::Attributes<'_>,
        _: &tracing::span::Id,
        _: Context<'_, S>,
    ) {
        let mut text = Text(format!("{} span:", attributes.metadata().target()));
        attributes.record(&mut text);
        self.0.lock().unwrap().push(text.0);
    }
}

/// The log, recorded at debug level for every crate (the harness's own logger then
/// stays out).
fn recorded() -> &'static Recorded {
    static RECORDED: OnceLock<Recorded> = OnceLock::new();
    RECORDED.get_or_init(|| {
        let recorded = Recorded::default();
        tracing_subscriber::registry()
            .with(
                recorded
                    .clone()
                    .with_filter(tracing_subscriber::filter::LevelFilter::DEBUG),
            )
            .init();
        recorded
    })
}

/// The storefront with both ways of signing in, and a second OAuth client, `other`,
/// at the identity provider.
async fn harness() -> Harness {
    recorded();
    let config = sandbox::Config {
        extra_clients: vec!["other:other-secret".parse().unwrap()],
        ..sandbox::Config::ephemeral()
    };
    start_set_up(
        config,
        Setup {
            code_sign_in: true,
            ..Setup::default()
        },
    )
    .await
}

/// A sign-in sent to the identity provider, as the storefront asked for it.
struct Started {
    authorize: Url,
    state: String,
    challenge: String,
    redirect_uri: String,
    /// The `Set-Cookie` of the session that waits for the callback.
    session_cookie: Option<String>,
}

impl Started {
    fn param(&self, name: &str) -> String {
        self.authorize
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    }

    /// The identity provider's sign-in form as the storefront's request fills it,
    /// with `changes` made, for `username`.
    fn form(&self, username: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut form: Vec<(String, String)> = [
            "response_type",
            "client_id",
            "redirect_uri",
            "scope",
            "code_challenge",
            "code_challenge_method",
            "state",
        ]
        .iter()
        .map(|name| ((*name).to_owned(), self.param(name)))
        .collect();
        for (name, value) in changes {
            form.retain(|(k, _)| k != name);
            form.push(((*name).to_owned(), (*value).to_owned()));
        }
        form.push(("username".into(), username.into()));
        form.push(("password".into(), "demo".into()));
        form.push(("action".into(), "sign-in".into()));
        form
    }
}

/// "Sign in with your company account", coming back to `return_to`.
async fn begin(harness: &Harness, browser: &Client, return_to: &str) -> Started {
    let response = browser
        .get(harness.url("/auth/authorize"))
        .query(&[("return_to", return_to)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let authorize = Url::parse(location(&response)).expect("an absolute URL");
    assert_eq!(
        authorize.as_str().split('?').next(),
        Some(format!("{}/as/authorization.oauth2", harness.sandbox.base_url()).as_str())
    );
    let mut started = Started {
        authorize,
        state: String::new(),
        challenge: String::new(),
        redirect_uri: String::new(),
        session_cookie: session_cookie(&response),
    };
    started.state = started.param("state");
    started.challenge = started.param("code_challenge");
    started.redirect_uri = started.param("redirect_uri");
    assert_eq!(started.param("code_challenge_method"), "S256");
    assert_eq!(started.redirect_uri, harness.url("/auth/callback"));
    started
}

/// Posts the identity provider's form; where it redirects to.
async fn at_identity_provider(
    harness: &Harness,
    browser: &Client,
    form: &[(String, String)],
) -> Url {
    let response = browser
        .post(format!(
            "{}/as/authorization.oauth2",
            harness.sandbox.base_url()
        ))
        .form(form)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FOUND,
        "the identity provider redirects"
    );
    Url::parse(location(&response)).unwrap()
}

/// The callback URL the identity provider sends Peter's browser to.
async fn peter_at_identity_provider(harness: &Harness, browser: &Client, started: &Started) -> Url {
    let page = browser.get(started.authorize.clone()).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("ACME identity provider"), "{html}");
    at_identity_provider(harness, browser, &started.form(PETER, &[])).await
}

fn param(url: &Url, name: &str) -> String {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// `url` with `name` set to `value` in its query.
fn with_param(url: &Url, name: &str, value: &str) -> Url {
    let mut changed = url.clone();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != name)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    changed
        .query_pairs_mut()
        .clear()
        .extend_pairs(pairs)
        .append_pair(name, value);
    changed
}

async fn get(browser: &Client, url: impl reqwest::IntoUrl) -> Response {
    browser.get(url).send().await.unwrap()
}

/// The sign-in page a refused callback sends to, with its message.
async fn refused_page(harness: &Harness, browser: &Client, response: Response) -> String {
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to = location(&response).to_owned();
    assert!(to.starts_with("/sign-in"), "{to}");
    let cookie = session_cookie(&response);
    assert!(
        cookie.as_deref().is_none_or(|c| c.contains("Max-Age=0")),
        "no session is started: {cookie:?}"
    );
    let page = get(browser, harness.url(&to)).await;
    assert_eq!(page.status(), StatusCode::OK);
    page.text().await.unwrap()
}

async fn is_signed_in(harness: &Harness, browser: &Client) -> bool {
    let home = get(browser, harness.url("/")).await;
    match home.status() {
        StatusCode::OK => true,
        StatusCode::SEE_OTHER => false,
        other => panic!("home answered {other}"),
    }
}

fn session_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("storefront_session="))
        .map(str::to_owned)
}

fn cookie_value(set_cookie: &str) -> &str {
    set_cookie.split(';').next().unwrap_or_default()
}

/// The code exchanges the identity provider's token endpoint saw, with their PKCE outcome.
fn code_exchanges(harness: &Harness) -> Vec<Option<Pkce>> {
    harness
        .mobproc_calls(
            &CallFilter::default()
                .method("POST")
                .path("/as/token.oauth2"),
        )
        .into_iter()
        .filter(|c| c.grant_type.as_deref() == Some("authorization_code"))
        .map(|c| c.pkce)
        .collect()
}

/// A URL with the values of secret-looking parameters elided, for the chain printed.
fn elided(url: &str) -> String {
    match Url::parse(url) {
        Ok(parsed) if parsed.query().is_some() => {
            let mut shown = parsed.clone();
            let pairs: Vec<(String, String)> = parsed
                .query_pairs()
                .map(|(k, v)| {
                    let v = match &*k {
                        "code" | "state" | "code_challenge" => "…".to_owned(),
                        _ => v.into_owned(),
                    };
                    (k.into_owned(), v)
                })
                .collect();
            shown.query_pairs_mut().clear().extend_pairs(pairs);
            shown.to_string()
        }
        _ => url.to_owned(),
    }
}

#[tokio::test]
async fn peter_signs_in_at_the_identity_provider_and_comes_back_where_he_was_going() {
    let harness = harness().await;
    let browser = harness.browser();
    let sign_in_page = get(&browser, harness.url("/sign-in?return_to=%2Forders")).await;
    let html = sign_in_page.text().await.unwrap();
    assert!(
        html.contains("href=\"/auth/authorize?return_to=%2Forders\""),
        "{html}"
    );
    assert!(html.contains("Sign in with your company account"), "{html}");
    assert!(
        html.contains("action=\"/auth/sign-in\""),
        "both ways: {html}"
    );

    let started = begin(&harness, &browser, "/orders?status=open").await;
    let before = started
        .session_cookie
        .clone()
        .expect("a session waits for the callback");
    let callback = peter_at_identity_provider(&harness, &browser, &started).await;
    assert_eq!(
        callback.as_str().split('?').next(),
        Some(started.redirect_uri.as_str())
    );
    assert_eq!(param(&callback, "state"), started.state);
    let landed = get(&browser, callback.clone()).await;
    assert_eq!(landed.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&landed), "/orders?status=open", "return_to held");
    let after = session_cookie(&landed).expect("a new session id at sign-in");
    assert_ne!(
        cookie_value(&before),
        cookie_value(&after),
        "session id rotated"
    );
    assert_eq!(code_exchanges(&harness), [Some(Pkce::Verified)]);
    println!(
        "redirect chain:\n  GET {}\n  303 → {}\n  200 identity provider's page; POST its form\n  302 → {}\n  303 → {}",
        harness.url("/auth/authorize?return_to=%2Forders%3Fstatus%3Dopen"),
        elided(started.authorize.as_str()),
        elided(callback.as_str()),
        location(&landed),
    );

    let orders = get(&browser, harness.url("/orders?status=open")).await;
    assert_eq!(orders.status(), StatusCode::OK);
    let home = get(&browser, harness.url("/")).await.text().await.unwrap();
    assert!(
        home.contains("Peter Edwards") && home.contains("203-555-7676"),
        "{home}"
    );

    // The session id from before the sign-in is worthless now.
    let planted = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(harness.url("/"))
        .header(header::COOKIE, cookie_value(&before))
        .send()
        .await
        .unwrap();
    assert_eq!(planted.status(), StatusCode::SEE_OTHER);

    // Signing out ends the identity provider's session too, and comes back to sign in.
    let out = browser
        .post(harness.url("/auth/sign-out"))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let logout = Url::parse(location(&out)).expect("the identity provider's logout");
    assert_eq!(logout.path(), "/idp/startSLO.ping");
    assert_eq!(param(&logout, "TargetResource"), harness.url("/sign-in"));
    let back = get(&browser, logout).await;
    assert_eq!(back.status(), StatusCode::FOUND);
    assert_eq!(location(&back), harness.url("/sign-in"));
    assert!(!is_signed_in(&harness, &browser).await);
    // No session at the identity provider is left: the next sign-in asks again.
    let again = begin(&harness, &browser, "/").await;
    let page = get(&browser, again.authorize.clone()).await;
    assert_eq!(page.status(), StatusCode::OK, "the form, not a redirect");
}

#[tokio::test]
async fn only_a_local_return_path_is_followed() {
    let harness = harness().await;
    for (asked, landed) in [
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
        (
            "/lines/38382349/accessories?q=car",
            "/lines/38382349/accessories?q=car",
        ),
    ] {
        let browser = harness.browser();
        let started = begin(&harness, &browser, asked).await;
        let callback = peter_at_identity_provider(&harness, &browser, &started).await;
        let response = get(&browser, callback).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), landed, "return_to {asked}");
    }
}

#[tokio::test]
async fn a_forged_state_signs_nobody_in() {
    let harness = harness().await;
    let browser = harness.browser();
    let started = begin(&harness, &browser, "/orders").await;
    let callback = peter_at_identity_provider(&harness, &browser, &started).await;

    for forged in [
        with_param(&callback, "state", "forged-state"),
        with_param(&callback, "state", ""),
    ] {
        let response = get(&browser, forged).await;
        let html = refused_page(&harness, &browser, response).await;
        assert!(html.contains(DID_NOT_WORK), "{html}");
        assert!(!is_signed_in(&harness, &browser).await);
    }
    // Without its state, a code is not even exchanged.
    assert!(code_exchanges(&harness).is_empty());

    // Another browser's state (a link planted by someone who started their own sign-in).
    let victim = harness.browser();
    let response = get(&victim, callback).await;
    let html = refused_page(&harness, &victim, response).await;
    assert!(html.contains(DID_NOT_WORK), "{html}");
    assert!(!is_signed_in(&harness, &victim).await);
    assert!(code_exchanges(&harness).is_empty());
}

#[tokio::test]
async fn a_state_works_once() {
    let harness = harness().await;
    let browser = harness.browser();
    let started = begin(&harness, &browser, "/").await;
    let callback = peter_at_identity_provider(&harness, &browser, &started).await;
    // The state is spent by the first callback that names it, here an error.
    let first = get(&browser, with_param(&callback, "error", "access_denied")).await;
    refused_page(&harness, &browser, first).await;
    let second = get(&browser, callback).await;
    let html = refused_page(&harness, &browser, second).await;
    assert!(html.contains(DID_NOT_WORK), "{html}");
    assert!(!is_signed_in(&harness, &browser).await);
    assert!(code_exchanges(&harness).is_empty());
}

#[tokio::test]
async fn a_reused_code_signs_nobody_in() {
    let harness = harness().await;
    let peter = harness.browser();
    let started = begin(&harness, &peter, "/").await;
    let callback = peter_at_identity_provider(&harness, &peter, &started).await;
    let used = get(&peter, callback.clone()).await;
    assert_eq!(location(&used), "/");

    // The same code, with a state another browser is really waiting for.
    let other = harness.browser();
    let theirs = begin(&harness, &other, "/").await;
    let replayed = with_param(&callback, "state", &theirs.state);
    let response = get(&other, replayed).await;
    let html = refused_page(&harness, &other, response).await;
    assert!(html.contains(DID_NOT_WORK), "{html}");
    assert!(!is_signed_in(&harness, &other).await);
    assert_eq!(code_exchanges(&harness).len(), 2, "the second was refused");
}

#[tokio::test]
async fn a_code_for_another_client_signs_nobody_in() {
    let harness = harness().await;
    let browser = harness.browser();
    let started = begin(&harness, &browser, "/").await;
    // The identity provider issues it to `other`, for the same callback and challenge.
    harness
        .sandbox
        .state()
        .clients()
        .register("other", &started.redirect_uri)
        .unwrap();
    let callback = at_identity_provider(
        &harness,
        &browser,
        &started.form(PETER, &[("client_id", "other")]),
    )
    .await;
    assert!(!param(&callback, "code").is_empty(), "{callback}");
    let response = get(&browser, callback).await;
    let html = refused_page(&harness, &browser, response).await;
    assert!(html.contains(DID_NOT_WORK), "{html}");
    assert!(!is_signed_in(&harness, &browser).await);
}

#[tokio::test]
async fn a_code_for_another_redirect_uri_signs_nobody_in() {
    let harness = harness().await;
    let browser = harness.browser();
    let started = begin(&harness, &browser, "/").await;
    let elsewhere = harness.url("/elsewhere/callback");
    harness
        .sandbox
        .state()
        .clients()
        .register("storefront", &elsewhere)
        .unwrap();
    let issued = at_identity_provider(
        &harness,
        &browser,
        &started.form(PETER, &[("redirect_uri", &elsewhere)]),
    )
    .await;
    assert!(issued.as_str().starts_with(&elsewhere), "{issued}");
    // Brought to the storefront's own callback with its state.
    let mut callback = Url::parse(&started.redirect_uri).unwrap();
    callback
        .query_pairs_mut()
        .append_pair("code", &param(&issued, "code"))
        .append_pair("state", &started.state);
    let response = get(&browser, callback).await;
    let html = refused_page(&harness, &browser, response).await;
    assert!(html.contains(DID_NOT_WORK), "{html}");
    assert!(!is_signed_in(&harness, &browser).await);
}

#[tokio::test]
async fn a_code_issued_for_another_challenge_fails_the_verifier() {
    let harness = harness().await;
    let browser = harness.browser();
    let started = begin(&harness, &browser, "/").await;
    assert_ne!(started.challenge, OTHER_CHALLENGE);
    let callback = at_identity_provider(
        &harness,
        &browser,
        &started.form(PETER, &[("code_challenge", OTHER_CHALLENGE)]),
    )
    .await;
    let response = get(&browser, callback).await;
    let html = refused_page(&harness, &browser, response).await;
    assert!(html.contains(DID_NOT_WORK), "{html}");
    assert!(!is_signed_in(&harness, &browser).await);
    assert_eq!(code_exchanges(&harness), [Some(Pkce::Failed)]);
}

#[tokio::test]
async fn access_denied_from_the_identity_provider_signs_nobody_in() {
    let harness = harness().await;
    let browser = harness.browser();
    let started = begin(&harness, &browser, "/orders").await;
    let mut form = started.form(PETER, &[]);
    form.retain(|(k, _)| k != "action");
    form.push(("action".into(), "cancel".into()));
    let callback = at_identity_provider(&harness, &browser, &form).await;
    assert_eq!(param(&callback, "error"), "access_denied");
    let response = get(&browser, callback).await;
    assert_eq!(
        location(&response),
        "/sign-in?return_to=%2Forders",
        "back where it began"
    );
    let html = refused_page(&harness, &browser, response).await;
    assert!(html.contains(CANCELLED), "{html}");
    assert!(!is_signed_in(&harness, &browser).await);
    assert!(code_exchanges(&harness).is_empty());
    // The identity provider's own words are not repeated.
    assert!(!html.contains("The user cancelled"), "{html}");
}

#[tokio::test]
async fn the_password_form_still_signs_in_beside_it() {
    let harness = harness().await;
    let browser = harness.browser();
    let response = harness.sign_in(&browser, PETER, "demo").await;
    assert_eq!(location(&response), "/");
    assert!(is_signed_in(&harness, &browser).await);
    // A password sign-in leaves the identity provider alone at sign-out.
    let out = browser
        .post(harness.url("/auth/sign-out"))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&out), "/sign-in");
}

#[tokio::test]
async fn the_sign_in_page_offers_only_the_ways_configured() {
    let password_only = support::start().await;
    let html = get(&password_only.browser(), password_only.url("/sign-in"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("action=\"/auth/sign-in\""), "{html}");
    assert!(!html.contains("/auth/authorize"), "{html}");
    let start = get(
        &password_only.browser(),
        password_only.url("/auth/authorize"),
    )
    .await;
    assert_eq!(start.status(), StatusCode::NOT_FOUND);
    let callback = get(
        &password_only.browser(),
        password_only.url("/auth/callback?code=c&state=s"),
    )
    .await;
    assert_eq!(callback.status(), StatusCode::NOT_FOUND);

    let code_only = start_set_up(
        sandbox::Config::ephemeral(),
        Setup {
            code_sign_in: true,
            code_only: true,
            ..Setup::default()
        },
    )
    .await;
    let browser = code_only.browser();
    let html = get(&browser, code_only.url("/sign-in"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Sign in with your company account"), "{html}");
    assert!(!html.contains("action=\"/auth/sign-in\""), "{html}");
    assert!(!html.contains("type=\"password\""), "{html}");
    let refused = code_only.sign_in(&browser, PETER, "demo").await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    assert!(!is_signed_in(&code_only, &browser).await);
}

#[tokio::test]
async fn no_token_verifier_code_or_client_secret_reaches_the_browser_or_the_log() {
    let harness = harness().await;
    let browser = harness.browser();
    let mut seen = Vec::new();
    let page = get(&browser, harness.url("/sign-in")).await;
    seen.push(format!("{:?}", page.headers()));
    seen.push(page.text().await.unwrap());
    let response = browser
        .get(harness.url("/auth/authorize?return_to=%2F"))
        .send()
        .await
        .unwrap();
    seen.push(format!("{:?}", response.headers()));
    let authorize = Url::parse(location(&response)).unwrap();
    let verifier = pending_verifier(&harness).await;
    let started = Started {
        state: param(&authorize, "state"),
        challenge: param(&authorize, "code_challenge"),
        redirect_uri: param(&authorize, "redirect_uri"),
        authorize,
        session_cookie: None,
    };
    let callback = peter_at_identity_provider(&harness, &browser, &started).await;
    let code = param(&callback, "code");
    let landed = get(&browser, callback).await;
    seen.push(format!("{:?}", landed.headers()));
    for path in ["/", "/orders", "/lines/38382349/accessories"] {
        let page = get(&browser, harness.url(path)).await;
        seen.push(format!("{:?}", page.headers()));
        seen.push(page.text().await.unwrap());
    }
    let issued: Vec<String> = harness.sandbox.state().read(|store| {
        store
            .tokens
            .access
            .keys()
            .chain(store.tokens.refresh.keys())
            .cloned()
            .collect()
    });
    let out = browser
        .post(harness.url("/auth/sign-out"))
        .send()
        .await
        .unwrap();
    seen.push(format!("{:?}", out.headers()));

    assert!(issued.len() >= 2, "the sandbox issued tokens");
    assert!(verifier.len() >= 43 && code.len() >= 20);
    let secrets: Vec<(&str, &str)> = issued
        .iter()
        .map(|t| ("a token", t.as_str()))
        .chain([
            ("the code verifier", verifier.as_str()),
            ("the code", code.as_str()),
            ("the client secret", CLIENT_SECRET),
        ])
        .collect();
    for text in &seen {
        for (what, secret) in &secrets {
            assert!(!text.contains(secret), "{what} reached the browser: {text}");
        }
    }
    let log = recorded().0.lock().unwrap().clone();
    assert!(
        log.iter().any(|line| line.starts_with("audit:")
            && line.contains("outcome=ok")
            && line.contains("method=code")),
        "the sign-in is in the audit trail"
    );
    for line in log.iter().filter(|l| !l.starts_with("sandbox")) {
        for (what, secret) in &secrets {
            assert!(!line.contains(secret), "{what} reached the log: {line}");
        }
    }
}

/// The PKCE verifier the session holds while its sign-in is at the identity provider,
/// read from the database (the only place it is).
async fn pending_verifier(harness: &Harness) -> String {
    use server::session::Store;
    use tower_sessions_sqlx_store::sqlx;
    let rows: Vec<Vec<u8>> = match harness.store().await {
        Store::Sqlite(_, pool) => {
            sqlx::query_scalar("SELECT data FROM tower_sessions")
                .fetch_all(&pool)
                .await
        }
        Store::Postgres(_, pool) => {
            sqlx::query_scalar("SELECT data FROM tower_sessions.session")
                .fetch_all(&pool)
                .await
        }
    }
    .expect("session rows");
    let pattern = regex::Regex::new(r#""verifier":"([A-Za-z0-9._~-]{43,128})""#).unwrap();
    rows.iter()
        .find_map(|row| {
            let text = String::from_utf8_lossy(row);
            pattern.captures(&text).map(|c| c[1].to_owned())
        })
        .expect("the verifier is in the session")
}
