package io.clusterbench.spark;

import io.clusterbench.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows counted while an intermediate is kept, in both keepers, with and without rows. */
class IntermediatesTest extends SparkTestBase {
    @TempDir
    Path dir;

    private void countsTheRowsAsKept(Intermediates keep) {
        Intermediates.Observed kept = keep.keepCounted("ten", spark().range(10).toDF().filter(col("id").mod(3).equalTo(0)));
        assertEquals(4, kept.rows(), "ids 0, 3, 6 and 9");
        assertEquals(List.of(0L, 3L, 6L, 9L), kept.data().orderBy("id").as(Encoders.LONG()).collectAsList(),
                "the kept rows are the rows given");

        Dataset<Row> none = spark().range(10).toDF().filter(col("id").lt(0));
        assertEquals(0, keep.keepCounted("none", none).rows());
    }

    @Test
    void asParquet() {
        countsTheRowsAsKept(Intermediates.parquet(spark(), dir.toString()));
    }

    @Test
    void inMemory() {
        countsTheRowsAsKept(Intermediates.inMemory());
    }
}
