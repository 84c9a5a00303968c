//! Settings of one sandbox: the binary's flags, also built in code by the server and tests.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

/// A local MOBPROC v1 + PingFederate-style OAuth simulator.
///
/// Every seeded employee signs in with username = their companyEmployeeId (a
/// `command://` or `rivermine://` prefix is accepted) and the seed's password (`demo`).
#[derive(Debug, Clone, Parser)]
#[command(name = "mobproc-sandbox", version, about)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port. The first stdout line says
    /// `listening on http://ADDR`.
    #[arg(long, default_value = "127.0.0.1:8090")]
    pub listen: SocketAddr,

    /// Base URL written into every link and image URL (e.g. `https://sandbox.example`).
    /// Default: `http://` + the request's Host header.
    #[arg(long, value_name = "URL")]
    pub public_base_url: Option<String>,

    /// Directory where tokens, orders and the rest of the mutable state are kept
    /// (`state.json`), so they survive a restart. Default: memory only.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Seed file (TOML, the format of `seed/acme.toml`) instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub seed: Option<PathBuf>,

    /// Lifetime of access tokens, in seconds; 0 issues tokens that are already expired.
    #[arg(long, default_value_t = 3600)]
    pub token_ttl_secs: u64,

    /// Lifetime of refresh tokens, in seconds.
    #[arg(long, default_value_t = 86_400)]
    pub refresh_token_ttl_secs: u64,

    /// Tenant code every call must send in `X-TNGO-TENANT`; the seed is this tenant's data.
    #[arg(long, default_value = "ACME")]
    pub tenant: String,

    /// OAuth client id; API calls must send it in the `client_id` header.
    #[arg(long, default_value = "storefront")]
    pub client_id: String,

    /// OAuth client secret.
    #[arg(long, default_value = "storefront-secret")]
    pub client_secret: String,

    /// Another OAuth client (repeatable), as `ID:SECRET`.
    #[arg(long = "extra-client", value_name = "ID:SECRET")]
    pub extra_clients: Vec<crate::clients::ClientCredentials>,

    /// A redirect URI of `--client-id` for the authorization-code flow (repeatable),
    /// matched exactly; more with `POST /_sandbox/redirect-uris` at run time.
    #[arg(long = "redirect-uri", value_name = "URI")]
    pub redirect_uris: Vec<String>,

    /// A fault to inject (repeatable), e.g.
    /// `path=/mobproc/v1/orders*,method=POST,error-rate=0.5` (see `faults`); also
    /// settable at run time with `POST /_sandbox/faults`.
    #[arg(long = "fault", value_name = "RULE")]
    pub faults: Vec<crate::faults::FaultRule>,

    /// Extra employees for load tests (`employee.00001@example.com` …, spread over the
    /// departments, approved by Diane Foster, visible to `admin.acme`).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub synthetic_employees: usize,

    /// Extra accessories compatible with Peter Edwards's line 38382349 (its LG Cookie
    /// Plus), with names and prices derived from their number.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub synthetic_accessories: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self::parse_from(["mobproc-sandbox"])
    }
}

impl Config {
    /// The defaults on a free loopback port: what tests and the embedding server use.
    pub fn ephemeral() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            ..Self::default()
        }
    }
}
