//! Load figures for the storefront (not a test: it prints numbers). Run with
//! `cargo bench -p server --bench storefront`.
//!
//! Starts a sandbox in-process and the real `server` binary as a child process pointed
//! at it, so the server's RSS is its own. Then:
//! 1. signs in 1,000 sessions (50 at a time) and reports the server's RSS before/after,
//!    then 1,000 more, whose growth is what a session costs;
//! 2. renders the accessories catalog page through the BFF with 50 concurrent clients
//!    for 20 s, and, in the same run, asks the sandbox for the catalog JSON behind it
//!    the same way, reporting requests/s and p50/p99 for both, and the RSS after.
//!
//! Everything runs on loopback, is bounded in count and time, and stops by itself.

use std::{
    process::Stdio,
    sync::Arc,
    time::{Duration, Instant},
};

use reqwest::{cookie::Jar, header, redirect, Client};
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
    sync::Semaphore,
};

const SESSIONS: usize = 1_000;
const CLIENTS: usize = 50;
const LOAD_SECONDS: u64 = 20;
const LINE: &str = "38382349";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = sandbox::spawn(sandbox::Config::ephemeral()).await?;
    let data = tempfile::tempdir()?;
    let (mut child, base) = start_server(&sandbox, data.path()).await?;
    let pid = child.id().ok_or("server exited")?;

    let before = rss_kib(pid)?;
    let started = Instant::now();
    let clients = sign_in_many(&base, SESSIONS).await?;
    let after = rss_kib(pid)?;
    println!(
        "sessions: {SESSIONS} signed in in {:.1} s; server RSS {:.1} MiB before, {:.1} MiB after ({:.1} KiB per session)",
        started.elapsed().as_secs_f64(),
        before as f64 / 1024.0,
        after as f64 / 1024.0,
        (after.saturating_sub(before)) as f64 / SESSIONS as f64,
    );
    // A second batch tells memory kept per session from the high-water mark of
    // serving 50 sign-ins at a time. (Sign-ins close their connections: 1,000 idle
    // keep-alive connections would be counted as sessions otherwise.)
    let more = sign_in_many(&base, SESSIONS).await?;
    let again = rss_kib(pid)?;
    println!(
        "sessions: {} more signed in; server RSS {:.1} MiB ({:.1} KiB per added session)",
        more.len(),
        again as f64 / 1024.0,
        (again.saturating_sub(after)) as f64 / SESSIONS as f64,
    );

    let page = format!("{base}/lines/{LINE}/accessories");
    let browsers = clients
        .into_iter()
        .take(CLIENTS)
        .map(browser)
        .collect::<Result<Vec<_>, _>>()?;
    let page_figures = hammer(browsers, page, |_| Ok(())).await;
    report("catalog page via BFF", &page_figures);

    let token = sandbox_token(&sandbox).await?;
    let json = format!("{}/catalog/accessories?service={LINE}", sandbox.api_url());
    let api: Vec<Client> = (0..CLIENTS).map(|_| Client::new()).collect();
    let json_figures = hammer(api, json, move |request| {
        request.insert(header::AUTHORIZATION, format!("Bearer {token}").parse()?);
        request.insert("X-TNGO-TENANT", "ACME".parse()?);
        request.insert("client_id", "storefront".parse()?);
        Ok(())
    })
    .await;
    report("catalog JSON from the sandbox", &json_figures);
    println!(
        "server RSS after the load: {:.1} MiB",
        rss_kib(pid)? as f64 / 1024.0
    );

    child.kill().await?;
    Ok(())
}

async fn start_server(
    sandbox: &sandbox::RunningSandbox,
    data: &std::path::Path,
) -> Result<(Child, String), Box<dyn std::error::Error>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("LEPTOS_OUTPUT_NAME", "storefront")
        .env("LEPTOS_SITE_ROOT", data)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_ENV", "PROD")
        .env("STOREFRONT_MOBPROC_URL", sandbox.api_url())
        .env("STOREFRONT_OAUTH_TOKEN_URL", sandbox.token_url())
        .env("STOREFRONT_TENANT", "ACME")
        .env("STOREFRONT_CLIENT_ID", "storefront")
        .env("STOREFRONT_CLIENT_SECRET", "storefront-secret")
        .env("STOREFRONT_DATA_DIR", data)
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next_line().await?.ok_or("server said nothing")?;
    let base = first
        .strip_prefix("listening on ")
        .ok_or("unexpected first line")?
        .to_owned();
    // Keep reading so the server never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Ok((child, base))
}

/// A browser with a signed-in session's cookies, keeping its connections open.
fn browser(cookies: Arc<Jar>) -> Result<Client, reqwest::Error> {
    Client::builder()
        .cookie_provider(cookies)
        .redirect(redirect::Policy::none())
        .build()
}

