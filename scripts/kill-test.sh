#!/usr/bin/env bash
# Kills the pipeline with SIGKILL at N moments spread over a run — timed moments during ingest and compute, and
# moments right after steps of the publish step (the run is told to hold there, since a commit takes
# milliseconds) — and checks after each kill that every visible table is
# the complete snapshot of that as_of (or absent), that _SUCCESS exists only for a complete snapshot, and that
# the next run succeeds and publishes rows identical to an uninterrupted run. The checks run in one warm JVM
# (the test tree's KillCheck) so that only the killed runs pay a cold start; the hold at a commit step is the
# test tree's KillTestHold, which the runs find on their class path.
# Usage: scripts/kill-test.sh [N]    (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/spark-env.sh
N=${1:-20}
JAR=$(app_jar)
CP=$(spark_classpath)
TESTS="$ROOT/target/test-classes-spark$SPARK_LINE"
[ -d "$TESTS" ] || (cd "$ROOT" && mvn -B -q -DskipTests -P"$SPARK_PROFILE" test-compile) >&2
TCP=$(test_classpath)
W=target/kill-test
rm -rf "$W" && mkdir -p "$W"
export SPARK_LOCAL_IP=127.0.0.1
# A slice of the sample (all zones, the first rows of each source): every table is still produced.
IN="$W/input"
mkdir -p "$IN/enterprises"
cp sample-data/zones.csv sample-data/published_figures.csv "$IN/"
head -n 120 sample-data/enterprises/part-0001.csv > "$IN/enterprises/part-0001.csv"
head -n 300 sample-data/patents.csv > "$IN/patents.csv"
head -n 60 sample-data/funding.csv > "$IN/funding.csv"
# exec: when started in the background, $! is then the JVM itself, which is what SIGKILL must hit.
HOLD=()   # set per run: -Dclusterbench.kill-test.hold-after-step=K makes the commit wait after its K-th step
# the application jar as users run it, plus the test classes for the hold
cb() { exec java "${SPARK_JAVA_FLAGS[@]}" -Xmx2g "${HOLD[@]}" -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" -cp "$JAR:$TESTS:$CP" \
         io.clusterbench.cli.ClusterbenchCli "$@"; }
check() { exec java "${SPARK_JAVA_FLAGS[@]}" -Xmx2g -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" -cp "$TCP" \
         io.clusterbench.tools.KillCheck "$@"; }

# One uninterrupted run gives both the reference and the previous snapshot that every kill must leave intact.
start=$(date +%s.%N)
(cb run --job jobs/sample.yaml --input "$IN" --output "$W/out" > /dev/null 2> "$W/first.log")
duration=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
cp -r "$W/out" "$W/ref"
swaps=$(grep -c 'publish: swapped in' "$W/first.log")
echo "kill-test: uninterrupted run ${duration}s, $swaps tables swapped in when publishing"

coproc CHECK { check --job jobs/sample.yaml --input "$IN" --output "$W/out" --reference "$W/ref" 2> "$W/check.log"; }
read -r ready <&"${CHECK[0]}"
[[ "$ready" == ready* ]] || { echo "kill-test: checker did not start"; exit 1; }

timed=$(( N > 10 ? N - 10 : N / 2 ))
partial=0; identical=0; kills=0
for i in $(seq 1 "$N"); do
  log="$W/run-$i.log"
  HOLD=()
  if [ "$i" -gt "$timed" ]; then
    # commit steps: 1 = _SUCCESS removed, 2 .. swaps+1 = one per table swapped in, swaps+2 = summary written
    k=$(( 1 + (i - timed - 1) * (swaps + 1) / (N - timed - 1 > 0 ? N - timed - 1 : 1) ))
    HOLD=(-Dclusterbench.kill-test.hold-after-step=$k)
  fi
  cb run --job jobs/sample.yaml --input "$IN" --output "$W/out" > /dev/null 2> "$log" &
  pid=$!
  if [ "$i" -le "$timed" ]; then
    at=$(awk -v d="$duration" -v i="$i" -v n="$timed" 'BEGIN { printf "%.1f", d * 0.9 * i / (n + 1) }')
    sleep "$at"; where="${at}s into the run"
  else
    if [ "$k" -eq 1 ]; then where="publishing, right after _SUCCESS was removed"
    elif [ "$k" -le $((swaps + 1)) ]; then where="publishing, right after swap $((k - 1)) of $swaps"
    else where="publishing, right after the summary was written, before _SUCCESS"; fi
    until grep -q 'kill-test: holding' "$log" 2> /dev/null; do
      kill -0 "$pid" 2> /dev/null || { echo "kill-test: run $i ended before commit step $k; see $log"; exit 1; }
      sleep 0.1
    done
  fi
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  ! kill -0 "$pid" 2> /dev/null || { echo "kill-test: JVM $pid survived SIGKILL"; exit 1; }
  kills=$((kills + 1))
  echo "kill-$i" >&"${CHECK[1]}"
  read -r result <&"${CHECK[0]}"
  echo "kill $i ($where): $result"
  # A kill inside the commit must find _SUCCESS absent: the snapshot is not complete until the commit ends.
  if [[ "$result" == *"partial=true"* ]] || { [ "$i" -gt "$timed" ] && [[ "$result" == *"success=true"* ]]; }; then
    partial=$((partial + 1))
  fi
  [[ "$result" == *"rerun_identical=true"* ]] && identical=$((identical + 1))
done
exec {CHECK[1]}>&-
echo "kills: $kills, partial snapshots visible: $partial, reruns identical: $identical/$kills"
[ "$partial" -eq 0 ] && [ "$identical" -eq "$kills" ]
