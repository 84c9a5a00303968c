//! The storefront server. Run it with the README's run command (`scripts/run.sh`),
//! which builds the WASM and CSS with cargo-leptos and sets the `LEPTOS_*` variables;
//! the `STOREFRONT_*` variables of the README configure the rest.

use std::{error::Error, process::ExitCode};

use leptos::prelude::get_configuration;
use server::{
    bff::Bff, config::Settings, security::OriginPolicy, session::Store, upstream::Upstream,
    AppState,
};

#[tokio::main]
async fn main() -> ExitCode {
    // Logs go to stderr: stdout carries only what scripts read (the URL first).
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // Said plainly on stderr: a missing or wrong setting stops the server here.
            eprintln!("storefront: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn Error>> {
    let settings = Settings::from_env()?;
    let options = get_configuration(None)?.leptos_options;
    std::fs::create_dir_all(&settings.data_dir)?;
    let store = Store::open(&settings.session_database_url()).await?;
    let upstream = Upstream::connect(&settings).await?;
    let state = AppState {
        bff: Bff::new(upstream.client.clone(), store.clone())?,
        leptos: options.clone(),
        origin: OriginPolicy {
            public_origin: settings.public_origin.clone(),
            https: settings.cookie_secure,
        },
    };
    server::housekeeping::spawn(store.clone());
    let router = server::router(state, store, settings.cookie_secure);

    let listener = tokio::net::TcpListener::bind(options.site_addr).await?;
    // The first line on stdout is the URL: scripts and tests read it.
    println!("listening on http://{}", listener.local_addr()?);
    println!("{}", upstream.describe());
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => return ctrl_c.await.unwrap_or_default(),
            };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await.unwrap_or_default();
}
