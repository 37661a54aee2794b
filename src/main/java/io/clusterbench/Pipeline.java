package io.clusterbench;

import io.clusterbench.benchmark.BenchmarkStage;
import io.clusterbench.config.ConfigException;
import io.clusterbench.config.JobConfig;
import io.clusterbench.metrics.ZoneYearMetricsTable;
import io.clusterbench.ingest.IngestResult;
import io.clusterbench.ingest.IngestStage;
import io.clusterbench.ingest.SourceAccount;
import io.clusterbench.metrics.MetricsStage;
import io.clusterbench.place.PlaceStage;
import io.clusterbench.policy.PolicyStage;
import io.clusterbench.publish.GapReport;
import io.clusterbench.publish.RunSummary;
import io.clusterbench.publish.SnapshotPublisher;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole job in one readable place: ingest → place → metrics → publish. Every check that can fail on user
 * input (job, input layout, zone tree, output directory) runs before the first Spark job.
 */
public final class Pipeline {
    private Pipeline() {
    }

    private static final org.apache.spark.sql.types.StructType PUBLISHED_FIGURES_SCHEMA =
            org.apache.spark.sql.types.DataTypes.createStructType(List.of(
                    org.apache.spark.sql.types.DataTypes.createStructField("zone_id", org.apache.spark.sql.types.DataTypes.StringType, true),
                    org.apache.spark.sql.types.DataTypes.createStructField("metric", org.apache.spark.sql.types.DataTypes.StringType, true),
                    org.apache.spark.sql.types.DataTypes.createStructField("year", org.apache.spark.sql.types.DataTypes.IntegerType, true),
                    org.apache.spark.sql.types.DataTypes.createStructField("value", org.apache.spark.sql.types.DataTypes.DoubleType, true),
                    org.apache.spark.sql.types.DataTypes.createStructField("qualifier", org.apache.spark.sql.types.DataTypes.StringType, true),
                    org.apache.spark.sql.types.DataTypes.createStructField("source", org.apache.spark.sql.types.DataTypes.StringType, true),
                    org.apache.spark.sql.types.DataTypes.createStructField("note", org.apache.spark.sql.types.DataTypes.StringType, true),
                    org.apache.spark.sql.types.DataTypes.createStructField("computed_value", org.apache.spark.sql.types.DataTypes.DoubleType, true)));

    public static final String REPORT = "report";

    /** Rebuilds the gap report of a published snapshot from its tables, without recomputing anything. */
    public static String rebuildReport(SparkSession spark, JobConfig config) {
        String runId = "report-" + Long.toHexString(System.nanoTime());
        try (SnapshotPublisher publisher = SnapshotPublisher.open(config.output(),
                spark.sparkContext().hadoopConfiguration(), config.asOf(), runId)) {
            if (!publisher.published()) {
                throw new ConfigException("no published snapshot as_of=" + config.asOf() + " under " + config.output()
                        + " (its _runs/as_of=" + config.asOf() + "/_SUCCESS is missing): run it first");
            }
            publisher.stageFile(REPORT, "index.html", GapReport.render(t -> publisher.readPublished(spark, t), config,
                    config.asOf(), publisher.publishedSummary()));
            publisher.replaceOne(REPORT);
            return publisher.locations(List.of(REPORT)).get(REPORT) + "/index.html";
        }
    }

    /** Headline metrics and score components must name zone_year_metrics columns: a typo fails before any job. */
    static void checkMetricNames(JobConfig config) {
        java.util.Set<String> known = new java.util.TreeSet<>(ZoneYearMetricsTable.COLUMNS.keySet());
        known.removeAll(List.of("zone_id", "year", "is_partial_year", "top_division"));
        for (String m : config.headlineMetrics()) {
            if (!known.contains(m)) {
                throw new ConfigException("headline_metrics: '" + m + "' is not a numeric zone_year_metrics column");
            }
        }
        for (String m : config.scoreWeights().keySet()) {
            if (!known.contains(m)) {
                throw new ConfigException("score_weights." + m + ": not a numeric zone_year_metrics column");
            }
        }
    }

    /** What a run produced: where the snapshot went, its summary, and its as_of-year zone figures. */
    public record Result(String output, Map<String, String> tables, RunSummary summary, List<Row> latestZoneFigures) {
    }

