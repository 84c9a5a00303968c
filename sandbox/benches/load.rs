//! Load benchmark: confirm+submit pairs of the documented ORDER_ACCESSORIES request
//! from concurrent clients (one connection pool and token each) against an in-process
//! sandbox on loopback. Stops by itself; fails on any error or after the time limit.
//!
//! ```sh
//! cargo bench -p sandbox --bench load
//! LOAD_PAIRS=5000 LOAD_CLIENTS=100 cargo bench -p sandbox --bench load
//! ```

use std::process::ExitCode;
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use sandbox::Config;
use serde_json::Value;

const DEFAULT_PAIRS: usize = 2000;
const DEFAULT_CLIENTS: usize = 50;
const TIME_LIMIT: Duration = Duration::from_secs(300);
const REQUEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/mobproc/examples/orders/order_accessories/request.json"
);

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// What one client measured.
#[derive(Default)]
struct Measured {
    confirm: Vec<Duration>,
    submit: Vec<Duration>,
    errors: Vec<String>,
}

struct LoadClient {
    http: Client,
    api: String,
    token: String,
    body: String,
}

impl LoadClient {
    /// One `POST /orders` as this client; the time it took, or why it failed.
    async fn post(&self, confirm: bool) -> Result<Duration, String> {
        let url = if confirm {
            format!("{}/orders?confirm=true", self.api)
        } else {
            format!("{}/orders", self.api)
        };
        let started = Instant::now();
        let response = self
            .http
            .post(url)
            .bearer_auth(&self.token)
            .header("X-TNGO-TENANT", "ACME")
            .header("client_id", "storefront")
            .header("content-type", "application/json")
            .body(self.body.clone())
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status();
        let body: Value = response.json().await.map_err(|e| e.to_string())?;
        let took = started.elapsed();
        if status != StatusCode::OK || body["status"] != "SUCCESS" {
            return Err(format!("{status}: {body}"));
        }
        Ok(took)
    }

    async fn run(self, pairs: usize) -> Measured {
        let mut measured = Measured::default();
        for _ in 0..pairs {
            match self.post(true).await {
                Ok(took) => measured.confirm.push(took),
                Err(e) => measured.errors.push(format!("confirm: {e}")),
            }
            match self.post(false).await {
                Ok(took) => measured.submit.push(took),
                Err(e) => measured.errors.push(format!("submit: {e}")),
            }
        }
        measured
    }
}

async fn sign_in(http: &Client, base: &str) -> Result<String, String> {
    let answer: Value = http
        .post(format!("{base}/as/token.oauth2"))
        .query(&[
            ("grant_type", "password"),
            ("client_id", "storefront"),
            ("client_secret", "storefront-secret"),
            ("scope", "MOBPROC"),
            ("username", "peter.edwards.acme"),
            ("password", "demo"),
        ])
        .send()
        .await
        .map_err(|e| e.to_string())?
        .json()
        .await
        .map_err(|e| e.to_string())?;
    answer["access_token"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no token: {answer}"))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let last = sorted.len().saturating_sub(1);
    let rank = ((p / 100.0) * last as f64).round() as usize;
    sorted.get(rank.min(last)).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn run(pairs: usize, clients: usize) -> Result<(), String> {
    let running = sandbox::spawn(Config::ephemeral())
        .await
        .map_err(|e| e.to_string())?;
    let body = std::fs::read_to_string(REQUEST).map_err(|e| format!("{REQUEST}: {e}"))?;

    let mut load = Vec::with_capacity(clients);
    for i in 0..clients {
        let http = Client::new();
        let token = sign_in(&http, running.base_url()).await?;
        // Spread the pairs evenly; the first clients take the remainder.
        let share = pairs / clients + usize::from(i < pairs % clients);
        let client = LoadClient {
            http,
            api: running.api_url(),
            token,
            body: body.clone(),
        };
        load.push((client, share));
    }

    let started = Instant::now();
    let tasks: Vec<_> = load
        .into_iter()
        .map(|(client, share)| tokio::spawn(client.run(share)))
        .collect();
    let mut all = Measured::default();
    for task in tasks {
        let measured = task.await.map_err(|e| e.to_string())?;
        all.confirm.extend(measured.confirm);
        all.submit.extend(measured.submit);
        all.errors.extend(measured.errors);
    }
    let elapsed = started.elapsed().as_secs_f64();
    running.shutdown().await.map_err(|e| e.to_string())?;

    all.confirm.sort();
    all.submit.sort();
    let requests = all.confirm.len() + all.submit.len() + all.errors.len();
    println!(
        "load: {pairs} confirm+submit pairs from {clients} clients in {elapsed:.2} s, {} errors",
        all.errors.len()
    );
    println!(
        "throughput: {:.1} pairs/s, {:.1} requests/s",
        all.submit.len() as f64 / elapsed,
        requests as f64 / elapsed
    );
    for (name, sorted) in [("confirm", &all.confirm), ("submit", &all.submit)] {
        println!(
            "{name:<7} latency: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            ms(percentile(sorted, 50.0)),
            ms(percentile(sorted, 99.0)),
            ms(sorted.last().copied().unwrap_or_default())
        );
    }
    match all.errors.first() {
        None => Ok(()),
        Some(first) => Err(format!("{} errors, the first: {first}", all.errors.len())),
    }
}

fn main() -> ExitCode {
    let (pairs, clients) = (
        setting("LOAD_PAIRS", DEFAULT_PAIRS),
        setting("LOAD_CLIENTS", DEFAULT_CLIENTS),
    );
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("load: no runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(async {
        tokio::time::timeout(TIME_LIMIT, run(pairs, clients))
            .await
            .unwrap_or_else(|_| Err(format!("not done within {TIME_LIMIT:?}")))
    });
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("load: {e}");
            ExitCode::FAILURE
        }
    }
}
