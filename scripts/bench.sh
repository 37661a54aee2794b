#!/usr/bin/env bash
# Benchmark on one generated input (scripts/gen-data.sh), side by side in one go:
#   1. parse floor: Spark reading every source CSV, touching every column, nothing else;
#      then, for reference, the contract floor: in one JVM, the work no pipeline of this contract can skip, each
#      piece bare and timed: staging (the same read, each source written once as Parquet), join (from that
#      Parquet, the patents' applicants exploded and joined to the firms' names) and publish (the enterprise
#      columns of the firms table written once more as a published table);
#   2. the full clusterbench pipeline, embedded local mode, all cores, driver heap capped at 8 GiB, twice: on the
#      chunked input and on the same rows written as one file per source (IN-single: each source's chunks
#      concatenated, one header), whose published tables must be identical and whose rejects must sit at the
#      single file's lines (checked against line counts of the chunks by wc -l, an independent count);
#   3. DuckDB reference: plain SQL over the same CSV files for the core zone-year figures;
# then prints wall time, peak RSS and rows/s of each, the ratios, and checks that the core figures of 2 and 3
# agree exactly. Each step is its own JVM, so each pays its own start-up.
# Usage: scripts/bench.sh SIZE     (SIZE: firms, e.g. 100k, 1M, 10M; the input is generated once and kept)
#        scripts/bench.sh sample   the fixed cost instead: the sample run (sample-data/, jobs/sample.yaml, the jar as
#                                  run-sample.sh runs it) against a bare Spark job (session start, one CSV read, one
#                                  Parquet write) and the output floor (every source read and staged once, as many
#                                  tables written as a run publishes, no other work), alternating, ROUNDS times
#                                  (default 3); prints the three and their ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/spark-env.sh
SIZE=${1:?usage: scripts/bench.sh SIZE (e.g. 100k, 1M, 10M) | sample}
# Outside target/ so that `mvn clean` keeps the generated inputs (10M firms is about 4 GB of CSV).
W=${BENCH_DIR:-${TMPDIR:-/tmp}/clusterbench-bench}
IN="$W/input-$SIZE"
OUT="$W/output-$SIZE"
JAR=$(app_jar)
CP=$(spark_classpath)
TCP=$(test_classpath)
AS_OF=2024-06-30
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$W"

if [ "$SIZE" = sample ]; then
  source scripts/lib/measure.sh
  # All three steps get the run's class path (jar, then Spark's jars) and its heap; the bare and floor jobs come
  # from the test classes, which `mvn package` compiles.
  TESTCLASSES="$ROOT/target/test-classes-spark$SPARK_LINE"
  [ -f "$TESTCLASSES/io/clusterbench/tools/OutputFloorJob.class" ] || mvn -B -q -DskipTests -P"$SPARK_PROFILE" package
  S="$W/sample"
  mkdir -p "$S"
  # the tables a run publishes besides the report (a directory of files, not a Spark write)
  TABLES=17
  bare=(); floor=(); run=()
  for r in $(seq "${ROUNDS:-3}"); do
    rm -rf "$S/bare"
    measure "$S/bare-$r.log" java "${SPARK_JAVA_FLAGS[@]}" -Xmx4g -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" \
      -cp "$TESTCLASSES:$JAR:$CP" io.clusterbench.tools.BareSparkJob sample-data/enterprises "$S/bare"
    bare+=("$wall")
    rm -rf "$S/floor"
    measure "$S/floor-$r.log" java "${SPARK_JAVA_FLAGS[@]}" -Xmx4g -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" \
      -cp "$TESTCLASSES:$JAR:$CP" io.clusterbench.tools.OutputFloorJob sample-data "$S/floor" "$TABLES"
    floor+=("$wall")
    rm -rf "$S/out"
    measure "$S/run-$r.log" java "${SPARK_JAVA_FLAGS[@]}" -Xmx4g -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" \
      -cp "$JAR:$CP" io.clusterbench.cli.ClusterbenchCli run --job jobs/sample.yaml --output "$S/out"
    run+=("$wall")
    echo "  round $r: bare Spark job ${bare[-1]} s, output floor ${floor[-1]} s, sample run ${run[-1]} s"
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  mb=$(median "${bare[@]}"); mf=$(median "${floor[@]}"); mr=$(median "${run[@]}")
  echo
  echo "bench sample: $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); JVM start to exit, median of ${#run[@]} rounds"
  printf '  %-66s %8s\n' step "wall s"
  printf '  %-66s %8s\n' "bare Spark job (session, one CSV read, one Parquet write)" "$mb" \
    "output floor (every source staged, $TABLES tables written, no work)" "$mf" \
    "sample run (591 firms, $TABLES tables and the report)" "$mr"
  echo "  output floor / bare Spark job: $(awk -v a="$mf" -v b="$mb" 'BEGIN { printf "%.2f", a / b }')"
  echo "  sample run / bare Spark job: $(awk -v a="$mr" -v b="$mb" 'BEGIN { printf "%.2f", a / b }')"
  echo "  sample run / output floor: $(awk -v a="$mr" -v b="$mf" 'BEGIN { printf "%.2f", a / b }')"
  printf 'sample\t%s\t%s\t%s\t%s\n' "$mb" "$mr" "$(date -u +%FT%TZ)" "$mf" >> "$W/sample-results.tsv"
  exit 0
