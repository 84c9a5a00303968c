//! The storefront server. Run it with the README's run command (`scripts/run.sh`),
//! which builds the WASM and CSS with cargo-leptos, sets the `LEPTOS_*` variables and
//! asks for the embedded demo sandbox; the `STOREFRONT_*` variables of the README
//! configure the rest.

use std::{
    error::Error,
    fs::OpenOptions,
    io::BufWriter,
    net::{Ipv4Addr, SocketAddr},
    path::Path,
    process::ExitCode,
    sync::Mutex,
};

use axum::serve::ListenerExt;
use leptos::prelude::get_configuration;
use mimalloc::MiMalloc;
use server::{
    bff::{self, Bff},
    client_address::TrustedProxies,
    config::Settings,
    overload::Limits,
    security::OriginPolicy,
    session::Store,
    signing::Signer,
    upstream::Upstream,
    AppState,
};
use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::{filter::Targets, layer::SubscriberExt, util::SubscriberInitExt, Layer};
use url::Url;

/// Rendering a page allocates a great deal in small pieces, from every worker thread:
/// glibc's allocator spent a fifth of the server's time there under load. It is built
/// without transparent huge pages (`no_thp`): with them its regions grew in 2 MiB
/// steps, 30 MiB more RSS after a load run for no measurable speed.
#[global_allocator]
static ALLOCATOR: MiMalloc = MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
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
    // Held to the end: dropping it writes out what the log still holds.
    let _log = init_logging(settings.audit_log.as_deref())?;
    for name in server::config::unknown_in_environment() {
        tracing::warn!("unknown setting {name} is ignored (a typo?)");
    }
    let options = get_configuration(None)?.leptos_options;
    std::fs::create_dir_all(&settings.data_dir)?;
    let store = Store::open(&settings.session_database_url()).await?;
    let signer = Signer::load(&store.database()).await?;
    let upstream = Upstream::connect(&settings).await?;
    let https = settings.https();
    // Bound before the BFF exists: the identity provider's callback may be on its port.
    let listener = tokio::net::TcpListener::bind(options.site_addr).await?;
    let sign_in = sign_in_setup(&settings, &upstream, listener.local_addr()?)?;
    let bff = Bff::new(
        upstream.client.clone(),
        store.clone(),
        signer.clone(),
        bff::Options {
            secure_cookies: https,
            sign_in,
            caches: settings.caches,
            ..bff::Options::default()
        },
    )?;
    let state = AppState {
        bff,
        leptos: options.clone(),
        origin: OriginPolicy {
            public_origin: settings.public_origin.clone(),
            https,
        },
        limits: Limits {
            request_timeout: settings.request_timeout,
            max_concurrent_requests: settings.max_concurrent_requests,
        },
        proxies: TrustedProxies::new(settings.trusted_proxies.clone()),
        signer,
    };
    server::housekeeping::spawn(store.clone());
    let router = server::router(state, store);

    // The first line on stdout is the URL: scripts and tests read it.
    println!("listening on http://{}", listener.local_addr()?);
    println!("{}", upstream.describe());
    // Answers go out as soon as they are written: with Nagle's algorithm a file's body,
    // sent after its headers, waited for the browser's delayed ACK (40 ms).
    let listener = listener.tap_io(|tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::debug!(%error, "TCP_NODELAY not set");
        }
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

/// The ways of signing in, with the identity provider's callback on the public origin
/// (the embedded sandbox's demo without one: on the address the server listens on,
/// registered with the sandbox here).
fn sign_in_setup(
    settings: &Settings,
    upstream: &Upstream,
    listening: SocketAddr,
) -> Result<bff::SignInSetup, Box<dyn Error>> {
    let code = if settings.sign_in.code {
        let origin = match &settings.public_origin {
            Some(origin) => origin.clone(),
            None => {
                let mut local = listening;
                if local.ip().is_unspecified() {
                    local.set_ip(Ipv4Addr::LOCALHOST.into());
                }
                Url::parse(&format!("http://{local}"))?
            }
        };
        let redirect_uri = origin.join(CALLBACK_PATH)?;
        upstream.register_callback(redirect_uri.as_str());
        Some(bff::CodeSignIn {
            redirect_uri,
            logout_url: upstream.idp.logout_url.clone(),
        })
    } else {
        None
    };
    Ok(bff::SignInSetup {
        password: settings.sign_in.password,
        code,
    })
}

/// Lines queued for stderr at most, about a megabyte.
const LOG_QUEUE_LINES: usize = 4096;

/// The identity provider sends the browser back here (`bff::code_sign_in`).
const CALLBACK_PATH: &str = "/auth/callback";

/// The log on stderr (stdout carries only what scripts read, the URL first), filtered
/// by `RUST_LOG`; and, with `STOREFRONT_AUDIT_LOG`, every `audit` line appended to
/// that file too, whatever `RUST_LOG` says, as it happens.
///
/// Requests hand their stderr lines to one writer thread, which writes what has queued
/// in one go: each request writing its own line, under stderr's lock, was a fifth of
/// a static file's time. None is dropped (a full queue makes requests wait); lines
/// still queued are lost only if the process is killed.
fn init_logging(audit_log: Option<&Path>) -> Result<WorkerGuard, Box<dyn Error>> {
    let filter =
        tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    let (stderr, guard) = NonBlockingBuilder::default()
        .lossy(false)
        // Its default, 128,000 lines, could hold tens of megabytes.
        .buffered_lines_limit(LOG_QUEUE_LINES)
        .thread_name("storefront-log")
        .finish(BufWriter::new(std::io::stderr()));
    // Colour codes only for a person watching; a log file or collector gets plain text.
    let log = tracing_subscriber::fmt::layer()
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(stderr)
        .with_filter(filter);
    let audit = match audit_log {
        Some(path) => {
            let file = OpenOptions::new().create(true).append(true).open(path)?;
            Some(
                tracing_subscriber::fmt::layer()
                    .with_ansi(false)
                    .with_writer(Mutex::new(file))
                    .with_filter(Targets::new().with_target("audit", tracing::Level::INFO)),
            )
        }
        None => None,
    };
    tracing_subscriber::registry().with(log).with(audit).init();
    Ok(guard)
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
