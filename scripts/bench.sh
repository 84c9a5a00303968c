#!/usr/bin/env bash
# A benchmark, not a test: it prints figures and asserts nothing. In one run, on
# loopback: the release storefront with its embedded MOBPROC sandbox (as the Playwright
# tests start it), Peter Edwards signed in, and nginx from Debian as the static ceiling.
#   - requests/s, p50 and p99 (wrk, 2 threads, 50 connections, 10 s after a 2 s warm-up)
#     of the accessories page through the BFF, of the sandbox's JSON for the same
#     listing, of nginx serving that page's HTML as a file (gzip on the fly, one
#     worker), of /cart, of the stylesheet and the favicon with the session cookie
#     against nginx serving the same files (alternating, BENCH_ROUNDS rounds, default
#     3, and the median ratio), and of /sign-in without a cookie;
#   - MOBPROC calls per page view (from the sandbox's journal), first and second view,
#     of every page Peter reaches, the chargers' confirmation and the order placed;
#   - the first load's WASM, JS and CSS bytes, gzip -9 and brotli -q 11;
#   - Lighthouse 12.8.2 scores and LCP of every page, mobile and desktop (installed
#     into .tools/lighthouse on the first run; skipped with a note if that fails);
#   - the catalog page's cost at 100, 1,000 and 10,000 accessories for the line: a
#     storefront against the standalone sandbox seeded with that many, first view (its
#     time and MOBPROC calls), second view, and wrk;
#   - the server's RSS: the embedded demo's after the load runs, and a storefront's on
#     its own (against the standalone sandbox, as in production) after a load run and
#     10,000 sign-ins.
# STOREFRONT_BIN and STOREFRONT_SITE measure a server and site built elsewhere (an
# older commit's, say) instead of building this tree.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
. "$ROOT/scripts/setup.sh" run
cd "$ROOT"
export CARGO_INCREMENTAL=0

say() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

for tool in nginx:nginx-light wrk:wrk curl:curl brotli:brotli; do
  if ! command -v "${tool%%:*}" >/dev/null; then
    say "installing ${tool#*:}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tool#*:}"
  fi
done

if [ -z "${STOREFRONT_BIN:-}" ]; then
  say "release build"
  cargo leptos build --release --bin-features embedded-sandbox
  scripts/precompress.sh
fi
cargo build --release -p sandbox --bin mobproc-sandbox
BIN="${STOREFRONT_BIN:-$ROOT/target/release/server}"
SITE="${STOREFRONT_SITE:-$ROOT/target/site}"
SANDBOX_BIN="$ROOT/target/release/mobproc-sandbox"

PAGE=/lines/38382349/accessories
LINE=38382349
# A line of the admin's own, whom `/me` lets move lines.
ADMINS_LINE=38382700
CONNECTIONS=50
SECONDS_EACH=10
SIGN_INS=10000

WORK="$(mktemp -d -t storefront-bench.XXXXXX)"
# nginx's workers (www-data when started as root) read the served files here.
chmod 755 "$WORK"
SERVER_PID=""
NGINX_PID=""
# The standalone sandbox and the storefront against it, while one runs.
ALONE_PIDS=()
stop_alone() {
  local pid
  for pid in "${ALONE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${ALONE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  ALONE_PIDS=()
}
cleanup() {
  stop_alone
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

say "starting the storefront ($BIN)"
mkdir -p "$WORK/data"
# Builds from before hashed names have no hash file beside the binary.
HASH_FILES=false
[ -f "$(dirname "$BIN")/hash.txt" ] && HASH_FILES=true
LEPTOS_OUTPUT_NAME=storefront LEPTOS_SITE_ROOT="$SITE" LEPTOS_SITE_PKG_DIR=pkg \
  LEPTOS_HASH_FILES=$HASH_FILES LEPTOS_SITE_ADDR=127.0.0.1:0 LEPTOS_ENV=PROD \
  STOREFRONT_EMBEDDED_SANDBOX=true STOREFRONT_DATA_DIR="$WORK/data" RUST_LOG=info \
  "$BIN" >"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
ORIGIN=""
SANDBOX=""
for _ in $(seq 200); do
  ORIGIN="$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$WORK/server.out" | head -n 1)"
  SANDBOX="$(sed -n 's/.*embedded MOBPROC sandbox at \(http:[^ ]*\)$/\1/p' "$WORK/server.out" | head -n 1)"
  [ -n "$ORIGIN" ] && [ -n "$SANDBOX" ] && break
  sleep 0.1
