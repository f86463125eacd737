#!/usr/bin/env bash
# make bench: quire build vs hugo --minify vs the goldmark+chroma floor on
# the generated corpus, in alternating runs; prints one markdown table.
#
#   BENCH_SIZES=1000,10000  page counts (default)
#   BENCH_RUNS=5            runs per tool and size
#   BENCH_DIR=/tmp/quire-bench  where sites are generated
#   BENCH_DEFAULT_THEME=1   also time quire with its default theme
#   BENCH_GO=0              skip the link check and serve benchmarks (bench/gobench.sh)
#   BENCH_REBUILD=1         time rebuilds into the last build's output instead of fresh ones
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hugo >/dev/null; then
  echo "== installing Debian's hugo" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y hugo >&2
fi

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
for cmd in quire:./cmd/quire floor:./bench/floor corpus:./bench/corpus compare:./bench/compare; do
  go build -o "$bin/${cmd%%:*}" "${cmd#*:}"
done

echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(hugo version | cut -d' ' -f1-2), quire $(git describe --always --dirty)"
rebuild=false
[ "${BENCH_REBUILD:-}" = 1 ] && rebuild=true
default_theme=false
[ "${BENCH_DEFAULT_THEME:-}" = 1 ] && default_theme=true
work=${BENCH_DIR:-/tmp/quire-bench}
nice -n 5 "$bin/compare" -bin "$bin" -bench bench -work "$work" -keep-trash \
  -sizes "${BENCH_SIZES:-1000,10000}" -runs "${BENCH_RUNS:-5}" -default-theme="$default_theme" -rebuild="$rebuild"

[ "${BENCH_GO:-1}" = 1 ] && ./bench/gobench.sh
# Deleted last: see bench/compare/trash.go.
rm -rf "$work/.trash"
