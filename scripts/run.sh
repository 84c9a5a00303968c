#!/usr/bin/env bash
# Builds the storefront in release mode and serves the demo: the embedded MOBPROC
# sandbox with its public demo sign-ins (STOREFRONT_EMBEDDED_SANDBOX=true).
# Set STOREFRONT_ADDR (default 127.0.0.1:3000) to listen elsewhere.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh" run
cd "$ROOT"

cargo leptos build --release --bin-features embedded-sandbox
scripts/precompress.sh

export LEPTOS_OUTPUT_NAME=storefront
export LEPTOS_SITE_ROOT="$ROOT/target/site"
export LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_HASH_FILES=true
export LEPTOS_SITE_ADDR="${STOREFRONT_ADDR:-127.0.0.1:3000}"
# cargo-leptos 0.3.11 ignores the manifest's env key, so production mode is set here.
export LEPTOS_ENV=PROD
export STOREFRONT_EMBEDDED_SANDBOX=true
exec "$ROOT/target/release/server"