done
[ -n "$ORIGIN" ] && [ -n "$SANDBOX" ] || { cat "$WORK/server.log" >&2; echo "the storefront did not start" >&2; exit 1; }
echo "storefront $ORIGIN, sandbox $SANDBOX"

rss_mib() { awk '/^VmRSS:/ {printf "%.1f MiB", $2 / 1024}' "/proc/${1:-$SERVER_PID}/status"; }
RSS_START="$(rss_mib)"

# The session cookie of $2 (default: Peter) at the storefront at $1 (default: the
# embedded demo's).
sign_in() {
  local origin="${1:-$ORIGIN}" username="${2:-peter.edwards.acme}"
  curl -s -o /dev/null -D - -H "Origin: $origin" \
    --data "username=$username&password=demo&return_to=/" "$origin/auth/sign-in" |
    sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*storefront_session[^;]*\).*/\1/p' | head -n 1
}
COOKIE="$(sign_in)"

# Starts the standalone sandbox (with the arguments given) and a storefront against it,
# as production runs (no embedded sandbox); sets ALONE_ORIGIN, ALONE_SANDBOX, ALONE_PID.
start_alone() {
  stop_alone
  local dir="$WORK/alone"
  rm -rf "$dir"
  mkdir -p "$dir/data"
  "$SANDBOX_BIN" --listen 127.0.0.1:0 --data-dir "$dir/sandbox" "$@" >"$dir/sandbox.out" 2>"$dir/sandbox.log" &
  ALONE_PIDS+=("$!")
  ALONE_SANDBOX=""
  for _ in $(seq 600); do
    ALONE_SANDBOX="$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$dir/sandbox.out" | head -n 1)"
    [ -n "$ALONE_SANDBOX" ] && break
    sleep 0.1
  done
  [ -n "$ALONE_SANDBOX" ] || { cat "$dir/sandbox.log" >&2; echo "the sandbox did not start" >&2; exit 1; }
  LEPTOS_OUTPUT_NAME=storefront LEPTOS_SITE_ROOT="$SITE" LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_HASH_FILES=$HASH_FILES LEPTOS_SITE_ADDR=127.0.0.1:0 LEPTOS_ENV=PROD \
    STOREFRONT_MOBPROC_URL="$ALONE_SANDBOX/mobproc/v1" \
    STOREFRONT_OAUTH_TOKEN_URL="$ALONE_SANDBOX/as/token.oauth2" STOREFRONT_TENANT=ACME \
    STOREFRONT_CLIENT_ID=storefront STOREFRONT_CLIENT_SECRET=storefront-secret \
    STOREFRONT_DATA_DIR="$dir/data" RUST_LOG=info \
    "$BIN" >"$dir/server.out" 2>"$dir/server.log" &
  ALONE_PID=$!
  ALONE_PIDS+=("$ALONE_PID")
  ALONE_ORIGIN=""
  for _ in $(seq 200); do
    ALONE_ORIGIN="$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$dir/server.out" | head -n 1)"
    [ -n "$ALONE_ORIGIN" ] && break
    sleep 0.1
  done
  [ -n "$ALONE_ORIGIN" ] || { cat "$dir/server.log" >&2; echo "the storefront did not start" >&2; exit 1; }
}
[ -n "$COOKIE" ] || { echo "signing in failed" >&2; exit 1; }

# The sandbox's own answer to the listing the page shows, with Peter's token.
TOKEN="$(curl -s -u storefront:storefront-secret \
  --data 'grant_type=password&username=peter.edwards.acme&password=demo&scope=MOBPROC' \
  "$SANDBOX/as/token.oauth2" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')"
