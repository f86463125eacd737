#!/usr/bin/env bash
# The link check and serve numbers of make bench, from Go benchmarks:
#   internal/site BenchmarkLinkCheckOverhead: what the offline internal link
#     and anchor check adds to a build of the corpus (target ≤ 10% at 10,000)
#   internal/site BenchmarkLinkcheck10000: the check alone, as a ratio to the build
#   internal/server BenchmarkEditToReload10000: one-page edit to live-reload
#     event in quire serve (target ≤ 100 ms)
# BENCH_GO_PAGES (10000), BENCH_GO_ROUNDS (9 builds with and without the
# check) and BENCH_EDITS (20) size them. A missing benchmark is reported.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${BENCH_GO_PAGES:-10000}
run() { # package benchmark benchtime [env...]
  local pkg=$1 name=$2 times=$3; shift 3
  if grep -qs "func $name(" "$pkg"/*_test.go; then
    echo "== $name ($pkg, ${times})"
    env "$@" nice -n 5 go test -run '^$' -bench "^$name\$" -benchtime "$times" -timeout 60m "./$pkg" | grep -E '^(Benchmark|FAIL|---)' || true
  else
    echo "== $name: not on this commit"
  fi
}
run internal/site BenchmarkLinkCheckOverhead "${BENCH_GO_ROUNDS:-9}x" QUIRE_BENCH_PAGES="$pages"
# The link checker's own measure: the check alone as a ratio to the build.
run internal/site BenchmarkLinkcheck10000 1x
if [ "$pages" -ge 10000 ]; then
  run internal/server BenchmarkEditToReload10000 "${BENCH_EDITS:-20}x"
else
  run internal/server BenchmarkEditToReload1000 "${BENCH_EDITS:-20}x"
fi
