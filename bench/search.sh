#!/usr/bin/env bash
# make bench-search: quire's search against Pagefind's on the same HTML of
# generated sites, measured in headless Chromium; prints one markdown table.
#
#   BENCH_SIZES=1000,10000     page counts (default; add 100000 for the large one)
#   BENCH_DIR=/tmp/quire-bench-search  where sites are generated and built
#   PAGEFIND_VERSION=1.6.0     Pagefind from npm (its prebuilt binary)
set -euo pipefail
cd "$(dirname "$0")/.."

pf=bench/out/pagefind
version=${PAGEFIND_VERSION:-1.6.0}
if [ ! -f "$pf/node_modules/pagefind/package.json" ] || ! grep -q "\"version\": \"$version\"" "$pf/node_modules/pagefind/package.json"; then
  echo "== installing pagefind $version from npm" >&2
  mkdir -p "$pf"
  npm install --prefix "$pf" --no-save --no-audit --no-fund --loglevel=error "pagefind@$version" >&2
fi
pagefind=$(ls "$pf"/node_modules/@pagefind/*/bin/pagefind_extended "$pf"/node_modules/@pagefind/*/bin/pagefind 2>/dev/null | head -1 || true)
if [ -z "$pagefind" ]; then
  echo "no Pagefind binary for this platform under $pf/node_modules/@pagefind" >&2
  exit 1
fi

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/quire" ./cmd/quire
go build -o "$bin/search" ./bench/search
echo "quire $(git describe --always --dirty), pagefind $version, $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
nice -n 5 "$bin/search" -quire "$bin/quire" -pagefind "$pagefind" -work "${BENCH_DIR:-/tmp/quire-bench-search}" \
  -sizes "${BENCH_SIZES:-1000,10000}" ${BENCH_VERBOSE:+-v}
