//! Settings, read from `STOREFRONT_*` environment variables (the README's table).
//!
//! Fail closed: nothing falls back to the demo. Without a MOBPROC the server starts
//! only when the embedded sandbox is asked for by name; with a real MOBPROC its tenant
//! and client credentials have no defaults; a setting that does not parse stops the
//! server with a message naming it.

use std::{fmt, path::PathBuf, time::Duration};

use figment::{providers::Env, Figment};
use ipnet::IpNet;
use serde::Deserialize;
use url::Url;

use crate::bff::CacheSettings;

/// Every variable the server reads, to tell typos from settings.
const KNOWN: &[&str] = &[
    "MOBPROC_URL",
    "OAUTH_TOKEN_URL",
    "OAUTH_REVOKE_URL",
    "OAUTH_AUTHORIZATION_URL",
    "OAUTH_LOGOUT_URL",
    "SIGN_IN",
    "EMBEDDED_SANDBOX",
    "TENANT",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "DATA_DIR",
    "DATABASE_URL",
    "MOBPROC_TIMEOUT_SECS",
    "COOKIE_SECURE",
    "PUBLIC_ORIGIN",
    "TRUSTED_PROXIES",
    "REQUEST_TIMEOUT_SECS",
    "MAX_CONCURRENT_REQUESTS",
    "AUDIT_LOG",
    "CACHE_CATALOG_SECS",
    "CACHE_REFERENCE_SECS",
    "CACHE_DEFINITIONS_SECS",
    "CACHE_ME_SECS",
    "CACHE_TRACKING_SECS",
    "CACHE_MAX_ITEMS",
];
/// Read by the scripts and the test harnesses, not by the server.
const TOOLING: &[&str] = &["ADDR", "BIN", "SITE", "TEST_POSTGRES_URL"];

/// The embedded sandbox's tenant and OAuth client (its own defaults).
const SANDBOX_TENANT: &str = "ACME";
const SANDBOX_CLIENT_ID: &str = "storefront";
const SANDBOX_CLIENT_SECRET: &str = "storefront-secret";

/// The settings as the environment gives them; [`Settings`] is what they mean.
#[derive(Deserialize)]
struct Raw {
    mobproc_url: Option<Url>,
    oauth_token_url: Option<Url>,
    oauth_revoke_url: Option<Url>,
    oauth_authorization_url: Option<Url>,
    oauth_logout_url: Option<Url>,
    sign_in: Option<String>,
    #[serde(default)]
    embedded_sandbox: bool,
    tenant: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    #[serde(default = "default_data_dir")]
    data_dir: PathBuf,
    database_url: Option<String>,
    #[serde(default = "default_mobproc_timeout_secs")]
    mobproc_timeout_secs: u64,
    #[serde(default)]
    cookie_secure: bool,
    public_origin: Option<Url>,
    trusted_proxies: Option<String>,
    #[serde(default = "default_request_timeout_secs")]
    request_timeout_secs: u64,
    #[serde(default = "default_max_concurrent_requests")]
    max_concurrent_requests: usize,
    audit_log: Option<PathBuf>,
    cache_catalog_secs: Option<u64>,
    cache_reference_secs: Option<u64>,
    cache_definitions_secs: Option<u64>,
    cache_me_secs: Option<u64>,
    cache_tracking_secs: Option<u64>,
    cache_max_items: Option<u64>,
}

/// Which MOBPROC, and who the storefront is to it.
#[derive(Clone, PartialEq, Eq)]
pub enum Mobproc {
    /// A real MOBPROC (or the standalone sandbox), shared by every instance.
    Remote(Box<Remote>),
    /// The sandbox in this process, with its public demo sign-ins.
    Embedded,
}

/// A real MOBPROC's endpoints and the storefront's client there.
#[derive(Clone, PartialEq, Eq)]
pub struct Remote {
    pub api: Url,
    pub token_url: Url,
    /// RFC 7009 revocation; sign-out revokes the refresh token there.
    pub revoke_url: Option<Url>,
    pub tenant: String,
    pub client_id: String,
    pub client_secret: String,
}

/// How people sign in; at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInModes {
    /// The storefront's own username and password form (the OAuth password grant).
    pub password: bool,
    /// The identity provider's page (authorization code with PKCE).
    pub code: bool,
}

