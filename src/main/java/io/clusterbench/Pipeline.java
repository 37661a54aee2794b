package io.clusterbench;

import io.clusterbench.spark.Intermediates;
import io.clusterbench.spark.SparkSessions;

import io.clusterbench.benchmark.BenchmarkStage;
import io.clusterbench.benchmark.PublishedFigures;
import io.clusterbench.config.ConfigException;
import io.clusterbench.config.JobConfig;
import io.clusterbench.ingest.IngestResult;
import io.clusterbench.ingest.IngestStage;
import io.clusterbench.ingest.SourceAccount;
import io.clusterbench.link.LinkStage;
import io.clusterbench.metrics.MetricsStage;
import io.clusterbench.metrics.ZoneYearMetricsTable;
import io.clusterbench.place.PlaceStage;
import io.clusterbench.policy.PolicyStage;
import io.clusterbench.publish.report.GapReport;
import io.clusterbench.publish.report.GeoJson;
import io.clusterbench.publish.SnapshotComparison;
import io.clusterbench.publish.RunSummary;
import io.clusterbench.publish.SnapshotPublisher;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole job in one readable place: ingest → place → link → metrics → benchmark and policy → publish. Every check
 * that can fail on user input (job, input layout, zone tree, output directory) runs before the first Spark job.
 * Tables are staged as they are computed; later stages read the staged results back instead of recomputing
 * them, and nothing becomes visible until the publisher commits the whole snapshot.
 */
public final class Pipeline {
    public static final String REPORT = "report";
    /** Tables written as several files (they grow with the registry); the others are one file each. */
    private static final Set<String> LARGE = Set.of("firms", "rejects", "zone_industry_metrics", "strong_clusters");

    private Pipeline() {
    }

    /** What a run produced: where the snapshot went, its summary, and its as_of-year zone figures. */
    public record Result(String output, Map<String, String> tables, RunSummary summary, List<Row> latestZoneFigures) {
    }

    /** The number of files each large table is written as: one per core, at most 8. */
    public static int largeTableFiles(SparkSession spark) {
        return Math.max(1, Math.min(8, spark.sparkContext().defaultParallelism()));
    }

    public static Result run(SparkSession spark, JobConfig config) {
        Instant started = Instant.now();
        String runId = SnapshotPublisher.runId(started);
        SparkSessions.writeAncientDatesAsTheyAre(spark);
        checkMetricNames(config);
        SnapshotPublisher.refuseInputInside(config.input(), config.output(), spark.sparkContext().hadoopConfiguration());
        IngestStage.Prepared prepared = IngestStage.prepare(spark, config);
        try (SnapshotPublisher publisher = SnapshotPublisher.open(config.output(),
                spark.sparkContext().hadoopConfiguration(), config.asOf(), runId)) {
            List<String> published = new ArrayList<>();
            int largeFiles = largeTableFiles(spark);
            java.util.function.BiConsumer<String, Dataset<Row>> stage = (name, data) -> {
                publisher.stage(name, data, LARGE.contains(name) ? largeFiles : 1);
                published.add(name);
            };

            Marts m = marts(spark, config, prepared, Intermediates.parquet(spark, publisher.workDir()));
            IngestResult ingest = m.ingest();
            PlaceStage.Result placed = m.placed();
            LinkStage.Result links = m.links();
            MetricsStage.Result marts = m.metrics();
            stage.accept("zones", marts.zones());
            stage.accept("firms", marts.firms());
            stage.accept("zone_year_metrics", marts.zoneYearMetrics());
            stage.accept("technology_transfer", links.technologyTransfer());
            stage.accept("zone_year_listed", marts.zoneYearListed());
            stage.accept("zone_industry_metrics", marts.zoneIndustryMetrics());
            stage.accept("industry_divisions", marts.industryDivisions());
            stage.accept("rejects", ingest.rejects());

            Dataset<Row> zym = publisher.readStaged(spark, "zone_year_metrics");
            BenchmarkStage.Result bench = BenchmarkStage.run(ingest, marts, zym, config);
            stage.accept("benchmark_gaps", bench.benchmarkGaps());
            stage.accept("zone_scores", bench.zoneScores());
            stage.accept("zone_score_components", bench.zoneScoreComponents());
            stage.accept("gap_decomposition", bench.gapDecomposition());
            stage.accept("published_figures", bench.publishedFigures() != null ? bench.publishedFigures()
                    : spark.createDataFrame(List.of(), PublishedFigures.SCHEMA));

            PolicyStage.Result policy = PolicyStage.run(ingest, placed, links, marts, publisher.readStaged(spark, "firms"),
                    publisher.readStaged(spark, "zone_industry_metrics"), config);
            stage.accept("cultivation_candidates", policy.cultivationCandidates());
            stage.accept("industry_opportunities", policy.industryOpportunities());
            stage.accept("strong_clusters", policy.strongClusters());

            RunSummary summary = new RunSummary(runId, config.asOf(), started, Instant.now(), ProgramVersion.get(),
                    spark.version(), m.accounts(), placed.placement(), links.matching(), config);
            stage.accept("run_summary", spark.createDataFrame(List.of(summary.toRow()), RunSummary.TABLE_SCHEMA));
            SnapshotComparison.Tables staged = t -> publisher.readStaged(spark, t);
            GapReport.write(staged, config, summary.toJson(), GapReport.boundaries(ingest.zones().tree().zones()),
                    GapReport.changesSincePrevious(spark, config.output(), config.asOf(), staged, config.headlineMetrics()),
                    (name, writer) -> publisher.stageFile(REPORT, name, writer));
            published.add(REPORT);

            List<Row> latest = zym.filter(zym.col("year").equalTo(config.asOfYear()))
                    .select("zone_id", "firms_active", "firm_density_per_km2", "firms_new", "firms_exited")
                    .orderBy("zone_id").collectAsList();
            publisher.commit(published, summary.toJson());
            return new Result(publisher.output().toString(), publisher.locations(published), summary, latest);
        }
    }

