package io.clusterbench.metrics;

import io.clusterbench.spark.Intermediates;
import io.clusterbench.config.JobConfig;
import io.clusterbench.ingest.IngestResult;
import io.clusterbench.ingest.StagedSource;
import io.clusterbench.link.LinkStage;
import io.clusterbench.link.PatentAttribution;
import io.clusterbench.metrics.ZoneYearMetrics.Input;
import io.clusterbench.place.PlaceStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/** Metrics: the per-firm and per-zone marts computed from placed firms and their patent and funding links. */
public final class MetricsStage {
    /** The marts of this stage, each in its published shape. */
    public record Result(Dataset<Row> zones, Dataset<Row> firms, Dataset<Row> zoneYearMetrics,
                         Dataset<Row> zoneYearListed, Dataset<Row> zoneIndustryMetrics, Dataset<Row> industryDivisions) {
    }

    /**
     * Heap allowed per broadcast per-firm count row (a code and three longs take about 130 bytes as a hashed
     * relation; the rest is margin for the rows collected while it is built).
     */
    private static final long BYTES_PER_COUNT_ROW = 1024;

    private MetricsStage() {
    }

    public static Result run(SparkSession spark, IngestResult ingest, PlaceStage.Result placed, LinkStage.Result links,
                             JobConfig config, Intermediates keep) {
        Dataset<Row> grid = ZoneYearGrid.build(spark, ingest.zones().tree(), config);
        Dataset<Row> firmZones = placed.firmZones();
        Dataset<Row> enterprises = placed.firms().filter(col("entity_kind").equalTo("enterprise"));
        Dataset<Row> zoneLinks = links.patentZoneLinks();
        Dataset<Row> patentAgg = PatentMetrics.perZoneYear(zoneLinks, config);
        Dataset<Row> fundingAgg = links.fundingZoneLinks() == null ? null
                : FundingMetrics.perZoneYear(links.fundingZoneLinks(), config);

        StagedSource e = ingest.enterprises();
        StagedSource patents = ingest.patents();
        StagedSource funding = ingest.funding();
        boolean grants = patents.has("grant_date");
        ZoneYearMetrics.Availability inputs = ZoneYearMetrics.Availability.where(Map.ofEntries(
                Map.entry(Input.TECH_SME_YEARS, e.has("tech_sme_years")),
                Map.entry(Input.HTE_CERTIFICATES, e.has("hte_cert_dates")),
                Map.entry(Input.LISTING_BOARD, e.has("listing_board")),
                Map.entry(Input.LISTING_DATE, e.has("listing_date")),
                Map.entry(Input.EXIT_DATE, e.has("deregistered_date")),
                Map.entry(Input.OWNERSHIP, e.has("enterprise_type")),
                Map.entry(Input.INDUSTRY, e.has("industry_code")),
                Map.entry(Input.GRANT_DATE, grants),
                Map.entry(Input.LEGAL_STATUS, patents.has("legal_status")),
                Map.entry(Input.FUNDING_AMOUNT, StagedSource.has(funding, "amount")),
                Map.entry(Input.FINANCIALS, ingest.financials() != null)));

        StagedSource financials = ingest.financials();
        IndustryStructure.Result structure = IndustryStructure.compute(firmZones, enterprises,
                financials == null ? null : financials.staging(), financials == null ? 0 : financials.account().accepted(),
                config, keep);
        Dataset<Row> zym = ZoneYearMetrics.assemble(grid, FirmYearEvents.perZoneYear(firmZones, config), patentAgg,
                fundingAgg, structure.zoneYear(), structure.workforce(), inputs);

        Dataset<Row> zoneIndustry = structure.zoneIndustry()
                .join(inventionsGrantedByDivision(zoneLinks),
                        new String[]{"zone_id", "industry_division", "year"}, "left")
                .withColumn("invention_granted", when(lit(grants), coalesce(col("invention_granted"), lit(0L))))
                .withColumn("lq_reliable", col("firms_active").geq(config.minCellFirms()))
                .select("zone_id", "year", "industry_division", "firms_active", "share_in_zone", "lq", "employees",
                        "invention_granted", "lq_reliable");

        Dataset<Row> patentCounts = links.patentCounts();
        // Firms with patents are a fraction of all firms: while their counts fit the heaps that hold a broadcast,
        // they are broadcast, so the wide firm rows are not shuffled for the firms table.
        long countRows = broadcastHeap(spark) / BYTES_PER_COUNT_ROW;
        Dataset<Row> countsForFirms = links.firmsWithPatents() <= countRows ? broadcast(patentCounts) : patentCounts;
        return new Result(
                ReferenceTables.zones(spark, ingest.zones().tree()),
                FirmsTable.build(placed.firms(), countsForFirms, inputs.inventionStock(), config),
                zym,
                ListedByBoard.compute(firmZones, config),
                zoneIndustry,
                ReferenceTables.industryDivisions(spark));
    }

    /**
     * The smaller of the heaps a broadcast lives in: the driver's, which builds it, and (on a cluster) each
     * executor's, which holds a copy. In local mode the executors share the driver's heap.
     */
    static long broadcastHeap(SparkSession spark) {
        long driver = Runtime.getRuntime().maxMemory();
        if (spark.sparkContext().isLocal()) {
            return driver;
        }
        long executor = spark.sparkContext().getConf().getSizeAsBytes("spark.executor.memory", "1g");
        return Math.min(driver, executor);
    }

    /** Inventions granted per zone, division and year with at least one matched applicant firm of that division. */
    static Dataset<Row> inventionsGrantedByDivision(Dataset<Row> zoneLinks) {
        return zoneLinks.filter(col("role").equalTo(PatentAttribution.APPLICANT)
                        .and(col("is_invention")).and(col("grant_year").isNotNull())
                        .and(col("industry_division").isNotNull()))
                .groupBy(col("zone_id"), col("industry_division"), col("grant_year").as("year"))
                .agg(countDistinct("application_no").as("invention_granted"));
    }
}
