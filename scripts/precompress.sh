#!/usr/bin/env bash
# Writes a brotli (.br) and a gzip (.gz) copy beside every built asset in the site root
# (default target/site), at the strongest levels, for the server to send as they are:
# nothing is compressed per request. Run after `cargo leptos build --release`.
set -euo pipefail
SITE="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/site}"
find "$SITE" -type f ! -name '*.br' ! -name '*.gz' -print0 |
  while IFS= read -r -d '' file; do
    brotli --quality=11 --force --output="$file.br" "$file"
    gzip -9 --no-name --stdout "$file" >"$file.gz"
  done
