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
import static org.apache.spark.sql.functions.max;
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
     * One row per patent and zone holding at least one of its applicant or holder firms: k, the patent's applicant
     * firms in the zone (links are distinct per (patent, role, firm) and a firm has one row per containing zone, so
     * a plain count), n and with_academic of its applicant links, the patent's facts, and whether a firm of the zone
     * holds it for the invention stock (the current owners when given, else the applicants).
     */
    static Dataset<Row> patentZones(Dataset<Row> zoneLinks) {
        Column applicant = col("role").equalTo(PatentAttribution.APPLICANT);
        return zoneLinks.groupBy("application_no", "zone_id", "is_invention", "applied_year", "grant_year")
                .agg(count(when(applicant, 1)).as("k"), first(when(applicant, col("n")), true).as("n"),
                        max(when(applicant, col("with_academic"))).as("with_academic"),
                        max(PatentFacts.validGrantedInvention().and(PatentFacts.heldByLink())).as("held"));
    }

    /**
     * Flow sums per (zone, year) plus the invention-stock additions, to be summed cumulatively.
     *
     * @param zoneLinks the patent zone links of the link stage
     */
    public static Dataset<Row> perZoneYear(Dataset<Row> zoneLinks, JobConfig config) {
        Column term = round(try_divide(col("k").cast(FRAC), col("n").cast(FRAC)), 6).cast(FRAC);
        Dataset<Row> patentZones = patentZones(zoneLinks).withColumn("term", term);

        // Each (patent, zone) gives its application-year row and, for a granted invention, its grant-year row when
        // an applicant firm is in the zone, and its stock row when a holder is: one aggregation by patent and one
        // explode serve all three, so the links are read and shuffled once.
        Column applied = col("k").gt(0);
        Column appliedRow = when(applied, struct(col("applied_year").as("year"), lit(1L).as("patents_applied"),
                col("term").as("patents_applied_frac"), when(col("is_invention"), 1L).otherwise(0L).as("invention_applied"),
                lit(0L).as("invention_granted"), lit(null).cast(FRAC).as("invention_granted_frac"), lit(0L).as("stock_added"),
                when(col("with_academic"), 1L).otherwise(0L).as("patents_academic_coapplied")));
        Column grantedRow = when(applied.and(col("is_invention")).and(col("grant_year").isNotNull()),
                struct(col("grant_year").as("year"), lit(0L).as("patents_applied"),
                        lit(null).cast(FRAC).as("patents_applied_frac"), lit(0L).as("invention_applied"),
                        lit(1L).as("invention_granted"), col("term").as("invention_granted_frac"), lit(0L).as("stock_added"),
                        lit(0L).as("patents_academic_coapplied")));
        // Stock: granted inventions valid on as_of, entering it in their grant year (or the first year, if earlier).
        Column stockRow = when(col("held"), struct(greatest(col("grant_year"), lit(config.firstYear())).as("year"),
                lit(0L).as("patents_applied"), lit(null).cast(FRAC).as("patents_applied_frac"),
                lit(0L).as("invention_applied"), lit(0L).as("invention_granted"),
                lit(null).cast(FRAC).as("invention_granted_frac"), lit(1L).as("stock_added"),
                lit(0L).as("patents_academic_coapplied")));
        return patentZones.select(col("zone_id"), explode(array(appliedRow, grantedRow, stockRow)).as("f"))
                .filter(col("f").isNotNull())
                .select(col("zone_id"), col("f.*"))
                .filter(col("year").between(config.firstYear(), config.asOfYear()))
                .groupBy("zone_id", "year")
                .agg(sum("patents_applied").as("patents_applied"), sum("patents_applied_frac").cast(FRAC).as("patents_applied_frac"),
                        sum("invention_applied").as("invention_applied"), sum("invention_granted").as("invention_granted"),
                        sum("invention_granted_frac").cast(FRAC).as("invention_granted_frac"),
                        sum("stock_added").as("stock_added"),
                        sum("patents_academic_coapplied").as("patents_academic_coapplied"));
    }
}
