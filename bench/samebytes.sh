#!/usr/bin/env bash
# samebytes: does a change keep quire's output byte-identical? Builds a fixed
# set of sites with the quire of two revisions and compares, per site, the exit
# status, what the build printed, and every output file.
#
#   bench/samebytes.sh OLD_REV [NEW_REV]   NEW_REV defaults to the work tree
#
#   SAMEBYTES_SIZES=1000,10000   generated corpora (bench/corpus), built with
#                                the bench layouts and with the default theme
#   SAMEBYTES_CORPUS=DIR         real Hugo sites (default ../shared/corpus, if
#                                there): rancher-docs-2018 (content only, given a
#                                small config), grpc.io and etcd-website (whole
#                                site roots, as far as they build)
#   SAMEBYTES_DIR=DIR            scratch directory (default /tmp/quire-samebytes)
#
# Exit status 0 when every site came out the same, 1 otherwise. Sites are read
# by path and copied only into the scratch directory, never into the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

old=${1:?usage: bench/samebytes.sh OLD_REV [NEW_REV]}
new=${2:-}
work=${SAMEBYTES_DIR:-/tmp/quire-samebytes}
corpus=${SAMEBYTES_CORPUS:-$repo/../shared/corpus}
rm -rf "$work"
mkdir -p "$work/bin" "$work/sites"

# binary REV NAME: builds quire at REV (empty: the work tree) into $work/bin/NAME.
binary() {
  if [ -z "$1" ]; then
    go build -o "$work/bin/$2" ./cmd/quire
    return
  fi
  git worktree add -q --detach "$work/src-$2" "$1"
  (cd "$work/src-$2" && go build -o "$work/bin/$2" ./cmd/quire)
  git worktree remove --force "$work/src-$2"
}
binary "$old" old
binary "$new" new
echo "old: $(git rev-parse --short "$old")  new: ${new:-work tree ($(git describe --always --dirty))}"

# Sites: NAME and a site root each.
names=() roots=()
add() { names+=("$1"); roots+=("$2"); }

mkdir -p "$work/sites/docs"
cp -R config.toml content "$work/sites/docs/"
for d in layouts assets static; do [ -d "$d" ] && cp -R "$d" "$work/sites/docs/"; done
add docs "$work/sites/docs"

IFS=, read -ra sizes <<<"${SAMEBYTES_SIZES:-1000,10000}"
for n in "${sizes[@]}"; do
  go run ./bench/corpus -n "$n" -out "$work/sites/gen-$n" >/dev/null
  add "gen-$n-theme" "$work/sites/gen-$n"
  cp -R "$work/sites/gen-$n" "$work/sites/gen-$n-bench"
  cp -R bench/quire/layouts "$work/sites/gen-$n-bench/"
  add "gen-$n-bench" "$work/sites/gen-$n-bench"
done

if [ -d "$corpus/rancher-docs-2018" ]; then
  r="$work/sites/rancher-docs-2018"
  mkdir -p "$r"
  cp -R "$corpus/rancher-docs-2018/content" "$r/"
  printf 'baseURL = "https://rancher.example/"\ntitle = "Rancher 2018"\n\n[linkcheck]\ninternal = "warning"\n' >"$r/config.toml"
  # Its theme's shortcodes are not in the tree: a stub for each, printing its name.
  mkdir -p "$r/layouts/shortcodes"
  grep -rhoE '\{\{[<%] *[A-Za-z][A-Za-z0-9_-]*' "$r/content" | sed -E 's/^\{\{[<%] *//' | sort -u |
    grep -vxE 'ref|relref|highlight|figure|details|param|youtube' |
    while read -r sc; do echo "<span>$sc</span>" >"$r/layouts/shortcodes/$sc.html"; done
  add rancher-docs-2018 "$r"
fi
for s in grpc.io etcd-website; do
  [ -d "$corpus/$s" ] && add "$s" "$corpus/$s"
done

# build BIN ROOT OUT: one build; its exit status and output (the destination's
# path replaced, so the two builds can be compared) go beside OUT.
build() {
  set +e
  "$work/bin/$1" build --source "$2" --destination "$3" >"$3.log" 2>&1
  echo "exit $?" >>"$3.log"
  set -e
  sed -i -E -e "s#$3#OUT#g" -e 's/ in [0-9.]+(ns|µs|us|ms|s|m[0-9.]+s)\b/ in TIME/g' "$3.log"
}

fail=0
for i in "${!names[@]}"; do
  name=${names[$i]} root=${roots[$i]}
  build old "$root" "$work/out-$name-old"
  build new "$root" "$work/out-$name-new"
  status=$(tail -n1 "$work/out-$name-old.log")
  if ! cmp -s "$work/out-$name-old.log" "$work/out-$name-new.log"; then
    echo "DIFFERENT $name: the builds printed different things"
    diff "$work/out-$name-old.log" "$work/out-$name-new.log" | head -n 20 || true
    fail=1
  elif [ -d "$work/out-$name-old" ] || [ -d "$work/out-$name-new" ]; then
    if diff -r "$work/out-$name-old" "$work/out-$name-new" >"$work/diff-$name.txt" 2>&1; then
      echo "same      $name ($status, $(find "$work/out-$name-new" -type f | wc -l) files)"
    else
      echo "DIFFERENT $name: $(grep -c '' "$work/diff-$name.txt") lines of diff -r in $work/diff-$name.txt"
      head -n 20 "$work/diff-$name.txt" || true
      fail=1
    fi
  else
    echo "same      $name ($status, no output: $(grep -c ':' "$work/out-$name-new.log") lines of errors, the same)"
  fi
done
exit $fail
