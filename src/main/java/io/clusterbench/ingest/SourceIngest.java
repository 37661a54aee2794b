package io.clusterbench.ingest;

import io.clusterbench.spark.Intermediates;
import io.clusterbench.config.JobConfig;
import io.clusterbench.config.SourceOptions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.posexplode_outer;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Parses one source into its staging dataset: its files scanned and checked ({@link InputScan}), every byte range
 * of them streamed through commons-csv in its own task ({@link ParsedSource}), duplicate keys resolved, and
 * every row counted by where it went.
 */
public final class SourceIngest {
    private SourceIngest() {
    }

    /** Scans, checks and parses one source (the tests' entry; a run scans every source first, see IngestStage). */
    public static StagedSource ingest(SparkSession spark, InputLayout layout, SourceParser parser,
                                      SourceOptions options, DuplicateRule duplicates, Intermediates keep) {
        return ingest(spark, layout, parser, options, duplicates, keep, JobConfig.DEFAULT_SPLIT_BYTES);
    }

    /** As above, with the files cut into ranges of {@code splitBytes}. */
    public static StagedSource ingest(SparkSession spark, InputLayout layout, SourceParser parser,
                                      SourceOptions options, DuplicateRule duplicates, Intermediates keep,
                                      long splitBytes) {
        List<SourceFile> files = InputScan.scanAll(spark, layout, Map.of(parser.spec(), options), splitBytes)
                .get(parser.spec().name());
        return ingest(spark, parser, files, duplicates, keep);
    }

