//! The real `server` binary as a child process pointed at the test's sandbox and
//! database: to kill it (SIGKILL) or run it under another clock (`faketime`).

use std::{path::Path, process::Stdio};

use sandbox::RunningSandbox;
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

use super::database_url;

pub struct ServerProcess {
    pub base: String,
    child: Child,
    log: std::path::PathBuf,
}

/// The server binary in `data`, through `wrapper` if any, with only Leptos' variables
/// and `PATH` set: the test says every `STOREFRONT_*` itself.
fn command(data: &Path, wrapper: &[&str]) -> Command {
    let binary = env!("CARGO_BIN_EXE_server");
    let mut command = match wrapper.split_first() {
        Some((program, args)) => {
            let mut command = Command::new(program);
            command.args(args).arg(binary);
            command
        }
        None => Command::new(binary),
    };
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LEPTOS_OUTPUT_NAME", "storefront")
        .env("LEPTOS_SITE_ROOT", data)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_ENV", "PROD")
        .env("RUST_LOG", "info")
        .kill_on_drop(true);
    command
}

/// Runs the server in `data` with exactly the `STOREFRONT_*` settings of `env`,
/// expecting it to refuse to start: its exit code and what it said on stderr.
pub async fn refusal(data: &Path, env: &[(&str, &str)]) -> (Option<i32>, String) {
    let mut command = command(data, &[]);
    command
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let run = tokio::time::timeout(std::time::Duration::from_secs(30), command.output());
    let output = run
        .await
        .expect("the server stops by itself")
        .expect("runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

impl ServerProcess {
    /// Starts the server on a free port with `sandbox` as its MOBPROC and the database
    /// of `data` (the one a harness on `data` uses), run through `wrapper` (e.g.
    /// `["faketime", "-f", "+10m"]`) when given, with `env` added. Its log goes to a
    /// file in `data`.
    pub async fn start(
        sandbox: &RunningSandbox,
        data: &Path,
        wrapper: &[&str],
        env: &[(&str, &str)],
    ) -> Self {
        let mut command = command(data, wrapper);
        command
            .env("STOREFRONT_MOBPROC_URL", sandbox.api_url())
            .env("STOREFRONT_OAUTH_TOKEN_URL", sandbox.token_url())
            .env("STOREFRONT_TENANT", "ACME")
            .env("STOREFRONT_CLIENT_ID", "storefront")
            .env("STOREFRONT_CLIENT_SECRET", "storefront-secret")
            .env("STOREFRONT_DATA_DIR", data)
            .env("STOREFRONT_DATABASE_URL", database_url(data).await)
            .envs(env.iter().copied());
        Self::spawn(command, data).await
    }

    /// Starts the server in `data` with exactly the `STOREFRONT_*` settings of `env`.
    pub async fn start_with(data: &Path, env: &[(&str, &str)]) -> Self {
        let mut command = command(data, &[]);
        command.envs(env.iter().copied());
        Self::spawn(command, data).await
    }

    async fn spawn(mut command: Command, data: &Path) -> Self {
        let log = tempfile::NamedTempFile::new_in(data).expect("log file");
        let (log, log_path) = log.keep().expect("log kept");
        command.stdout(Stdio::piped()).stderr(Stdio::from(log));
        let mut child = command.spawn().expect("server starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let first = lines
            .next_line()
            .await
            .expect("server output")
            .unwrap_or_else(|| {
                let log = std::fs::read_to_string(&log_path).unwrap_or_default();
                panic!("the server exited:\n{log}")
            });
        let base = first
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
            .to_owned();
        // Keep reading so the server never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Self {
            base,
            child,
            log: log_path,
        }
    }

    /// What the server logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGKILL: the process ends at once, whatever it was doing.
    pub async fn kill(&mut self) {
        self.child.kill().await.expect("killed");
    }
}
