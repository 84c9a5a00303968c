//! A sandbox and a storefront server of the test's own, on ephemeral loopback ports,
//! talking over real HTTP.

// Each test crate compiles this module and uses only part of it.
#![allow(dead_code)]

use std::{net::SocketAddr, path::Path, time::Duration};

use leptos::prelude::LeptosOptions;
use mobproc::client::{ClientConfig, MobprocClient};
use reqwest::{header, redirect, Client, Response};
use sandbox::{
    journal::{Call, CallFilter},
    RunningSandbox,
};
use server::{
    bff::{self, throttle::ThrottlePolicy, Bff},
    client_address::TrustedProxies,
    overload::Limits,
    security::OriginPolicy,
    session::Store,
    signing::Signer,
    AppState,
};
use tempfile::TempDir;
use tokio::{net::TcpListener, task::JoinHandle};

pub mod acting;
pub mod ordering;
pub mod process;

pub struct Harness {
    pub base: String,
    pub sandbox: RunningSandbox,
    server: JoinHandle<()>,
    setup: Setup,
    _data: TempDir,
}

/// How a test's storefront is set up where it differs from the defaults.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// Browsers reach it over https (behind TLS termination): `Secure` cookies, HSTS.
    pub https: bool,
    pub public_origin: Option<url::Url>,
    pub throttle: ThrottlePolicy,
    pub limits: Limits,
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// "Sign in with your company account" too, at the sandbox's identity provider,
    /// with its callback registered there and its logout.
    pub code_sign_in: bool,
    /// With `code_sign_in`: no password form (`STOREFRONT_SIGN_IN=code`).
    pub code_only: bool,
    /// Writes what a build leaves in the site root, before the server starts.
    pub built_site: Option<fn(&Path)>,
}

impl Drop for Harness {
    fn drop(&mut self) {
        self.server.abort();
    }
}

pub async fn start() -> Harness {
    start_with(sandbox::Config::ephemeral(), false).await
}

pub async fn start_with(sandbox_config: sandbox::Config, secure_cookies: bool) -> Harness {
    start_set_up(
        sandbox_config,
        Setup {
            https: secure_cookies,
            ..Setup::default()
        },
    )
    .await
}

pub async fn start_set_up(sandbox_config: sandbox::Config, setup: Setup) -> Harness {
    // Logs show up in a failing test's output (RUST_LOG picks the level).
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_test_writer()
        .try_init();
    let sandbox = sandbox::spawn(sandbox_config)
        .await
        .expect("sandbox starts");
    let data = tempfile::tempdir().expect("temp dir");
    let (base, server) = serve(&sandbox, data.path(), &setup).await;
    Harness {
        base,
        sandbox,
        server,
        setup,
        _data: data,
    }
}

/// A storefront server on an ephemeral port, using `sandbox` and keeping its database
/// in `data`: its base URL and the task serving it.
pub async fn serve(
    sandbox: &RunningSandbox,
    data: &Path,
    setup: &Setup,
) -> (String, JoinHandle<()>) {
    if let Some(build) = setup.built_site {
        build(data);
    }
    let mut config = ClientConfig::new(
        sandbox.api_url(),
        sandbox.token_url(),
        "ACME",
        "storefront",
        "storefront-secret",
    )
    .with_revocation_url(format!("{}/as/revoke_token.oauth2", sandbox.base_url()));
    if setup.code_sign_in {
        config = config
            .with_authorization_url(format!("{}/as/authorization.oauth2", sandbox.base_url()));
    }
    let client = MobprocClient::new(config).expect("client");
    let store = Store::open(&database_url(data).await)
        .await
        .expect("session store");
    let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let signer = Signer::load(&store.database()).await.expect("signing key");
    let code = setup.code_sign_in.then(|| {
        let redirect_uri = format!("http://{addr}/auth/callback");
        sandbox
            .state()
            .clients()
            .register("storefront", &redirect_uri)
            .expect("callback registered");
        bff::CodeSignIn {
            redirect_uri: redirect_uri.parse().expect("callback URL"),
            logout_url: format!("{}/idp/startSLO.ping", sandbox.base_url())
                .parse()
                .ok(),
        }
    });
    let options = bff::Options {
        throttle: setup.throttle,
        secure_cookies: setup.https,
        sign_in: bff::SignInSetup {
            password: !(setup.code_sign_in && setup.code_only),
            code,
        },
        ..bff::Options::default()
    };
    let state = AppState {
        leptos: LeptosOptions::builder()
            .output_name("storefront")
            .site_root(data.to_string_lossy().to_string())
            .build(),
        origin: OriginPolicy {
            public_origin: setup.public_origin.clone(),
            https: setup.https,
        },
        bff: Bff::new(client, store.clone(), signer.clone(), options).expect("bff"),
        limits: setup.limits,
        proxies: TrustedProxies::new(setup.trusted_proxies.clone()),
        signer,
    };
    let router = server::router(state, store);
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .expect("serve");
    });
    (format!("http://{addr}"), server)
}

