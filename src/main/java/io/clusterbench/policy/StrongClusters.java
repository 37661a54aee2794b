package io.clusterbench.policy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

/**
 * strong_clusters, with the U.S. Cluster Mapping rule: a zone's division is strong in a year when its LQ is at
 * least the 75th percentile of LQ across zones for that division and year, its firms and employees exceed the
 * 25th percentiles, and LQ ≥ 1. Percentiles by linear interpolation (R type 7: Spark's exact {@code percentile})
 * over the zones with at least one active firm in the division.
 */
public final class StrongClusters {
    private StrongClusters() {
    }

    /** @param zoneIndustry zone_industry_metrics: zone_id, year, industry_division, firms_active, lq, employees */
    public static Dataset<Row> compute(Dataset<Row> zoneIndustry) {
        Dataset<Row> cells = zoneIndustry.filter(col("firms_active").gt(0));
        Dataset<Row> thresholds = cells.groupBy("industry_division", "year").agg(
                expr("percentile(lq, 0.75)").as("lq_p75"),
                expr("percentile(firms_active, 0.25)").as("firms_p25"),
                expr("percentile(employees, 0.25)").as("employees_p25"));
        return cells.join(thresholds, new String[]{"industry_division", "year"})
                .withColumn("is_strong", col("lq").geq(col("lq_p75")).and(col("firms_active").gt(col("firms_p25")))
                        .and(col("employees").isNotNull()).and(col("employees").gt(col("employees_p25")))
                        .and(col("lq").geq(1)))
                .select(col("zone_id"), col("industry_division"), col("year"), col("lq"), col("firms_active"),
                        col("employees"), col("lq_p75"), col("firms_p25"), col("employees_p25"), col("is_strong"));
    }
}
