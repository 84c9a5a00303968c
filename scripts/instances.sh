#!/usr/bin/env bash
# Several storefront instances behind nginx (round-robin) on one PostgreSQL and one
# MOBPROC, as the README's "Running several instances" describes.
#   scripts/instances.sh [N]    N instances (default 2); Ctrl-C stops everything
# Uses STOREFRONT_DATABASE_URL (PostgreSQL) and STOREFRONT_MOBPROC_URL /
# STOREFRONT_OAUTH_TOKEN_URL / STOREFRONT_CLIENT_* / STOREFRONT_TENANT when set;
# otherwise a throwaway PostgreSQL cluster and the standalone sandbox. nginx listens on
# STOREFRONT_ADDR (default 127.0.0.1:3000), the instances on the next ports.
# Source it (`. scripts/instances.sh`) for its functions, as the benchmark does.
set -euo pipefail
INSTANCES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=postgres.sh
. "$INSTANCES_ROOT/scripts/postgres.sh"

INSTANCES_DIR=""
INSTANCES_PIDS=()
NGINX_PID=""

instances_say() { printf '==> %s\n' "$*"; }

# Builds what runs: the release server (without the embedded sandbox) and the
# standalone sandbox.
instances_build() {
  (cd "$INSTANCES_ROOT" && cargo leptos build --release \
    && scripts/precompress.sh \
    && cargo build --release -p sandbox --bin mobproc-sandbox)
}

# Starts the shared MOBPROC (the standalone sandbox) unless one is configured.
instances_upstream() {
  if [ -n "${STOREFRONT_MOBPROC_URL:-}" ]; then return; fi
  local out="$INSTANCES_DIR/sandbox.out"
  "$INSTANCES_ROOT/target/release/mobproc-sandbox" --listen 127.0.0.1:0 --data-dir "$INSTANCES_DIR/sandbox" >"$out" 2>"$INSTANCES_DIR/sandbox.log" &
  INSTANCES_PIDS+=("$!")
  local base=""
  for _ in $(seq 100); do
    base="$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$out" | head -n 1)"
    [ -n "$base" ] && break
    sleep 0.1
  done
  [ -n "$base" ] || { echo "the sandbox did not start" >&2; return 1; }
  export STOREFRONT_MOBPROC_URL="$base/mobproc/v1"
  export STOREFRONT_OAUTH_TOKEN_URL="$base/as/token.oauth2"
  export STOREFRONT_TENANT="${STOREFRONT_TENANT:-ACME}"
  export STOREFRONT_CLIENT_ID="${STOREFRONT_CLIENT_ID:-storefront}"
  export STOREFRONT_CLIENT_SECRET="${STOREFRONT_CLIENT_SECRET:-storefront-secret}"
  instances_say "MOBPROC: the standalone sandbox at $base"
}

# Creates a database of its own in a throwaway cluster unless one is configured.
instances_database() {
  if [ -n "${STOREFRONT_DATABASE_URL:-}" ]; then return; fi
  postgres_start
  psql "$STOREFRONT_TEST_POSTGRES_URL" -qc "CREATE DATABASE storefront"
  export STOREFRONT_DATABASE_URL="${STOREFRONT_TEST_POSTGRES_URL%/postgres}/storefront"
}

# Starts instance number $1 on port $2.
instances_server() {
  local n="$1" port="$2"
  mkdir -p "$INSTANCES_DIR/server-$n"
  LEPTOS_OUTPUT_NAME=storefront \
    LEPTOS_SITE_ROOT="$INSTANCES_ROOT/target/site" \
    LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_HASH_FILES=true \
    LEPTOS_SITE_ADDR="127.0.0.1:$port" \
    LEPTOS_ENV=PROD \
    STOREFRONT_DATA_DIR="$INSTANCES_DIR/server-$n" \
    STOREFRONT_TRUSTED_PROXIES="${STOREFRONT_TRUSTED_PROXIES:-127.0.0.1}" \
    RUST_LOG="${RUST_LOG:-warn}" \
    "$INSTANCES_ROOT/target/release/server" >"$INSTANCES_DIR/server-$n.out" 2>"$INSTANCES_DIR/server-$n.log" &
  INSTANCES_PIDS+=("$!")
  for _ in $(seq 100); do
    grep -q '^listening on ' "$INSTANCES_DIR/server-$n.out" 2>/dev/null && return
    sleep 0.1
  done
  echo "instance $n did not start:" >&2
  cat "$INSTANCES_DIR/server-$n.log" >&2
  return 1
}

# (Re)starts nginx on $1 (HOST:PORT) in front of the instances listed after it.
instances_nginx() {
  local listen="$1"
  shift
  instances_nginx_stop
  local servers="" upstream
  for upstream in "$@"; do servers="${servers}server ${upstream};\n        "; done
  mkdir -p "$INSTANCES_DIR/nginx"
  sed -e "s#@DIR@#$INSTANCES_DIR/nginx#g" -e "s#@LISTEN@#$listen#g" -e "s#@SERVERS@#$servers#" \
    "$INSTANCES_ROOT/scripts/nginx/round-robin.conf" >"$INSTANCES_DIR/nginx/nginx.conf"
  nginx -p "$INSTANCES_DIR/nginx" -c "$INSTANCES_DIR/nginx/nginx.conf" &
  NGINX_PID="$!"
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/${listen%:*}/${listen##*:}") 2>/dev/null && return
    sleep 0.1
  done
  echo "nginx did not start:" >&2
  cat "$INSTANCES_DIR/nginx/error.log" >&2
  return 1
}

instances_nginx_stop() {
  if [ -n "$NGINX_PID" ]; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
  fi
}

instances_stop() {
  instances_nginx_stop
  local pid
  for pid in "${INSTANCES_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${INSTANCES_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  INSTANCES_PIDS=()
  postgres_stop
  if [ -n "$INSTANCES_DIR" ]; then rm -rf "$INSTANCES_DIR"; fi
}

# Everything for N instances ($1) with nginx on $2; the instances' HOST:PORTs in
# INSTANCES_UPSTREAMS.
instances_start() {
  local count="$1" listen="$2"
  INSTANCES_DIR="$(mktemp -d -t storefront-instances.XXXXXX)"
  # nginx's workers (www-data when started as root) reach their temporary files here.
  chmod 755 "$INSTANCES_DIR"
  trap instances_stop EXIT
  instances_database
  # postgres_start set a trap of its own; stopping everything stops it too.
  trap instances_stop EXIT
  instances_upstream
  local port="${listen##*:}" n
  INSTANCES_UPSTREAMS=()
  for n in $(seq "$count"); do
    instances_server "$n" $((port + n))
    INSTANCES_UPSTREAMS+=("127.0.0.1:$((port + n))")
  done
  instances_nginx "$listen" "${INSTANCES_UPSTREAMS[@]}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  . "$INSTANCES_ROOT/scripts/setup.sh" run
  command -v nginx >/dev/null || { echo "nginx is needed: apt-get install nginx-light" >&2; exit 1; }
  instances_build
  LISTEN="${STOREFRONT_ADDR:-127.0.0.1:3000}"
  instances_start "${1:-2}" "$LISTEN"
  instances_say "${1:-2} instances behind nginx: open http://$LISTEN (Ctrl-C stops)"
  wait "$NGINX_PID"
fi