/// Whether the tests run on PostgreSQL (`STOREFRONT_TEST_POSTGRES_URL`) or SQLite.
pub fn on_postgres() -> bool {
    std::env::var_os("STOREFRONT_TEST_POSTGRES_URL").is_some()
}

/// SQLite in `data`; or, with `STOREFRONT_TEST_POSTGRES_URL` (a server URL whose user
/// may create databases), a PostgreSQL database of its own named after `data`, so a
/// second server on the same `data` shares it.
pub async fn database_url(data: &Path) -> String {
    let Ok(server) = std::env::var("STOREFRONT_TEST_POSTGRES_URL") else {
        return format!("sqlite://{}?mode=rwc", data.join("sessions.db").display());
    };
    use tower_sessions_sqlx_store::sqlx::{self, PgPool};
    let name: String = data
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let name = format!("storefront_test_{name}");
    let admin = PgPool::connect(&server).await.expect("PostgreSQL");
    let exists: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&admin)
        .await
        .expect("pg_database");
    if exists.is_none() {
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&admin)
            .await
            .expect("test database");
    }
    let mut url = url::Url::parse(&server).expect("PostgreSQL URL");
    url.set_path(&name);
    url.to_string()
}

impl Harness {
    /// A browser-like client: keeps cookies, does not follow redirects, sends this
    /// site's Origin on every request (as browsers do on form posts).
    pub fn browser(&self) -> Client {
        let mut headers = header::HeaderMap::new();
        headers.insert(header::ORIGIN, self.base.parse().expect("origin"));
        Client::builder()
            .cookie_store(true)
            .redirect(redirect::Policy::none())
            .default_headers(headers)
            .timeout(Duration::from_secs(20))
            .build()
            .expect("client")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Where this harness keeps its database (and a second server's).
    pub fn data_dir(&self) -> &Path {
        self._data.path()
    }

    /// The submission state of checkout `id` in the database (`sending`, …).
    pub async fn checkout_state(&self, id: &str) -> Option<String> {
        use tower_sessions_sqlx_store::sqlx;
        let query = "SELECT state FROM checkouts WHERE id = $1";
        match self.store().await {
            Store::Sqlite(_, pool) => {
                sqlx::query_scalar(query)
                    .bind(id)
                    .fetch_optional(&pool)
                    .await
            }
            Store::Postgres(_, pool) => {
                sqlx::query_scalar(query)
                    .bind(id)
                    .fetch_optional(&pool)
                    .await
            }
        }
        .expect("checkout state")
    }

    /// How many session records the database holds.
    pub async fn session_rows(&self) -> i64 {
        use tower_sessions_sqlx_store::sqlx;
        match self.store().await {
            Store::Sqlite(_, pool) => {
                sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions")
                    .fetch_one(&pool)
                    .await
            }
            Store::Postgres(_, pool) => {
                sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions.session")
                    .fetch_one(&pool)
                    .await
            }
        }
        .expect("session rows")
    }

    /// Runs `statement` on the storefront's database (to move a sign-in's times back);
    /// how many rows it changed.
    pub async fn execute(&self, statement: &str) -> u64 {
        use tower_sessions_sqlx_store::sqlx;
        match self.store().await {
            Store::Sqlite(_, pool) => sqlx::query(statement)
                .execute(&pool)
                .await
                .map(|d| d.rows_affected()),
            Store::Postgres(_, pool) => sqlx::query(statement)
                .execute(&pool)
                .await
                .map(|d| d.rows_affected()),
        }
        .expect("statement runs")
    }

    /// The storefront's database, as the server sees it.
    pub async fn store(&self) -> Store {
        Store::open(&database_url(self.data_dir()).await)
            .await
            .expect("session store")
    }

    pub async fn sign_in(&self, browser: &Client, username: &str, password: &str) -> Response {
        browser
            .post(self.url("/auth/sign-in"))
            .form(&[
                ("username", username),
                ("password", password),
                ("return_to", "/"),
            ])
            .send()
            .await
            .expect("sign-in answers")
    }
}

impl Harness {
    /// The calls MOBPROC (the sandbox) received that `filter` picks, oldest first.
    pub fn mobproc_calls(&self, filter: &CallFilter) -> Vec<Call> {
        self.sandbox.state().journal().calls(filter)
    }

    /// Forgets the calls MOBPROC received so far.
    pub fn forget_mobproc_calls(&self) {
        self.sandbox.state().journal().clear();
    }
}

/// The calls to MOBPROC's API (not its OAuth server, not images).
pub fn api_calls() -> CallFilter {
    CallFilter::default().path("/mobproc/v1/*")
}

pub fn location(response: &Response) -> &str {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}
