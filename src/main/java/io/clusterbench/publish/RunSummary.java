package io.clusterbench.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterbench.config.JobConfig;
import io.clusterbench.config.SourceOptions;
import io.clusterbench.ingest.SourceAccount;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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

    public static final StructType TABLE_SCHEMA = DataTypes.createStructType(List.of(
            createStructField("run_id", DataTypes.StringType, false),
            createStructField("as_of", DataTypes.DateType, false),
            createStructField("started_at", DataTypes.TimestampType, false),
            createStructField("finished_at", DataTypes.TimestampType, false),
            createStructField("program_version", DataTypes.StringType, false),
            createStructField("spark_version", DataTypes.StringType, false),
            createStructField("rows_read", DataTypes.LongType, false),
            createStructField("rows_accepted", DataTypes.LongType, false),
            createStructField("rows_rejected", DataTypes.LongType, false),
            createStructField("rows_after_as_of", DataTypes.LongType, false),
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
                    .put("encoding_detected", f.detected()));
            s.put("read", a.read()).put("accepted", a.accepted()).put("rejected", a.rejected())
                    .put("after_as_of", a.afterAsOf());
            ObjectNode byReason = s.putObject("rejected_by_reason");
            a.rejectedByReason().forEach(byReason::put);
            ObjectNode flags = s.putObject("flags");
            a.flags().forEach(flags::put);
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
        for (SourceAccount a : sources) {
            read += a.read();
            accepted += a.accepted();
            rejected += a.rejected();
            after += a.afterAsOf();
        }
        return RowFactory.create(runId, java.sql.Date.valueOf(asOf), Timestamp.from(startedAt), Timestamp.from(finishedAt), programVersion,
                sparkVersion, read, accepted, rejected, after, toJson());
    }

    private ObjectNode configJson() {
        ObjectNode c = JSON.createObjectNode();
        c.put("input", config.input());
        c.put("output", config.output());
        c.put("as_of", config.asOf().toString());
        c.put("first_year", config.firstYear());
        c.put("cagr_window", config.cagrWindow());
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
