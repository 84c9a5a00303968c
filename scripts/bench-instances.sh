#!/usr/bin/env bash
# A benchmark, not a test: it prints figures and asserts nothing. The accessories
# catalog page of one signed-in session, through nginx in front of one instance and
# then in front of two (round-robin), in one run on one PostgreSQL and the standalone
# sandbox: requests/s, p50 and p99 from wrk (50 connections, 20 s each, after a warm-up).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh" run
# shellcheck source=instances.sh
. "$ROOT/scripts/instances.sh"
cd "$ROOT"
export CARGO_INCREMENTAL=0

for tool in nginx:nginx-light wrk:wrk curl:curl; do
  if ! command -v "${tool%%:*}" >/dev/null; then
    instances_say "installing ${tool#*:}"
    if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tool#*:}"
  fi
done

CONNECTIONS=50
SECONDS_EACH=20
PAGE=/lines/38382349/accessories

instances_build
LISTEN="127.0.0.1:$(postgres_free_port)"
instances_start 2 "$LISTEN"
ORIGIN="http://$LISTEN"
COOKIE="$(curl -s -o /dev/null -D - -H "Origin: $ORIGIN" \
  --data 'username=peter.edwards.acme&password=demo&return_to=/' "$ORIGIN/auth/sign-in" \
  | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*storefront_session[^;]*\).*/\1/p' | head -n 1)"
[ -n "$COOKIE" ] || { echo "signing in failed" >&2; exit 1; }

# Prints one line of figures for nginx in front of the instances given.
measure() {
  local label="$1"
  shift
  instances_nginx "$LISTEN" "$@"
  wrk -t2 -c"$CONNECTIONS" -d3s -H "Cookie: $COOKIE" "$ORIGIN$PAGE" >/dev/null
  local out
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "Cookie: $COOKIE" "$ORIGIN$PAGE")"
  local rps p50 p99 non2xx
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  printf 'catalog page via nginx, %s: %s requests/s, p50 %s, p99 %s, non-2xx %s (%d connections, %d s)\n' \
    "$label" "$rps" "$p50" "$p99" "${non2xx:-0}" "$CONNECTIONS" "$SECONDS_EACH"
}

measure "1 instance" "${INSTANCES_UPSTREAMS[0]}"
measure "2 instances" "${INSTANCES_UPSTREAMS[@]}"
