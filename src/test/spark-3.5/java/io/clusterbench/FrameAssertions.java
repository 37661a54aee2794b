package io.clusterbench;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import com.holdenkarau.spark.testing.SparkSessionProvider;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The suite's DataFrame assertions on the Spark 3.5 line: spark-testing-base. */
final class FrameAssertions {
    private static JavaDataFrameSuiteBase base;

    private FrameAssertions() {
    }

    /** spark-testing-base reads the session from its provider; the suite's one session is handed to it. */
    static void use(SparkSession session) {
        SparkSessionProvider._sparkSession_$eq(session);
        base = new JavaDataFrameSuiteBase();
    }

    /** Same schema (nullability included) and the same rows in any order. */
    static void assertNoOrderEquals(Dataset<Row> expected, Dataset<Row> actual) {
        base.assertDataFrameNoOrderEquals(expected, actual);
    }
}
