package io.clusterbench.tools;

import io.clusterbench.Pipeline;
import io.clusterbench.spark.SparkSessions;
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
import java.util.Locale;
import java.util.Optional;
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
 *   <li>{@code ParseFloor INPUT --contract DIR} — the <em>contract floor</em>: in one session, the three pieces
 *   of work that no pipeline of this contract can skip, each done bare and timed on its own:
 *   <ol>
 *     <li><em>staging</em>: the same read, each source written once as Parquet into DIR with the pipeline's scratch
 *     settings (no dictionary), nothing else: what any job pays that parses each source once into a staging
 *     dataset that later steps read (the guide's layering), before it validates or computes anything;</li>
 *     <li><em>join</em>: from that Parquet, the patents' applicant lists exploded and joined to the firms' names,
 *     the pairs counted: the one join that metrics.md's patent attribution cannot do without (no codes, no
 *     normalisation, no former names, no per-patent counts);</li>
 *     <li><em>publish</em>: from that Parquet, the enterprise columns the published {@code firms} table is derived
 *     from written once more, as the published tables are written (Spark's defaults, dictionary on, as many files
 *     as the pipeline writes for it): an approximation of the one table of outputs.md as long as the registry
 *     (those columns as text, every parsed row, where the table has 22 typed columns of the accepted rows).</li>
 *   </ol></li>
 * </ul>
 */
public final class ParseFloor {
    private static final String USAGE = "usage: ParseFloor INPUT_DIR [--contract SCRATCH_DIR]";
    /** The enterprise columns the published firms table is derived from. */
    private static final List<String> FIRMS_COLUMNS = List.of("credit_code", "name", "enterprise_type", "zone_id",
            "industry_code", "established_date", "status", "deregistered_date", "registered_capital", "employees",
            "listing_board", "listing_date", "tech_sme_years", "hte_cert_dates");

    private ParseFloor() {
    }

    public static void main(String[] args) throws IOException {
        if (!(args.length == 1 || args.length == 3 && args[1].equals("--contract"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path input = Path.of(args[0]).toAbsolutePath();
        SparkSession spark = SparkSessions.create();
        if (args.length == 1) {
            parseFloor(spark, input);
        } else {
            contractFloor(spark, input, args[2]);
        }
        spark.stop();
    }

    /** The sources the input directory holds as directories of chunk files, in the contract's order. */
    private static List<String> sourcesIn(Path input) {
        return Sources.ALL.stream().map(SourceSpec::name).filter(s -> Files.isDirectory(input.resolve(s))).toList();
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
            print("parse-floor: %-12s %,d rows in %.1f s%n", source, r.getLong(0), seconds(start));
            total += r.getLong(0);
        }
        print("parse-floor: %,d rows%n", total);
    }

    private static void contractFloor(SparkSession spark, Path input, String scratch) throws IOException {
        long start = System.nanoTime();
        double staging = staging(spark, input, scratch);
        double join = join(spark, input, scratch);
        double publish = publish(spark, input, scratch);
        print("contract-floor: %.1f s in all (staging %.1f s, join %.1f s, publish %.1f s)%n",
                seconds(start), staging, join, publish);
    }

    private static double staging(SparkSession spark, Path input, String scratch) throws IOException {
        long all = System.nanoTime();
        for (String source : sourcesIn(input)) {
            long start = System.nanoTime();
            Dataset<Row> rows = read(spark, input.resolve(source));
            // Columns by position (c0, c1, …), so that the later pieces find them by the header's field index.
            rows.toDF(IntStream.range(0, rows.columns().length).mapToObj(i -> "c" + i).toArray(String[]::new))
                    .write().mode(SaveMode.Overwrite).option("parquet.enable.dictionary", "false")
                    .parquet(scratch + "/" + source);
            print("staging-floor: %-12s written in %.1f s%n", source, seconds(start));
        }
        return seconds(all);
    }

    private static double join(SparkSession spark, Path input, String scratch) throws IOException {
        long start = System.nanoTime();
        Dataset<Row> names = spark.read().parquet(scratch + "/enterprises")
                .select(col(required(input, Sources.ENTERPRISES, "name")).as("name"));
        Dataset<Row> applicants = spark.read().parquet(scratch + "/patents")
                .select(explode(split(col(required(input, Sources.PATENTS, "applicants")), ";")).as("name"));
        long pairs = applicants.join(names, "name").count();
        print("join-floor: %,d applicant-firm name pairs in %.1f s%n", pairs, seconds(start));
        return seconds(start);
    }

    private static double publish(SparkSession spark, Path input, String scratch) throws IOException {
        long start = System.nanoTime();
        List<Column> columns = new ArrayList<>();
        for (String c : FIRMS_COLUMNS) {
            field(input, Sources.ENTERPRISES, c).ifPresent(f -> columns.add(col(f).as(c)));
        }
        // As Pipeline writes its large tables: as many files, Spark's default Parquet settings.
        int files = Pipeline.largeTableFiles(spark);
        Dataset<Row> firms = spark.read().parquet(scratch + "/enterprises").select(columns.toArray(Column[]::new));
        firms.coalesce(files).write().mode(SaveMode.Overwrite).parquet(scratch + "/firms");
        print("publish-floor: %d columns of the enterprises written as the firms table in %.1f s%n",
                columns.size(), seconds(start));
        return seconds(start);
    }

    /** The staging's column holding a contract column, found in the CSV header as the pipeline finds it. */
    private static Optional<String> field(Path input, SourceSpec spec, String column) throws IOException {
        int f = HeaderMatcher.match(spec, header(input.resolve(spec.name()))).slotIndex()[spec.slot(column)];
        return f < 0 ? Optional.empty() : Optional.of("c" + f);
    }

    private static String required(Path input, SourceSpec spec, String column) throws IOException {
        return field(input, spec, column).orElseThrow(
                () -> new IllegalArgumentException(spec.name() + " has no column " + column));
    }

    private static Dataset<Row> read(SparkSession spark, Path dir) throws IOException {
        StructType schema = new StructType();
        for (String name : header(dir)) {
            schema = schema.add(name, DataTypes.StringType, true);
        }
        return spark.read().option("header", "true").option("encoding", "UTF-8").option("mode", "PERMISSIVE")
                .schema(schema).csv(dir.toString());
    }

    /** Lines that scripts/bench.sh parses: numbers as "1,234" and "5.6" whatever the machine's locale. */
    private static void print(String format, Object... args) {
        System.out.print(String.format(Locale.ROOT, format, args));
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
