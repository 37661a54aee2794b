package io.clusterbench.spark;

import io.clusterbench.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Counts observed while an intermediate is kept, in both keepers, with and without rows. */
class IntermediatesTest extends SparkTestBase {
    @TempDir
    Path dir;

    private void observesTheRowsAsKept(Intermediates keep) {
        // ids 0..9: 10 rows, of which 0, 3, 6, 9 are multiples of 3
        Intermediates.Observed kept = keep.keepObserving("ten", spark().range(10).toDF(),
                count(lit(1)).as("rows"), sum(when(col("id").mod(3).equalTo(0), 1L).otherwise(0L)).as("threes"));
        assertEquals(10, kept.count("rows"));
        assertEquals(4, kept.count("threes"));
        assertEquals(10, kept.data().count(), "the kept rows are the rows given");
        assertThrows(IllegalArgumentException.class, () -> kept.count("thre"), "a misspelt metric is not a zero");

        Dataset<Row> none = spark().range(10).toDF().filter(col("id").lt(0));
        Intermediates.Observed empty = keep.keepObserving("none", none,
                count(lit(1)).as("rows"), sum(when(col("id").equalTo(0), 1L)).as("zeros"));
        assertEquals(0, empty.count("rows"));
        assertEquals(0, empty.count("zeros"), "a sum over no rows (null) counts as none");
    }

    @Test
    void asParquet() {
        observesTheRowsAsKept(Intermediates.parquet(spark(), dir.toString()));
    }

    @Test
    void inMemory() {
        observesTheRowsAsKept(Intermediates.inMemory());
    }
}
