#!/usr/bin/env bash
# The link check and serve numbers of make bench: Go benchmarks that the
# linkcheck and server packages keep (each prints its own metric, e.g. the
# link check's share of a 10,000-page build, or the median edit-to-reload
# latency). A package without them is reported as missing.
set -euo pipefail
cd "$(dirname "$0")/.."
for pkg in linkcheck server site; do
  dir=internal/$pkg
  case $pkg in
    linkcheck) pattern='LinkCheck|Linkcheck|Internal';;
    server) pattern='Reload|Edit|Serve';;
    site) pattern='LinkCheck|Linkcheck';;
  esac
  if [ -d "$dir" ] && grep -qE "func Benchmark[A-Za-z0-9_]*($pattern)" "$dir"/*_test.go 2>/dev/null; then
    echo "== go test -bench '$pattern' ./$dir"
    nice -n 5 go test -run '^$' -bench "$pattern" -benchtime 1x -benchmem "./$dir" | grep -E '^(Benchmark|ok|FAIL)'
  else
    echo "== $dir: no $pattern benchmark on this commit"
  fi
done
