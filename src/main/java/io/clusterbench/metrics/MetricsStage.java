package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import io.clusterbench.ingest.IngestResult;
import io.clusterbench.place.PlaceStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Metrics: the per-firm and per-zone marts computed from placed firms. */
public final class MetricsStage {
    /** The marts of this stage, each in its published shape. */
    public record Result(Dataset<Row> zones, Dataset<Row> firms, Dataset<Row> zoneYearMetrics,
                         Dataset<Row> industryDivisions) {
    }

    private MetricsStage() {
    }

    public static Result run(SparkSession spark, IngestResult ingest, PlaceStage.Result placed, JobConfig config) {
        Dataset<Row> grid = ZoneYearGrid.build(spark, ingest.zones().tree(), config);
        return new Result(
                ReferenceTables.zones(spark, ingest.zones().tree()),
                FirmsTable.build(placed.firms(), config),
                ZoneYearMetrics.compute(placed.firmZones(), grid, config),
                ReferenceTables.industryDivisions(spark));
    }
}
