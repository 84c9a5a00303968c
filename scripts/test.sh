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

say "cargo fmt --check"
cargo fmt --all --check

say "clippy, server side (ssr)"
cargo clippy --workspace --exclude frontend --all-targets -- -D warnings

say "clippy, browser side (hydrate, wasm32)"
cargo clippy -p frontend -p app --features app/hydrate --target wasm32-unknown-unknown --all-targets -- -D warnings

say "unit and integration tests (the server's on SQLite)"
env -u STOREFRONT_TEST_POSTGRES_URL cargo test --workspace --exclude frontend

say "a throwaway PostgreSQL"
postgres_start

say "the server's tests on PostgreSQL (with those that need it)"
cargo test -p server --tests -- --include-ignored

say "release build (server + WASM, and the standalone sandbox)"
cargo leptos build --release
cargo build --release -p sandbox --bin mobproc-sandbox

say "Playwright (JavaScript off and on)"
(cd end2end && npx playwright test)

say "all passed in $((SECONDS - STARTED)) s"
