package io.clusterbench.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterbench.config.JobConfig;
import io.clusterbench.config.SourceOptions;
import io.clusterbench.ingest.Flag;
import io.clusterbench.ingest.ReasonCode;
import io.clusterbench.ingest.SourceAccount;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.types.DataTypes.createStructField;

/**
 * The run summary (outputs.md "run_summary"): where every row went, placement and matching counts, encodings,
 * unknown columns, times, versions and the configuration. Holds counts and names only, never a cell value.
 */
public record RunSummary(String runId, LocalDate asOf, Instant startedAt, Instant finishedAt, String programVersion,
                         String sparkVersion, List<SourceAccount> sources, Map<String, Long> placement,
                         Map<String, Map<String, Long>> matching, JobConfig config) {

    private static final DataType COUNTS = DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false);

    /** One source's account as a struct of the {@code sources} column, keys as in {@code run_summary.json}. */
    private static final StructType SOURCE = DataTypes.createStructType(List.of(
            createStructField("source", DataTypes.StringType, false),
            createStructField("read", DataTypes.LongType, false),
            createStructField("accepted", DataTypes.LongType, false),
            createStructField("rejected", DataTypes.LongType, false),
            createStructField("after_as_of", DataTypes.LongType, false),
            createStructField("rejected_by_reason", COUNTS, false),
            createStructField("flags", COUNTS, false),
            createStructField("files", DataTypes.createArrayType(DataTypes.createStructType(List.of(
                    createStructField("file", DataTypes.StringType, false),
                    createStructField("encoding", DataTypes.StringType, false),
                    createStructField("encoding_detected", DataTypes.BooleanType, false),
                    createStructField("lines_against", DataTypes.LongType, false),
                    createStructField("parse_ranges", DataTypes.IntegerType, false),
                    createStructField("single_range_reason", DataTypes.StringType, true))), false), false),
            createStructField("unknown_columns", DataTypes.createArrayType(DataTypes.StringType, false), false)));

    /**
     * The table's columns. {@code as_of} is not among them: like every table's, it comes from the
     * {@code as_of=} partition, and a column of the same name inside the files would clash with it in readers
     * that merge the two (pyarrow refuses the table).
     */
    public static final StructType TABLE_SCHEMA = DataTypes.createStructType(List.of(
            createStructField("run_id", DataTypes.StringType, false),
            createStructField("started_at", DataTypes.TimestampType, false),
            createStructField("finished_at", DataTypes.TimestampType, false),
            createStructField("program_version", DataTypes.StringType, false),
            createStructField("spark_version", DataTypes.StringType, false),
            createStructField("rows_read", DataTypes.LongType, false),
            createStructField("rows_accepted", DataTypes.LongType, false),
            createStructField("rows_rejected", DataTypes.LongType, false),
            createStructField("rows_after_as_of", DataTypes.LongType, false),
            createStructField("sources", DataTypes.createArrayType(SOURCE, false), false),
            createStructField("placement", COUNTS, false),
            createStructField("matching", DataTypes.createMapType(DataTypes.StringType, COUNTS, false), false),
            createStructField("summary_json", DataTypes.StringType, false)));

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ObjectNode toJsonTree() {
        ObjectNode root = JSON.createObjectNode();
        root.put("as_of", asOf.toString());
        root.put("run_id", runId);
        root.put("started_at", startedAt.toString());
        root.put("finished_at", finishedAt.toString());
        root.put("program_version", programVersion);
        root.put("spark_version", sparkVersion);
        ObjectNode src = root.putObject("sources");
        for (SourceAccount a : sources) {
            ObjectNode s = src.putObject(a.source());
            ArrayNode files = s.putArray("files");
            a.files().forEach(f -> files.addObject().put("file", f.file()).put("encoding", f.encoding())
                    .put("encoding_detected", f.detected()).put("lines_against", f.linesAgainst())
                    .put("parse_ranges", f.ranges()).put("single_range_reason", f.singleRangeReason()));
            s.put("read", a.read()).put("accepted", a.accepted()).put("rejected", a.rejected())
                    .put("after_as_of", a.afterAsOf());
            ObjectNode byReason = s.putObject("rejected_by_reason");
            rejectedByReason(a).forEach(byReason::put);
            ObjectNode flags = s.putObject("flags");
            flags(a).forEach(flags::put);
            ArrayNode unknown = s.putArray("unknown_columns");
            a.unknownColumns().forEach(unknown::add);
        }
        ObjectNode pl = root.putObject("placement");
        placement.forEach(pl::put);
        ObjectNode m = root.putObject("matching");
        matching.forEach((k, v) -> {
            ObjectNode n = m.putObject(k);
            v.forEach(n::put);
        });
        root.set("config", configJson());
        return root;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toJsonTree());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Row toRow() {
        long read = 0, accepted = 0, rejected = 0, after = 0;
        List<Row> perSource = new ArrayList<>();
        for (SourceAccount a : sources) {
            read += a.read();
            accepted += a.accepted();
            rejected += a.rejected();
            after += a.afterAsOf();
            perSource.add(RowFactory.create(a.source(), a.read(), a.accepted(), a.rejected(), a.afterAsOf(),
                    rejectedByReason(a), flags(a),
                    a.files().stream().map(f -> RowFactory.create(f.file(), f.encoding(), f.detected(),
                            f.linesAgainst(), f.ranges(), f.singleRangeReason())).toList(),
                    a.unknownColumns()));
        }
        return RowFactory.create(runId, Timestamp.from(startedAt), Timestamp.from(finishedAt), programVersion,
                sparkVersion, read, accepted, rejected, after, perSource, placement, matching, toJson());
    }

    private static Map<String, Long> rejectedByReason(SourceAccount a) {
        return withEveryKey(ReasonCode.values(), a.rejectedByReason());
    }

    private static Map<String, Long> flags(SourceAccount a) {
        return withEveryKey(Flag.values(), a.flags());
    }

    /** Every key of a contract list in its order, zero when no row had it, so readers need no missing-key test. */
    private static Map<String, Long> withEveryKey(Enum<?>[] keys, Map<String, Long> counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Enum<?> k : keys) {
            m.put(k.name(), counts.getOrDefault(k.name(), 0L));
        }
        counts.forEach(m::putIfAbsent);
        return m;
    }

    private ObjectNode configJson() {
        ObjectNode c = JSON.createObjectNode();
        c.put("input", config.input());
        c.put("output", config.output());
        c.put("as_of", config.asOf().toString());
        c.put("first_year", config.firstYear());
        c.put("cagr_window", config.cagrWindow());
        c.put("min_cell_firms", config.minCellFirms());
        c.put("split_size", config.splitBytes());
        ObjectNode s = c.putObject("sources");
        config.sources().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            SourceOptions o = e.getValue();
            ObjectNode n = s.putObject(e.getKey());
            n.put("encoding", o.encoding() == null ? "auto" : o.encoding());
            n.put("separator", String.valueOf(o.separator()));
            n.put("coord_system", o.coordSystem());
            ObjectNode mu = n.putObject("money_units");
            o.moneyUnits().forEach((k, v) -> mu.put(k, v.name().toLowerCase(java.util.Locale.ROOT)));
        });
        ArrayNode h = c.putArray("headline_metrics");
        config.headlineMetrics().forEach(h::add);
        ObjectNode w = c.putObject("score_weights");
        config.scoreWeights().forEach(w::put);
        ObjectNode r = c.putObject("currency_rates");
        config.currencyRates().forEach(r::put);
        return c;
    }
}
