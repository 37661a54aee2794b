#!/usr/bin/env bash
# Kills the pipeline with SIGKILL at N moments spread over a run (timed moments during ingest and compute, and
# moments right after each step of the publish step), and checks after each kill that every table shows either
# the complete previous snapshot of the as_of or nothing, that _SUCCESS exists only for a complete snapshot, and
# that the next run succeeds and publishes rows identical to an uninterrupted run.
# Usage: scripts/kill-test.sh [N]    (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/spark-env.sh
N=${1:-20}
JAR=$(app_jar)
CP=$(spark_classpath)
W=target/kill-test
rm -rf "$W" && mkdir -p "$W"
export SPARK_LOCAL_IP=127.0.0.1
AS_OF=2024-06-30
# A small slice of the sample (all zones, the first rows of each source) keeps each run short; every table
# is still produced.
IN="$W/input"
mkdir -p "$IN/enterprises"
cp sample-data/zones.csv sample-data/published_figures.csv "$IN/"
head -n 120 sample-data/enterprises/part-0001.csv > "$IN/enterprises/part-0001.csv"
head -n 300 sample-data/patents.csv > "$IN/patents.csv"
head -n 60 sample-data/funding.csv > "$IN/funding.csv"
JOB=(--job jobs/sample.yaml --input "$IN")
cb() { java "${SPARK_JAVA_FLAGS[@]}" -Xmx2g -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" -cp "$JAR:$CP" \
         io.clusterbench.cli.ClusterbenchCli "$@"; }
digest() { cb digest --output "$1" --as-of "$AS_OF" 2> /dev/null || true; }

start=$(date +%s.%N)
cb run "${JOB[@]}" --output "$W/ref" > /dev/null 2> "$W/ref.log"
duration=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
digest "$W/ref" > "$W/ref.digest"
tables=$(wc -l < "$W/ref.digest")
echo "kill-test: uninterrupted run ${duration%.*}s, $tables tables and the report"
cb run "${JOB[@]}" --output "$W/out" > /dev/null 2> "$W/first.log"

swaps=$(grep -c 'publish: swapped in' "$W/ref.log")
timed=$(( N > 10 ? N - 10 : N / 2 ))
partial=0; identical=0; kills=0
for i in $(seq 1 "$N"); do
  log="$W/run-$i.log"
  cb run "${JOB[@]}" --output "$W/out" > /dev/null 2> "$log" &
  pid=$!
  if [ "$i" -le "$timed" ]; then
    # spread over the run before publishing: from JVM start to about 90 % of the uninterrupted duration
    at=$(awk -v d="$duration" -v i="$i" -v n="$timed" 'BEGIN { printf "%.2f", d * 0.9 * i / (n + 1) }')
    sleep "$at"
    where="after ${at}s"
  else
    k=$(( (i - timed - 1) * swaps / (N - timed) ))
    if [ "$k" -eq 0 ]; then pattern='has no _SUCCESS until'; where="after removing _SUCCESS"
    else pattern="publish: swapped in"; where="after swap $k of $swaps"; fi
    for _ in $(seq 1 600); do
      [ "$(grep -c "$pattern" "$log" 2> /dev/null || true)" -ge "$(( k == 0 ? 1 : k ))" ] && break
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.05
    done
  fi
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  kills=$((kills + 1))

  # Every visible table partition must be whole: its digest equals the reference's.
  digest "$W/out" > "$W/after-kill-$i.digest"
  bad=$(join -j 1 <(sort "$W/after-kill-$i.digest") <(sort "$W/ref.digest") | awk '$2 != $3' | wc -l)
  visible=$(wc -l < "$W/after-kill-$i.digest")
  success=no; [ -f "$W/out/_runs/as_of=$AS_OF/_SUCCESS" ] && success=yes
  if [ "$bad" -ne 0 ] || { [ "$success" = yes ] && [ "$visible" -ne "$tables" ]; }; then
    partial=$((partial + 1)); echo "kill $i ($where): PARTIAL snapshot visible ($bad tables differ, _SUCCESS $success)"
  fi

  # The next run succeeds and publishes what an uninterrupted run publishes.
  if cb run "${JOB[@]}" --output "$W/out" > /dev/null 2> "$W/rerun-$i.log" \
     && diff -q <(digest "$W/out") "$W/ref.digest" > /dev/null \
     && [ -f "$W/out/_runs/as_of=$AS_OF/_SUCCESS" ] && [ -z "$(ls -A "$W/out/_staging")" ]; then
    identical=$((identical + 1))
  else
    echo "kill $i ($where): rerun failed or differs"
  fi
  echo "kill $i ($where): visible tables $visible/$tables, _SUCCESS $success"
done
echo "kills: $kills, partial snapshots visible: $partial, reruns identical: $identical/$kills"
[ "$kills" -ge 20 ] || [ "$N" -lt 20 ]
[ "$partial" -eq 0 ] && [ "$identical" -eq "$kills" ]
