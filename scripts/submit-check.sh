#!/usr/bin/env bash
# Submits both application jars through org.apache.spark.deploy.SparkSubmit of real Spark runtimes (from Maven
# Central, as a cluster's jars/ would hold them) in local[2], as a user would with spark-submit:
#   - each jar on each runtime of its own line publishes the snapshot, with ANSI mode as the runtime defaults
#     it and switched the other way, and every published table (run_summary and the report aside, which record
#     the Spark version and settings) is identical across all of these runs (clusterbench digest);
#   - each jar on a runtime of the other line stops with exit 2 and one line naming the jar to use.
# Usage: scripts/submit-check.sh [INPUT_DIR]    (default: sample-data, with jobs/sample.yaml; another directory
#        runs with jobs/generated.yaml, e.g. one written by scripts/gen-data.sh)
# Environment: SUBMIT_RUNTIMES_4 (default "4.1.3 4.2.0"), SUBMIT_RUNTIMES_35 (default "3.5.9").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
INPUT=${1:-sample-data}
[ -d "$INPUT" ] || { echo "submit-check: input directory $INPUT not found" >&2; exit 2; }
INPUT=$(cd "$INPUT" && pwd)
if [ "$INPUT" -ef sample-data ]; then JOB=jobs/sample.yaml; else JOB=jobs/generated.yaml; fi
AS_OF=$(sed -n 's/^as_of:[[:space:]]*\([0-9-]*\).*/\1/p' "$JOB")
W="$ROOT/target/submit-check"
rm -rf "$W" && mkdir -p "$W"
export SPARK_LOCAL_IP=127.0.0.1
START=$(date +%s)
failures=0
fail() { echo "submit-check: FAIL: $*" >&2; failures=$((failures + 1)); }

# in_line LINE RUNTIME SCRIPT [ARG...]: runs the bash SCRIPT with scripts/lib/spark-env.sh loaded for that
# Spark line and runtime release (empty: the release the line is built against).
in_line() {
  local line=$1 runtime=$2 script=$3; shift 3
  SPARK_LINE=$line SPARK_RUNTIME_VERSION=$runtime bash -c "source scripts/lib/spark-env.sh; $script" _ "$@"
}
jar_of() { in_line "$1" "" app_jar; }
JAR_4=$(jar_of 4)
JAR_35=$(jar_of 3.5)
echo "submit-check: jars $(basename "$JAR_4"), $(basename "$JAR_35")"

# submit LINE RUNTIME JAR NAME [SPARK-SUBMIT OPTIONS...]: one spark-submit of the job; stdout and stderr kept.
submit() {
  local line=$1 runtime=$2 jar=$3 name=$4; shift 4
  in_line "$line" "$runtime" '
    cp=$(spark_classpath)
    exec java "${SPARK_JAVA_FLAGS[@]}" -Xmx3g -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" -cp "$cp" \
      org.apache.spark.deploy.SparkSubmit --master "local[2]" --class io.clusterbench.cli.ClusterbenchCli "$@"' \
    "$@" "$jar" run --job "$JOB" --input "$INPUT" --output "$W/out-$name" > "$W/$name.out" 2> "$W/$name.err"
}

# Published tables except run_summary and the report: the lines must agree on every one of them.
digest_of() {
  in_line 4 "" 'cp=$(spark_classpath); exec java "${SPARK_JAVA_FLAGS[@]}" -Xmx2g \
    -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" -cp "$(app_jar):$cp" io.clusterbench.cli.ClusterbenchCli \
    digest --output "$1" --as-of "$2"' "$W/out-$1" "$AS_OF" 2> "$W/digest-$1.log" \
    | grep -v -e '^run_summary ' -e '^report ' > "$W/digest-$1.txt"
}

REFERENCE=
# good LINE RUNTIME JAR ANSI: the jar on a runtime of its own line, ANSI mode as given.
good() {
  local line=$1 runtime=$2 jar=$3 ansi=$4 name="spark$1-on-$2-ansi-$4" t rc=0
  t=$(date +%s)
  submit "$line" "$runtime" "$jar" "$name" --conf spark.sql.ansi.enabled="$ansi" || rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "$(basename "$jar") on Spark $runtime (ANSI $ansi): exit $rc, see $W/$name.err"; return
  fi
  [ -f "$W/out-$name/_runs/as_of=$AS_OF/_SUCCESS" ] || { fail "$name: no _SUCCESS"; return; }
  digest_of "$name"
  local tables; tables=$(wc -l < "$W/digest-$name.txt")
  if [ -z "$REFERENCE" ]; then
    REFERENCE=$name
    echo "submit-check: $(basename "$jar") on Spark $runtime, ANSI $ansi: exit 0 in $(( $(date +%s) - t ))s, $tables tables (the reference)"
  elif diff "$W/digest-$REFERENCE.txt" "$W/digest-$name.txt" > "$W/digest-$name.diff"; then
    echo "submit-check: $(basename "$jar") on Spark $runtime, ANSI $ansi: exit 0 in $(( $(date +%s) - t ))s, $tables tables identical to $REFERENCE"
  else
    fail "$name: tables differ from $REFERENCE (< reference, > this run):"; cat "$W/digest-$name.diff" >&2
  fi
}

# wrong RUNTIME_LINE RUNTIME JAR EXPECTED_JAR: a jar of the other line on a runtime of RUNTIME_LINE (that
# line's Scala, classpath and JVM flags, as its cluster has them) stops at once, naming the right jar.
wrong() {
  local line=$1 runtime=$2 jar=$3 expected=$4 name="$(basename "$3" .jar)-on-$2" rc=0
  submit "$line" "$runtime" "$jar" "$name" || rc=$?
  local ours; ours=$(grep -c '^clusterbench:' "$W/$name.err" || true)
  if [ "$rc" -ne 2 ]; then
    fail "$(basename "$jar") on Spark $runtime: exit $rc, expected 2 (see $W/$name.err)"
  elif [ "$ours" -ne 1 ] || ! grep -q "^clusterbench: error: .*submit $expected instead\$" "$W/$name.err"; then
    fail "$(basename "$jar") on Spark $runtime: expected one line naming $expected, got:"; cat "$W/$name.err" >&2
  elif grep -qE '^\s+at |Exception|Error:' <(grep -v '^clusterbench: error:' "$W/$name.err"); then
    fail "$(basename "$jar") on Spark $runtime: a stack trace on stderr (see $W/$name.err)"
  elif [ -e "$W/out-$name" ]; then
    fail "$(basename "$jar") on Spark $runtime: wrote to its output directory before stopping"
  else
    echo "submit-check: $(basename "$jar") on Spark $runtime: exit 2, $(grep '^clusterbench:' "$W/$name.err")"
  fi
}

for runtime in ${SUBMIT_RUNTIMES_35:-3.5.9}; do
  good 3.5 "$runtime" "$JAR_35" false
  good 3.5 "$runtime" "$JAR_35" true
  wrong 3.5 "$runtime" "$JAR_4" "$(basename "$JAR_35")"
done
for runtime in ${SUBMIT_RUNTIMES_4:-4.1.3 4.2.0}; do
  good 4 "$runtime" "$JAR_4" true
  wrong 4 "$runtime" "$JAR_35" "$(basename "$JAR_4")"
done
first_4=$(echo ${SUBMIT_RUNTIMES_4:-4.1.3 4.2.0} | cut -d' ' -f1)
good 4 "$first_4" "$JAR_4" false

echo "submit-check: total $(( $(date +%s) - START ))s, failures: $failures"
[ "$failures" -eq 0 ]
