#!/usr/bin/env bash
# Builds the application jar and runs the whole pipeline on sample-data/ in embedded local mode.
# SPARK_LINE=3.5 builds and runs the Spark 3.5 jar instead of the Spark 4 one.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/spark-env.sh
mvn -B -q -DskipTests -P"$SPARK_PROFILE" clean package
exec scripts/clusterbench run --job jobs/sample.yaml "$@"
