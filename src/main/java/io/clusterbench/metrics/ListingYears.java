package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * "Listed in Y" (metrics.md "Firm states") as a year interval: from the listing year, or the as_of year for a
 * board given without a listing date, to the year before delisting. Applied to exchange boards for
 * listed_count and to every board, NEEQ included, for zone_year_listed.
 */
final class ListingYears {
    private ListingYears() {
    }

    static Column first(JobConfig config) {
        return when(col("listing_date").isNull(), lit(config.asOfYear())).otherwise(year(col("listing_date")));
    }

    static Column last(JobConfig config) {
        return when(col("delisting_date").isNotNull(), year(col("delisting_date")).minus(1)).otherwise(lit(config.asOfYear()));
    }
}