/// Signs in `count` sessions; their cookie jars.
async fn sign_in_many(
    base: &str,
    count: usize,
) -> Result<Vec<Arc<Jar>>, Box<dyn std::error::Error>> {
    let gate = Arc::new(Semaphore::new(CLIENTS));
    let mut tasks = Vec::with_capacity(count);
    for _ in 0..count {
        let gate = gate.clone();
        let base = base.to_owned();
        tasks.push(tokio::spawn(async move {
            let _permit = gate.acquire().await?;
            let mut headers = header::HeaderMap::new();
            headers.insert(header::ORIGIN, base.parse()?);
            let cookies = Arc::new(Jar::default());
            let client = Client::builder()
                .cookie_provider(cookies.clone())
                .pool_max_idle_per_host(0)
                .redirect(redirect::Policy::none())
                .default_headers(headers)
                .build()?;
            let response = client
                .post(format!("{base}/auth/sign-in"))
                .form(&[
                    ("username", "peter.edwards.acme"),
                    ("password", "demo"),
                    ("return_to", "/"),
                ])
                .send()
                .await?;
            if response
                .headers()
                .get(header::LOCATION)
                .and_then(|l| l.to_str().ok())
                != Some("/")
            {
                return Err("a sign-in failed".into());
            }
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(cookies)
        }));
    }
    let mut clients = Vec::with_capacity(count);
    for task in tasks {
        clients.push(task.await?.map_err(|e| e.to_string())?);
    }
    Ok(clients)
}

struct Figures {
    latencies: Vec<Duration>,
    errors: usize,
    elapsed: Duration,
}

/// `CLIENTS` loops, each sending GETs one after another until the time is up.
async fn hammer<F>(clients: Vec<Client>, url: String, headers: F) -> Figures
where
    F: Fn(&mut header::HeaderMap) -> Result<(), Box<dyn std::error::Error>>
        + Clone
        + Send
        + 'static,
{
    let deadline = Instant::now() + Duration::from_secs(LOAD_SECONDS);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for client in clients {
        let (url, headers) = (url.clone(), headers.clone());
        tasks.push(tokio::spawn(async move {
            let mut map = header::HeaderMap::new();
            let ok_headers = headers(&mut map).is_ok();
            let (mut latencies, mut errors) = (Vec::new(), 0usize);
            while ok_headers && Instant::now() < deadline {
                let sent = Instant::now();
                match client.get(&url).headers(map.clone()).send().await {
                    Ok(response) if response.status().is_success() => {
                        let complete = response.bytes().await.is_ok();
                        latencies.push(sent.elapsed());
                        errors += usize::from(!complete);
                    }
                    _ => errors += 1,
                }
            }
            (latencies, errors + usize::from(!ok_headers))
        }));
    }
    let mut figures = Figures {
        latencies: Vec::new(),
        errors: 0,
        elapsed: Duration::ZERO,
    };
    for task in tasks {
        if let Ok((latencies, errors)) = task.await {
            figures.latencies.extend(latencies);
            figures.errors += errors;
        } else {
            figures.errors += 1;
        }
    }
    figures.elapsed = started.elapsed();
    figures.latencies.sort();
    figures
}

fn report(what: &str, figures: &Figures) {
    let percentile = |p: f64| {
        let n = figures.latencies.len();
        if n == 0 {
            return 0.0;
        }
        let index = ((n as f64 * p).ceil() as usize).clamp(1, n) - 1;
        figures.latencies[index].as_secs_f64() * 1000.0
    };
    println!(
        "{what}: {CLIENTS} clients for {LOAD_SECONDS} s: {} requests, {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms, {} errors",
        figures.latencies.len(),
        figures.latencies.len() as f64 / figures.elapsed.as_secs_f64(),
        percentile(0.50),
        percentile(0.99),
        figures.errors,
    );
}

async fn sandbox_token(
    sandbox: &sandbox::RunningSandbox,
) -> Result<String, Box<dyn std::error::Error>> {
    let response: serde_json::Value = Client::new()
        .post(sandbox.token_url())
        .form(&[
            ("grant_type", "password"),
            ("client_id", "storefront"),
            ("client_secret", "storefront-secret"),
            ("scope", "MOBPROC"),
            ("username", "peter.edwards.acme"),
            ("password", "demo"),
        ])
        .send()
        .await?
        .json()
        .await?;
    Ok(response["access_token"]
        .as_str()
        .ok_or("no access token")?
        .to_owned())
}

/// Resident set size of a process, from `/proc` (Linux).
fn rss_kib(pid: u32) -> Result<u64, Box<dyn std::error::Error>> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .ok_or("no VmRSS")?;
    Ok(line.split_whitespace().nth(1).ok_or("bad VmRSS")?.parse()?)
}
