#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for one test run. Source it, then call
#   postgres_start   installs Debian's PostgreSQL if missing, starts a cluster of its own
#                    in a temporary directory on a free loopback port, exports
#                    STOREFRONT_TEST_POSTGRES_URL, and stops and deletes it when the
#                    calling shell exits (also on failure or Ctrl-C)
# initdb refuses to run as root, so as root the cluster belongs to the `postgres`
# system user (made by Debian's package).

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

postgres_free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

postgres_stop() {
  if [ -n "${POSTGRES_TEST_DIR:-}" ] && [ -d "$POSTGRES_TEST_DIR" ]; then
    postgres_as "$(postgres_bin)/pg_ctl" -D "$POSTGRES_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$POSTGRES_TEST_DIR"
  fi
  POSTGRES_TEST_DIR=
}

postgres_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_start() {
  if [ -z "$(postgres_bin)" ] || [ ! -x "$(postgres_bin)/initdb" ]; then
    printf '==> %s\n' "installing Debian's PostgreSQL"
    if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql
  fi
  local bin port
  bin="$(postgres_bin)"
  port="$(postgres_free_port)"
  POSTGRES_TEST_DIR="$(mktemp -d -t storefront-pg.XXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$POSTGRES_TEST_DIR"; fi
  trap postgres_stop EXIT
  postgres_as "$bin/initdb" -D "$POSTGRES_TEST_DIR/data" -A trust -U postgres >/dev/null
  # Room for two servers per test, each with its pool, and the tests' own connections.
  postgres_as "$bin/pg_ctl" -D "$POSTGRES_TEST_DIR/data" -w -l "$POSTGRES_TEST_DIR/log" \
    -o "-p $port -k $POSTGRES_TEST_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" \
    start >/dev/null
  export STOREFRONT_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  printf '==> %s\n' "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($POSTGRES_TEST_DIR)"
}
