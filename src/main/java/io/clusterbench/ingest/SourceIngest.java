package io.clusterbench.ingest;

import io.clusterbench.config.ConfigException;
import io.clusterbench.config.SourceOptions;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * Parses one source into its staging dataset: probe the files (charset, header) on the cluster, check the
 * headers on the driver, stream every file with commons-csv in its own task, resolve duplicate keys, and count
 * where every row went.
 */
public final class SourceIngest {
    private SourceIngest() {
    }

    public static StagedSource ingest(SparkSession spark, InputLayout layout, SourceParser parser,
                                      SourceOptions options, DuplicateRule duplicates) {
        SourceSpec spec = parser.spec();
        List<String> paths = layout.files(spec);
        List<SourceFile> files = probe(spark, layout, spec, options, paths);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> slots = spec.rawLabels();
        JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size()))
                .flatMap(f -> parseFile(f, slots, parser));
        Dataset<Row> parsed = spark.createDataFrame(rows, parser.parsedSchema())
                .persist(StorageLevel.MEMORY_AND_DISK());
        long read = parsed.count();

        Dataset<Row> resolved = duplicates == null ? parsed : resolveDuplicates(parsed, duplicates)
                .persist(StorageLevel.MEMORY_AND_DISK());

        Map<String, Long> byOutcome = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        for (Row r : resolved.groupBy(SourceParser.OUTCOME, SourceParser.REASON).count().collectAsList()) {
            byOutcome.merge(r.getString(0), r.getLong(2), Long::sum);
            if (!r.isNullAt(1)) {
                byReason.put(r.getString(1), r.getLong(2));
            }
        }
        Map<String, Long> flags = new TreeMap<>();
        for (Row r : resolved.filter(col(SourceParser.OUTCOME).equalTo(RowVerdict.Outcome.ACCEPTED))
                .select(explode(col(SourceParser.FLAGS)).as("flag")).groupBy("flag").count().collectAsList()) {
            flags.put(r.getString(0), r.getLong(1));
        }
        LinkedHashSet<String> unknown = new LinkedHashSet<>();
        files.forEach(f -> unknown.addAll(f.mapping().unknownColumns()));
        SourceAccount account = new SourceAccount(spec.name(),
                files.stream().map(f -> new SourceAccount.FileEncoding(f.relative(), f.encoding(), f.encodingDetected())).toList(),
                read, byOutcome.getOrDefault(RowVerdict.Outcome.ACCEPTED, 0L),
                byOutcome.getOrDefault(RowVerdict.Outcome.REJECTED, 0L),
                byOutcome.getOrDefault(RowVerdict.Outcome.AFTER_AS_OF, 0L),
                byReason, flags, List.copyOf(unknown));

        List<Column> stagingColumns = new ArrayList<>();
        for (String f : parser.stagingSchema().fieldNames()) {
            stagingColumns.add(col(f));
        }
        stagingColumns.add(col(SourceParser.FLAGS).as("flags"));
        Dataset<Row> staging = resolved.filter(col(SourceParser.OUTCOME).equalTo(RowVerdict.Outcome.ACCEPTED))
                .select(stagingColumns.toArray(Column[]::new));
        Dataset<Row> rejects = resolved.filter(col(SourceParser.OUTCOME).equalTo(RowVerdict.Outcome.REJECTED))
                .select(lit(spec.name()).as("source"), col(SourceParser.FILE).as("file"),
                        col(SourceParser.LINE).as("line_no"), col(SourceParser.REASON).as("reason_code"),
                        col(SourceParser.DETAIL).as("detail"), col(SourceParser.RAW).as("raw"));
        java.util.Set<String> columns = new java.util.TreeSet<>();
        files.forEach(f -> columns.addAll(f.mapping().recognised()));
        if (columns.contains("_revoked_date")) {
            columns.add("deregistered_date");
        }
        return new StagedSource(staging, rejects, account, java.util.Set.copyOf(columns));
    }

    private static List<SourceFile> probe(SparkSession spark, InputLayout layout, SourceSpec spec,
                                          SourceOptions options, List<String> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        String declared = options.encoding();
        char sep = options.separator();
        List<FileProbe> probes;
        try {
            probes = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(paths, paths.size())
                    .map(p -> FileProbe.of(p, declared, sep))
                    .collect();
        } catch (RuntimeException e) {
            throw new ConfigException(spec.name() + ": cannot read an input file: " + rootMessage(e));
        }
        List<SourceFile> files = new ArrayList<>();
        for (FileProbe p : probes) {
            String rel = layout.relative(p.path());
            if (p.header() == null) {
                throw new ConfigException(spec.name() + ": file " + rel + " is empty; a header row is required");
            }
            if (p.header().isEmpty()) {
                throw new ConfigException(spec.name() + ": file " + rel + " has an unreadable header row (unbalanced quote?)");
            }
            HeaderMatcher.Mapping m = HeaderMatcher.match(spec, p.header());
            if (!m.missingRequired().isEmpty()) {
                String column = m.missingRequired().get(0);
                List<String> aliases = spec.columns().stream().filter(c -> c.name().equals(column))
                        .findFirst().map(ColumnSpec::aliases).orElse(List.of());
                throw new ConfigException(spec.name() + ": file " + rel + " lacks the required column '" + column + "'"
                        + (aliases.isEmpty() ? "" : " (or " + String.join(", ", aliases) + ")")
                        + (m.fieldCount() == 1 && sep != '\t' ? "; is the separator right?" : ""));
            }
            files.add(new SourceFile(p.path(), rel, p.encoding(), p.detected(), sep, m));
        }
        return files;
    }

    private static Iterator<Row> parseFile(SourceFile f, List<String> slots, SourceParser parser) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(f, slots);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = reader.hasNext();
                if (!more) {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return more;
            }

            @Override
            public Row next() {
                return parser.parse(reader.next());
            }
        };
    }

    /** Losing duplicates of accepted rows become DUPLICATE_KEY rejects pointing at the kept row. */
    private static Dataset<Row> resolveDuplicates(Dataset<Row> parsed, DuplicateRule rule) {
        Column accepted = col(SourceParser.OUTCOME).equalTo(RowVerdict.Outcome.ACCEPTED);
        List<Column> order = new ArrayList<>(rule.order());
        order.add(col(SourceParser.FILE).asc());
        order.add(col(SourceParser.LINE).asc());
        WindowSpec w = Window.partitionBy(rule.keyColumns().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .orderBy(order.toArray(Column[]::new));
        Dataset<Row> candidates = parsed.filter(accepted);
        Dataset<Row> others = parsed.filter(accepted.unary_$bang());
        Dataset<Row> ranked = candidates
                .withColumn("_rank", row_number().over(w))
                .withColumn("_kept_at", first(concat(col(SourceParser.FILE), lit(":"), col(SourceParser.LINE))).over(w));
        Column loser = col("_rank").gt(1);
        Dataset<Row> resolved = ranked
                .withColumn(SourceParser.OUTCOME, when(loser, lit(RowVerdict.Outcome.REJECTED)).otherwise(col(SourceParser.OUTCOME)))
                .withColumn(SourceParser.REASON, when(loser, lit(ReasonCode.DUPLICATE_KEY.name())).otherwise(col(SourceParser.REASON)))
                .withColumn(SourceParser.DETAIL, when(loser, concat(lit("duplicate " + String.join(", ", rule.keyColumns()) + "; the row at "),
                        col("_kept_at"), lit(" was kept"))).otherwise(col(SourceParser.DETAIL)))
                .drop("_rank", "_kept_at");
        return resolved.unionByName(others);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

}
