#!/usr/bin/env bash
# Builds the application jar and runs the whole pipeline on sample-data/ in embedded local mode.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests clean package
exec scripts/clusterbench run --job jobs/sample.yaml "$@"