    public static Result run(SparkSession spark, JobConfig config) {
        Instant started = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
                + "-" + Long.toHexString(System.nanoTime() & 0xffffff);

        checkMetricNames(config);
        IngestStage.Prepared prepared = IngestStage.prepare(spark, config);
        try (SnapshotPublisher publisher = SnapshotPublisher.open(config.output(),
                spark.sparkContext().hadoopConfiguration(), config.asOf(), runId)) {

            IngestResult ingest = IngestStage.run(spark, config, prepared);
            PlaceStage.Result placed = PlaceStage.run(spark, ingest, config);
            MetricsStage.Result marts = MetricsStage.run(spark, ingest, placed, config);

            Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
            tables.put("zones", marts.zones());
            tables.put("firms", marts.firms());
            tables.put("zone_year_metrics", marts.zoneYearMetrics());
            tables.put("zone_year_listed", marts.zoneYearListed());
            tables.put("zone_industry_metrics", marts.zoneIndustryMetrics());
            tables.put("industry_divisions", marts.industryDivisions());
            tables.put("rejects", ingest.rejects());
            int bigFiles = Math.max(1, Math.min(8, spark.sparkContext().defaultParallelism()));
            for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
                boolean big = t.getKey().equals("firms") || t.getKey().equals("rejects") || t.getKey().equals("zone_industry_metrics");
                publisher.stage(t.getKey(), t.getValue(), big ? bigFiles : 1);
            }

            Dataset<Row> zym = publisher.readStaged(spark, "zone_year_metrics");
            BenchmarkStage.Result bench = BenchmarkStage.run(ingest, marts, zym, config);
            Map<String, Dataset<Row>> benchTables = new LinkedHashMap<>();
            benchTables.put("benchmark_gaps", bench.benchmarkGaps());
            benchTables.put("zone_scores", bench.zoneScores());
            benchTables.put("zone_score_components", bench.zoneScoreComponents());
            benchTables.put("gap_decomposition", bench.gapDecomposition());
            benchTables.put("published_figures", bench.publishedFigures() != null ? bench.publishedFigures()
                    : spark.createDataFrame(List.of(), PUBLISHED_FIGURES_SCHEMA));
            PolicyStage.Result policy = PolicyStage.run(ingest, placed, marts, publisher.readStaged(spark, "firms"),
                    publisher.readStaged(spark, "zone_industry_metrics"), config);
            benchTables.put("cultivation_candidates", policy.cultivationCandidates());
            benchTables.put("industry_opportunities", policy.industryOpportunities());
            benchTables.put("strong_clusters", policy.strongClusters());
            benchTables.forEach((name, data) -> publisher.stage(name, data, 1));
            tables.putAll(benchTables);

            List<SourceAccount> accounts = new ArrayList<>();
            for (var s : ingest.staged()) {
                SourceAccount a = s.account();
                if (a.source().equals("enterprises")) {
                    a = a.withFlag("UNKNOWN_ZONE", placed.placement().getOrDefault("unknown_zone", 0L));
                }
                a = a.withFlag("AMBIGUOUS_NAME", marts.ambiguousRows().getOrDefault(a.source(), 0L));
                accounts.add(a);
            }
            RunSummary summary = new RunSummary(runId, config.asOf(), started, Instant.now(), ProgramVersion.get(),
                    spark.version(), accounts, placed.placement(), marts.matching(), config);
            publisher.stage("run_summary", spark.createDataFrame(List.of(summary.toRow()), RunSummary.TABLE_SCHEMA), 1);
            publisher.stageFile(REPORT, "index.html", GapReport.render(t -> publisher.readStaged(spark, t), config,
                    config.asOf(), summary.toJson()));

            List<String> names = new ArrayList<>(tables.keySet());
            names.add("run_summary");
            names.add(REPORT);
            List<Row> latest = zym.filter(zym.col("year").equalTo(config.asOfYear()))
                    .select("zone_id", "firms_active", "firm_density_per_km2", "firms_new", "firms_exited")
                    .orderBy("zone_id").collectAsList();
            publisher.commit(names, summary.toJson());
            return new Result(publisher.output().toString(), publisher.locations(names), summary, latest);
        }
    }
}
