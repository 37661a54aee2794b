package io.clusterbench.link;

import io.clusterbench.spark.Intermediates;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Technology transfer on as_of (metrics.md "Technology transfer"): valid granted inventions owned today by a firm
 * of a zone whose applicants include no firm of that zone, by source, and the zone's co-applications with each
 * institution. Reads the references and the zone links only; only institutions are ever named.
 */
public final class TechnologyTransfer {
    public static final String ACADEMIC = "academic";
    public static final String FIRM_OTHER_ZONE = "firm_other_zone";
    public static final String FIRM_UNPLACED = "firm_unplaced";
    public static final String OTHER = "other";

    private TechnologyTransfer() {
    }

    /**
     * @param references {@link PatentAttribution#references} with the {@link PatentFacts}
     * @param zoneLinks  {@link PatentAttribution#zoneLinks}: (patent, role, firm, containing zone) with own_zone
     * @param keep       where the two narrowed inputs are kept (each is read twice or more)
     * @return zone_id, source_kind, source_name, inventions_transferred_in, patents_coapplied: the rows where
     *         either count is non-zero
     */
    public static Dataset<Row> table(Dataset<Row> references, Dataset<Row> zoneLinks, Intermediates keep) {
        Column applicant = col("role").equalTo(PatentAttribution.APPLICANT);
        Column transferable = PatentFacts.validGrantedInvention().and(col("has_owners"));
        // Both counts read only the links of transferable patents and of patents with an institution among their
        // applicants, a small part of all links: each big input is scanned once for those rows, and the few
        // columns read below are kept, instead of scanning the zone links four times and the references twice.
        Dataset<Row> links = keep.keep("int_transfer_zone_links", zoneLinks
                .filter(transferable.or(applicant.and(col("with_academic"))))
                .select(col("application_no"), col("role"), col("credit_code"), col("zone_id"), col("own_zone"),
                        col("with_academic"), transferable.as("_movable")));
        Dataset<Row> sourceRefs = keep.keep("int_transfer_references", distinctApplicants(references)
                .filter(transferable.or(col("academic_name").isNotNull()))
                .select(col("application_no"), col("matched_code"), col("academic_name"), transferable.as("_movable")));
        Column movableLink = col("_movable");

        // Transferred into Z: an owner firm in Z and no applicant firm in Z. Both sides are the zone links of
        // transferable patents, a small part of all links; the anti-join settles nesting (a move within Z's
        // subtree has an applicant in Z, so it is no transfer into Z).
        Dataset<Row> movable = links.filter(movableLink);
        Dataset<Row> owned = movable.filter(col("role").equalTo(PatentAttribution.OWNER))
                .select("application_no", "zone_id").distinct();
        Dataset<Row> applied = movable.filter(applicant).select("application_no", "zone_id");
        Dataset<Row> into = owned.join(applied, new String[]{"application_no", "zone_id"}, "left_anti");

        // Each applicant of a transferable patent is one source: an institution; a firm placed in a zone (named
        // by its finest zone, which is outside Z since no applicant firm is in Z); a firm in no zone; anyone else.
        Dataset<Row> ownZones = movable.filter(applicant.and(col("own_zone")))
                .select(col("application_no").as("_patent"), col("credit_code").as("_firm"), col("zone_id").as("_firm_zone"));
        Dataset<Row> applicants = sourceRefs.filter(movableLink);
        Dataset<Row> sources = applicants
                .join(ownZones, col("application_no").equalTo(col("_patent")).and(col("matched_code").equalTo(col("_firm"))),
                        "left")
                .select(col("application_no"),
                        when(col("academic_name").isNotNull(), lit(ACADEMIC))
                                .when(col("_firm_zone").isNotNull(), lit(FIRM_OTHER_ZONE))
                                .when(col("matched_code").isNotNull(), lit(FIRM_UNPLACED))
                                .otherwise(lit(OTHER)).as("source_kind"),
                        when(col("academic_name").isNotNull(), col("academic_name"))
                                .otherwise(col("_firm_zone")).as("source_name"))
                .distinct();
        Dataset<Row> transfers = into.join(sources, "application_no")
                .groupBy("zone_id", "source_kind", "source_name")
                .agg(count(lit(1)).as("inventions_transferred_in"), lit(0L).as("patents_coapplied"));

        // Co-applications, any year up to as_of: an applicant firm in Z beside the institution. The zone links
        // are narrowed to patents with an institution among their applicants before the join.
        Dataset<Row> firmZones = links.filter(applicant.and(col("with_academic")))
                .select("application_no", "zone_id").distinct();
        Dataset<Row> institutions = sourceRefs.filter(col("academic_name").isNotNull())
                .select(col("application_no"), col("academic_name").as("source_name"));
        Dataset<Row> coapplied = firmZones.join(institutions, "application_no")
                .groupBy("zone_id", "source_name")
                .agg(lit(ACADEMIC).as("source_kind"), lit(0L).as("inventions_transferred_in"),
                        count(lit(1)).as("patents_coapplied"));

        return transfers.unionByName(coapplied)
                .groupBy("zone_id", "source_kind", "source_name")
                .agg(sum("inventions_transferred_in").as("inventions_transferred_in"),
                        sum("patents_coapplied").as("patents_coapplied"))
                .withColumn("patents_coapplied", when(col("source_kind").equalTo(ACADEMIC),
                        coalesce(col("patents_coapplied"), lit(0L))))
                .select("zone_id", "source_kind", "source_name", "inventions_transferred_in", "patents_coapplied");
    }

    /** A patent's distinct applicants: each matched firm once (its first reference), each other name once. */
    private static Dataset<Row> distinctApplicants(Dataset<Row> references) {
        return references.filter(col("role").equalTo(PatentAttribution.APPLICANT)
                .and(col("firm_first").or(col("matched_code").isNull())));
    }
}
