package io.clusterbench.ingest;

import io.clusterbench.config.JobConfig;
import io.clusterbench.place.ZoneTree;
import org.apache.spark.sql.SparkSession;

import java.util.List;

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
        layout.files(Sources.ENTERPRISES); // a missing required source fails now, not after the zones
        return new Prepared(layout, zones);
    }

    public record Prepared(InputLayout layout, ZoneLoader.Loaded zones) {
        public ZoneTree zoneTree() {
            return zones.tree();
        }
    }

    public static IngestResult run(SparkSession spark, JobConfig config, Prepared prepared) {
        StagedSource enterprises = SourceIngest.ingest(spark, prepared.layout(), new EnterpriseParser(config),
                config.source(Sources.ENTERPRISES.name()), enterpriseDuplicates());
        return new IngestResult(prepared.zones(), enterprises);
    }

    /** inputs.md: a firm that is no longer active wins, then the latest exit, the latest establishment. */
    static DuplicateRule enterpriseDuplicates() {
        return new DuplicateRule("credit_code", List.of(
                when(col("status").isin("deregistered", "revoked", "moved_out"), 0).otherwise(1).asc(),
                col("deregistered_date").desc_nulls_last(),
                col("established_date").desc_nulls_last()));
    }
}
