package io.clusterbench.tools;

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
 * The parse floor of scripts/bench.sh: Spark (same local[*] session settings as the pipeline) reading every source
 * CSV of an input directory with the header's columns as its schema, and touching every column — nothing else.
 * No job can read its input faster than this, so the pipeline's wall time is reported as a multiple of it.
 *
 * <p>With {@code --write DIR} it measures the <em>staging floor</em> instead: the same read, each source written
 * once as Parquet with the pipeline's scratch settings (no dictionary), and nothing else — what any job pays that
 * parses each source once into a staging dataset that later steps read, before it validates or computes anything.
 *
 * <p>With {@code --join} it measures the <em>join floor</em>: the firms' names and the patents' applicant lists read
 * from the same CSV, the applicants exploded and joined to the names, the matches counted — the one join that
 * metrics.md's patent attribution cannot do without, bare (no codes, no normalisation, no former names).
 */
public final class ParseFloor {
    private ParseFloor() {
    }

    /** Usage: ParseFloor INPUT_DIR [--write STAGING_DIR | --join] */
    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]).toAbsolutePath();
        String writeTo = args.length >= 3 && args[1].equals("--write") ? args[2] : null;
        boolean join = args.length >= 2 && args[1].equals("--join");
        String tag = join ? "join-floor" : writeTo == null ? "parse-floor" : "staging-floor";
        SparkSession spark = SparkSession.builder().master(System.getProperty("spark.master", "local[*]"))
                .appName("clusterbench-" + tag).config("spark.ui.enabled", "false").getOrCreate();
        if (join) {
            joinFloor(spark, input);
            spark.stop();
            return;
        }
        long total = 0;
        for (String source : List.of("enterprises", "patents", "funding", "financials")) {
            Path dir = input.resolve(source);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            long start = System.nanoTime();
            Dataset<Row> rows = read(spark, dir);
            StructType schema = rows.schema();
            if (writeTo != null) {
                // Parquet refuses some header characters (the patents' "公开(公告)号"): columns by position.
                rows.toDF(IntStream.range(0, schema.size()).mapToObj(i -> "c" + i).toArray(String[]::new))
                        .write().mode(SaveMode.Overwrite).option("parquet.enable.dictionary", "false")
                        .parquet(writeTo + "/" + source);
                System.out.printf("%s: %-12s written in %.1f s%n", tag, source, seconds(start));
                continue;
            }
            List<Column> touched = new ArrayList<>();
            touched.add(count(lit(1)));
            for (String c : schema.fieldNames()) {
                touched.add(sum(length(rows.col("`" + c + "`"))));
            }
            Row r = rows.agg(touched.get(0), touched.subList(1, touched.size()).toArray(Column[]::new)).first();
            System.out.printf("%s: %-12s %,d rows in %.1f s%n", tag, source, r.getLong(0), seconds(start));
            total += r.getLong(0);
        }
        if (writeTo == null) {
            System.out.printf("%s: %,d rows%n", tag, total);
        }
        spark.stop();
    }

    /** The headers are the generator's (scripts/gen-data.sh): "name" of the firms, "申请(专利权)人" of the patents. */
    private static void joinFloor(SparkSession spark, Path input) throws IOException {
        long start = System.nanoTime();
        Dataset<Row> firms = read(spark, input.resolve("enterprises")).select(col("name"));
        Dataset<Row> applicants = read(spark, input.resolve("patents"))
                .select(explode(split(col("`申请(专利权)人`"), ";")).as("name"));
        long matched = applicants.join(firms, "name").count();
        System.out.printf("join-floor: %,d applicants matched a firm name in %.1f s%n", matched, seconds(start));
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
