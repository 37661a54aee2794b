package io.clusterbench.publish;

import io.clusterbench.SparkTestBase;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The digest sees values nested in maps inside arrays of structs (run_summary's per-source counts). */
class SnapshotDigestTest extends SparkTestBase {
    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            createStructField("id", DataTypes.IntegerType, false),
            createStructField("sources", DataTypes.createArrayType(DataTypes.createStructType(List.of(
                    createStructField("source", DataTypes.StringType, false),
                    createStructField("flags", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)))),
                    false)));

    private static Row row(int id, long unknownZone) {
        Map<String, Long> flags = new LinkedHashMap<>();
        flags.put("EXIT_DATE_MISSING", 2L);
        flags.put("UNKNOWN_ZONE", unknownZone);
        return RowFactory.create(id, List.of(RowFactory.create("enterprises", flags)));
    }

    private static String digest(Row... rows) {
        return SnapshotDigest.tableDigest(spark().createDataFrame(List.of(rows), SCHEMA));
    }

    @Test
    void aNestedCountThatChangesChangesTheDigestAndRowOrderDoesNot() {
        String base = digest(row(1, 0), row(2, 3));
        assertEquals(base, digest(row(2, 3), row(1, 0)), "row order is not part of a table");
        assertNotEquals(base, digest(row(1, 1), row(2, 3)), "a nested count changed");
        assertEquals("2:", base.substring(0, 2));
    }
}
