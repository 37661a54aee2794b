package io.clusterbench.metrics;

import io.clusterbench.spark.SortKeys;
import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import java.math.BigDecimal;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/** Funding per zone and year (metrics.md "Funding"): events, disclosed amounts in 10,000 CNY, undisclosed apart. */
public final class FundingMetrics {
    private FundingMetrics() {
    }

    /** @param matchedEvents funding staging resolved to firms ({@code matched_code}) */
    public static Dataset<Row> perZoneYear(Dataset<Row> matchedEvents, Dataset<Row> enterpriseZones, JobConfig config) {
        Dataset<Row> matched = matchedEvents.filter(col("matched_code").isNotNull());
        return matched.join(enterpriseZones, SortKeys.equal(matched.col("matched_code"), enterpriseZones.col("matched_code")))
                .withColumn("year", year(col("date")))
                .filter(col("year").between(config.firstYear(), config.asOfYear()))
                .groupBy("zone_id", "year")
                .agg(count("*").as("funding_events"),
                        MoneyTotals.orNull(sum("amount_cny_10k")).as("funding_amount_cny_10k"),
                        sum(when(col("amount_cny_10k").isNull(), 1L).otherwise(0L)).as("funding_undisclosed_events"));
    }

}
