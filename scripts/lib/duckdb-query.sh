#!/usr/bin/env bash
# Runs one SQL query with DuckDB (its JDBC driver from the test classpath) and prints the rows as CSV lines.
# Usage: scripts/lib/duckdb-query.sh "SELECT ... FROM read_parquet('OUT/rejects/as_of=.../*.parquet')"
set -euo pipefail
source "$(dirname "$0")/spark-env.sh"
CP=$(test_classpath)
[ -f "$ROOT/target/test-classes-spark$SPARK_LINE/io/clusterbench/tools/DuckDbQuery.class" ] \
  || (cd "$ROOT" && mvn -B -q -P"$SPARK_PROFILE" test-compile) >&2
exec java -Xmx1g -cp "$CP" io.clusterbench.tools.DuckDbQuery "$1"
