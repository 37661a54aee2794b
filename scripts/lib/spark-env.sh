# Sourced by the scripts: Spark's classpath from Maven's local repository and Spark's Java 17 flags, so the
# job runs without a Spark distribution (none can be downloaded on these machines).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The Spark line the scripts build for and run on: 4 (the default, as the build's) or 3.5. SPARK_RUNTIME_VERSION
# runs the jar on another release of that line (e.g. 4.2.0 for the 4 jar, which is built against 4.1.3).
SPARK_LINE=${SPARK_LINE:-4}
case "$SPARK_LINE" in
  4)   SPARK_PROFILE=spark-4;   SCALA_BINARY=2.13; SPARK_BUILD_VERSION=4.1.3 ;;
  3.5) SPARK_PROFILE=spark-3.5; SCALA_BINARY=2.12; SPARK_BUILD_VERSION=3.5.9 ;;
  *) echo "SPARK_LINE must be 4 or 3.5, not '$SPARK_LINE'" >&2; exit 2 ;;
esac
SPARK_RUNTIME_VERSION=${SPARK_RUNTIME_VERSION:-$SPARK_BUILD_VERSION}
# org.apache.spark.launcher.JavaModuleOptions of each line; partial lists fail on later code paths.
SPARK_JAVA_FLAGS=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false)
[ "$SPARK_LINE" = 3.5 ] || SPARK_JAVA_FLAGS+=(--add-modules=jdk.incubator.vector
  -Dio.netty.tryReflectionSetAccessible=true
  -Dio.netty.allocator.type=pooled -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE
  --enable-native-access=ALL-UNNAMED)

# The application jar of SPARK_LINE, built with its profile if it is not there.
app_jar() {
  local jar
  jar=$(ls "$ROOT"/target/clusterbench-*-spark"$SPARK_LINE".jar 2>/dev/null | head -n 1 || true)
  if [ -z "$jar" ]; then
    (cd "$ROOT" && mvn -B -q -DskipTests -P"$SPARK_PROFILE" package) >&2
    jar=$(ls "$ROOT"/target/clusterbench-*-spark"$SPARK_LINE".jar | head -n 1)
  fi
  echo "$jar"
}

# Spark SPARK_RUNTIME_VERSION and its dependencies as a cluster provides them (scripts/lib/spark-runtime.pom),
# resolved once per release and Scala version.
spark_classpath() {
  local cp="$ROOT/target/spark-classpath-$SPARK_RUNTIME_VERSION-$SCALA_BINARY.txt"
  local pom="$ROOT/scripts/lib/spark-runtime.pom"
  if [ ! -s "$cp" ] || [ "$pom" -nt "$cp" ]; then
    mkdir -p "$ROOT/target"
    mvn -B -q -f "$pom" dependency:build-classpath -Dspark.version="$SPARK_RUNTIME_VERSION" \
      -Dscala.binary.version="$SCALA_BINARY" -DincludeScope=runtime -Dmdep.outputFile="$cp" >&2
  fi
  cat "$cp"
}

LOCAL_LOG_CONFIG="$ROOT/scripts/lib/log4j2-local.properties"
[ -z "${CLUSTERBENCH_LOG_TRACES:-}" ] || LOCAL_LOG_CONFIG="$ROOT/scripts/lib/log4j2-local-traces.properties"

# The project's test classpath (Spark, DuckDB's JDBC driver, the test-tree tools), for the benchmark tools.
test_classpath() {
  local cp="$ROOT/target/test-classpath-$SPARK_LINE.txt"
  if [ ! -s "$cp" ] || [ "$ROOT/pom.xml" -nt "$cp" ]; then
    mkdir -p "$ROOT/target"
    (cd "$ROOT" && mvn -B -q -P"$SPARK_PROFILE" dependency:build-classpath -Dmdep.outputFile="$cp") >&2
  fi
  echo "$ROOT/target/test-classes-spark$SPARK_LINE:$ROOT/target/classes-spark$SPARK_LINE:$(cat "$cp")"
}
