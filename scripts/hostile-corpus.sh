#!/usr/bin/env bash
# The hostile-input corpus, in two parts:
#   1. the named cases (scripts/lib/named_cases.py): each hostile input or fault found by the security probes,
#      planted in a copy of sample-data/ and run through the application jar as a user would, with its expected
#      outcome (reject code and line, exit 2 and its one-line message, the snapshot's state), reported by name;
#   2. the generated corpus (default 1,100 broken files, fixed seed) through ingest: files tried, crashes and
#      rows accounted for. The test suite runs a small fixed-seed sample of it.
# Usage: scripts/hostile-corpus.sh [CASES]     (CASES=0 runs the named cases only)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/spark-env.sh
CASES=${1:-1100}
app_jar > /dev/null
status=0
python3 scripts/lib/named_cases.py target/named-cases || status=$?
if [ "$CASES" -gt 0 ]; then
  rm -f target/hostile-corpus-report.txt
  mvn -B -q -P"$SPARK_PROFILE" test -Dtest=HostileInputTest -Dhostile.cases="$CASES" -Dsurefire.failIfNoSpecifiedTests=false > target/hostile-corpus.log 2>&1 || status=$?
  if [ -f target/hostile-corpus-report.txt ]; then cat target/hostile-corpus-report.txt; else tail -n 30 target/hostile-corpus.log; fi
fi
exit "$status"