    /** Rebuilds the gap report of a published snapshot from its tables, without recomputing anything. */
    public static String rebuildReport(SparkSession spark, JobConfig config) {
        String runId = SnapshotPublisher.reportRunId();
        try (SnapshotPublisher publisher = SnapshotPublisher.open(config.output(),
                spark.sparkContext().hadoopConfiguration(), config.asOf(), runId)) {
            if (!publisher.published()) {
                throw new ConfigException("no published snapshot as_of=" + config.asOf() + " under " + config.output()
                        + " (its _runs/as_of=" + config.asOf() + "/_SUCCESS is missing): run it first");
            }
            SnapshotComparison.Tables tables = t -> publisher.readPublished(spark, t);
            // the zones table keeps no boundary: the map is drawn from the boundaries the report kept beside it
            var boundaries = publisher.readPublishedFile(REPORT, GeoJson.FILE).map(GeoJson::read).orElse(Map.of());
            GapReport.write(tables, config, publisher.publishedSummary(), boundaries,
                    GapReport.changesSincePrevious(spark, config.output(), config.asOf(), tables, config.headlineMetrics()),
                    (name, writer) -> publisher.stageFile(REPORT, name, writer));
            publisher.replaceOne(REPORT);
            return publisher.locations(List.of(REPORT)).get(REPORT) + "/index.html";
        }
    }

    /**
     * What the stages up to the marts produced (ingest → place → link → metrics): the tables of these stages, and
     * what their tests read without benchmark, policy or publishing.
     */
    public record Marts(IngestResult ingest, PlaceStage.Result placed, LinkStage.Result links, MetricsStage.Result metrics) {
        /** Each source's account, zones first, with the flags decided after ingest (unknown zones, ambiguous names). */
        public List<SourceAccount> accounts() {
            List<SourceAccount> accounts = new ArrayList<>();
            accounts.add(ingest.zones().account());
            for (var s : ingest.staged()) {
                SourceAccount a = s.account();
                if (a.source().equals("enterprises")) {
                    a = a.withFlag("UNKNOWN_ZONE", placed.placement().getOrDefault("unknown_zone", 0L));
                }
                accounts.add(a.withFlag("AMBIGUOUS_NAME", links.ambiguousRows().getOrDefault(a.source(), 0L)));
            }
            return accounts;
        }
    }

    /** The stages up to the marts, keeping their intermediates in {@code keep}. */
    public static Marts marts(SparkSession spark, JobConfig config, IngestStage.Prepared prepared, Intermediates keep) {
        IngestResult ingest = IngestStage.run(spark, config, prepared, keep);
        PlaceStage.Result placed = PlaceStage.run(spark, ingest, config, keep);
        LinkStage.Result links = LinkStage.run(ingest, placed, keep);
        return new Marts(ingest, placed, links, MetricsStage.run(spark, ingest, placed, links, config, keep));
    }

    /** Headline metrics and score components must name zone_year_metrics columns: a typo fails before any job. */
    static void checkMetricNames(JobConfig config) {
        Set<String> known = new TreeSet<>(ZoneYearMetricsTable.COLUMNS.keySet());
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
}
