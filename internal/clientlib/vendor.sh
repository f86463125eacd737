#!/usr/bin/env bash
# Refreshes the client-side libraries embedded in quire from the npm
# registry: KaTeX (math) and Mermaid (diagrams). Run it from anywhere with
# npm on PATH; it rewrites katex/ and mermaid/ next to this script.
#
# What it keeps of each package: KaTeX's minified script and stylesheet,
# its fonts in WOFF2 only (every browser quire's theme supports reads
# WOFF2, so the stylesheet's WOFF and TTF fallbacks are removed from it),
# and Mermaid's minified script; each with its licence.
set -euo pipefail
KATEX=${KATEX:-0.19.1}
MERMAID=${MERMAID:-11.17.2}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "katex@$KATEX" "mermaid@$MERMAID" >/dev/null

mkdir k m
tar xzf "katex-$KATEX.tgz" -C k
tar xzf "mermaid-$MERMAID.tgz" -C m

rm -rf "$here/katex" "$here/mermaid"
mkdir -p "$here/katex/fonts" "$here/mermaid"
cp k/package/dist/katex.min.js k/package/LICENSE "$here/katex/"
sed -E 's/,url\(fonts\/[A-Za-z0-9_-]+\.(woff|ttf)\) format\("(woff|truetype)"\)//g' \
  k/package/dist/katex.min.css >"$here/katex/katex.min.css"
cp k/package/dist/fonts/*.woff2 "$here/katex/fonts/"
cp m/package/dist/mermaid.min.js m/package/LICENSE "$here/mermaid/"
printf '%s\n' "$KATEX" >"$here/katex/VERSION"
printf '%s\n' "$MERMAID" >"$here/mermaid/VERSION"
