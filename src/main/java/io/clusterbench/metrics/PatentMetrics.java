package io.clusterbench.metrics;

import io.clusterbench.spark.SortKeys;
import io.clusterbench.config.JobConfig;
import io.clusterbench.link.PatentAttribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.apache.spark.sql.functions.try_divide;

/**
 * Patent metrics per zone and year (metrics.md "Patents"): whole counting (1 per zone holding at least one
 * applicant firm) and fractional counting (k / n, each term rounded half-up to 6 decimals before summing).
 */
public final class PatentMetrics {
    static final DecimalType FRAC = DataTypes.createDecimalType(20, 6);

    private PatentMetrics() {
    }

    /** The per-patent facts every count needs, carried by each firm link. */
    public static final List<String> FACTS = List.of("is_invention", "applied_year", "grant_year", "is_valid",
            "has_owners");

    /**
     * Adds the {@link #FACTS} to staging patents: is_invention, applied_year, grant_year, is_valid, has_owners.
     * They travel with the references, so no count joins the patents again.
     */
    public static Dataset<Row> withFacts(Dataset<Row> patents) {
        return patents.withColumns(java.util.Map.of(
                "is_invention", col("patent_type").equalTo("invention"),
                "applied_year", year(col("application_date")),
                "grant_year", year(col("grant_date")),
                "is_valid", col("legal_status").equalTo("valid"),
                "has_owners", size(col("current_owners_norm")).gt(0)));
    }

    /**
     * The firm links placed in zones: one row per (patent, role, firm, containing zone) with the facts and the
     * firm's industry_division. Joined once and kept; the zone-year flows, the invention stock and the
     * inventions by division all read it.
     *
     * @param enterpriseZones matched_code, zone_id, industry_division of every enterprise firm in every zone
     */
    public static Dataset<Row> zoneLinks(Dataset<Row> links, Dataset<Row> enterpriseZones) {
        return links.join(enterpriseZones, SortKeys.equal(links.col("credit_code"), enterpriseZones.col("matched_code")))
                .drop("matched_code");
    }

    /**
     * (application_no, zone_id, k, n and the facts) for every patent and zone holding at least one of its
     * applicant firms. Links are distinct per (patent, role, firm) and a firm has one row per containing zone,
     * so k, the applicant firms of the patent in the zone, is a plain count.
     */
    static Dataset<Row> applicantZones(Dataset<Row> zoneLinks) {
        return zoneLinks.filter(col("role").equalTo(PatentAttribution.APPLICANT))
                .groupBy("application_no", "zone_id", "is_invention", "applied_year", "grant_year")
                .agg(count(lit(1)).as("k"), first("n").as("n"));
    }

    /**
     * Flow sums per (zone, year) plus the invention-stock additions, to be summed cumulatively.
     *
     * @param zoneLinks {@link #zoneLinks}
     */
    public static Dataset<Row> perZoneYear(Dataset<Row> zoneLinks, JobConfig config) {
        Column term = round(try_divide(col("k").cast(FRAC), col("n").cast(FRAC)), 6).cast(FRAC);
        Dataset<Row> byApplicants = applicantZones(zoneLinks).withColumn("term", term);

        // Each (patent, zone) gives its application-year row and, for a granted invention, its grant-year row:
        // one explode of the applicant zones, so they are aggregated (and shuffled by patent) once.
        Column appliedRow = struct(col("applied_year").as("year"), lit(1L).as("patents_applied"),
                col("term").as("patents_applied_frac"), when(col("is_invention"), 1L).otherwise(0L).as("invention_applied"),
                lit(0L).as("invention_granted"), lit(null).cast(FRAC).as("invention_granted_frac"), lit(0L).as("stock_added"));
        Column grantedRow = when(col("is_invention").and(col("grant_year").isNotNull()),
                struct(col("grant_year").as("year"), lit(0L).as("patents_applied"),
                        lit(null).cast(FRAC).as("patents_applied_frac"), lit(0L).as("invention_applied"),
                        lit(1L).as("invention_granted"), col("term").as("invention_granted_frac"), lit(0L).as("stock_added")));
        Dataset<Row> flows = byApplicants.select(col("zone_id"), explode(array(appliedRow, grantedRow)).as("f"))
                .filter(col("f").isNotNull())
                .select(col("zone_id"), col("f.*"));

        // Stock: granted inventions valid on as_of, held by the current owners when given, else the applicants.
        Dataset<Row> holders = zoneLinks
                .filter(col("is_invention").and(col("is_valid")).and(col("grant_year").isNotNull()).and(holder()))
                .select(col("application_no"), col("zone_id"), col("grant_year")).distinct();
        Dataset<Row> stock = holders.select(col("zone_id"),
                greatest(col("grant_year"), lit(config.firstYear())).as("year"), lit(0L).as("patents_applied"),
                lit(null).cast(FRAC).as("patents_applied_frac"), lit(0L).as("invention_applied"),
                lit(0L).as("invention_granted"), lit(null).cast(FRAC).as("invention_granted_frac"),
                lit(1L).as("stock_added"));

        return flows.unionByName(stock)
                .filter(col("year").between(config.firstYear(), config.asOfYear()))
                .groupBy("zone_id", "year")
                .agg(sum("patents_applied").as("patents_applied"), sum("patents_applied_frac").cast(FRAC).as("patents_applied_frac"),
                        sum("invention_applied").as("invention_applied"), sum("invention_granted").as("invention_granted"),
                        sum("invention_granted_frac").cast(FRAC).as("invention_granted_frac"),
                        sum("stock_added").as("stock_added"));
    }

    /**
     * Per firm: patents as applicant, inventions granted as applicant, valid inventions it holds (owners first).
     *
     * @param links firm links carrying the {@link #FACTS}
     */
    public static Dataset<Row> perFirm(Dataset<Row> links) {
        Column granted = col("grant_year").isNotNull();
        Column asApplicant = col("role").equalTo(PatentAttribution.APPLICANT);
        Column holder = holder();
        // links hold one row per (patent, role, firm), and a firm is the holder in one role only, so plain
        // conditional counts are distinct counts (countDistinct would expand every row four times).
        return links.groupBy(col("credit_code").as("pc_code")).agg(
                countIf(asApplicant).as("patents_total"),
                countIf(asApplicant.and(col("is_invention")).and(granted)).as("invention_patents_granted"),
                countIf(holder.and(col("is_invention")).and(granted).and(col("is_valid")))
                        .as("invention_patents_valid"),
                countIf(holder.and(col("is_invention").unary_$bang()).and(granted).and(col("is_valid")))
                        .as("other_patents_valid"));
    }

    /** The link holds the patent: its current owners when the patent names any, else its applicants. */
    private static Column holder() {
        return col("role").equalTo(when(col("has_owners"), lit(PatentAttribution.OWNER))
                .otherwise(lit(PatentAttribution.APPLICANT)));
    }

    private static Column countIf(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }
}