/// Where MOBPROC is and who the storefront is to it, plus storage, cookies and limits.
#[derive(Clone)]
pub struct Settings {
    pub mobproc: Mobproc,
    /// The identity provider's authorization endpoint, for [`SignInModes::code`].
    pub authorization_url: Option<Url>,
    /// The identity provider's logout endpoint (PingFederate's `/idp/startSLO.ping`):
    /// signing out of a code sign-in ends the session there too.
    pub logout_url: Option<Url>,
    pub sign_in: SignInModes,
    /// Sessions (SQLite) and the embedded sandbox's orders live here.
    pub data_dir: PathBuf,
    /// A `sqlite:` or `postgres:` URL; default: SQLite in `data_dir`.
    pub database_url: Option<String>,
    pub mobproc_timeout: Duration,
    /// Forces `Secure` `__Host-` cookies even when the public origin is not https.
    pub cookie_secure: bool,
    /// The origin browsers use, e.g. `https://shop.example.com`; default: each
    /// request's `Host`. State-changing requests must come from it.
    pub public_origin: Option<Url>,
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<IpNet>,
    pub request_timeout: Duration,
    pub max_concurrent_requests: usize,
    /// A file that gets the `audit` log lines, besides the log.
    pub audit_log: Option<PathBuf>,
    /// How long MOBPROC's answers are kept in memory, by kind, and how many.
    pub caches: CacheSettings,
}

/// Why the settings cannot be used. Each message names the variables to set.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("invalid STOREFRONT_* setting: {0}")]
    Invalid(#[from] Box<figment::Error>),
    #[error(
        "no MOBPROC is configured. Set STOREFRONT_MOBPROC_URL, STOREFRONT_OAUTH_TOKEN_URL, \
         STOREFRONT_TENANT, STOREFRONT_CLIENT_ID and STOREFRONT_CLIENT_SECRET for a real \
         MOBPROC, or STOREFRONT_EMBEDDED_SANDBOX=true for the local demo (a simulator with \
         public demo sign-ins; scripts/run.sh sets it){}",
        unknown_note(.0)
    )]
    NoMobproc(Vec<String>),
    #[error("STOREFRONT_MOBPROC_URL is set, so these are required too: {}", .0.join(", "))]
    Missing(Vec<&'static str>),
    #[error(
        "both STOREFRONT_MOBPROC_URL and STOREFRONT_EMBEDDED_SANDBOX=true are set: choose one"
    )]
    TwoMobprocs,
    #[error(
        "STOREFRONT_DATABASE_URL is PostgreSQL, shared by several instances, with the embedded \
         sandbox: each instance would run a private MOBPROC. Point every instance at one \
         MOBPROC with STOREFRONT_MOBPROC_URL (the standalone sandbox `mobproc-sandbox`, see \
         the README's \"Running several instances\")"
    )]
    SharedDatabaseWithEmbeddedSandbox,
    #[error(
        "STOREFRONT_TRUSTED_PROXIES: {0:?} is not an IP address or network (a.b.c.d, a.b.c.d/n)"
    )]
    TrustedProxy(String),
    #[error("STOREFRONT_SIGN_IN: {0:?} is not `code`, `password` or `code,password`")]
    SignInMode(String),
    #[error(
        "STOREFRONT_SIGN_IN includes `code`, which needs STOREFRONT_OAUTH_AUTHORIZATION_URL \
         (the identity provider's authorization endpoint)"
    )]
    CodeWithoutAuthorizationUrl,
    #[error(
        "signing in with the identity provider needs STOREFRONT_PUBLIC_ORIGIN: its callback \
         (<origin>/auth/callback) must be registered there exactly"
    )]
    CodeWithoutPublicOrigin,
    #[error("{0} must be at least 1")]
    Zero(&'static str),
}

fn unknown_note(unknown: &[String]) -> String {
    if unknown.is_empty() {
        String::new()
    } else {
        format!(". Unknown variables (typos?): {}", unknown.join(", "))
    }
}

