#!/usr/bin/env bash
# Runs every check and test: formatting, clippy for the server (ssr) and the WASM
# (hydrate), unit and integration tests, then Playwright against a release build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh" test
cd "$ROOT"
# A test run builds from what is there; incremental state would only fill the disk.
export CARGO_INCREMENTAL=0

say() { printf '\n==> %s\n' "$*"; }

say "cargo fmt --check"
cargo fmt --all --check

say "clippy, server side (ssr)"
cargo clippy --workspace --exclude frontend --all-targets -- -D warnings

say "clippy, browser side (hydrate, wasm32)"
cargo clippy -p frontend -p app --features app/hydrate --target wasm32-unknown-unknown --all-targets -- -D warnings

say "unit and integration tests"
cargo test --workspace --exclude frontend

say "release build (server + WASM)"
cargo leptos build --release

say "Playwright (JavaScript off and on)"
(cd end2end && npx playwright test)
