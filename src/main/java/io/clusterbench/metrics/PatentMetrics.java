package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import io.clusterbench.link.PatentAttribution;
import io.clusterbench.link.PatentFacts;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;


import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.try_divide;

/**
 * Patent metrics per zone and year (metrics.md "Patents"): whole counting (1 per zone holding at least one
 * applicant firm) and fractional counting (k / n, each term rounded half-up to 6 decimals before summing).
 */
public final class PatentMetrics {
    static final DecimalType FRAC = DataTypes.createDecimalType(20, 6);

    private PatentMetrics() {
    }

    /**
     * (application_no, zone_id, k, n, with_academic and the facts) for every patent and zone holding at least one
     * of its applicant firms. Links are distinct per (patent, role, firm) and a firm has one row per containing zone,
     * so k, the applicant firms of the patent in the zone, is a plain count.
     */
    static Dataset<Row> applicantZones(Dataset<Row> zoneLinks) {
        return zoneLinks.filter(col("role").equalTo(PatentAttribution.APPLICANT))
                .groupBy("application_no", "zone_id", "is_invention", "applied_year", "grant_year", "with_academic")
                .agg(count(lit(1)).as("k"), first("n").as("n"));
    }

    /**
     * Flow sums per (zone, year) plus the invention-stock additions, to be summed cumulatively.
     *
     * @param zoneLinks the patent zone links of the link stage
     */
    public static Dataset<Row> perZoneYear(Dataset<Row> zoneLinks, JobConfig config) {
        Column term = round(try_divide(col("k").cast(FRAC), col("n").cast(FRAC)), 6).cast(FRAC);
        Dataset<Row> byApplicants = applicantZones(zoneLinks).withColumn("term", term);

        // Each (patent, zone) gives its application-year row and, for a granted invention, its grant-year row:
        // one explode of the applicant zones, so they are aggregated (and shuffled by patent) once.
        Column appliedRow = struct(col("applied_year").as("year"), lit(1L).as("patents_applied"),
                col("term").as("patents_applied_frac"), when(col("is_invention"), 1L).otherwise(0L).as("invention_applied"),
                lit(0L).as("invention_granted"), lit(null).cast(FRAC).as("invention_granted_frac"), lit(0L).as("stock_added"),
                when(col("with_academic"), 1L).otherwise(0L).as("patents_academic_coapplied"));
        Column grantedRow = when(col("is_invention").and(col("grant_year").isNotNull()),
                struct(col("grant_year").as("year"), lit(0L).as("patents_applied"),
                        lit(null).cast(FRAC).as("patents_applied_frac"), lit(0L).as("invention_applied"),
                        lit(1L).as("invention_granted"), col("term").as("invention_granted_frac"), lit(0L).as("stock_added"),
                        lit(0L).as("patents_academic_coapplied")));
        Dataset<Row> flows = byApplicants.select(col("zone_id"), explode(array(appliedRow, grantedRow)).as("f"))
                .filter(col("f").isNotNull())
                .select(col("zone_id"), col("f.*"));

        // Stock: granted inventions valid on as_of, held by the current owners when given, else the applicants.
        Dataset<Row> holders = zoneLinks
                .filter(col("is_invention").and(col("is_valid")).and(col("grant_year").isNotNull()).and(PatentFacts.heldByLink()))
                .select(col("application_no"), col("zone_id"), col("grant_year")).distinct();
        Dataset<Row> stock = holders.select(col("zone_id"),
                greatest(col("grant_year"), lit(config.firstYear())).as("year"), lit(0L).as("patents_applied"),
                lit(null).cast(FRAC).as("patents_applied_frac"), lit(0L).as("invention_applied"),
                lit(0L).as("invention_granted"), lit(null).cast(FRAC).as("invention_granted_frac"),
                lit(1L).as("stock_added"), lit(0L).as("patents_academic_coapplied"));

        return flows.unionByName(stock)
                .filter(col("year").between(config.firstYear(), config.asOfYear()))
                .groupBy("zone_id", "year")
                .agg(sum("patents_applied").as("patents_applied"), sum("patents_applied_frac").cast(FRAC).as("patents_applied_frac"),
                        sum("invention_applied").as("invention_applied"), sum("invention_granted").as("invention_granted"),
                        sum("invention_granted_frac").cast(FRAC).as("invention_granted_frac"),
                        sum("stock_added").as("stock_added"),
                        sum("patents_academic_coapplied").as("patents_academic_coapplied"));
    }
}