[ -n "$TOKEN" ] || { echo "no token from the sandbox" >&2; exit 1; }
SANDBOX_LISTING="$SANDBOX/mobproc/v1/catalog/accessories?service=$LINE&limit=10"

# nginx serving the page's HTML and the same static files, one worker.
mkdir -p "$WORK/www/pkg" "$WORK/nginx"
curl -s -H "Cookie: $COOKIE" "$ORIGIN$PAGE" >"$WORK/www/catalog.html"
CSS="$(grep -o 'href="/pkg/[^"]*\.css"' "$WORK/www/catalog.html" | head -n 1 | sed 's/href="\(.*\)"/\1/')"
cp "$SITE$CSS" "$WORK/www$CSS"
cp "$SITE/favicon.svg" "$WORK/www/favicon.svg"
for file in "$WORK/www$CSS" "$WORK/www/favicon.svg"; do gzip -9 --no-name --stdout "$file" >"$file.gz"; done
chmod -R a+rX "$WORK/www"
NGINX_PORT="$(free_port)"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log $WORK/nginx/access.log;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  gzip on;
  gzip_static on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
NGINX="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 100); do curl -fs -o /dev/null "$NGINX/catalog.html" && break; sleep 0.1; done

# One line of figures for wrk against the URL last among its arguments.
measure() {
  local label="$1"
  shift
  wrk -t2 -c"$CONNECTIONS" -d2s "$@" >/dev/null
  local out rps p50 p99 bad
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  bad="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  LAST_RPS="$rps"
  printf '%-62s %10s req/s   p50 %9s   p99 %9s%s\n' "$label" "$rps" "$p50" "$p99" \
    "$([ -n "$bad" ] && echo "   ($bad non-2xx/3xx)")"
}
GZIP=(-H "Accept-Encoding: gzip")
SESSION=(-H "Cookie: $COOKIE")

# A static file with the session cookie against nginx serving the same file, in
# alternating rounds: one run of each swings by a sixth on this shared machine, so the
# ratio printed is the median of the rounds'.
ROUNDS="${BENCH_ROUNDS:-3}"
against_nginx() {
  local name="$1" path="$2" ratios=() ours round
  for round in $(seq "$ROUNDS"); do
    measure "$name with the session cookie (gzip), round $round" "${SESSION[@]}" "${GZIP[@]}" "$ORIGIN$path"
    ours="$LAST_RPS"
    measure "nginx: the same $name (gzip_static), round $round" "${GZIP[@]}" "$NGINX$path"
    ratios+=("$(awk -v a="$ours" -v b="$LAST_RPS" 'BEGIN { printf "%.2f", a / b }')")
  done
  printf '%-62s %10s×   (rounds: %s)\n' "$name: storefront / nginx, median" \
    "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" \
    "${ratios[*]}"
}

say "load: wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s --latency"
measure "catalog page $PAGE through the BFF" "${SESSION[@]}" "${GZIP[@]}" "$ORIGIN$PAGE"
measure "the sandbox's JSON for that listing" -H "Authorization: Bearer $TOKEN" \
  -H "X-TNGO-TENANT: ACME" -H "client_id: storefront" "${GZIP[@]}" "$SANDBOX_LISTING"
measure "nginx: the same HTML as a file (gzip on the fly)" "${GZIP[@]}" "$NGINX/catalog.html"
measure "/cart through the BFF" "${SESSION[@]}" "${GZIP[@]}" "$ORIGIN/cart"
against_nginx "stylesheet" "$CSS"
against_nginx "favicon" "/favicon.svg"
measure "/sign-in without a cookie" "${GZIP[@]}" "$ORIGIN/sign-in"

say "MOBPROC calls per page view (Peter; first view, then second view)"
# MOBPROC calls the sandbox at $1 (default: the embedded one) saw since it last forgot.
sandbox_calls() {
  curl -s "${1:-$SANDBOX}/_sandbox/calls?path=/mobproc/v1/*" | grep -o '"seq"' | wc -l
}
view_calls() {
  curl -s -X DELETE -o /dev/null "$SANDBOX/_sandbox/calls"
  local status
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$ORIGIN$1")"
  echo "$(sandbox_calls) ($status)"
}
add_chargers() {
  for charger in 3628935898 3628939021; do
    curl -s -o /dev/null -H "Cookie: $COOKIE" -H "Origin: $ORIGIN" \
      --data "service_id=$LINE&order=accessories&item_kind=accessory&item_id=$charger" "$ORIGIN/api/cart/add"
  done
}
add_chargers
PAGES=(
  "/"
  "$PAGE"
  "/lines/$LINE/upgrade"
  "/lines/$LINE/upgrade?view=plans"
  "/lines/$LINE/upgrade/plans/6568886698"
  "/new-line"
  "/new-line/place?kind=new_activation"
  "/new-line/catalog?kind=new_activation&region=70144640&postal_code=06477"
  "/cart"
  "/checkout"
  "/orders"
  "/lines/$LINE/port"
  "/lines/$LINE/suspend"
  "/lines/$LINE/features"
  "/lines/$LINE/swap"
  "/lines/$LINE/cancel"
  "/lines/$LINE/move"
)
printf '%-72s %-14s %s\n' "page" "first view" "second view"
for path in "${PAGES[@]}"; do
  # A later view is warm for everything but what the cache period ends.
  sleep 0.2
  first="$(view_calls "$path")"
  second="$(view_calls "$path")"
  printf '%-72s %-14s %s\n' "$path" "$first" "$second"
done
# The confirmation of the chargers in the cart (the checkout form as a browser without
# JavaScript posts it), then the order placed from it.
confirm_chargers() {
  curl -s -o /dev/null -D - -H "Cookie: $COOKIE" -H "Origin: $ORIGIN" \
    --data-urlencode "form[properties][CONTACT_NUMBER]=2035559999" \
    --data-urlencode "form[properties][SERVICE_NUMBER]=2035557676" \
    --data-urlencode "form[name]=Peter Edwards" --data-urlencode "form[region_id]=70144640" \
    --data-urlencode "form[address][LINE_1]=35 Executive Blvd" \
    --data-urlencode "form[address][CITY]=Orange" --data-urlencode "form[address][STATE]=CT" \
    --data-urlencode "form[address][POSTAL_CODE]=06477" "$ORIGIN/api/checkout/save" |
    sed -n 's/^[Ll]ocation: \([^[:space:]]*\).*/\1/p'
}
place_order() {
  curl -s -o /dev/null -D - -H "Cookie: $COOKIE" -H "Origin: $ORIGIN" \
    --data "checkout=${1#*checkout=}" "$ORIGIN/api/orders/submit" |
    sed -n 's/^[Ll]ocation: \([^[:space:]]*\).*/\1/p'
}
CONFIRMATION="$(confirm_chargers)"
printf '%-72s %-14s %s\n' "${CONFIRMATION:-(no confirmation)}" "$(view_calls "$CONFIRMATION")" "$(view_calls "$CONFIRMATION")"
ORDER_PAGE="$(place_order "$CONFIRMATION")"
printf '%-72s %-14s %s\n' "${ORDER_PAGE:-(no order)}" "$(view_calls "$ORDER_PAGE")" "$(view_calls "$ORDER_PAGE")"
# The cart again, for the pages measured next.
add_chargers
APPROVER_COOKIE="$(sign_in "$ORIGIN" diane.foster.acme)"
ADMIN_COOKIE="$(sign_in "$ORIGIN" admin.acme)"

say "the catalog page at 100, 1,000 and 10,000 synthetic accessories (standalone sandbox)"
printf '%-8s %-26s %-8s %-12s %s\n' "added" "first view" "second" "" "wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s"
for n in 100 1000 10000; do
  start_alone --synthetic-accessories "$n"
  alone_cookie="$(sign_in "$ALONE_ORIGIN")"
  curl -s -X DELETE -o /dev/null "$ALONE_SANDBOX/_sandbox/calls"
  first_ms="$(curl -s -o "$WORK/alone/first.html" -w '%{time_total}' -H "Cookie: $alone_cookie" "$ALONE_ORIGIN$PAGE" |
    awk '{printf "%.0f ms", $1 * 1000}')"
  first_calls="$(sandbox_calls "$ALONE_SANDBOX")"
  shown="$(grep -o 'Showing [0-9]* of [0-9]* accessories' "$WORK/alone/first.html" | head -n 1)"
  curl -s -X DELETE -o /dev/null "$ALONE_SANDBOX/_sandbox/calls"
  curl -s -o /dev/null -H "Cookie: $alone_cookie" "$ALONE_ORIGIN$PAGE"
  second_calls="$(sandbox_calls "$ALONE_SANDBOX")"
  figures="$(measure "" -H "Cookie: $alone_cookie" "${GZIP[@]}" "$ALONE_ORIGIN$PAGE" | sed 's/^ *//')"
  printf '%-8s %-26s %-8s %s\n' "$n" "$first_ms, $first_calls calls" "$second_calls calls" "$figures"
  echo "         ($shown)"
