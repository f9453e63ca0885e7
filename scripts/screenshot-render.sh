#!/usr/bin/env bash
# Renders rule files as HTML with `kaohe render` and opens each page in headless
# Chromium: a screenshot of the first screenful at A4 proportions (1240 × 1754 pixels,
# A4 at 150 dpi) and the page printed to PDF, to check the published table by eye —
# the spanning first-level cells, the wrapped criteria, the page breaks.
#
# Usage: scripts/screenshot-render.sh [RULE...]
#   (default: rules/jiangmen-2020/county.rule rules/jiangmen-2020/department.rule)
# Output: target/screenshots/<name>.html, <name>.png and <name>.pdf; OUT_DIR overrides
# the folder.
#
# Needs Chromium and a CJK font; on Debian or Ubuntu:
#   apt-get update && apt-get install -y chromium fonts-noto-cjk
# CI does not run this script: the Markdown rendering is pinned by tests/it/render.rs, and
# the HTML by its structure there; this is the check by eye.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$chromium" ]]; then
  echo "error: no chromium found; install it with: apt-get install -y chromium fonts-noto-cjk" >&2
  exit 1
fi

out=${OUT_DIR:-target/screenshots}
mkdir -p "$out"
rules=("$@")
if [[ ${#rules[@]} -eq 0 ]]; then
  rules=(rules/jiangmen-2020/county.rule rules/jiangmen-2020/department.rule)
fi

cargo build --quiet
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile")

for rule in "${rules[@]}"; do
  name=$(basename "$rule" .rule)
  html="$out/$name.html"
  target/debug/kaohe render "$rule" --format html --output "$html"
  url="file://$(realpath "$html")"
  "$chromium" "${flags[@]}" --window-size=1240,1754 --screenshot="$out/$name.png" "$url" 2>/dev/null
  "$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "$url" 2>/dev/null
  echo "$rule → $html, $out/$name.png, $out/$name.pdf"
done
