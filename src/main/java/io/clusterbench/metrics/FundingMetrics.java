package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/** Funding per zone and year (metrics.md "Funding"): events, disclosed amounts in 10,000 CNY, undisclosed apart. */
public final class FundingMetrics {
    private FundingMetrics() {
    }

    /** @param fundingZoneLinks matched funding events, one row per containing zone of the matched firm */
    public static Dataset<Row> perZoneYear(Dataset<Row> fundingZoneLinks, JobConfig config) {
        return fundingZoneLinks
                .withColumn("year", year(col("date")))
                .filter(col("year").between(config.firstYear(), config.asOfYear()))
                .groupBy("zone_id", "year")
                .agg(count("*").as("funding_events"),
                        MoneyTotals.orNull(sum("amount_cny_10k")).as("funding_amount_cny_10k"),
                        sum(when(col("amount_cny_10k").isNull(), 1L).otherwise(0L)).as("funding_undisclosed_events"));
    }

}
