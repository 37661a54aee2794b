#!/usr/bin/env bash
# Kills the pipeline with SIGKILL at N moments spread over a run — timed moments during ingest and compute, and
# moments right after each step of the publish step — and checks after each kill that every visible table is
# the complete snapshot of that as_of (or absent), that _SUCCESS exists only for a complete snapshot, and that
# the next run succeeds and publishes rows identical to an uninterrupted run. The checks run in one warm JVM
# (the hidden `kill-check` command) so that only the killed runs pay a cold start.
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
# A slice of the sample (all zones, the first rows of each source): every table is still produced.
IN="$W/input"
mkdir -p "$IN/enterprises"
cp sample-data/zones.csv sample-data/published_figures.csv "$IN/"
head -n 120 sample-data/enterprises/part-0001.csv > "$IN/enterprises/part-0001.csv"
head -n 300 sample-data/patents.csv > "$IN/patents.csv"
head -n 60 sample-data/funding.csv > "$IN/funding.csv"
# exec: when started in the background, $! is then the JVM itself, which is what SIGKILL must hit.
cb() { exec java "${SPARK_JAVA_FLAGS[@]}" -Xmx2g -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" -cp "$JAR:$CP" \
         io.clusterbench.cli.ClusterbenchCli "$@"; }

start=$(date +%s.%N)
(cb run --job jobs/sample.yaml --input "$IN" --output "$W/ref" > /dev/null 2> "$W/ref.log")
duration=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
(cb run --job jobs/sample.yaml --input "$IN" --output "$W/out" > /dev/null 2> "$W/first.log")
swaps=$(grep -c 'publish: swapped in' "$W/ref.log")
echo "kill-test: uninterrupted run ${duration}s, $swaps tables swapped in when publishing"

coproc CHECK { cb kill-check --job jobs/sample.yaml --input "$IN" --output "$W/out" --reference "$W/ref" 2> "$W/check.log"; }
read -r ready <&"${CHECK[0]}"
[[ "$ready" == ready* ]] || { echo "kill-test: checker did not start"; exit 1; }

timed=$(( N > 10 ? N - 10 : N / 2 ))
partial=0; identical=0; kills=0
for i in $(seq 1 "$N"); do
  log="$W/run-$i.log"
  cb run --job jobs/sample.yaml --input "$IN" --output "$W/out" > /dev/null 2> "$log" &
  pid=$!
  if [ "$i" -le "$timed" ]; then
    at=$(awk -v d="$duration" -v i="$i" -v n="$timed" 'BEGIN { printf "%.1f", d * 0.9 * i / (n + 1) }')
    sleep "$at"; where="${at}s into the run"
  else
    k=$(( (i - timed - 1) * swaps / (N - timed) ))
    if [ "$k" -eq 0 ]; then pattern='has no _SUCCESS until'; need=1; where="right after _SUCCESS was removed"
    else pattern='publish: swapped in'; need=$k; where="right after swap $k of $swaps"; fi
    for _ in $(seq 1 3000); do
      [ "$(grep -c "$pattern" "$log" 2> /dev/null || true)" -ge "$need" ] && break
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.02
    done
  fi
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  ! kill -0 "$pid" 2> /dev/null || { echo "kill-test: JVM $pid survived SIGKILL"; exit 1; }
  kills=$((kills + 1))
  echo "kill-$i" >&"${CHECK[1]}"
  read -r result <&"${CHECK[0]}"
  echo "kill $i ($where): $result"
  [[ "$result" == *"partial=true"* ]] && partial=$((partial + 1))
  [[ "$result" == *"rerun_identical=true"* ]] && identical=$((identical + 1))
done
exec {CHECK[1]}>&-
echo "kills: $kills, partial snapshots visible: $partial, reruns identical: $identical/$kills"
[ "$partial" -eq 0 ] && [ "$identical" -eq "$kills" ]