impl Settings {
    /// Reads `STOREFRONT_*` from the environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        let unknown = unknown_variables(std::env::vars().map(|(name, _)| name));
        Self::from_figment(Figment::new().merge(Env::prefixed("STOREFRONT_")), unknown)
    }

    fn from_figment(figment: Figment, unknown: Vec<String>) -> Result<Self, ConfigError> {
        let raw: Raw = figment.extract().map_err(Box::new)?;
        let mobproc = match (raw.mobproc_url.clone(), raw.embedded_sandbox) {
            (Some(_), true) => return Err(ConfigError::TwoMobprocs),
            (None, false) => return Err(ConfigError::NoMobproc(unknown)),
            (None, true) => Mobproc::Embedded,
            (Some(api), false) => remote(api, &raw)?,
        };
        let is_postgres = raw
            .database_url
            .as_deref()
            .is_some_and(|url| url.starts_with("postgres:") || url.starts_with("postgresql:"));
        if mobproc == Mobproc::Embedded && is_postgres {
            return Err(ConfigError::SharedDatabaseWithEmbeddedSandbox);
        }
        let trusted_proxies = raw
            .trusted_proxies
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(parse_network)
            .collect::<Result<_, _>>()?;
        let embedded = mobproc == Mobproc::Embedded;
        let sign_in = sign_in_modes(raw.sign_in.as_deref(), &raw, embedded)?;
        if raw.request_timeout_secs == 0 {
            return Err(ConfigError::Zero("STOREFRONT_REQUEST_TIMEOUT_SECS"));
        }
        if raw.max_concurrent_requests == 0 {
            return Err(ConfigError::Zero("STOREFRONT_MAX_CONCURRENT_REQUESTS"));
        }
        if raw.mobproc_timeout_secs == 0 {
            return Err(ConfigError::Zero("STOREFRONT_MOBPROC_TIMEOUT_SECS"));
        }
        let caches = cache_settings(&raw);
        Ok(Self {
            mobproc,
            authorization_url: raw.oauth_authorization_url,
            logout_url: raw.oauth_logout_url,
            sign_in,
            data_dir: raw.data_dir,
            database_url: raw.database_url,
            mobproc_timeout: Duration::from_secs(raw.mobproc_timeout_secs),
            cookie_secure: raw.cookie_secure,
            public_origin: raw.public_origin,
            trusted_proxies,
            request_timeout: Duration::from_secs(raw.request_timeout_secs),
            max_concurrent_requests: raw.max_concurrent_requests,
            audit_log: raw.audit_log,
            caches,
        })
    }

    /// The session database URL: the configured one, or SQLite inside `data_dir`.
    pub fn session_database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| {
            format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("sessions.db").display()
            )
        })
    }

    /// Whether browsers reach the storefront over https: then cookies are `Secure`
    /// and `__Host-` prefixed, and responses carry HSTS.
    pub fn https(&self) -> bool {
        self.cookie_secure
            || self
                .public_origin
                .as_ref()
                .is_some_and(|origin| origin.scheme() == "https")
    }

    /// The tenant and OAuth client of the configured MOBPROC.
    pub fn client(&self) -> (&str, &str, &str) {
        match &self.mobproc {
            Mobproc::Remote(remote) => (&remote.tenant, &remote.client_id, &remote.client_secret),
            Mobproc::Embedded => (SANDBOX_TENANT, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET),
        }
    }
}

/// The caches' settings: each given time to live in seconds (0: not kept), else the
/// default.
fn cache_settings(raw: &Raw) -> CacheSettings {
    let defaults = CacheSettings::default();
    let secs = |given: Option<u64>, default| given.map_or(default, Duration::from_secs);
    CacheSettings {
        catalog: secs(raw.cache_catalog_secs, defaults.catalog),
        reference: secs(raw.cache_reference_secs, defaults.reference),
        definitions: secs(raw.cache_definitions_secs, defaults.definitions),
        me: secs(raw.cache_me_secs, defaults.me),
        tracking: secs(raw.cache_tracking_secs, defaults.tracking),
        max_items: raw.cache_max_items.unwrap_or(defaults.max_items),
    }
}

