package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * zone_year_metrics: every firm contributes a handful of dated events (activity starts and ends, establishment,
 * exit) to each zone containing it; one aggregation over (zone, year) and a running sum per zone turn them into
 * yearly counts. No firm is ever crossed with every year.
 */
public final class ZoneYearMetrics {
    private ZoneYearMetrics() {
    }

    /**
     * @param firmZones one row per (enterprise firm, containing zone): {@code zone_id} is the containing zone
     * @param grid      every (zone_id, year) with {@code is_partial_year} and {@code area_km2}
     */
    public static Dataset<Row> compute(Dataset<Row> firmZones, Dataset<Row> grid, JobConfig config) {
        Dataset<Row> withYears = FirmActivity.withActiveYears(firmZones, config);
        Column from = FirmActivity.clampedFrom(config);
        Column everActive = col("active_to").geq(from);
        Column precise = when(col("placement").isin("zone_id", "coordinates"), 1).otherwise(0);

        Column events = array(
                when(everActive, event(from, lit(1), precise, lit(0), lit(0))),
                when(everActive, event(col("active_to").plus(1), lit(-1), precise.multiply(-1), lit(0), lit(0))),
                event(year(col("established_date")), lit(0), lit(0), lit(1), lit(0)),
                when(col("deregistered_date").isNotNull(),
                        event(year(col("deregistered_date")), lit(0), lit(0), lit(0), lit(1))));

        Dataset<Row> perZoneYear = withYears
                .select(col("zone_id"), explode(events).as("e"))
                .filter(col("e").isNotNull()
                        .and(col("e.year").between(config.firstYear(), config.asOfYear())))
                .groupBy(col("zone_id"), col("e.year").as("year"))
                .agg(sum("e.active_delta").as("active_delta"), sum("e.precise_delta").as("precise_delta"),
                        sum("e.new").as("firms_new"), sum("e.exited").as("firms_exited"));

        WindowSpec upToYear = Window.partitionBy("zone_id").orderBy("year")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> counted = grid.join(perZoneYear, new String[]{"zone_id", "year"}, "left")
                .withColumn("firms_active", sum(coalesce(col("active_delta"), lit(0L))).over(upToYear))
                .withColumn("precise_active", sum(coalesce(col("precise_delta"), lit(0L))).over(upToYear))
                .withColumn("firms_new", coalesce(col("firms_new"), lit(0L)))
                .withColumn("firms_exited", coalesce(col("firms_exited"), lit(0L)))
                .withColumn("firm_density_per_km2", col("firms_active").divide(col("area_km2")))
                .withColumn("placement_coverage", when(col("firms_active").gt(0),
                        col("precise_active").divide(col("firms_active"))));
        return ZoneYearMetricsTable.conform(counted);
    }

    private static Column event(Column year, Column activeDelta, Column preciseDelta, Column isNew, Column exited) {
        return struct(year.cast("int").as("year"), activeDelta.cast("long").as("active_delta"),
                preciseDelta.cast("long").as("precise_delta"), isNew.cast("long").as("new"),
                exited.cast("long").as("exited"));
    }
}