fi
# Regenerated when the generator changed since the input was written.
if [ ! -f "$IN/.complete" ] || [ src/test/java/io/clusterbench/tools/GenerateInput.java -nt "$IN/.complete" ]; then
  rm -rf "$IN" "$IN-single"
  scripts/gen-data.sh --firms "$SIZE" --out "$IN"
  touch "$IN/.complete"
fi
# The same rows as one file per source: the chunks in name order, the first header only. offsets.csv holds, for
# each chunk, the number of lines before its first data line in the single file (wc -l of the chunks before it).
if [ ! -f "$IN-single/.complete" ]; then
  rm -rf "$IN-single"
  mkdir -p "$IN-single"
  cp "$IN/zones.csv" "$IN/published_figures.csv" "$IN-single/"
  printf 'source,chunk,offset\npublished_figures,published_figures.csv,0\n' > "$IN-single/offsets.csv"
  for d in "$IN"/*/; do
    src=$(basename "$d")
    first=1
    lines=1
    for c in "$d"part-*.csv; do
      echo "$src,$src/$(basename "$c"),$((lines - 1))" >> "$IN-single/offsets.csv"
      if [ $first = 1 ]; then cat "$c"; first=0; else tail -n +2 "$c"; fi
      lines=$((lines + $(wc -l < "$c") - 1))
    done > "$IN-single/$src.csv"
  done
  mv "$IN-single/offsets.csv" "$W/offsets-$SIZE.csv"
  touch "$IN-single/.complete"
fi

source scripts/lib/measure.sh

measure "$W/parse-floor-$SIZE.log" java "${SPARK_JAVA_FLAGS[@]}" -Xmx8g -cp "$TCP" -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" \
  io.clusterbench.tools.ParseFloor "$IN"
floor_wall=$wall; floor_rss=$rss_mib
rows=$(awk '/^parse-floor: [0-9,]+ rows/ { gsub(",", "", $2); print $2 }' "$W/parse-floor-$SIZE.log")

# For reference: what a job of this contract pays before it validates or computes anything — each source parsed
# once into staging, the one join that patent attribution cannot do without, the one table as long as the
# registry written — each bare, in one JVM.
SF="$W/contract-floor-$SIZE"
trap 'rm -rf "$SF"' EXIT
rm -rf "$SF"
measure "$W/contract-floor-$SIZE.log" java "${SPARK_JAVA_FLAGS[@]}" -Xmx8g -cp "$TCP" -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" \
  io.clusterbench.tools.ParseFloor "$IN" --contract "$SF"
contract_wall=$wall; contract_rss=$rss_mib
read -r staging_s join_s publish_s < <(sed -nE 's/^contract-floor: .*\(staging ([0-9.]+) s, join ([0-9.]+) s, publish ([0-9.]+) s\)$/\1 \2 \3/p' \
  "$W/contract-floor-$SIZE.log") || { echo "bench: no contract-floor line in $W/contract-floor-$SIZE.log"; exit 1; }
rm -rf "$SF"

rm -rf "$OUT"
measure "$W/pipeline-$SIZE.log" java "${SPARK_JAVA_FLAGS[@]}" -Xmx8g -Xlog:gc:file="$W/pipeline-gc-$SIZE.log" \
  -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" -cp "$JAR:$CP" io.clusterbench.cli.ClusterbenchCli \
  run --job jobs/generated.yaml --input "$IN" --output "$OUT"
pipe_wall=$wall; pipe_rss=$rss_mib
heap_mib=$(grep -oE '[0-9]+M->[0-9]+M' "$W/pipeline-gc-$SIZE.log" | cut -dM -f1 | sort -n | tail -n 1)

OUT1="$W/output-$SIZE-single"
rm -rf "$OUT1"
measure "$W/pipeline-single-$SIZE.log" java "${SPARK_JAVA_FLAGS[@]}" -Xmx8g -Xlog:gc:file="$W/pipeline-single-gc-$SIZE.log" \
  -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" -cp "$JAR:$CP" io.clusterbench.cli.ClusterbenchCli \
  run --job jobs/generated.yaml --input "$IN-single" --output "$OUT1"
single_wall=$wall; single_rss=$rss_mib
single_heap_mib=$(grep -oE '[0-9]+M->[0-9]+M' "$W/pipeline-single-gc-$SIZE.log" | cut -dM -f1 | sort -n | tail -n 1)

measure "$W/duckdb-$SIZE.log" java -Xmx2g -cp "$TCP" io.clusterbench.tools.DuckDbReference compute "$IN" "$AS_OF" 2015 "$W/reference-$SIZE.csv"
duck_wall=$wall; duck_rss=$rss_mib

echo
echo "bench $SIZE firms: $rows input rows, $(du -sh --apparent-size "$IN" | cut -f1) of CSV; $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
printf '  %-34s %9s %14s %12s\n' step "wall s" "peak RSS MiB" "rows/s"
# rows/s: every input row over the step's wall time.
for s in "parse floor (Spark CSV, all columns)|$floor_wall|$floor_rss" \
         "contract floor (staging+join+firms)|$contract_wall|$contract_rss" \
         "clusterbench pipeline (local[*])|$pipe_wall|$pipe_rss" \
         "pipeline, one file per source|$single_wall|$single_rss" \
         "DuckDB reference (core figures)|$duck_wall|$duck_rss"; do
  IFS='|' read -r n t m <<< "$s"
  printf '  %-34s %9s %14s %12s\n' "$n" "$t" "$m" "$(awk -v r="$rows" -v t="$t" 'BEGIN { printf "%.0f", r / t }')"
done
echo "  pipeline peak heap after GC log: ${heap_mib:-?} MiB (-Xmx8g); one file per source: ${single_heap_mib:-?} MiB"
echo "  one file per source / chunked: $(awk -v a="$single_wall" -v b="$pipe_wall" 'BEGIN { printf "%.2f", a / b }')"
ratio_floor=$(awk -v a="$pipe_wall" -v b="$floor_wall" 'BEGIN { printf "%.2f", a / b }')
ratio_contract=$(awk -v a="$pipe_wall" -v b="$contract_wall" 'BEGIN { printf "%.2f", a / b }')
ratio_duck=$(awk -v a="$pipe_wall" -v b="$duck_wall" 'BEGIN { printf "%.2f", a / b }')
echo "  pipeline / parse floor: $ratio_floor"
echo "  pipeline / contract floor: $ratio_contract"
echo "  contract floor / parse floor: $(awk -v a="$contract_wall" -v b="$floor_wall" 'BEGIN { printf "%.2f", a / b }') (in it: staging $staging_s s, join $join_s s, publish $publish_s s)"
grep -h -E '^(parse|staging|join|publish)-floor: +[a-z0-9]' "$W/parse-floor-$SIZE.log" "$W/contract-floor-$SIZE.log" \
  | sed 's/^/    /'
echo "  pipeline / DuckDB reference: $ratio_duck"
# results.tsv: size, rows, floor s, pipeline s, DuckDB s, floor/pipeline/DuckDB RSS MiB, pipeline heap MiB, time,
# staging s, join s, publish s, contract floor s, pipeline on one file per source s. Rows written before the contract floor have fewer columns, and
# their staging and join are the wall times of two separate JVMs (staging and join floors), not pieces of one.
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$SIZE" "$rows" "$floor_wall" "$pipe_wall" "$duck_wall" \
  "$floor_rss" "$pipe_rss" "$duck_rss" "${heap_mib:-}" "$(date -u +%FT%TZ)" "$staging_s" "$join_s" "$publish_s" \
  "$contract_wall" "$single_wall" >> "$W/results.tsv"
java -Xmx2g -cp "$TCP" io.clusterbench.tools.DuckDbReference compare "$W/reference-$SIZE.csv" "$OUT" "$AS_OF"

# One file per source against chunks: every published table identical (rejects, whose file and line differ by
# construction, the run summary and the report aside) ...
digest() { java -cp "$JAR:$CP" -Dlog4j2.configurationFile="$LOCAL_LOG_CONFIG" io.clusterbench.cli.ClusterbenchCli \
  digest --output "$1" --as-of "$AS_OF" 2>/dev/null | grep -vE '^(rejects|run_summary|report) '; }
if ! diff <(digest "$OUT") <(digest "$OUT1") > "$W/single-diff-$SIZE.txt"; then
  echo "bench: FAIL one file per source gives other tables than chunks:"; cat "$W/single-diff-$SIZE.txt"; exit 1
fi
echo "  one file per source: $(digest "$OUT1" | wc -l) published tables identical to the chunked run's"
# ... and every reject at the line of the single file that the chunk's line maps to
mismatched=$(scripts/lib/duckdb-query.sh "
  WITH o AS (SELECT * FROM read_csv('$W/offsets-$SIZE.csv', header = true, all_varchar = true)),
  chunked AS (SELECT r.source, r.line_no + CAST(o.offset AS BIGINT) AS line_no, r.reason_code
              FROM read_parquet('$OUT/rejects/**/*.parquet', hive_partitioning = true) r JOIN o ON r.file = o.chunk),
  single AS (SELECT source, line_no, reason_code FROM read_parquet('$OUT1/rejects/**/*.parquet', hive_partitioning = true)
             WHERE file = source || '.csv')
  SELECT (SELECT count(*) FROM (SELECT * FROM chunked EXCEPT ALL SELECT * FROM single))
       + (SELECT count(*) FROM (SELECT * FROM single EXCEPT ALL SELECT * FROM chunked)),
         (SELECT count(*) FROM single)" | tail -n 1)
IFS=, read -r bad_lines single_rejects <<< "$mismatched"
if [ "$bad_lines" != 0 ]; then
  echo "bench: FAIL $bad_lines rejects of the single files are not at the lines the chunks map to"; exit 1
fi
echo "  one file per source: $single_rejects rejects, each at the single file's line (chunk line + wc -l offset)"
