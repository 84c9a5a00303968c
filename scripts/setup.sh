#!/usr/bin/env bash
# Installs what the storefront's run and test commands need on a fresh machine, and
# skips whatever is already there, so a second run takes seconds.
#   scripts/setup.sh run    toolchain for building and serving
#   scripts/setup.sh test   the same plus Chromium and the Playwright packages
# Source it (`. scripts/setup.sh test`) to keep the PATH it sets up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-test}"
CARGO_LEPTOS_VERSION=0.3.11
# Debian's binaryen (108) breaks hydration; binaryen's own npm build works.
BINARYEN_VERSION=132.0.0

export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"

say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force
fi

# --ignore-rust-version: one of its locked dependencies declares a newer rust-version
# than it needs, and plain --locked fails on it.
if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (takes about 12 minutes once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --ignore-rust-version --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION) into .tools/"
  mkdir -p "$ROOT/.tools"
  npm install --prefix "$ROOT/.tools" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi

# brotli precompresses the built assets (scripts/precompress.sh).
missing=()
command -v brotli >/dev/null || missing+=(brotli)
if [ "$MODE" = "test" ]; then
  # Chromium for Playwright; nginx for the several-instances spec; faketime for the
  # clock-skew test. (PostgreSQL: scripts/postgres.sh.)
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium fonts-liberation)
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v faketime >/dev/null || missing+=(faketime)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ "$MODE" = "test" ]; then
  # npm ci only when the lockfile changed since the last install.
  E2E="$ROOT/end2end"
  if [ ! -f "$E2E/node_modules/.package-lock.json" ] || [ "$E2E/package-lock.json" -nt "$E2E/node_modules/.package-lock.json" ]; then
    say "installing the Playwright packages"
    (cd "$E2E" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
say "toolchain ready"
