#!/usr/bin/env bash
# Runs every check and test: formatting, clippy for the server (ssr) and the WASM
# (hydrate), unit and integration tests (the server's on SQLite and on PostgreSQL), then
# Playwright against a release build. A throwaway PostgreSQL cluster lives for the run
# and is stopped at the end, also on failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh" test
# shellcheck source=postgres.sh
. "$ROOT/scripts/postgres.sh"
cd "$ROOT"
STARTED=$SECONDS
# A test run builds from what is there; incremental state would only fill the disk.
export CARGO_INCREMENTAL=0

say() { printf '\n==> %s\n' "$*"; }

# Starts scripts/run.sh on a free port, waits for its sign-in page and stops it.
run_sh_starts_the_demo() {
  local port out pid
  port="$(postgres_free_port)"
  out="$(mktemp)"
  STOREFRONT_ADDR="127.0.0.1:$port" scripts/run.sh >"$out" 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    if grep -q "embedded MOBPROC sandbox at" "$out" \
      && curl -fsS -o /dev/null "http://127.0.0.1:$port/sign-in"; then
      kill "$pid"
      wait "$pid" || true
      rm -f "$out"
      return
    fi
    sleep 0.5
  done
  kill "$pid" 2>/dev/null || true
  cat "$out" >&2
  rm -f "$out"
  echo "scripts/run.sh did not serve the demo" >&2
  return 1
}

say "cargo fmt --check"
cargo fmt --all --check

say "clippy, server side (ssr)"
cargo clippy --workspace --exclude frontend --all-targets -- -D warnings

say "clippy, server without the embedded sandbox (the production build)"
cargo clippy -p server --no-default-features -- -D warnings

say "clippy, browser side (hydrate, wasm32)"
cargo clippy -p frontend -p app --features app/hydrate --target wasm32-unknown-unknown --all-targets -- -D warnings

say "unit and integration tests (the server's on SQLite)"
env -u STOREFRONT_TEST_POSTGRES_URL cargo test --workspace --exclude frontend

say "a throwaway PostgreSQL"
postgres_start

say "the server's tests on PostgreSQL (with those that need it)"
# The same package selection as above, so cargo reuses every artifact instead of
# resolving features anew and building the server a second time.
cargo test --workspace --exclude frontend --test integration --test audit_log --test care \
  --test code_sign_in -- --include-ignored

say "release build (server with the embedded sandbox + WASM, and the standalone sandbox)"
cargo leptos build --release --bin-features embedded-sandbox
scripts/precompress.sh
cargo build --release -p sandbox --bin mobproc-sandbox

say "scripts/run.sh serves the demo"
run_sh_starts_the_demo

say "Playwright (JavaScript off and on)"
(cd end2end && npx playwright test)

say "all passed in $((SECONDS - STARTED)) s"