/// A real MOBPROC's settings; none of its credentials has a default.
fn remote(api: Url, raw: &Raw) -> Result<Mobproc, ConfigError> {
    let mut missing = Vec::new();
    if raw.oauth_token_url.is_none() {
        missing.push("STOREFRONT_OAUTH_TOKEN_URL");
    }
    for (value, name) in [
        (&raw.tenant, "STOREFRONT_TENANT"),
        (&raw.client_id, "STOREFRONT_CLIENT_ID"),
        (&raw.client_secret, "STOREFRONT_CLIENT_SECRET"),
    ] {
        if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
            missing.push(name);
        }
    }
    let (Some(token_url), Some(tenant), Some(client_id), Some(client_secret), true) = (
        raw.oauth_token_url.clone(),
        raw.tenant.clone(),
        raw.client_id.clone(),
        raw.client_secret.clone(),
        missing.is_empty(),
    ) else {
        return Err(ConfigError::Missing(missing));
    };
    let revoke_url = raw
        .oauth_revoke_url
        .clone()
        .or_else(|| pingfederate_revocation(&token_url));
    Ok(Mobproc::Remote(Box::new(Remote {
        api,
        token_url,
        revoke_url,
        tenant,
        client_id,
        client_secret,
    })))
}

/// PingFederate's revocation endpoint beside its token endpoint
/// (`/as/token.oauth2` → `/as/revoke_token.oauth2`).
fn pingfederate_revocation(token_url: &Url) -> Option<Url> {
    let path = token_url.path().strip_suffix("/as/token.oauth2")?;
    let mut revoke = token_url.clone();
    revoke.set_path(&format!("{path}/as/revoke_token.oauth2"));
    revoke.set_query(None);
    Some(revoke)
}

fn sign_in_modes(
    configured: Option<&str>,
    raw: &Raw,
    embedded: bool,
) -> Result<SignInModes, ConfigError> {
    let modes = match configured {
        Some(list) => {
            let mut modes = SignInModes {
                password: false,
                code: false,
            };
            for mode in list.split(',').map(str::trim) {
                match mode {
                    "password" => modes.password = true,
                    "code" => modes.code = true,
                    _ => return Err(ConfigError::SignInMode(list.to_owned())),
                }
            }
            modes
        }
        // The demo shows both; elsewhere the identity provider's page is preferred.
        None if embedded => SignInModes {
            password: true,
            code: true,
        },
        None => SignInModes {
            password: raw.oauth_authorization_url.is_none(),
            code: raw.oauth_authorization_url.is_some(),
        },
    };
    if !modes.password && !modes.code {
        return Err(ConfigError::SignInMode(
            configured.unwrap_or_default().to_owned(),
        ));
    }
    if modes.code && !embedded {
        if raw.oauth_authorization_url.is_none() {
            return Err(ConfigError::CodeWithoutAuthorizationUrl);
        }
        if raw.public_origin.is_none() {
            return Err(ConfigError::CodeWithoutPublicOrigin);
        }
    }
    Ok(modes)
}

fn parse_network(entry: &str) -> Result<IpNet, ConfigError> {
    entry
        .parse::<IpNet>()
        .or_else(|_| entry.parse::<std::net::IpAddr>().map(IpNet::from))
        .map_err(|_| ConfigError::TrustedProxy(entry.to_owned()))
}

/// The `STOREFRONT_*` names among `names` that the server does not read.
fn unknown_variables(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut unknown: Vec<String> = names
        .filter_map(|name| {
            let setting = name.strip_prefix("STOREFRONT_")?;
            (!KNOWN.contains(&setting) && !TOOLING.contains(&setting)).then_some(name)
        })
        .collect();
    unknown.sort();
    unknown
}

/// Unknown `STOREFRONT_*` variables in the environment, to report at start-up.
pub fn unknown_in_environment() -> Vec<String> {
    unknown_variables(std::env::vars().map(|(name, _)| name))
}

// The client secret must never reach a log line.
impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mobproc = match &self.mobproc {
            Mobproc::Remote(remote) => format!(
                "remote {} (token {}, revoke {}, tenant {}, client {}, secret [redacted])",
                remote.api,
                remote.token_url,
                remote.revoke_url.as_ref().map_or("-", Url::as_str),
                remote.tenant,
                remote.client_id,
            ),
            Mobproc::Embedded => "embedded sandbox".to_owned(),
        };
        f.debug_struct("Settings")
            .field("mobproc", &mobproc)
            .field("sign_in", &self.sign_in)
            .field(
                "authorization_url",
                &self.authorization_url.as_ref().map(Url::as_str),
            )
            .field("logout_url", &self.logout_url.as_ref().map(Url::as_str))
            .field("data_dir", &self.data_dir)
            .field("database_url", &self.database_url.as_ref().map(|_| "[set]"))
            .field("https", &self.https())
            .field(
                "public_origin",
                &self.public_origin.as_ref().map(Url::as_str),
            )
            .field("trusted_proxies", &self.trusted_proxies)
            .finish_non_exhaustive()
    }
}

