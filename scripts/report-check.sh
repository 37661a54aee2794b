#!/usr/bin/env bash
# Renders the gap report in headless Chromium, checks that every chart is drawn and no script error occurred,
# and saves a screenshot. Installs Debian's chromium when it is missing.
# Usage: scripts/report-check.sh [path/to/index.html]   (default: the sample run's report, built if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
REPORT=${1:-target/sample-output/report/as_of=2024-06-30/index.html}
if [ ! -f "$REPORT" ]; then
  scripts/run-sample.sh > /dev/null
fi
# Chromium, and a CJK font so that zone names show in the screenshot (the page itself needs neither).
if ! command -v chromium > /dev/null || ! fc-list 2> /dev/null | grep -qi wqy; then
  echo "report-check: installing Debian's chromium and fonts-wqy-zenhei" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium fonts-wqy-zenhei > /dev/null 2>&1 \
    || { apt-get update -q > /dev/null && apt-get install -y -q chromium fonts-wqy-zenhei > /dev/null; }
fi
URL="file://$(cd "$(dirname "$REPORT")" && pwd)/$(basename "$REPORT")"
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$PROFILE" --virtual-time-budget=15000)
DOM=$(chromium "${FLAGS[@]}" --enable-logging=stderr --v=0 --dump-dom "$URL" 2> target/report-console.log)
BODY=$(echo "$DOM" | grep -o '<body[^>]*>' | head -n 1)
expected=$(echo "$BODY" | sed -n 's/.*data-charts-expected="\([0-9]*\)".*/\1/p')
drawn=$(echo "$BODY" | sed -n 's/.*data-charts-drawn="\([0-9]*\)".*/\1/p')
errors=$(echo "$BODY" | sed -n 's/.*data-errors="\([0-9]*\)".*/\1/p')
console=$(grep -c -E 'Uncaught|CONSOLE.*(Error|error)' target/report-console.log || true)
chromium "${FLAGS[@]}" --hide-scrollbars --window-size=1280,4000 --screenshot="$PWD/target/report-screenshot.png" "$URL" 2> /dev/null
echo "report-check: charts drawn ${drawn:-?}/${expected:-?}, script errors ${errors:-?}, console errors $console, screenshot target/report-screenshot.png"
[ -n "$expected" ] && [ "$expected" -gt 0 ] && [ "$drawn" = "$expected" ] && [ "$errors" = "0" ] && [ "$console" = "0" ]
