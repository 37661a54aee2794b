#!/usr/bin/env bash
# Two builds of clusterbench side by side on one generated input (scripts/gen-data.sh): each revision's jar is
# built in a temporary worktree, then the two pipelines run alternately ROUNDS times (A B A B …) on the same
# input, each as its own JVM with its own job file (jobs/generated.yaml of that revision), embedded local mode,
# all cores, driver heap capped at 8 GiB. Prints each run's wall time and peak RSS and the ratio of the medians.
# Usage: scripts/bench-builds.sh SIZE REV_A REV_B [ROUNDS]   e.g. scripts/bench-builds.sh 10M a001673 HEAD 2
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/spark-env.sh
SIZE=${1:?usage: scripts/bench-builds.sh SIZE REV_A REV_B [ROUNDS]}
REV_A=${2:?REV_A}; REV_B=${3:?REV_B}; ROUNDS=${4:-2}
W=${BENCH_DIR:-${TMPDIR:-/tmp}/clusterbench-bench}
IN="$W/input-$SIZE"
CP=$(spark_classpath)
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$W"
if [ ! -f "$IN/.complete" ]; then
  rm -rf "$IN"
  scripts/gen-data.sh --firms "$SIZE" --out "$IN"
  touch "$IN/.complete"
fi

# Each revision's jar and job file, built once per commit and kept under $W/builds/<commit>.
build() {
  local commit dir
  commit=$(git rev-parse --short "$1")
  dir="$W/builds/$commit"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    local tree="$W/builds/tree-$commit"
    git worktree remove --force "$tree" 2>/dev/null || true
    git worktree add -q --detach "$tree" "$commit"
    (cd "$tree" && mvn -B -q -DskipTests -P"$SPARK_PROFILE" package) >&2
    cp "$tree"/target/clusterbench-*-spark"$SPARK_LINE".jar "$dir/clusterbench.jar"
    cp "$tree/jobs/generated.yaml" "$dir/generated.yaml"
    git worktree remove --force "$tree"
    touch "$dir/.complete"
  fi
  echo "$dir"
}
A=$(build "$REV_A"); B=$(build "$REV_B")

source scripts/lib/measure.sh
# One pipeline run of a build into a fresh output directory; sets $wall and $rss_mib.
run() {
  rm -rf "$W/output-builds"
  measure "$2" java "${SPARK_JAVA_FLAGS[@]}" -Xmx8g -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" \
    -cp "$1/clusterbench.jar:$CP" io.clusterbench.cli.ClusterbenchCli run --job "$1/generated.yaml" --input "$IN" \
    --output "$W/output-builds"
}

echo "bench-builds $SIZE firms: A = $REV_A ($(basename "$A")), B = $REV_B ($(basename "$B")); $(nproc) cores," \
  "$(free -g | awk '/^Mem/ { print $2 }') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
walls_a=(); walls_b=()
for i in $(seq 1 "$ROUNDS"); do
  run "$A" "$W/builds-A-$SIZE-$i.log"; walls_a+=("$wall"); echo "  round $i A: $wall s, peak RSS $rss_mib MiB"
  run "$B" "$W/builds-B-$SIZE-$i.log"; walls_b+=("$wall"); echo "  round $i B: $wall s, peak RSS $rss_mib MiB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ma=$(median "${walls_a[@]}"); mb=$(median "${walls_b[@]}")
echo "  median A $ma s, median B $mb s, B / A = $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.3f", b / a }')"
