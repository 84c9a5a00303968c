//! Settings, read from `STOREFRONT_*` environment variables (documented in the README).

use std::{fmt, path::PathBuf};

use figment::{providers::Env, Figment};
use serde::Deserialize;
use url::Url;

/// Where MOBPROC is and who the storefront is to it, plus local storage and cookies.
#[derive(Clone, Deserialize)]
pub struct Settings {
    /// MOBPROC's API base, e.g. `https://host/mobproc/v1`. Unset: the embedded sandbox.
    pub mobproc_url: Option<Url>,
    /// The OAuth token endpoint; required with `mobproc_url`.
    pub oauth_token_url: Option<Url>,
    /// The OAuth revocation endpoint; sign-out revokes the refresh token there.
    pub oauth_revoke_url: Option<Url>,
    #[serde(default = "default_tenant")]
    pub tenant: String,
    #[serde(default = "default_client_id")]
    pub client_id: String,
    #[serde(default = "default_client_secret")]
    pub client_secret: String,
    /// Sessions (SQLite) and the embedded sandbox's orders live here.
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    /// A `sqlite:` or `postgres:` URL for the session store; default: SQLite in `data_dir`.
    pub database_url: Option<String>,
    /// The longest one MOBPROC or OAuth call may take, in seconds.
    #[serde(default = "default_mobproc_timeout_secs")]
    pub mobproc_timeout_secs: u64,
    /// `true` behind https: the session cookie becomes `Secure` and `__Host-` prefixed.
    #[serde(default)]
    pub cookie_secure: bool,
    /// The origin browsers use, e.g. `https://shop.example.com`; default: taken from
    /// each request's `Host` header. State-changing requests must come from it.
    pub public_origin: Option<Url>,
}

/// Why the settings could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("invalid STOREFRONT_* setting: {0}")]
    Invalid(#[from] Box<figment::Error>),
    #[error("STOREFRONT_OAUTH_TOKEN_URL is required when STOREFRONT_MOBPROC_URL is set")]
    MissingTokenUrl,
    #[error(
        "STOREFRONT_DATABASE_URL is PostgreSQL, shared by several instances, but no \
         STOREFRONT_MOBPROC_URL is set: each instance would start a private embedded \
         sandbox. Point every instance at one MOBPROC (the standalone sandbox: \
         `mobproc-sandbox`, see the README's \"Running several instances\")"
    )]
    SharedDatabaseWithEmbeddedSandbox,
}

impl Settings {
    /// Reads `STOREFRONT_*` from the environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_figment(Figment::new().merge(Env::prefixed("STOREFRONT_")))
    }

    fn from_figment(figment: Figment) -> Result<Self, ConfigError> {
        let settings: Self = figment.extract().map_err(Box::new)?;
        if settings.mobproc_url.is_some() && settings.oauth_token_url.is_none() {
            return Err(ConfigError::MissingTokenUrl);
        }
        if settings.mobproc_url.is_none() && settings.database_is_postgres() {
            return Err(ConfigError::SharedDatabaseWithEmbeddedSandbox);
        }
        Ok(settings)
    }

    fn database_is_postgres(&self) -> bool {
        self.database_url
            .as_deref()
            .is_some_and(|url| url.starts_with("postgres:") || url.starts_with("postgresql:"))
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
}

// The client secret must never reach a log line.
impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("mobproc_url", &self.mobproc_url.as_ref().map(Url::as_str))
            .field(
                "oauth_token_url",
                &self.oauth_token_url.as_ref().map(Url::as_str),
            )
            .field(
                "oauth_revoke_url",
                &self.oauth_revoke_url.as_ref().map(Url::as_str),
            )
            .field("tenant", &self.tenant)
            .field("client_id", &self.client_id)
            .field("client_secret", &"[redacted]")
            .field("data_dir", &self.data_dir)
            .field("database_url", &self.database_url.as_ref().map(|_| "[set]"))
            .field("mobproc_timeout_secs", &self.mobproc_timeout_secs)
            .field("cookie_secure", &self.cookie_secure)
            .field(
                "public_origin",
                &self.public_origin.as_ref().map(Url::as_str),
            )
            .finish()
    }
}

fn default_tenant() -> String {
    "ACME".into()
}

fn default_client_id() -> String {
    "storefront".into()
}

fn default_client_secret() -> String {
    "storefront-secret".into()
}

fn default_mobproc_timeout_secs() -> u64 {
    30
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("data")
}

#[cfg(test)]
mod tests {
    use super::*;
    use figment::providers::Serialized;

    #[test]
    fn defaults_select_the_embedded_sandbox() {
        let settings = Settings::from_figment(Figment::new()).unwrap();
        assert!(settings.mobproc_url.is_none());
        assert_eq!(settings.tenant, "ACME");
        assert!(!settings.cookie_secure);
        assert!(settings
            .session_database_url()
            .starts_with("sqlite://data/sessions.db"));
    }

    #[test]
    fn a_real_mobproc_needs_a_token_url() {
        let figment = Figment::new().merge(Serialized::default(
            "mobproc_url",
            "https://m.example/mobproc/v1",
        ));
        assert!(matches!(
            Settings::from_figment(figment),
            Err(ConfigError::MissingTokenUrl)
        ));
    }

    #[test]
    fn a_shared_database_needs_one_shared_mobproc() {
        let figment = Figment::new().merge(Serialized::default(
            "database_url",
            "postgres://u@db.example/storefront",
        ));
        let error = Settings::from_figment(figment).expect_err("refused");
        assert!(matches!(
            error,
            ConfigError::SharedDatabaseWithEmbeddedSandbox
        ));
        assert!(error.to_string().contains("STOREFRONT_MOBPROC_URL"));
    }

    #[test]
    fn debug_never_prints_the_client_secret() {
        let figment = Figment::new().merge(Serialized::default("client_secret", "s3cr3t-value"));
        let settings = Settings::from_figment(figment).unwrap();
        assert!(!format!("{settings:?}").contains("s3cr3t-value"));
    }
}