fn default_mobproc_timeout_secs() -> u64 {
    30
}

fn default_request_timeout_secs() -> u64 {
    60
}

fn default_max_concurrent_requests() -> usize {
    512
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("data")
}

#[cfg(test)]
mod tests {
    use super::*;
    use figment::providers::Serialized;

    fn settings(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let mut figment = Figment::new();
        for (key, value) in pairs {
            // As the environment provider reads them: `true` is a boolean.
            figment = match value.parse::<bool>() {
                Ok(flag) => figment.merge(Serialized::default(key, flag)),
                Err(_) => figment.merge(Serialized::default(key, value)),
            };
        }
        Settings::from_figment(figment, Vec::new())
    }

    const REMOTE: &[(&str, &str)] = &[
        ("mobproc_url", "https://m.example/mobproc/v1"),
        ("oauth_token_url", "https://idp.example/as/token.oauth2"),
        ("tenant", "ACME"),
        ("client_id", "storefront"),
        ("client_secret", "s3cr3t-value"),
    ];

    #[test]
    fn caches_keep_their_defaults_unless_told_and_zero_keeps_nothing() {
        let default = settings(&[("embedded_sandbox", "true")]).unwrap();
        assert_eq!(default.caches, CacheSettings::default());
        let figment = Figment::new()
            .merge(Serialized::default("embedded_sandbox", true))
            .merge(Serialized::default("cache_catalog_secs", 0))
            .merge(Serialized::default("cache_me_secs", 5))
            .merge(Serialized::default("cache_max_items", 100));
        let told = Settings::from_figment(figment, Vec::new()).unwrap();
        assert_eq!(told.caches.catalog, Duration::ZERO);
        assert_eq!(told.caches.me, Duration::from_secs(5));
        assert_eq!(told.caches.reference, CacheSettings::default().reference);
        assert_eq!(told.caches.max_items, 100);
    }

    #[test]
    fn without_a_mobproc_nothing_starts_unless_the_demo_is_asked_for() {
        let error =
            Settings::from_figment(Figment::new(), vec!["STOREFRONT_MOBPROC_ULR".to_owned()])
                .expect_err("refused");
        let message = error.to_string();
        for name in [
            "STOREFRONT_MOBPROC_URL",
            "STOREFRONT_EMBEDDED_SANDBOX",
            "STOREFRONT_MOBPROC_ULR",
        ] {
            assert!(message.contains(name), "{message}");
        }
        let demo = settings(&[("embedded_sandbox", "true")]).unwrap();
        assert!(demo.mobproc == Mobproc::Embedded);
        assert_eq!(demo.client(), ("ACME", "storefront", "storefront-secret"));
        assert!(!demo.https());
        assert!(demo
            .session_database_url()
            .starts_with("sqlite://data/sessions.db"));
    }

    #[test]
    fn a_real_mobproc_needs_its_endpoints_tenant_and_client_without_defaults() {
        let error = settings(&REMOTE[..1]).expect_err("refused");
        let message = error.to_string();
        for name in [
            "STOREFRONT_OAUTH_TOKEN_URL",
            "STOREFRONT_TENANT",
            "STOREFRONT_CLIENT_ID",
            "STOREFRONT_CLIENT_SECRET",
        ] {
            assert!(message.contains(name), "{message}");
        }
        let without_secret: Vec<_> = REMOTE
            .iter()
            .copied()
            .filter(|(k, _)| *k != "client_secret")
            .collect();
        let message = settings(&without_secret).expect_err("refused").to_string();
        assert!(message.contains("STOREFRONT_CLIENT_SECRET") && !message.contains("TENANT"));
        assert!(settings(REMOTE).is_ok());
        let mut both = REMOTE.to_vec();
        both.push(("embedded_sandbox", "true"));
        assert!(matches!(settings(&both), Err(ConfigError::TwoMobprocs)));
    }

