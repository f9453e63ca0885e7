#!/usr/bin/env bash
# Scores the examples of the 2020 Jiangmen tables with `kaohe eval` into the HTML
# report and the XLSX workbook, then checks them by eye: headless Chromium takes a
# screenshot of the HTML page and prints it to PDF, and LibreOffice converts the
# workbook to PDF (every sheet, as it prints). The output paths are printed at the end;
# `pdftoppm -png -r 60 FILE.pdf PREFIX` turns the PDF pages into images.
#
# Usage: scripts/report-screenshots.sh
# Output: a new temporary folder (OUT_DIR chooses another) holding, for `county` and
# `department`: <name>.html, <name>.png, <name>.pdf, <name>.xlsx and <name>-xlsx.pdf.
#
# Installs what it needs when it is missing, on Debian: Chromium, LibreOffice Calc, a
# CJK font and poppler's tools (`apt-get update` once, then `apt-get install`). CI does
# not run this script: the reports' numbers and structure are pinned by
# tests/it/html_report.rs and tests/it/workbook_print.rs; this is the check by eye.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v soffice >/dev/null || missing+=(libreoffice-calc)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "CJK" || missing+=(fonts-noto-cjk)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing ${missing[*]}" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

out=${OUT_DIR:-$(mktemp -d)}
mkdir -p "$out"
cargo build --quiet
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile")

for name in county department; do
  rule=rules/jiangmen-2020/$name.rule
  evidence=examples/jiangmen-2020/$name
  target/debug/kaohe eval "$rule" "$evidence" --format html --output "$out/$name.html"
  target/debug/kaohe eval "$rule" "$evidence" --format xlsx --output "$out/$name.xlsx"
  url="file://$(realpath "$out/$name.html")"
  # A4 at 150 dpi is 1240 pixels wide; the screenshot is tall enough for the charts.
  chromium "${flags[@]}" --window-size=1240,3200 --screenshot="$out/$name.png" "$url" 2>/dev/null
  chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "$url" 2>/dev/null
  # LibreOffice names its PDF after the workbook; it is renamed so as not to replace
  # the HTML page's.
  soffice --headless --convert-to pdf --outdir "$out/xlsx" "$out/$name.xlsx" >/dev/null 2>&1
  mv "$out/xlsx/$name.pdf" "$out/$name-xlsx.pdf"
  echo "$out/$name.html"
  echo "$out/$name.png"
  echo "$out/$name.pdf"
  echo "$out/$name.xlsx"
  echo "$out/$name-xlsx.pdf"
done
rmdir "$out/xlsx" 2>/dev/null || true
