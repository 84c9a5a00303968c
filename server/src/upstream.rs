//! Which MOBPROC the storefront talks to: the configured one, or, only when asked for
//! (`STOREFRONT_EMBEDDED_SANDBOX=true`, and in a build with the `embedded-sandbox`
//! feature), the sandbox started in-process on a loopback port and used over real HTTP.

use mobproc::client::{ClientConfig, MobprocClient, MobprocError};
use url::Url;

use crate::config::{Mobproc, Settings};

/// Why the upstream could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    #[cfg(feature = "embedded-sandbox")]
    #[error("cannot start the embedded MOBPROC sandbox: {0}")]
    Sandbox(#[from] sandbox::Error),
    #[cfg(not(feature = "embedded-sandbox"))]
    #[error(
        "STOREFRONT_EMBEDDED_SANDBOX=true, but this build has no embedded sandbox (it was \
         built without the `embedded-sandbox` feature): set STOREFRONT_MOBPROC_URL"
    )]
    NoSandboxInThisBuild,
    #[error("invalid MOBPROC client settings: {0}")]
    Client(#[from] MobprocError),
}

/// The MOBPROC client, plus the embedded sandbox when there is one (dropping it
/// stops the sandbox, so it lives as long as the server).
pub struct Upstream {
    pub client: MobprocClient,
    #[cfg(feature = "embedded-sandbox")]
    pub sandbox: Option<sandbox::RunningSandbox>,
    /// The identity provider's endpoints, for signing in by authorization code.
    pub idp: Idp,
}

/// Where the identity provider's pages are.
#[derive(Debug, Clone, Default)]
pub struct Idp {
    pub authorization_url: Option<Url>,
    pub logout_url: Option<Url>,
}

impl Upstream {
    pub async fn connect(settings: &Settings) -> Result<Self, UpstreamError> {
        let (tenant, client_id, client_secret) = settings.client();
        match &settings.mobproc {
            Mobproc::Remote(remote) => {
                let mut config = ClientConfig::new(
                    remote.api.as_str(),
                    remote.token_url.as_str(),
                    tenant,
                    client_id,
                    client_secret,
                );
                if let Some(revoke) = &remote.revoke_url {
                    config = config.with_revocation_url(revoke.as_str());
                }
                let idp = Idp {
                    authorization_url: settings.authorization_url.clone(),
                    logout_url: settings.logout_url.clone(),
                };
                Ok(Self {
                    client: client(config, settings, &idp)?,
                    #[cfg(feature = "embedded-sandbox")]
                    sandbox: None,
                    idp,
                })
            }
            Mobproc::Embedded => Self::embedded(settings).await,
        }
    }

    #[cfg(feature = "embedded-sandbox")]
    async fn embedded(settings: &Settings) -> Result<Self, UpstreamError> {
        let (tenant, client_id, client_secret) = settings.client();
        let sandbox = sandbox::spawn(sandbox::Config {
            data_dir: Some(settings.data_dir.join("sandbox")),
            tenant: tenant.to_owned(),
            client_id: client_id.to_owned(),
            client_secret: client_secret.to_owned(),
            ..sandbox::Config::ephemeral()
        })
        .await?;
        let base = sandbox.base_url().to_owned();
        let config = ClientConfig::new(
            sandbox.api_url(),
            sandbox.token_url(),
            tenant,
            client_id,
            client_secret,
        )
        .with_revocation_url(format!("{base}/as/revoke_token.oauth2"));
        let idp = Idp {
            authorization_url: Url::parse(&format!("{base}/as/authorization.oauth2")).ok(),
            logout_url: Url::parse(&format!("{base}/idp/startSLO.ping")).ok(),
        };
        Ok(Self {
            client: client(config, settings, &idp)?,
            sandbox: Some(sandbox),
            idp,
        })
    }

    #[cfg(not(feature = "embedded-sandbox"))]
    async fn embedded(_: &Settings) -> Result<Self, UpstreamError> {
        Err(UpstreamError::NoSandboxInThisBuild)
    }

    /// Registers `redirect_uri` as a callback of the storefront's client with the
    /// embedded sandbox's identity provider (a real one is configured by its owner).
    pub fn register_callback(&self, redirect_uri: &str) {
        #[cfg(feature = "embedded-sandbox")]
        if let Some(sandbox) = &self.sandbox {
            let client_id = sandbox.state().config().client_id.clone();
            if let Err(error) = sandbox.state().clients().register(&client_id, redirect_uri) {
                tracing::warn!(%error, "the embedded sandbox refused the callback");
            }
        }
        #[cfg(not(feature = "embedded-sandbox"))]
        let _ = redirect_uri;
    }

    /// What an operator needs to know at start-up: which MOBPROC, and how to sign in.
    pub fn describe(&self) -> String {
        #[cfg(feature = "embedded-sandbox")]
        if let Some(sandbox) = &self.sandbox {
            return describe_sandbox(sandbox);
        }
        format!("MOBPROC: {}", self.client.api_base())
    }
}

fn client(
    config: ClientConfig,
    settings: &Settings,
    idp: &Idp,
) -> Result<MobprocClient, MobprocError> {
    let mut config = config.with_request_timeout(settings.mobproc_timeout);
    if let Some(authorization) = &idp.authorization_url {
        config = config.with_authorization_url(authorization.as_str());
    }
    MobprocClient::new(config)
}

/// The demo sign-ins printed when the embedded sandbox is used.
#[cfg(feature = "embedded-sandbox")]
const DEMO_USERS: &[(&str, &str)] = &[
    ("peter.edwards.acme", "employee"),
    ("barbara.andrews@example.com", "employee"),
    ("james.carpenter@example.com", "employee"),
    ("admin.acme", "admin, may order for everyone"),
];

#[cfg(feature = "embedded-sandbox")]
fn describe_sandbox(sandbox: &sandbox::RunningSandbox) -> String {
    let mut text = format!(
        "STOREFRONT_EMBEDDED_SANDBOX=true: using the embedded MOBPROC sandbox at {}\n\
         demo sign-ins (password \"demo\"):",
        sandbox.base_url()
    );
    for (user, role) in DEMO_USERS {
        text.push_str(&format!("\n  {user:<30} {role}"));
    }
    text
}
