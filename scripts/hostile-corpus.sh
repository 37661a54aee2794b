#!/usr/bin/env bash
# Runs the whole hostile-input corpus (default 1,100 broken files, fixed seed) through ingest and reports files
# tried, crashes and rows accounted for. The test suite runs a small fixed-seed sample of the same corpus.
# Usage: scripts/hostile-corpus.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/spark-env.sh
CASES=${1:-1100}
rm -f target/hostile-corpus-report.txt
mvn -B -q -P"$SPARK_PROFILE" test -Dtest=HostileInputTest -Dhostile.cases="$CASES" -Dsurefire.failIfNoSpecifiedTests=false > target/hostile-corpus.log 2>&1 || status=$?
if [ -f target/hostile-corpus-report.txt ]; then cat target/hostile-corpus-report.txt; else tail -n 30 target/hostile-corpus.log; fi
exit "${status:-0}"
