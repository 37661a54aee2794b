# Sourced by the scripts: Spark's classpath from Maven's local repository and Spark's Java 17 flags, so the
# job runs without a Spark distribution (none can be downloaded on these machines).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The list of org.apache.spark.launcher.JavaModuleOptions (Spark 3.5); partial lists fail on later code paths.
SPARK_JAVA_FLAGS=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false)

app_jar() {
  local jar
  jar=$(ls "$ROOT"/target/clusterbench-*.jar 2>/dev/null | grep -v -e original -e sources | head -n 1 || true)
  if [ -z "$jar" ]; then
    (cd "$ROOT" && mvn -B -q -DskipTests package) >&2
    jar=$(ls "$ROOT"/target/clusterbench-*.jar | grep -v -e original -e sources | head -n 1)
  fi
  echo "$jar"
}

# Spark and its dependencies as a cluster provides them (scripts/lib/spark-runtime.pom), resolved once.
spark_classpath() {
  local cp="$ROOT/target/spark-classpath.txt"
  local pom="$ROOT/scripts/lib/spark-runtime.pom"
  if [ ! -s "$cp" ] || [ "$pom" -nt "$cp" ]; then
    mkdir -p "$ROOT/target"
    mvn -B -q -f "$pom" dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$cp" >&2
  fi
  cat "$cp"
}

LOCAL_LOG_CONFIG="$ROOT/scripts/lib/log4j2-local.properties"

# The project's test classpath (Spark, DuckDB's JDBC driver, the test-tree tools), for the benchmark tools.
test_classpath() {
  local cp="$ROOT/target/test-classpath.txt"
  if [ ! -s "$cp" ] || [ "$ROOT/pom.xml" -nt "$cp" ]; then
    mkdir -p "$ROOT/target"
    (cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp") >&2
  fi
  echo "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$cp")"
}
