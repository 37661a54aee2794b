package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;

/** The run's years as a column expression, to widen a small key set (zones, divisions) to every year. */
final class YearSequence {
    private YearSequence() {
    }

    static Column explodeYears(JobConfig config) {
        return explode(sequence(lit(config.firstYear()), lit(config.asOfYear()))).as("year");
    }
}
