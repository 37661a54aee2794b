package io.clusterbench.spark;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * Java values as Spark's Row encoder takes them (without the java8 datetime API switch): java.sql.Date for
 * dates and Scala sequences for arrays.
 */
public final class RowValues {
    private RowValues() {
    }

    public static Object external(Object v) {
        if (v instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (v instanceof List<?> l) {
            return scala.collection.JavaConverters.asScalaBuffer(l.stream().map(RowValues::external).toList()).toList();
        }
        return v;
    }
}