    /** Parses one source whose files have been scanned and checked. */
    public static StagedSource ingest(SparkSession spark, SourceParser parser, List<SourceFile> files,
                                      DuplicateRule duplicates, Intermediates keep) {
        SourceSpec spec = parser.spec();
        // Each file is parsed once into the source's one kept copy; everything downstream reads that copy.
        Dataset<Row> parsed = keep.keep("stg_" + spec.name() + "_parsed",
                ParsedSource.read(spark, parser, files, spec.rawLabels()));
        Dataset<Row> resolved = duplicates == null ? parsed : resolveDuplicates(parsed, duplicates, keep, spec.name());

        // One job counts every row by outcome and reason, and the accepted rows per flag: posexplode_outer gives
        // a row without flags one line (pos null) and a row with k flags k lines, of which pos 0 stands for the row.
        Map<String, Long> byOutcome = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        Map<String, Long> flags = new TreeMap<>();
        long read = 0;
        for (Row r : resolved.select(col(SourceParser.OUTCOME), col(SourceParser.REASON),
                        posexplode_outer(col(SourceParser.FLAGS)).as(new String[]{"pos", "flag"}))
                .groupBy(SourceParser.OUTCOME, SourceParser.REASON, "flag")
                .agg(sum(when(col("pos").isNull().or(col("pos").equalTo(0)), 1L).otherwise(0L)).as("rows"),
                        count(col("flag")).as("flagged"))
                .collectAsList()) {
            String outcome = r.getString(0);
            long n = r.getLong(3);
            read += n;
            byOutcome.merge(outcome, n, Long::sum);
            if (!r.isNullAt(1)) {
                byReason.merge(r.getString(1), n, Long::sum);
            }
            if (!r.isNullAt(2) && outcome.equals(RowVerdict.Outcome.ACCEPTED)) {
                flags.merge(r.getString(2), r.getLong(4), Long::sum);
            }
        }
        LinkedHashSet<String> unknown = new LinkedHashSet<>();
        files.forEach(f -> unknown.addAll(f.mapping().unknownColumns()));
        SourceAccount account = new SourceAccount(spec.name(),
                files.stream().map(SourceAccount.FileEncoding::of).toList(),
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

    /** Repeated key hashes (a long each) broadcast to pick the candidates up to this count, else joined by a shuffle. */
    private static final long BROADCAST_KEYS = 5_000_000;
    /** Loser row ids (a long and a short text each) broadcast up to this count, else joined by a shuffle. */
    private static final long BROADCAST_LOSERS = 5_000_000;

    /**
     * Losing duplicates of accepted rows become DUPLICATE_KEY rejects pointing at the kept row. Only the rows
     * whose key occurs more than once go through the ranking window (an aggregation of the keys' hash alone
     * finds them), and only the columns the ranking reads are shuffled: the result is the losers' row ids, which
     * are then looked up from every parsed row. The wide parsed rows are never shuffled, so at 10 M patents
     * with millions of repeated applications the resolution costs a narrow sort instead of a second copy of the
     * source.
     */
    private static Dataset<Row> resolveDuplicates(Dataset<Row> parsed, DuplicateRule rule, Intermediates keep,
                                                  String source) {
        Column accepted = col(SourceParser.OUTCOME).equalTo(RowVerdict.Outcome.ACCEPTED);
        Column[] keys = rule.keyColumns().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        // Repeated keys are found by their 64-bit hash (a long aggregates far faster than a text key). A hash
        // collision only makes a unique key a candidate: the window below partitions by the keys themselves, so
        // such a row ranks first and loses nothing.
        Column keyHash = xxhash64(keys);
        // Counted as they are kept: whether there is anything to resolve, and whether the keys fit a broadcast.
        Intermediates.Observed repeatedKeys = keep.keepCounted("stg_" + source + "_repeated_keys", parsed.filter(accepted)
                .groupBy(keyHash.as("_key_hash")).count().filter(col("count").gt(1)).select("_key_hash"));
        long repeated = repeatedKeys.rows();
        if (repeated == 0) {
            return parsed;
        }
        Dataset<Row> candidates = parsed.filter(accepted).withColumn("_key_hash", keyHash)
                .join(repeated <= BROADCAST_KEYS ? broadcast(repeatedKeys.data()) : repeatedKeys.data(), "_key_hash", "left_semi");

        List<Column> order = new ArrayList<>(rule.order());
        order.add(col(SourceParser.FILE).asc());
        order.add(col(SourceParser.LINE).asc());
        // The candidates carry their key's hash: it leads the window keys (as SortKeys.partition would) without
        // being computed again.
        List<Column> partition = new ArrayList<>(List.of(col("_key_hash")));
        partition.addAll(List.of(keys));
        WindowSpec w = Window.partitionBy(partition.toArray(Column[]::new)).orderBy(order.toArray(Column[]::new));
        Intermediates.Observed kept = keep.keepCounted("stg_" + source + "_duplicate_losers", candidates
                .withColumns(Map.of("_rank", row_number().over(w),
                        "_kept_at", first(concat(col(SourceParser.FILE), lit(":"), col(SourceParser.LINE))).over(w)))
                .filter(col("_rank").gt(1))
                .select(col(SourceParser.ROW).as("_loser_row"), col("_kept_at")));
        Dataset<Row> losers = kept.data();
        boolean small = kept.rows() <= BROADCAST_LOSERS;

        Column loser = col("_kept_at").isNotNull();
        Dataset<Row> resolved = parsed
                .join(small ? broadcast(losers) : losers, col(SourceParser.ROW).equalTo(col("_loser_row")), "left")
                .withColumns(Map.of(
                        SourceParser.OUTCOME, when(loser, lit(RowVerdict.Outcome.REJECTED)).otherwise(col(SourceParser.OUTCOME)),
                        SourceParser.REASON, when(loser, lit(ReasonCode.DUPLICATE_KEY.name())).otherwise(col(SourceParser.REASON)),
                        SourceParser.DETAIL, when(loser, concat(lit("duplicate " + String.join(", ", rule.keyColumns())
                                + "; the row at "), col("_kept_at"), lit(" was kept"))).otherwise(col(SourceParser.DETAIL))))
                .drop("_loser_row", "_kept_at");
        // Broadcast, the lookup is cheap enough to redo wherever the staging rows are read; beyond that it is
        // done once by a shuffle and kept.
        return small ? resolved : keep.keep("stg_" + source + "_resolved", resolved);
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
