#!/usr/bin/env bash
# Writes a realistic generated input directory in the contract's format, deterministic by seed: enterprises,
# patents (as many as firms), funding events (a tenth), financials, the sample's zones and published figures.
# Sources are directories of chunk files. About 350 bytes per firm row; 10M firms need ≈ 7 GB of disk.
# Usage: scripts/gen-data.sh --firms N --out DIR [--seed S] [--bad-share 0.01] [--chunk-rows 250000]
#        (N may be written 100k, 1M, 10M)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/spark-env.sh
GEN=target/test-classes-spark$SPARK_LINE/io/clusterbench/tools/GenerateInput.class
if [ ! -f "$GEN" ] || [ src/test/java/io/clusterbench/tools/GenerateInput.java -nt "$GEN" ]; then
  mvn -B -q -DskipTests -P"$SPARK_PROFILE" test-compile >&2
fi
exec java -Xmx1g -cp target/test-classes-spark$SPARK_LINE io.clusterbench.tools.GenerateInput "$@"
