package io.clusterbench.benchmark;

import io.clusterbench.zone.ZoneRole;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.try_divide;

/**
 * gap_decomposition: why a density gap exists. Each density is a product of parts, so ln(home / benchmark)
 * splits into the log ratios of the parts:
 * firm density = firms ÷ area; HTE density = (HTE ÷ firms) × (firms ÷ area); invention stock per km² =
 * (stock ÷ firms) × (firms ÷ area). The area part enters with a minus sign (more area, lower density).
 * When any term of a metric is 0 or missing on either side, that metric's parts are null for the pair-year.
 */
public final class GapDecomposition {
    private GapDecomposition() {
    }

    public static Dataset<Row> compute(Dataset<Row> zoneYearMetrics, Dataset<Row> zones) {
        Dataset<Row> base = zoneYearMetrics.select(col("zone_id"), col("year"),
                col("firms_active").cast("double").as("f"), col("area_km2").as("a"),
                col("hte_count").cast("double").as("h"), col("invention_stock").cast("double").as("s"));
        Dataset<Row> home = base.join(ZoneRole.ids(zones, ZoneRole.HOME), "zone_id")
                .select(col("zone_id").as("home_zone_id"), col("year"), col("f").as("hf"), col("a").as("ha"),
                        col("h").as("hh"), col("s").as("hs"));
        Dataset<Row> bench = base.join(ZoneRole.ids(zones, ZoneRole.BENCHMARK), "zone_id")
                .select(col("zone_id").as("benchmark_zone_id"), col("year"), col("f").as("bf"), col("a").as("ba"),
                        col("h").as("bh"), col("s").as("bs"));
        Column firms = lnRatio(col("hf"), col("bf"));
        Column area = lnRatio(col("ha"), col("ba")).multiply(-1);
        Column hteShare = lnRatio(try_divide(col("hh"), col("hf")), try_divide(col("bh"), col("bf")));
        Column stockPerFirm = lnRatio(try_divide(col("hs"), col("hf")), try_divide(col("bs"), col("bf")));
        Column firmsOk = positive("hf", "bf", "ha", "ba");
        Column hteOk = firmsOk.and(positive("hh", "bh"));
        Column stockOk = firmsOk.and(positive("hs", "bs"));
        // Shares divide by ln(home density / benchmark density) itself, not by the sum of the rounded parts: equal
        // densities give a ratio of exactly 1 and no share, where the parts' sum can miss 0 by 1e-16 and make a
        // share of 1e15.
        Column firmGap = densityLnRatio(col("hf"), col("bf"));
        Column hteGap = densityLnRatio(col("hh"), col("bh"));
        Column stockGap = densityLnRatio(col("hs"), col("bs"));
        Column parts = array(
                part("firm_density_per_km2", "firms", firms, firmGap, firmsOk),
                part("firm_density_per_km2", "area", area, firmGap, firmsOk),
                part("hte_density_per_km2", "hte_share", hteShare, hteGap, hteOk),
                part("hte_density_per_km2", "firms", firms, hteGap, hteOk),
                part("hte_density_per_km2", "area", area, hteGap, hteOk),
                part("invention_stock_per_km2", "stock_per_firm", stockPerFirm, stockGap, stockOk),
                part("invention_stock_per_km2", "firms", firms, stockGap, stockOk),
                part("invention_stock_per_km2", "area", area, stockGap, stockOk));
        return home.join(bench, "year")
                .select(col("home_zone_id"), col("benchmark_zone_id"), col("year"), explode(parts).as("p"))
                .select(col("home_zone_id"), col("benchmark_zone_id"), col("year"), col("p.metric").as("metric"),
                        col("p.component").as("component"), col("p.log_contribution").as("log_contribution"),
                        col("p.share_of_gap").as("share_of_gap"));
    }

    private static Column part(String metric, String component, Column contribution, Column total, Column ok) {
        return struct(lit(metric).as("metric"), lit(component).as("component"),
                when(ok, contribution).as("log_contribution"),
                when(ok.and(total.notEqual(0)), try_divide(contribution, total)).as("share_of_gap"));
    }

    /** ln((home count ÷ home area) ÷ (benchmark count ÷ benchmark area)), one log of the density ratio. */
    private static Column densityLnRatio(Column home, Column bench) {
        return lnRatio(try_divide(home, col("ha")), try_divide(bench, col("ba")));
    }

    private static Column lnRatio(Column home, Column bench) {
        return log(try_divide(home, bench));
    }

    private static Column positive(String... cols) {
        Column c = lit(true);
        for (String x : cols) {
            c = c.and(col(x).isNotNull()).and(col(x).gt(0));
        }
        return c;
    }
}
