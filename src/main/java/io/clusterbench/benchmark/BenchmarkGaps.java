package io.clusterbench.benchmark;

import io.clusterbench.zone.ZoneRole;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.try_divide;

/**
 * benchmark_gaps (metrics.md "Benchmarking"): every home × benchmark pair, headline metric and year, with the
 * ratio, the gap, both CAGRs over the window and the years the home zone needs to close the gap at current
 * growth.
 */
public final class BenchmarkGaps {
    private BenchmarkGaps() {
    }

    /**
     * @param series long-form metrics of every zone (see {@link MetricSeries})
     * @param zones  the zones table (zone_id, role)
     */
    public static Dataset<Row> compute(Dataset<Row> series, Dataset<Row> zones, int window) {
        Dataset<Row> withCagr = withCagr(series, window);
        Dataset<Row> home = withCagr.join(ZoneRole.ids(zones, ZoneRole.HOME), "zone_id")
                .select(col("zone_id").as("home_zone_id"), col("metric"), col("year"), col("is_partial_year"),
                        col("is_flow"), col("value").as("home_value"), col("cagr").as("home_cagr"));
        Dataset<Row> bench = withCagr.join(ZoneRole.ids(zones, ZoneRole.BENCHMARK), "zone_id")
                .select(col("zone_id").as("benchmark_zone_id"), col("metric"), col("year"),
                        col("value").as("benchmark_value"), col("cagr").as("benchmark_cagr"));
        Column h = col("home_value");
        Column b = col("benchmark_value");
        Column hc = col("home_cagr");
        Column bc = col("benchmark_cagr");
        Column flowPartial = col("is_flow").and(col("is_partial_year"));
        Column yearsToClose = when(flowPartial.or(h.isNull()).or(b.isNull()), lit(null).cast("double"))
                .when(h.geq(b), lit(0.0))
                .when(h.gt(0).and(hc.isNotNull()).and(bc.isNotNull()).and(hc.gt(bc)),
                        try_divide(log(try_divide(b, h)), log(try_divide(lit(1).plus(hc), lit(1).plus(bc)))));
        return home.join(bench, new String[]{"metric", "year"})
                .select(col("home_zone_id"), col("benchmark_zone_id"), col("metric"), col("year"),
                        col("is_partial_year"), h, b,
                        when(b.notEqual(0), try_divide(h, b)).as("ratio"),
                        b.minus(h).as("gap"),
                        when(flowPartial, lit(null).cast("double")).otherwise(hc).as("home_cagr"),
                        when(flowPartial, lit(null).cast("double")).otherwise(bc).as("benchmark_cagr"),
                        yearsToClose.as("years_to_close"));
    }

    /**
     * cagr(Y) = (v(Y) / v(Y − w))^(1/w) − 1; null when Y − w precedes the first year or v(Y − w) <= 0, and when v(Y)
     * < 0 (a metric that can turn negative, as net new HTE, has no growth rate from positive to negative: the root
     * of a negative ratio would be NaN).
     */
    static Dataset<Row> withCagr(Dataset<Row> series, int window) {
        Column start = lag(col("value"), window).over(Window.partitionBy("zone_id", "metric").orderBy("year"));
        return series.withColumn("_start", start)
                .withColumn("cagr", when(col("_start").gt(0).and(col("value").geq(0)),
                        pow(try_divide(col("value"), col("_start")), 1.0 / window).minus(1)))
                .drop("_start");
    }
}
