package io.clusterbench.metrics;

import io.clusterbench.spark.Intermediates;
import io.clusterbench.config.JobConfig;
import io.clusterbench.ingest.IngestResult;
import io.clusterbench.ingest.StagedSource;
import io.clusterbench.link.FirmMatcher;
import io.clusterbench.link.PatentAttribution;
import io.clusterbench.place.PlaceStage;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/** Metrics: the per-firm and per-zone marts computed from placed firms and matched patents and funding. */
public final class MetricsStage {
    private static final List<String> METHODS = List.of(FirmMatcher.BY_CODE, FirmMatcher.BY_NAME,
            FirmMatcher.BY_FORMER_NAME, FirmMatcher.AMBIGUOUS, FirmMatcher.UNMATCHED);

    /**
     * The marts of this stage, each in its published shape, plus what the run summary needs.
     *
     * @param matching       per kind (patent_applicants, funding) the references per match method
     * @param ambiguousRows  per source, rows flagged AMBIGUOUS_NAME
     */
    public record Result(Dataset<Row> zones, Dataset<Row> firms, Dataset<Row> zoneYearMetrics,
                         Dataset<Row> zoneYearListed, Dataset<Row> zoneIndustryMetrics, Dataset<Row> industryDivisions,
                         Map<String, Map<String, Long>> matching, Map<String, Long> ambiguousRows,
                         Dataset<Row> patentCounts) {
    }

    /**
     * What the zone metrics read of a firm in a containing zone. The rolled-up rows (a firm once per containing
     * zone) are written with these columns only, not with the whole registry row.
     */
    private static final Column[] FIRM_ZONE_COLUMNS = java.util.stream.Stream.of("credit_code", "zone_id",
            "placement", "industry_division", "active_from", "active_to", "established_date", "deregistered_date",
            "employees", "listing_board", "listing_date", "delisting_date", "tech_sme_years", "hte_cert_dates",
            "ownership")
            .map(org.apache.spark.sql.functions::col).toArray(Column[]::new);

    /**
     * Heap allowed per broadcast per-firm count row (a code and three longs take about 130 bytes as a hashed
     * relation; the rest is margin for the rows collected while it is built).
     */
    private static final long BYTES_PER_COUNT_ROW = 1024;

    private MetricsStage() {
    }

    public static Result run(SparkSession spark, IngestResult ingest, PlaceStage.Result placed, JobConfig config,
                             Intermediates keep) {
        Dataset<Row> grid = ZoneYearGrid.build(spark, ingest.zones().tree(), config);
        Dataset<Row> firmZones = keep.keep("int_firm_zones", placed.firmZones().select(FIRM_ZONE_COLUMNS));
        Dataset<Row> enterprises = placed.firms().filter(col("entity_kind").equalTo("enterprise"));
        Dataset<Row> enterpriseZones = FirmMatcher.enterpriseZones(firmZones);
        FirmMatcher matcher = new FirmMatcher(ingest.enterprises().staging(), keep);
        Map<String, Map<String, Long>> matching = new LinkedHashMap<>();
        Map<String, Long> ambiguous = new LinkedHashMap<>();

        StagedSource patents = ingest.patents();
        Dataset<Row> references = keep.keep("int_patent_references", PatentAttribution.references(
                PatentMetrics.withFacts(patents.staging()), matcher, PatentMetrics.FACTS));
        Dataset<Row> links = PatentAttribution.firmLinks(references, PatentMetrics.FACTS);
        matching.put("patent_applicants", countByMethod(references.filter(col("role").equalTo(PatentAttribution.APPLICANT))));
        ambiguous.put("patents", PatentAttribution.ambiguousRows(references));
        Dataset<Row> zoneLinks = keep.keep("int_patent_zone_links", PatentMetrics.zoneLinks(links, enterpriseZones));
        Dataset<Row> patentAgg = PatentMetrics.perZoneYear(zoneLinks, config);

        Dataset<Row> fundingAgg = null;
        StagedSource funding = ingest.funding();
        if (funding != null) {
            Dataset<Row> matched = keep.keep("int_funding_matched", matcher.resolve(funding.staging()
                    .withColumn("ref_code", col("credit_code")).withColumn("ref_name", col("company_name_norm")),
                    funding.account().accepted()));
            matching.put("funding", countByMethod(matched));
            ambiguous.put("funding", matched.filter(col("match_method").equalTo(FirmMatcher.AMBIGUOUS)).count());
            fundingAgg = FundingMetrics.perZoneYear(matched,
                    FirmMatcher.zonesOfMatched(enterpriseZones, matched, funding.account().accepted()), config);
        }

        StagedSource e = ingest.enterprises();
        boolean grants = patents.has("grant_date");
        ZoneYearMetrics.Availability has = new ZoneYearMetrics.Availability(e.has("tech_sme_years"), e.has("hte_cert_dates"),
                e.has("listing_board"), true, grants, grants && patents.has("legal_status"), funding != null,
                StagedSource.has(funding, "amount"), e.has("industry_code"), e.has("enterprise_type"),
                ingest.financials() != null);

        IndustryStructure.Result structure = IndustryStructure.compute(firmZones, enterprises,
                ingest.financials() == null ? null : ingest.financials().staging(), config, keep);
        Dataset<Row> zym = ZoneYearMetrics.assemble(grid, FirmYearEvents.perZoneYear(firmZones, config), patentAgg,
                fundingAgg, structure.zoneYear(), structure.workforce(), has);

        Dataset<Row> zoneIndustry = structure.zoneIndustry()
                .join(inventionsGrantedByDivision(zoneLinks),
                        new String[]{"zone_id", "industry_division", "year"}, "left")
                .withColumn("invention_granted", when(lit(grants), coalesce(col("invention_granted"), lit(0L))))
                .withColumn("lq_reliable", col("firms_active").geq(config.minCellFirms()))
                .select("zone_id", "year", "industry_division", "firms_active", "share_in_zone", "lq", "employees",
                        "invention_granted", "lq_reliable");

        Dataset<Row> patentCounts = keep.keep("int_firm_patent_counts", PatentMetrics.perFirm(links));
        // Firms with patents are a fraction of all firms: while their counts fit the heaps that hold a broadcast,
        // they are broadcast, so the wide firm rows are not shuffled for the firms table.
        long countRows = broadcastHeap(spark) / BYTES_PER_COUNT_ROW;
        Dataset<Row> countsForFirms = patentCounts.count() <= countRows ? broadcast(patentCounts) : patentCounts;
        return new Result(
                ReferenceTables.zones(spark, ingest.zones().tree()),
                FirmsTable.build(placed.firms(), countsForFirms, has.stock(), config),
                zym,
                ListedByBoard.compute(firmZones, config),
                zoneIndustry,
                ReferenceTables.industryDivisions(spark),
                matching, ambiguous, patentCounts);
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

    private static Map<String, Long> countByMethod(Dataset<Row> resolved) {
        Map<String, Long> m = new LinkedHashMap<>();
        METHODS.forEach(k -> m.put(k, 0L));
        for (Row r : resolved.groupBy("match_method").count().collectAsList()) {
            m.put(r.getString(0), r.getLong(1));
        }
        return m;
    }
}
