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
}

impl ServerProcess {
    /// Starts the server on a free port with `sandbox` as its MOBPROC and the database
    /// of `data` (the one a harness on `data` uses), run through `wrapper` (e.g.
    /// `["faketime", "-f", "+10m"]`) when given, with `env` added. Its log goes to
    /// `server-<port>.log` in `data`.
    pub async fn start(
        sandbox: &RunningSandbox,
        data: &Path,
        wrapper: &[&str],
        env: &[(&str, &str)],
    ) -> Self {
        let binary = env!("CARGO_BIN_EXE_server");
        let mut command = match wrapper.split_first() {
            Some((program, args)) => {
                let mut command = Command::new(program);
                command.args(args).arg(binary);
                command
            }
            None => Command::new(binary),
        };
        let log = tempfile::NamedTempFile::new_in(data).expect("log file");
        let (log, log_path) = log.keep().expect("log kept");
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
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
            .env("STOREFRONT_DATABASE_URL", database_url(data).await)
            .env("RUST_LOG", "info")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log))
            .kill_on_drop(true);
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
        Self { base, child }
    }

    /// SIGKILL: the process ends at once, whatever it was doing.
    pub async fn kill(&mut self) {
        self.child.kill().await.expect("killed");
    }
}