done
stop_alone

say "first-load bytes (what the page links: WASM, JS, CSS)"
HTML="$WORK/www/catalog.html"
printf '%-52s %10s %10s %10s\n' "file" "raw" "gzip -9" "brotli -q11"
total_gz=0
total_br=0
# The stylesheet is linked; the JS and the WASM are named in the islands loader's
# arguments ("pkg", "<js name>", "<wasm name>"), which fetches them once idle.
loaded="$(grep -o '"pkg", "[^"]*", "[^"]*"' "$HTML" | head -n 1 | tr -d '"' | tr ',' ' ')"
read -r _ js_name wasm_name <<<"$loaded"
for file in "/pkg/$wasm_name.wasm" "/pkg/$js_name.js" "$CSS"; do
  [ -f "$SITE$file" ] || { echo "$file: not in $SITE" >&2; continue; }
  raw="$(wc -c <"$SITE$file")"
  gz="$(gzip -9 --stdout "$SITE$file" | wc -c)"
  br="$(brotli --quality=11 --stdout "$SITE$file" | wc -c)"
  total_gz=$((total_gz + gz))
  total_br=$((total_br + br))
  printf '%-52s %10d %10d %10d\n' "$file" "$raw" "$gz" "$br"
done
printf '%-52s %10s %10d %10d\n' "total" "" "$total_gz" "$total_br"

