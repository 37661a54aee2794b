package io.clusterbench.ingest;

import io.clusterbench.spark.Intermediates;
import io.clusterbench.config.JobConfig;
import io.clusterbench.zone.ZoneTree;
import org.apache.spark.sql.SparkSession;

import io.clusterbench.config.SourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

/** Ingest: raw input files → typed staging datasets plus the accounting of every row. No joins here. */
public final class IngestStage {
    private IngestStage() {
    }

    /** Cheap checks on the driver (input layout, zone tree) that must pass before any Spark job. */
    public static Prepared prepare(SparkSession spark, JobConfig config) {
        InputLayout layout = InputLayout.open(config.input(), spark.sparkContext().hadoopConfiguration());
        ZoneLoader.Loaded zones = ZoneLoader.load(layout, config.source(Sources.ZONES.name()));
        for (SourceSpec s : Sources.ALL) {
            layout.files(s); // a missing required source or an ambiguous layout fails now, not mid-run
        }
        return new Prepared(layout, zones);
    }

    public record Prepared(InputLayout layout, ZoneLoader.Loaded zones) {
        public ZoneTree zoneTree() {
            return zones.tree();
        }
    }

    public static IngestResult run(SparkSession spark, JobConfig config, Prepared prepared, Intermediates keep) {
        InputLayout layout = prepared.layout();
        List<SourceParser> parsers = List.of(new EnterpriseParser(config), new PatentParser(config),
                new FinancialsParser(config), new FundingParser(config), new PublishedFigureParser(config));
        // Every present source's files are scanned in one job and their headers checked before the first parse, so
        // a broken header of an optional source stops the run in seconds, not after the registry is parsed.
        Map<SourceSpec, SourceOptions> present = new LinkedHashMap<>();
        for (SourceParser p : parsers) {
            if (!layout.files(p.spec()).isEmpty()) {
                present.put(p.spec(), config.source(p.spec().name()));
            }
        }
        Map<String, List<SourceFile>> files = InputScan.scanAll(spark, layout, present, config.splitBytes());
        return new IngestResult(prepared.zones(),
                ingest(spark, files, parsers.get(0), enterpriseDuplicates(), keep),
                ingest(spark, files, parsers.get(1), patentDuplicates(), keep),
                ingest(spark, files, parsers.get(2), DuplicateRule.firstByFileAndLine("credit_code", "year"), keep),
                ingest(spark, files, parsers.get(3), DuplicateRule.firstByFileAndLine("event_id"), keep),
                ingest(spark, files, parsers.get(4), null, keep));
    }

    /** @return null when an optional source is absent from the input */
    private static StagedSource ingest(SparkSession spark, Map<String, List<SourceFile>> files, SourceParser parser,
                                       DuplicateRule duplicates, Intermediates keep) {
        List<SourceFile> own = files.get(parser.spec().name());
        return own == null ? null : SourceIngest.ingest(spark, parser, own, duplicates, keep);
    }

    /** inputs.md: a firm that is no longer active wins, then the latest exit, the latest establishment. */
    static DuplicateRule enterpriseDuplicates() {
        return new DuplicateRule(List.of("credit_code"), List.of(
                when(col("status").isin("deregistered", "revoked", "moved_out"), 0).otherwise(1).asc(),
                col("deregistered_date").desc_nulls_last(),
                col("established_date").desc_nulls_last()));
    }

    /** inputs.md: CNIPA repeats an application per publication; the granted row, then the latest publication. */
    static DuplicateRule patentDuplicates() {
        return new DuplicateRule(List.of("application_no"), List.of(
                when(col("grant_date").isNotNull(), 0).otherwise(1).asc(),
                col("publication_no").desc_nulls_last()));
    }
}
