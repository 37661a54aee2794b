#!/usr/bin/env bash
# Runs a job on a real Spark standalone cluster on 127.0.0.1 (one Master, two Workers, executors in JVMs of
# their own, so tasks cross process boundaries: serialization, the fetched application jar, shuffles between
# executors) and in embedded local mode, and checks that every published table is identical.
# Usage: scripts/cluster-run.sh [INPUT_DIR ...]    (default: sample-data)
#   SPARK_LINE=4 (default) or 3.5 picks the jar and the Spark release of the cluster (scripts/lib/spark-env.sh).
#   e.g. scripts/gen-data.sh --firms 100k --out /tmp/gen-100k && scripts/cluster-run.sh sample-data /tmp/gen-100k
# Each input runs with jobs/sample.yaml if it is the sample, else with jobs/generated.yaml (gen-data's inputs).
# Environment: CLUSTER_JOB (overrides that choice; as_of is taken from the job), CLUSTER_WORKER_MEMORY (2g),
#   CLUSTER_EXECUTOR_MEMORY (the worker's), CLUSTER_DRIVER_MEMORY (2g), CLUSTER_SHUFFLE_PARTITIONS (4),
#   CLUSTER_PORTS (range to pick free ports from, 20000-29999), CLUSTER_RUN_TIMEOUT (seconds per run, 900)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/spark-env.sh