say "Lighthouse 12.8.2 (mobile and desktop)"
LIGHTHOUSE="$ROOT/.tools/lighthouse/node_modules/.bin/lighthouse"
if [ ! -x "$LIGHTHOUSE" ]; then
  # Lighthouse 13 needs node 22; 12.8.2 resolves on node 20 with this override.
  mkdir -p "$ROOT/.tools/lighthouse"
  printf '%s' '{"private":true,"overrides":{"@paulirish/trace_engine":{"third-party-web":"^0.27.0"}}}' \
    >"$ROOT/.tools/lighthouse/package.json"
  (cd "$ROOT/.tools/lighthouse" && npm install --no-audit --no-fund --loglevel=error lighthouse@12.8.2) ||
    echo "installing Lighthouse failed"
fi

if [ -x "$LIGHTHOUSE" ] && [ -x "${CHROME_PATH:-/usr/bin/chromium}" ]; then
  FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
  printf '%-72s %-8s %5s %5s %5s %5s %8s\n' "page" "form" "perf" "a11y" "bp" "seo" "LCP"
  # Every page of the storefront a person reaches, as Peter (the approvals as Diane,
  # ordering for someone else and moving a line as the admin).
  for path in "/sign-in" "/" "$PAGE" "/lines/$LINE/upgrade" "/lines/$LINE/upgrade?view=plans" \
    "/lines/$LINE/upgrade/plans/6568886698" "/cart" "/checkout" "$CONFIRMATION" "$ORDER_PAGE" \
    "/orders" "/approvals" "/new-line" "/new-line/place?kind=new_activation" \
    "/new-line/catalog?kind=new_activation&region=70144640&postal_code=06477" \
    "/lines/$LINE/port" "/lines/$LINE/suspend" "/lines/$LINE/features" "/lines/$LINE/swap" \
    "/lines/$LINE/cancel" "/lines/$ADMINS_LINE/move" "/act-for"; do
    [ -n "$path" ] || continue
    for form in mobile desktop; do
      preset=()
      [ "$form" = desktop ] && preset=(--preset=desktop)
      headers="{\"Cookie\":\"$COOKIE\"}"
      [ "$path" = "/approvals" ] && headers="{\"Cookie\":\"$APPROVER_COOKIE\"}"
      case "$path" in /act-for | "/lines/$ADMINS_LINE/move") headers="{\"Cookie\":\"$ADMIN_COOKIE\"}" ;; esac
      [ "$path" = "/sign-in" ] && headers="{}"
      if CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" "$LIGHTHOUSE" "$ORIGIN$path" "${preset[@]}" \
        --quiet --output=json --output-path="$WORK/lh.json" --chrome-flags="$FLAGS" \
        --extra-headers="$headers" >/dev/null 2>&1; then
        node -e '
          const r = require(process.argv[1]);
          const s = (c) => Math.round(r.categories[c].score * 100);
          const lcp = r.audits["largest-contentful-paint"].numericValue;
          console.log([s("performance"), s("accessibility"), s("best-practices"), s("seo")]
            .map((v) => String(v).padStart(5)).join(" ") + (lcp / 1000).toFixed(2).padStart(7) + " s");
        ' "$WORK/lh.json" | sed "s#^#$(printf '%-72s %-8s ' "${path//&/\\&}" "$form")#"
      else
        printf '%-72s %-8s lighthouse failed\n' "$path" "$form"
      fi
    done
  done
