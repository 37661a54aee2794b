package io.clusterbench.link;

import io.clusterbench.ingest.IngestResult;
import io.clusterbench.ingest.StagedSource;
import io.clusterbench.place.PlaceStage;
import io.clusterbench.spark.Intermediates;
import io.clusterbench.spark.SortKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Link: patent applicants, current owners and funded companies matched to firms (inputs.md "Identifiers") and
 * placed in the zones of those firms; per-firm patent counts and technology transfer, which need nothing but
 * the links. Every later stage reads these links, never the patents or funding staging again.
 */
public final class LinkStage {
    private static final List<String> METHODS = List.of(FirmMatcher.BY_CODE, FirmMatcher.BY_NAME,
            FirmMatcher.BY_FORMER_NAME, FirmMatcher.AMBIGUOUS, FirmMatcher.UNMATCHED);

    /**
     * @param patentZoneLinks    one row per (patent, role, firm, containing zone): application_no, role,
     *                           credit_code, n, with_academic, the {@link PatentFacts}, zone_id, own_zone,
     *                           industry_division
     * @param fundingZoneLinks   one row per (matched funding event, containing zone): the event's staging columns
     *                           and zone_id; null without a funding source
     * @param patentCounts       per firm ({@link FirmPatentCounts})
     * @param firmsWithPatents   the rows of patentCounts, counted as they were kept
     * @param technologyTransfer the technology_transfer table
     * @param matching           per kind (patent_applicants, funding) the references per match method
     * @param ambiguousRows      per source, rows flagged AMBIGUOUS_NAME
     */
    public record Result(Dataset<Row> patentZoneLinks, Dataset<Row> fundingZoneLinks, Dataset<Row> patentCounts,
                         long firmsWithPatents, Dataset<Row> technologyTransfer, Map<String, Map<String, Long>> matching,
                         Map<String, Long> ambiguousRows) {
    }

    private LinkStage() {
    }

    public static Result run(IngestResult ingest, PlaceStage.Result placed, Intermediates keep) {
        Dataset<Row> enterpriseZones = FirmMatcher.enterpriseZones(placed.firmZones());
        FirmMatcher matcher = new FirmMatcher(ingest.enterprises().staging(), keep);
        Map<String, Map<String, Long>> matching = new LinkedHashMap<>();
        Map<String, Long> ambiguous = new LinkedHashMap<>();

        Dataset<Row> references = keep.keep("int_patent_references", PatentAttribution.references(
                PatentFacts.withFacts(ingest.patents().staging()), matcher, PatentFacts.FACTS));
        matching.put("patent_applicants", byMethod(references.filter(col("role").equalTo(PatentAttribution.APPLICANT))));
        ambiguous.put("patents", PatentAttribution.ambiguousRows(references));
        Dataset<Row> links = PatentAttribution.firmLinks(references, PatentFacts.FACTS);
        Dataset<Row> zoneLinks = keep.keep("int_patent_zone_links", PatentAttribution.zoneLinks(links, enterpriseZones));

        Dataset<Row> fundingZoneLinks = null;
        StagedSource funding = ingest.funding();
        if (funding != null) {
            long events = funding.account().accepted();
            Dataset<Row> matched = keep.keep("int_funding_matched", matcher.resolve(funding.staging()
                    .withColumn("ref_code", col("credit_code")).withColumn("ref_name", col("company_name_norm")),
                    events));
            // One reference per event, so the events flagged AMBIGUOUS_NAME are the ambiguous references.
            matching.put("funding", byMethod(matched));
            ambiguous.put("funding", matching.get("funding").get(FirmMatcher.AMBIGUOUS));
            Dataset<Row> zones = FirmMatcher.zonesOfMatched(enterpriseZones, matched, events);
            Dataset<Row> placedEvents = matched.filter(col("matched_code").isNotNull());
            fundingZoneLinks = placedEvents.join(zones,
                    SortKeys.equal(placedEvents.col("matched_code"), zones.col("matched_code"))).drop(zones.col("matched_code"));
        }
        Intermediates.Observed counts = keep.keepCounted("int_firm_patent_counts", FirmPatentCounts.of(links));
        return new Result(zoneLinks, fundingZoneLinks, counts.data(), counts.rows(),
                TechnologyTransfer.table(references, zoneLinks, keep), matching, ambiguous);
    }

    /**
     * The references per match method, every method present (0 when none). One aggregation over the kept rows'
     * match_method column: observing five tallies during the write instead cost about 10 s at 10 M patents,
     * where this reads one column of the kept Parquet in about a second.
     */
    private static Map<String, Long> byMethod(Dataset<Row> references) {
        Map<String, Long> m = new LinkedHashMap<>();
        METHODS.forEach(k -> m.put(k, 0L));
        for (Row r : references.groupBy("match_method").count().collectAsList()) {
            m.put(r.getString(0), r.getLong(1));
        }
        return m;
    }
}
