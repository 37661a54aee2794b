package io.clusterbench.place;

import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * metrics.md "Firm states" as a year interval per firm, so yearly counts come from +1/−1 events and a
 * cumulative sum rather than from crossing firms with years.
 * <ul>
 *   <li>active from {@code year(established_date)};</li>
 *   <li>until {@code year(deregistered_date) − 1} (an exit on as_of or earlier ends activity in its year);</li>
 *   <li>a firm that is not active on as_of but has no exit date: until the year before as_of;</li>
 *   <li>otherwise through the year of as_of.</li>
 * </ul>
 */
public final class FirmActivity {
    private FirmActivity() {
    }

    /** Adds {@code active_from} and {@code active_to} (inclusive years; active_to &lt; active_from: never active). */
    public static Dataset<Row> withActiveYears(Dataset<Row> firms, JobConfig config) {
        Column exitedWithoutDate = col("deregistered_date").isNull()
                .and(col("status").isin("deregistered", "revoked", "moved_out"));
        return firms
                .withColumn("active_from", year(col("established_date")))
                .withColumn("active_to",
                        when(col("deregistered_date").isNotNull(), year(col("deregistered_date")).minus(1))
                                .when(exitedWithoutDate, lit(config.asOfYear() - 1))
                                .otherwise(lit(config.asOfYear())));
    }

    /** Active in {@code year}, by {@link #withActiveYears}'s interval. */
    public static Column activeIn(int year) {
        return col("active_from").leq(year).and(col("active_to").geq(year));
    }
}
