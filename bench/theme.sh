#!/usr/bin/env bash
# make bench-theme: time `quire build` with the default theme on generated
# sites, one run per size; prints a markdown table of wall and user time,
# peak RSS (/usr/bin/time) and the bytes written.
#
#   BENCH_SIZES=1000,10000,30000  page counts (default)
#   BENCH_DIR=/tmp/quire-bench-theme  where sites are generated and kept
#   BENCH_MAX_RSS_KB=12000000  a build above this RSS is stopped, the
#                              machine being shared; its row says so
set -euo pipefail
cd "$(dirname "$0")/.."

work=${BENCH_DIR:-/tmp/quire-bench-theme}
max_rss=${BENCH_MAX_RSS_KB:-12000000}
mkdir -p "$work"
go build -o "$work/quire" ./cmd/quire
go build -o "$work/corpus" ./bench/corpus

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), quire $(git describe --always --dirty)"
echo
echo "| pages | wall s | user s | peak RSS MiB | output MB |"
echo "|------:|-------:|-------:|-------------:|----------:|"
IFS=, read -ra sizes <<<"${BENCH_SIZES:-1000,10000,30000}"
for n in "${sizes[@]}"; do
  site=$work/site-$n out=$work/public-$n
  [ -d "$site" ] || "$work/corpus" -n "$n" -out "$site"
  rm -rf "$out"
  nice -n 5 /usr/bin/time -f '%e %U %M' -o "$work/time-$n" \
    "$work/quire" build --quiet --source "$site" --destination "$out" &
  pid=$!
  over=
  # The guard: poll the build's RSS, stop it past the limit.
  while kill -0 "$pid" 2>/dev/null; do
    b=$(pgrep -P "$pid" -x quire || true)
    if [ -n "$b" ]; then
      rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$b/status" 2>/dev/null || echo 0)
      if [ "${rss:-0}" -gt "$max_rss" ]; then over=1; kill "$b"; fi
    fi
    sleep 1
  done
  if ! wait "$pid" || [ -n "$over" ]; then
    echo "| $n | stopped${over:+ above $((max_rss / 1024)) MiB RSS} | | | |"
    continue
  fi
  read -r wall user rss <"$work/time-$n"
  echo "| $n | $wall | $user | $((rss / 1024)) | $(($(du -sb "$out" | cut -f1) / 1000000)) |"
done