    #[test]
    fn revocation_defaults_next_to_a_pingfederate_token_endpoint() {
        let Mobproc::Remote(remote) = settings(REMOTE).unwrap().mobproc else {
            unreachable!()
        };
        assert_eq!(
            remote.revoke_url.map(String::from).as_deref(),
            Some("https://idp.example/as/revoke_token.oauth2")
        );
        let mut other = REMOTE.to_vec();
        other[1] = ("oauth_token_url", "https://auth.example/oauth/token");
        let Mobproc::Remote(remote) = settings(&other).unwrap().mobproc else {
            unreachable!()
        };
        assert_eq!(
            remote.revoke_url, None,
            "not PingFederate-style: only when configured"
        );
    }

    #[test]
    fn an_https_origin_makes_cookies_secure_by_itself() {
        let mut https = REMOTE.to_vec();
        https.push(("public_origin", "https://shop.example.com"));
        assert!(settings(&https).unwrap().https());
        let mut http = REMOTE.to_vec();
        http.push(("public_origin", "http://127.0.0.1:3000"));
        assert!(!settings(&http).unwrap().https());
        http.push(("cookie_secure", "true"));
        assert!(
            settings(&http).unwrap().https(),
            "the switch still forces it"
        );
    }

    #[test]
    fn a_shared_database_needs_one_shared_mobproc() {
        let error = settings(&[
            ("embedded_sandbox", "true"),
            ("database_url", "postgres://u@db.example/storefront"),
        ])
        .expect_err("refused");
        assert!(matches!(
            error,
            ConfigError::SharedDatabaseWithEmbeddedSandbox
        ));
        assert!(error.to_string().contains("STOREFRONT_MOBPROC_URL"));
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks() {
        let mut with = REMOTE.to_vec();
        with.push(("trusted_proxies", "127.0.0.1, 10.0.0.0/8,::1"));
        let proxies = settings(&with).unwrap().trusted_proxies;
        assert_eq!(proxies.len(), 3);
        assert!(proxies[1].contains(&"10.1.2.3".parse::<std::net::IpAddr>().unwrap()));
        with.push(("trusted_proxies", "nginx"));
        assert!(matches!(settings(&with), Err(ConfigError::TrustedProxy(_))));
    }

    #[test]
    fn sign_in_modes_follow_what_is_configured() {
        let demo = settings(&[("embedded_sandbox", "true")]).unwrap();
        assert_eq!(
            demo.sign_in,
            SignInModes {
                password: true,
                code: true
            }
        );
        assert_eq!(
            settings(REMOTE).unwrap().sign_in,
            SignInModes {
                password: true,
                code: false
            }
        );
        let mut code = REMOTE.to_vec();
        code.push((
            "oauth_authorization_url",
            "https://idp.example/as/authorization.oauth2",
        ));
        assert!(matches!(
            settings(&code),
            Err(ConfigError::CodeWithoutPublicOrigin)
        ));
        code.push(("public_origin", "https://shop.example.com"));
        assert_eq!(
            settings(&code).unwrap().sign_in,
            SignInModes {
                password: false,
                code: true
            }
        );
        let mut wrong = REMOTE.to_vec();
        wrong.push(("sign_in", "code"));
        assert!(matches!(
            settings(&wrong),
            Err(ConfigError::CodeWithoutAuthorizationUrl)
        ));
        wrong.push(("sign_in", "magic"));
        assert!(matches!(settings(&wrong), Err(ConfigError::SignInMode(_))));
    }

    #[test]
    fn unknown_variables_are_told_from_settings_and_tooling() {
        let names = [
            "STOREFRONT_MOBPROC_URL",
            "STOREFRONT_MOBPROC_ULR",
            "STOREFRONT_TEST_POSTGRES_URL",
            "PATH",
            "STOREFRONT_COOKIE_SECUR",
        ]
        .map(String::from);
        assert_eq!(
            unknown_variables(names.into_iter()),
            ["STOREFRONT_COOKIE_SECUR", "STOREFRONT_MOBPROC_ULR"]
        );
    }

    #[test]
    fn debug_never_prints_the_client_secret() {
        let text = format!("{:?}", settings(REMOTE).unwrap());
        assert!(!text.contains("s3cr3t-value"), "{text}");
    }
}
