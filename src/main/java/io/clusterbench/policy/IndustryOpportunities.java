package io.clusterbench.policy;

import io.clusterbench.zone.ZoneRole;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * industry_opportunities: for each home zone and GB/T 4754 division, the zone's LQ and specialisation, the
 * benchmark zones' LQ, and the relatedness density of the division to the zone's current specialisations;
 * divisions where the zone is not yet specialised are ranked by relatedness density, then by benchmark strength.
 */
public final class IndustryOpportunities {
    private IndustryOpportunities() {
    }

    /**
     * @param zoneIndustry zone_industry_metrics of one year (zone_id, industry_division, lq, lq_reliable)
     * @param zones        the zones table (zone_id, role)
     * @param divisions    industry_divisions (industry_division, industry_section, name_zh)
     */
    public static Dataset<Row> compute(Dataset<Row> zoneIndustry, Dataset<Row> zones, Dataset<Row> divisions, int year) {
        Dataset<Row> specialised = zoneIndustry.filter(col("lq").geq(1))
                .select(col("zone_id"), col("industry_division").as("industry"));
        Dataset<Row> density = Relatedness.density(specialised, Relatedness.strengths(specialised), zones);
        Dataset<Row> home = ZoneRole.ids(zones, ZoneRole.HOME);
        Dataset<Row> benchmarks = zoneIndustry.join(ZoneRole.ids(zones, ZoneRole.BENCHMARK), "zone_id")
                .groupBy("industry_division").agg(
                        map_from_entries(collect_list(struct(col("zone_id"), col("lq")))).as("benchmark_lq"),
                        max("lq").as("benchmark_lq_max"),
                        // an LQ from fewer than min_cell_firms firms is no specialisation to count (lq_reliable)
                        count(when(col("lq").geq(1).and(col("lq_reliable")), 1)).as("benchmarks_specialised"));
        Dataset<Row> own = zoneIndustry.select(col("zone_id"), col("industry_division"), col("lq"));
        Dataset<Row> grid = home.crossJoin(divisions.select("industry_division", "industry_section", "name_zh"));
        Dataset<Row> joined = grid.join(own, new String[]{"zone_id", "industry_division"}, "left")
                .join(benchmarks, new String[]{"industry_division"}, "left")
                .join(density.withColumnRenamed("industry", "industry_division"), new String[]{"zone_id", "industry_division"}, "left")
                .withColumn("lq", coalesce(col("lq"), lit(0.0)))
                .withColumn("is_specialised", col("lq").geq(1))
                .withColumn("benchmarks_specialised", coalesce(col("benchmarks_specialised"), lit(0L)))
                .withColumn("year", lit(year));
        // A division related to nothing (relatedness density null) is no recommendation: it gets no rank.
        Dataset<Row> ranked = joined.filter(col("is_specialised").unary_$bang().and(col("relatedness_density").isNotNull()))
                .withColumn("opportunity_rank", row_number().over(Window.partitionBy("zone_id").orderBy(
                        col("relatedness_density").desc_nulls_last(), col("benchmark_lq_max").desc_nulls_last(),
                        col("industry_division").asc())))
                .select("zone_id", "industry_division", "opportunity_rank");
        return joined.join(ranked, new String[]{"zone_id", "industry_division"}, "left")
                .select("zone_id", "year", "industry_division", "industry_section", "name_zh", "lq", "is_specialised",
                        "benchmark_lq", "benchmark_lq_max", "benchmarks_specialised", "relatedness_density",
                        "opportunity_rank");
    }
}