else
  echo "skipped: no Lighthouse in .tools/lighthouse or no Chromium at ${CHROME_PATH:-/usr/bin/chromium}"
fi

say "server RSS"
echo "the embedded demo (sandbox in the same process): $RSS_START at start, $(rss_mib) after the load runs"
start_alone
ORIGIN="$ALONE_ORIGIN"
ALONE_COOKIE="$(sign_in)"
ALONE_RSS_START="$(rss_mib "$ALONE_PID")"
measure "a storefront on its own: catalog page" -H "Cookie: $ALONE_COOKIE" "${GZIP[@]}" "$ORIGIN$PAGE" >/dev/null
ALONE_RSS_LOADED="$(rss_mib "$ALONE_PID")"
cat >"$WORK/sign-in.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "username=peter.edwards.acme&password=demo&return_to=/"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN")
local limit = tonumber(os.getenv("BENCH_PER_THREAD"))
local done = 0
function response(status, headers, body)
  done = done + 1
  if done >= limit then wrk.thread:stop() end
end
LUA
signed_in() { grep -c 'path="/auth/sign-in"' "$WORK/alone/server.log" || true; }
before="$(signed_in)"
started=$SECONDS
# wrk runs for its whole duration even once its threads stopped: it is stopped here
# once the server logged the sign-ins.
BENCH_ORIGIN="$ORIGIN" BENCH_PER_THREAD=$((SIGN_INS / 2)) \
  wrk -t2 -c10 -d600s -s "$WORK/sign-in.lua" "$ORIGIN/auth/sign-in" >/dev/null &
WRK_PID=$!
while [ $(($(signed_in) - before)) -lt "$SIGN_INS" ] && kill -0 "$WRK_PID" 2>/dev/null; do sleep 1; done
kill "$WRK_PID" 2>/dev/null || true
wait "$WRK_PID" 2>/dev/null || true
done_in=$((SECONDS - started))
echo "a storefront on its own: $ALONE_RSS_START at start, $ALONE_RSS_LOADED after a catalog load run, $(rss_mib "$ALONE_PID") after $(($(signed_in) - before)) more sign-ins (${done_in} s)"
