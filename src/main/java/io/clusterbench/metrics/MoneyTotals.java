package io.clusterbench.metrics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

import java.math.BigDecimal;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/** Money totals of zone-years in decimal(20,4), 10,000 CNY. */
final class MoneyTotals {
    private MoneyTotals() {
    }

    /** Beyond decimal(20,4) a total is null, as Spark's cast leaves it with ANSI mode off, in either mode. */
    static Column orNull(Column total) {
        return when(abs(total).lt(lit(new BigDecimal("1E16"))), total.cast(DataTypes.createDecimalType(20, 4)));
    }
}
