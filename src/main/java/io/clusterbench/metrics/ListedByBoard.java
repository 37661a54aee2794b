package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * zone_year_listed: listed firms per zone, year and board, NEEQ included (metrics.md "Listed in Y", applied per
 * board). Rows only where a zone has at least one listed firm on that board in that year.
 */
public final class ListedByBoard {
    private ListedByBoard() {
    }

    public static Dataset<Row> compute(Dataset<Row> firmZones, JobConfig config) {
        int first = config.firstYear();
        int last = config.asOfYear();
        Column listedFrom = greatest(when(col("listing_date").isNull(), lit(last)).otherwise(year(col("listing_date"))), lit(first));
        Column listedTo = when(col("delisting_date").isNotNull(), year(col("delisting_date")).minus(1)).otherwise(lit(last));
        Dataset<Row> listed = firmZones.filter(col("listing_board").isNotNull().and(listedTo.geq(listedFrom)));
        Dataset<Row> events = listed.select(col("zone_id"), col("listing_board").as("board"), explode(array(
                        struct(listedFrom.as("year"), lit(1L).as("delta")),
                        struct(listedTo.plus(1).as("year"), lit(-1L).as("delta")))).as("e"))
                .filter(col("e.year").between(first, last))
                .groupBy(col("zone_id"), col("board"), col("e.year").as("year"))
                .agg(sum("e.delta").as("delta"));
        Dataset<Row> keyYears = listed.select(col("zone_id"), col("listing_board").as("board")).distinct()
                .select(col("zone_id"), col("board"), YearSequence.explodeYears(config));
        return keyYears.join(events, new String[]{"zone_id", "board", "year"}, "left")
                .withColumn("listed_count", sum(coalesce(col("delta"), lit(0L))).over(Window.partitionBy("zone_id", "board")
                        .orderBy("year").rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                .filter(col("listed_count").gt(0))
                .select("zone_id", "year", "board", "listed_count");
    }
}
