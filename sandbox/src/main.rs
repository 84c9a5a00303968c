//! `mobproc-sandbox`: a local MOBPROC v1 + OAuth simulator.
//!
//! ```sh
//! cargo run -p sandbox --bin mobproc-sandbox -- --listen 127.0.0.1:0
//! cargo run -p sandbox --bin mobproc-sandbox -- --data-dir target/sandbox-data --token-ttl-secs 60
//! cargo run -p sandbox --bin mobproc-sandbox -- --redirect-uri http://127.0.0.1:3000/auth/callback
//! cargo run -p sandbox --bin mobproc-sandbox -- --help
//! ```
//!
//! The first stdout line is `listening on http://ADDR`. Sign in with
//! `POST /as/token.oauth2?grant_type=password&client_id=storefront&client_secret=storefront-secret&scope=MOBPROC&username=peter.edwards.acme&password=demo`.
//! Logs go to stderr (`RUST_LOG=sandbox=debug` for more).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use sandbox::{Config, SandboxState};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let config = Config::parse();
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mobproc-sandbox: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    let state = SandboxState::new(config)?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "listening on http://{addr}")?;
    stdout.flush()?;
    drop(stdout);
    sandbox::serve(listener, state, async {
        // Without a signal handler there is nothing to wait for but the process's end.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    })
    .await?;
    Ok(())
}
