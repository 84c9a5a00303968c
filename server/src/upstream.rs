//! Which MOBPROC the storefront talks to: the configured one, or (by default) the
//! sandbox started in-process on a loopback port and used over real HTTP.

use std::time::Duration;

use mobproc::client::{ClientConfig, MobprocClient, MobprocError};
use sandbox::RunningSandbox;

use crate::config::Settings;

/// The demo sign-ins printed when the embedded sandbox is used.
const DEMO_USERS: &[(&str, &str)] = &[
    ("peter.edwards.acme", "employee"),
    ("barbara.andrews@example.com", "employee"),
    ("james.carpenter@example.com", "employee"),
    ("admin.acme", "admin, may order for everyone"),
];

/// Why the upstream could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    #[error("cannot start the embedded MOBPROC sandbox: {0}")]
    Sandbox(#[from] sandbox::Error),
    #[error("invalid MOBPROC client settings: {0}")]
    Client(#[from] MobprocError),
}

/// The MOBPROC client, plus the embedded sandbox when there is one (dropping it
/// stops the sandbox, so it lives as long as the server).
pub struct Upstream {
    pub client: MobprocClient,
    pub sandbox: Option<RunningSandbox>,
}

impl Upstream {
    pub async fn connect(settings: &Settings) -> Result<Self, UpstreamError> {
        let (config, sandbox) = match (&settings.mobproc_url, &settings.oauth_token_url) {
            (Some(api), Some(token)) => {
                let mut config = ClientConfig::new(
                    api.as_str(),
                    token.as_str(),
                    &settings.tenant,
                    &settings.client_id,
                    &settings.client_secret,
                );
                if let Some(revoke) = &settings.oauth_revoke_url {
                    config = config.with_revocation_url(revoke.as_str());
                }
                (config, None)
            }
            _ => {
                let sandbox = sandbox::spawn(sandbox::Config {
                    data_dir: Some(settings.data_dir.join("sandbox")),
                    tenant: settings.tenant.clone(),
                    client_id: settings.client_id.clone(),
                    client_secret: settings.client_secret.clone(),
                    ..sandbox::Config::ephemeral()
                })
                .await?;
                let config = ClientConfig::new(
                    sandbox.api_url(),
                    sandbox.token_url(),
                    &settings.tenant,
                    &settings.client_id,
                    &settings.client_secret,
                )
                .with_revocation_url(format!("{}/as/revoke_token.oauth2", sandbox.base_url()));
                (config, Some(sandbox))
            }
        };
        let config =
            config.with_request_timeout(Duration::from_secs(settings.mobproc_timeout_secs.max(1)));
        Ok(Self {
            client: MobprocClient::new(config)?,
            sandbox,
        })
    }

    /// What an operator needs to know at start-up: which MOBPROC, and how to sign in.
    pub fn describe(&self) -> String {
        match &self.sandbox {
            None => format!("MOBPROC: {}", self.client.api_base()),
            Some(sandbox) => {
                let mut text = format!(
                    "no STOREFRONT_MOBPROC_URL set: using the embedded MOBPROC sandbox at {}\n\
                     demo sign-ins (password \"demo\"):",
                    sandbox.base_url()
                );
                for (user, role) in DEMO_USERS {
                    text.push_str(&format!("\n  {user:<30} {role}"));
                }
                text
            }
        }
    }
}
