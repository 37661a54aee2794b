package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;

/**
 * zone_year_listed: listed firms per zone, year and board, NEEQ included (metrics.md "Listed in Y", applied per
 * board). Rows only where a zone has at least one listed firm on that board in that year.
 */
public final class ListedByBoard {
    private ListedByBoard() {
    }

    public static Dataset<Row> compute(Dataset<Row> firmZones, JobConfig config) {
        Column from = greatest(ListingYears.first(config), lit(config.firstYear()));
        Column to = ListingYears.last(config);
        Dataset<Row> listed = firmZones.filter(col("listing_board").isNotNull().and(to.geq(from)))
                .withColumn("board", col("listing_board"));
        return RunningSums.perKeyYear(listed, listed, new String[]{"zone_id", "board"}, from, to,
                        Map.of("listed_count", lit(1L)), config)
                .filter(col("listed_count").gt(0))
                .select("zone_id", "year", "board", "listed_count");
    }
}
