package io.clusterbench.tools;

import io.clusterbench.SparkSessions;
import io.clusterbench.ingest.HeaderMatcher;
import io.clusterbench.ingest.SourceSpec;
import io.clusterbench.ingest.Sources;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;

/**
 * The floors of scripts/bench.sh, each in the pipeline's own session ({@link SparkSessions}, local[*]):
 * <ul>
 *   <li>{@code ParseFloor INPUT} — the <em>parse floor</em>: Spark reading every source CSV of an input directory
 *   with the header's columns as its schema, and touching every column, nothing else. No job can read its input
 *   faster than this, so the pipeline's wall time is reported as a multiple of it.</li>
 *   <li>{@code ParseFloor INPUT --write DIR} — the <em>staging floor</em>: the same read, each source written once
 *   as Parquet with the pipeline's scratch settings (no dictionary), nothing else: what any job pays that parses
 *   each source once into a staging dataset that later steps read, before it validates or computes anything.</li>
 *   <li>{@code ParseFloor INPUT --join DIR} — the <em>join floor</em>: from the staging floor's Parquet in DIR, the
 *   patents' applicant lists exploded and joined to the firms' names, the pairs counted: the one join that
 *   metrics.md's patent attribution cannot do without, bare (no codes, no normalisation, no former names, no
 *   per-patent counts). Added to the staging floor, it is a floor for parsing plus attribution.</li>
 * </ul>
 */
public final class ParseFloor {
    private static final String USAGE = "usage: ParseFloor INPUT_DIR [--write STAGING_DIR | --join STAGING_DIR]";

    private ParseFloor() {
    }

    public static void main(String[] args) throws IOException {
        if (!(args.length == 1 || args.length == 3 && (args[1].equals("--write") || args[1].equals("--join")))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path input = Path.of(args[0]).toAbsolutePath();
        SparkSession spark = SparkSessions.create();
        if (args.length == 1) {
            parseFloor(spark, input);
        } else if (args[1].equals("--write")) {
            stagingFloor(spark, input, args[2]);
        } else {
            joinFloor(spark, input, args[2]);
        }
        spark.stop();
    }

    private static final List<String> SOURCES = List.of("enterprises", "patents", "funding", "financials");

    /** The sources the input directory holds, in a fixed order. */
    private static List<String> sourcesIn(Path input) {
        return SOURCES.stream().filter(s -> Files.isDirectory(input.resolve(s))).toList();
    }

    private static void parseFloor(SparkSession spark, Path input) throws IOException {
        long total = 0;
        for (String source : sourcesIn(input)) {
            long start = System.nanoTime();
            Dataset<Row> rows = read(spark, input.resolve(source));
            List<Column> touched = new ArrayList<>();
            touched.add(count(lit(1)));
            for (String c : rows.columns()) {
                touched.add(sum(length(rows.col("`" + c + "`"))));
            }
            Row r = rows.agg(touched.get(0), touched.subList(1, touched.size()).toArray(Column[]::new)).first();
            System.out.printf("parse-floor: %-12s %,d rows in %.1f s%n", source, r.getLong(0), seconds(start));
            total += r.getLong(0);
        }
        System.out.printf("parse-floor: %,d rows%n", total);
    }

    private static void stagingFloor(SparkSession spark, Path input, String staging) throws IOException {
        for (String source : sourcesIn(input)) {
            long start = System.nanoTime();
            Dataset<Row> rows = read(spark, input.resolve(source));
            // Columns by position (c0, c1, …), so that the join floor finds them by the header's field index.
            rows.toDF(IntStream.range(0, rows.columns().length).mapToObj(i -> "c" + i).toArray(String[]::new))
                    .write().mode(SaveMode.Overwrite).option("parquet.enable.dictionary", "false")
                    .parquet(staging + "/" + source);
            System.out.printf("staging-floor: %-12s written in %.1f s%n", source, seconds(start));
        }
    }

    private static void joinFloor(SparkSession spark, Path input, String staging) throws IOException {
        long start = System.nanoTime();
        Dataset<Row> names = spark.read().parquet(staging + "/enterprises")
                .select(col(field(input, Sources.ENTERPRISES, "name")).as("name"));
        Dataset<Row> applicants = spark.read().parquet(staging + "/patents")
                .select(explode(split(col(field(input, Sources.PATENTS, "applicants")), ";")).as("name"));
        long pairs = applicants.join(names, "name").count();
        System.out.printf("join-floor: %,d applicant-firm name pairs in %.1f s%n", pairs, seconds(start));
    }

    /** The staging floor's column holding a contract column, found in the CSV header as the pipeline finds it. */
    private static String field(Path input, SourceSpec spec, String column) throws IOException {
        int f = HeaderMatcher.match(spec, header(input.resolve(spec.name()))).slotIndex()[spec.slot(column)];
        if (f < 0) {
            throw new IllegalArgumentException(spec.name() + " has no column " + column);
        }
        return "c" + f;
    }

    private static Dataset<Row> read(SparkSession spark, Path dir) throws IOException {
        StructType schema = new StructType();
        for (String name : header(dir)) {
            schema = schema.add(name, DataTypes.StringType, true);
        }
        return spark.read().option("header", "true").option("encoding", "UTF-8").option("mode", "PERMISSIVE")
                .schema(schema).csv(dir.toString());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static List<String> header(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Path first = files.filter(p -> p.toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
            try (BufferedReader r = Files.newBufferedReader(first, StandardCharsets.UTF_8)) {
                return List.of(r.readLine().replace("\uFEFF", "").split(","));
            }
        }
    }
}
