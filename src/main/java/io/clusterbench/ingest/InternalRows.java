package io.clusterbench.ingest;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Parsed rows in Spark's internal format. Handing Spark external {@code Row}s costs a per-field conversion
 * (java.sql.Date with calendar rebasing, BigDecimal, Scala sequences) that measured twice the parse itself; the
 * parsers' values are turned into internal values here once, typed by the schema.
 *
 * <p>These are the value classes the DataSource V2 read API ({@link ParsedSource}) expects a
 * {@code PartitionReader<InternalRow>} to produce; they are used nowhere else.
 */
final class InternalRows {
    private InternalRows() {
    }

    static InternalRow row(Object[] values, StructType schema) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = value(values[i], schema.fields()[i].dataType());
        }
        return new GenericInternalRow(out);
    }

    private static Object value(Object v, DataType type) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return UTF8String.fromString(s);
        }
        if (v instanceof LocalDate d) {
            return (int) d.toEpochDay();
        }
        if (v instanceof BigDecimal b) {
            DecimalType t = (DecimalType) type;
            Decimal d = Decimal.apply(b);
            // out of the column's precision: null, as Spark's own conversion does (parsers reject such values first)
            return d.changePrecision(t.precision(), t.scale()) ? d : null;
        }
        if (v instanceof List<?> l) {
            DataType element = ((ArrayType) type).elementType();
            Object[] items = new Object[l.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = value(l.get(i), element);
            }
            return new GenericArrayData(items);
        }
        return v; // Integer, Long, Double, Boolean: the same in both worlds
    }
}
