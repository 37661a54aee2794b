package io.clusterbench.benchmark;

import io.clusterbench.config.JobConfig;
import io.clusterbench.ingest.IngestResult;
import io.clusterbench.metrics.MetricsStage;
import io.clusterbench.metrics.ZoneYearMetricsTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Benchmark: gaps, composite score, gap decomposition and published figures, from the metric marts. */
public final class BenchmarkStage {
    public record Result(Dataset<Row> benchmarkGaps, Dataset<Row> zoneScores, Dataset<Row> zoneScoreComponents,
                         Dataset<Row> gapDecomposition, Dataset<Row> publishedFigures) {
    }

    private BenchmarkStage() {
    }

    /** @param zoneYearMetrics the published zone_year_metrics (read back from staging, so not recomputed) */
    public static Result run(IngestResult ingest, MetricsStage.Result marts, Dataset<Row> zoneYearMetrics, JobConfig config) {
        CompositeScore.Result score = CompositeScore.compute(zoneYearMetrics, config.scoreWeights());
        Dataset<Row> published = ingest.publishedFigures() == null ? null
                : PublishedFigures.compute(ingest.publishedFigures().staging(), zoneYearMetrics,
                ZoneYearMetricsTable.COLUMNS.keySet());
        return new Result(
                BenchmarkGaps.compute(MetricSeries.longForm(zoneYearMetrics, config.headlineMetrics()), marts.zones(),
                        config.cagrWindow()),
                score.scores(), score.components(),
                GapDecomposition.compute(zoneYearMetrics, marts.zones()),
                published);
    }
}