job_for() { if [ -n "${CLUSTER_JOB:-}" ]; then echo "$CLUSTER_JOB"; elif [ "$1" -ef sample-data ]; then echo jobs/sample.yaml; else echo jobs/generated.yaml; fi; }
as_of_of() { sed -n 's/^as_of:[[:space:]]*\([0-9-]*\).*/\1/p' "$1"; }
WORKER_MEMORY=${CLUSTER_WORKER_MEMORY:-2g}
EXECUTOR_MEMORY=${CLUSTER_EXECUTOR_MEMORY:-$WORKER_MEMORY} # more than the worker has: the app would wait forever
DRIVER_MEMORY=${CLUSTER_DRIVER_MEMORY:-2g}
# Not the local run's 8 (so results must not depend on partitioning) nor Spark's 200 (18,000+ tasks, 4+ min).
SHUFFLE_PARTITIONS=${CLUSTER_SHUFFLE_PARTITIONS:-4}
PORT_RANGE=${CLUSTER_PORTS:-20000-29999}
RUN_TIMEOUT=${CLUSTER_RUN_TIMEOUT:-900}
[ $# -gt 0 ] || set -- sample-data

# Absolute paths everywhere: executors run in work dirs of their own (relative --input/--output work today only
# because the job qualifies them on the driver).
W="$ROOT/target/cluster-run-spark$SPARK_LINE"
LOGS="$W/logs"
JAR=$(app_jar)
CP=$(spark_classpath)
rm -rf "$W" && mkdir -p "$LOGS" "$W/spark-home/jars" "$W/driver-tmp"
export SPARK_LOCAL_IP=127.0.0.1

# Every JVM this script starts (master, workers, drivers, executors, local runs) carries this property, so
# that leftovers can be found by their command line whatever started them.
TAG="clusterbench.cluster-run=$$.$(date +%s)"
START=$(date +%s)

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
fail() {
  local -a logs
  echo "cluster-run: $*" >&2
  mapfile -t logs < <(find "$LOGS" "$W"/worker-*/app-* -type f \( -path "$LOGS/*" -o -name stderr \) 2> /dev/null | sort)
  [ ${#logs[@]} -eq 0 ] || { echo "cluster-run: logs:"; printf '  %s\n' "${logs[@]}"; } >&2
  exit 1
}
port_in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
master_json() { curl -fsS --max-time 2 "http://127.0.0.1:$MASTER_UI/json/" 2> /dev/null; }
# Ours: tagged, or an executor of one of our workers (should one ever start without the tag).
our_pids() {
  { pgrep -f -- "-D$TAG"
    [ ${#PORTS[@]} -lt 6 ] || pgrep -f -- "--worker-url spark://Worker@127\.0\.0\.1:(${PORTS[2]}|${PORTS[4]}) "
  } | sort -u || true
}

PIDS=() PORTS=()
cleanup() {
  local rc=$? left i
  local -a pids=() killed=()
  trap - EXIT INT TERM
  # Workers first (each kills its executors on SIGTERM), then the master and any driver or local run an
  # interruption left; SIGKILL whatever is still there after 10 s. stderr off: bash's "Killed" job notices.
  {
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill -TERM "${PIDS[i]}" || true; done
    mapfile -t pids < <(our_pids)
    [ ${#pids[@]} -eq 0 ] || kill -TERM "${pids[@]}" || true
    for _ in $(seq 1 50); do [ -z "$(our_pids)" ] && break; sleep 0.2; done
    mapfile -t killed < <(our_pids)
    [ ${#killed[@]} -eq 0 ] || { kill -9 "${killed[@]}" || true; sleep 1; }
    wait "${PIDS[@]}" || true
  } 2> /dev/null
  [ ${#killed[@]} -eq 0 ] || echo "cluster-run: SIGKILL to leftovers: ${killed[*]}" >&2
  left=$(our_pids | wc -l)
  echo "cluster-run: processes left behind: $left"
  [ "$left" -eq 0 ] || rc=1
  echo "cluster-run: total $(( $(date +%s) - START ))s"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

INPUTS=() JOBS=()
for dir in "$@"; do
  [ -d "$dir" ] || fail "input directory $dir not found"
  JOBS+=("$(job_for "$dir")")
  [ -n "$(as_of_of "${JOBS[-1]}")" ] || fail "no as_of in ${JOBS[-1]}"
  INPUTS+=("$(cd "$dir" && pwd)")
done

# Ports: a random free sample of the range, so that a busy 7077/8080 (or a second copy of this script) does
# not matter; spark.port.maxRetries=0 makes a port taken in the meantime fail loudly instead of moving.
for p in $(shuf -i "$PORT_RANGE"); do
  port_in_use "$p" || PORTS+=("$p")
  [ ${#PORTS[@]} -lt 6 ] || break
done
[ ${#PORTS[@]} -eq 6 ] || fail "not 6 free ports in $PORT_RANGE"
MASTER_PORT=${PORTS[0]} MASTER_UI=${PORTS[1]}
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"
DAEMON_FLAGS=("${SPARK_JAVA_FLAGS[@]}" -Xmx512m "-D$TAG" -Dspark.port.maxRetries=0
              -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG")

t=$(date +%s.%N)
java "${DAEMON_FLAGS[@]}" -cp "$CP" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$MASTER_UI" > "$LOGS/master.log" 2>&1 &
PIDS+=($!)
for n in 1 2; do
  mkdir -p "$W/worker-$n"
  # A worker builds executor command lines like a distribution would: SPARK_HOME/jars (empty here) plus
  # SPARK_DIST_CLASSPATH; SPARK_SCALA_VERSION spares it looking for a source tree's build output.
  # SPARK_LOCAL_DIRS keeps executors' scratch (fetched jar, shuffle files) here rather than in /tmp.
  SPARK_HOME="$W/spark-home" SPARK_SCALA_VERSION=$SCALA_BINARY SPARK_DIST_CLASSPATH="$CP" SPARK_LOCAL_DIRS="$W/worker-$n/local" \
    java "${DAEMON_FLAGS[@]}" -cp "$CP" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --port "${PORTS[2 * n]}" --webui-port "${PORTS[2 * n + 1]}" \
    --cores 1 --memory "$WORKER_MEMORY" --work-dir "$W/worker-$n" "$MASTER_URL" > "$LOGS/worker-$n.log" 2>&1 &
  PIDS+=($!)
done

# Up when the master says ALIVE with both workers registered (log lines are not a contract).
alive=0
for _ in $(seq 1 180); do
  for pid in "${PIDS[@]}"; do kill -0 "$pid" 2> /dev/null || fail "a cluster process (pid $pid) died while starting"; done
  json=$(master_json || true)
  if grep -q '"status" *: *"ALIVE"' <<< "$json"; then
    alive=$(grep -o '"aliveworkers" *: *[0-9]*' <<< "$json" | grep -o '[0-9]*$' || echo 0)
    [ "$alive" -ge 2 ] && break
  fi
  sleep 0.5
done
[ "$alive" -ge 2 ] || fail "cluster not up after 90s (master ALIVE with 2 workers): $alive workers alive"
echo "cluster-run: Spark $SPARK_RUNTIME_VERSION, $(basename "$JAR")"
echo "cluster-run: master $MASTER_URL (UI http://127.0.0.1:$MASTER_UI) with 2 workers up in $(elapsed "$t")s"

# interruptible OUT ERR CMD...: long steps run in the background so that a signal to this script is handled
# at once, not after them; their redirections stay inside, or the trap's messages would land in their logs.
interruptible() { local out=$1 err=$2; shift 2; "$@" > "$out" 2> "$err" & wait $!; }
apps() { find "$W"/worker-* -mindepth 1 -maxdepth 1 -name 'app-*' -printf '%f\n' 2> /dev/null | sort -u; }

export CLUSTERBENCH_JAVA_OPTS="-Xmx4g -D$TAG" # scripts/clusterbench: local runs and digests
for i in "${!INPUTS[@]}"; do
  n=$((i + 1)) dir=${INPUTS[i]} name=${dir#"$ROOT"/} JOB=${JOBS[i]}
  AS_OF=$(as_of_of "$JOB")
  cluster_out="$W/out-cluster-$n" local_out="$W/out-local-$n"

  before=$(apps)
  t=$(date +%s.%N)
  # Client mode: the driver is this JVM. Executors get Spark's Java 17 flags from the driver (SparkContext
  # prepends them to spark.executor.extraJavaOptions); only the tag is ours. Its scratch (java.io.tmpdir, also
  # spark.local.dir's default) goes under $W, so that even a SIGKILLed driver leaves nothing in /tmp.
  interruptible "$LOGS/cluster-$n.out" "$LOGS/cluster-$n.log" timeout --kill-after=10 "$RUN_TIMEOUT" \
    java "${SPARK_JAVA_FLAGS[@]}" "-Xmx$DRIVER_MEMORY" "-D$TAG" -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" \
    -Djava.io.tmpdir="$W/driver-tmp" -cp "$CP" org.apache.spark.deploy.SparkSubmit \
    --master "$MASTER_URL" --deploy-mode client --class io.clusterbench.cli.ClusterbenchCli \
    --conf spark.executor.memory="$EXECUTOR_MEMORY" --conf spark.executor.extraJavaOptions="-D$TAG" \
    --conf spark.sql.shuffle.partitions="$SHUFFLE_PARTITIONS" --conf spark.ui.enabled=false \
    "$JAR" run --job "$JOB" --input "$dir" --output "$cluster_out" \
    || { rc=$?; [ "$rc" -ne 124 ] || fail "$name: cluster run not done after ${RUN_TIMEOUT}s (an executor" \
           "larger than a worker's memory waits forever: CLUSTER_EXECUTOR_MEMORY <= CLUSTER_WORKER_MEMORY)"
         fail "$name: cluster run failed (exit $rc)"; }
  cluster_time=$(elapsed "$t")
  app=$(comm -13 <(echo "$before") <(apps) | tail -n 1)
  [ -n "$app" ] || fail "$name: no executor of the cluster run started under $W/worker-*"
  executors=$(find "$W"/worker-*/"$app" -mindepth 1 -maxdepth 1 -type d | wc -l)
  tasks=$(cat "$W"/worker-*/"$app"/*/stderr | grep -c 'Executor: Running task' || true)
  used=$(find "$W"/worker-*/"$app" -mindepth 1 -maxdepth 1 -type d | sed 's|/app-.*||' | sort -u | wc -l)
  [ "$tasks" -gt 0 ] || fail "$name: executors of $app ran no task (see their stderr)"
  master_json | grep -q "\"$app\"" || fail "$name: the master does not know $app"
  echo "cluster-run: $name: cluster run ${cluster_time}s ($app: $executors executor JVMs on $used workers ran $tasks tasks)"

  t=$(date +%s.%N)
  interruptible "$LOGS/local-$n.out" "$LOGS/local-$n.log" \
    scripts/clusterbench run --job "$JOB" --input "$dir" --output "$local_out" \
    || fail "$name: local run failed (exit $?)"
  echo "cluster-run: $name: local run $(elapsed "$t")s"

  for side in cluster local; do
    out="$W/out-$side-$n"
    interruptible "$W/digest-$side-$n.txt" "$LOGS/digest-$side-$n.log" \
      scripts/clusterbench digest --output "$out" --as-of "$AS_OF" \
      || fail "$name: digest of $out failed (exit $?)"
  done
  tables=$(wc -l < "$W/digest-local-$n.txt")
  [ "$tables" -gt 0 ] || fail "$name: the local run published no table"
  if ! diff "$W/digest-cluster-$n.txt" "$W/digest-local-$n.txt" > "$W/digest-$n.diff"; then
    echo "cluster-run: $name: tables differ (< cluster, > local):" >&2
    cat "$W/digest-$n.diff" >&2
    fail "$name: cluster and local snapshots differ"
  fi
  echo "cluster-run: $name: $tables tables identical (cluster vs local)"
done
