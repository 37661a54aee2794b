#!/usr/bin/env bash
# Checks the gap report as a reader gets it, in headless Chromium: both editions (index.html, index.en.html) drawn
# with every chart and no script or console error; screenshots at 1400 and 1024 px (summary, map, a benchmark
# section, cultivation); the Chinese edition printed to PDF (A4), whose first page must hold the whole summary and
# name the home zone and every benchmark zone; the spreadsheet read back with its Chinese headers.
# Installs Debian's chromium, fonts-wqy-zenhei and poppler-utils when missing.
# Usage: scripts/report-check.sh [path/to/index.html]   (default: the sample run's report, built if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
REPORT=${1:-target/sample-output/report/as_of=2024-06-30/index.html}
if [ ! -f "$REPORT" ]; then
  scripts/run-sample.sh > /dev/null
fi
DIR=$(cd "$(dirname "$REPORT")" && pwd)
OUT=target/report-check
mkdir -p "$OUT"
if ! command -v chromium > /dev/null || ! command -v pdftotext > /dev/null || ! fc-list 2> /dev/null | grep -qi wqy \
   || ! /usr/bin/python3 -c 'import PIL' 2> /dev/null; then
  echo "report-check: installing Debian's chromium, fonts-wqy-zenhei, poppler-utils and python3-pil" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium fonts-wqy-zenhei poppler-utils python3-pil > /dev/null 2>&1 \
    || { apt-get update -q > /dev/null && apt-get install -y -q chromium fonts-wqy-zenhei poppler-utils python3-pil > /dev/null; }
fi
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
# no network: the page must be whole on its own
FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$PROFILE" --virtual-time-budget=15000
       --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>')
status=0
for page in index.html index.en.html; do
  URL="file://$DIR/$page"
  DOM=$(chromium "${FLAGS[@]}" --enable-logging=stderr --v=0 --dump-dom "$URL" 2> "$OUT/console-$page.log")
  BODY=$(echo "$DOM" | grep -o '<body[^>]*>' | head -n 1)
  expected=$(echo "$BODY" | sed -n 's/.*data-charts-expected="\([0-9]*\)".*/\1/p')
  drawn=$(echo "$BODY" | sed -n 's/.*data-charts-drawn="\([0-9]*\)".*/\1/p')
  errors=$(echo "$BODY" | sed -n 's/.*data-errors="\([0-9]*\)".*/\1/p')
  console=$(grep -c -E 'Uncaught|CONSOLE.*(Error|error)' "$OUT/console-$page.log" || true)
  network=$(grep -c -E 'ERR_PROXY|net::ERR' "$OUT/console-$page.log" || true)
  echo "report-check: $page charts drawn ${drawn:-?}/${expected:-?}, script errors ${errors:-?}, console errors $console, network requests failed $network"
  if ! { [ -n "$expected" ] && [ "$expected" -gt 0 ] && [ "$drawn" = "$expected" ] && [ "$errors" = "0" ] && [ "$console" = "0" ] && [ "$network" = "0" ]; }; then
    status=1
  fi
  edition=${page%.html}
  for width in 1400 1024; do
    # the whole page at that width, then one picture per section cut from it at the offsets the page reports
    body=$(chromium "${FLAGS[@]}" --window-size=$width,1000 --dump-dom "$URL" 2> /dev/null | grep -o '<body[^>]*>' | head -n 1)
    height=$(echo "$body" | sed -n 's/.*data-height="\([0-9]*\)".*/\1/p')
    layout=$(echo "$body" | sed -n 's/.*data-layout="\([^"]*\)".*/\1/p')
    chromium "${FLAGS[@]}" --hide-scrollbars --window-size=$width,${height:-8000} \
      --screenshot="$PWD/$OUT/$edition-$width.png" "$URL" 2> /dev/null
    # Debian's python3 with Debian's PIL
    /usr/bin/python3 - "$OUT/$edition-$width.png" "$OUT/$edition" "$width" $layout <<'PY'
import sys
from PIL import Image
Image.MAX_IMAGE_PIXELS = None  # the page is one tall picture of our own
page, prefix, width = Image.open(sys.argv[1]), sys.argv[2], sys.argv[3]
for part in sys.argv[4:]:
    section, top, h = part.split(':')
    page.crop((0, int(top), page.width, int(top) + int(h))).save(f"{prefix}-{section}-{width}.png")
PY
  done
done
# Print the Chinese edition to A4 PDF as a reader's browser would (print stylesheet, charts drawn first).
chromium "${FLAGS[@]}" --no-pdf-header-footer --print-to-pdf="$PWD/$OUT/report.pdf" "file://$DIR/index.html" 2> /dev/null
pages=$(pdfinfo "$OUT/report.pdf" | sed -n 's/^Pages: *//p')
first=$(pdftotext -f 1 -l 1 "$OUT/report.pdf" - | tr -d ' \n\r\t\f')
second=$(pdftotext -f 2 -l 2 "$OUT/report.pdf" - | tr -d ' \n\r\t\f')
zones=$(grep -o '<meta name="summary-zones" content="[^"]*"' "$DIR/index.html" | sed 's/.*content="//; s/"$//')
missing=""
IFS='|' read -r -a names <<< "$zones"
for z in "${names[@]}"; do
  case "$first" in *"$(echo "$z" | tr -d ' ')"*) ;; *) missing="$missing $z" ;; esac
done
# the summary ends with its caveat; the map section's heading starts page 2
summary_whole=no
case "$first" in *解读差距前请先查看*) summary_whole=yes ;; esac
case "$second" in 园区地图*) ;; *) summary_whole="$summary_whole (page 2 does not start with the map)" ;; esac
echo "report-check: PDF $pages pages A4, first page names ${#names[@]} zones (missing:${missing:- none}), whole summary on page 1: $summary_whole, $OUT/report.pdf"
if [ -n "$missing" ] || [ "$summary_whole" != yes ]; then
  status=1
fi
# The spreadsheet as Excel or WPS reads it: a UTF-8 byte-order mark, then comma-separated quoted fields.
CSV="$DIR/cultivation.csv"
bom=$(head -c 3 "$CSV" | od -An -tx1 | tr -d ' ')
rows=$(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))))' "$CSV") - 1))
headers=$(python3 -c 'import csv,sys; print(",".join(next(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))[:7]))' "$CSV")
echo "report-check: cultivation.csv BOM $bom, $rows firms, headers $headers, …"
if [ "$bom" != efbbbf ] || [ "$headers" != "园区,所在园区,企业名称,统一社会信用代码,行业大类代码,行业大类名称,培育分组" ]; then
  status=1
fi
echo "report-check: screenshots in $OUT/"
exit $status
