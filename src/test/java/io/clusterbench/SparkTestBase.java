package io.clusterbench;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import com.holdenkarau.spark.testing.SparkSessionProvider;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local SparkSession for the whole suite (JVM), few shuffle partitions, UI off; spark-testing-base's
 * DataFrame assertions are reached through {@link #frames()}.
 */
public abstract class SparkTestBase {
    private static SparkSession session;
    private static JavaDataFrameSuiteBase assertions;

    @BeforeAll
    static synchronized void startSpark() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("clusterbench-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                    .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            SparkSessionProvider._sparkSession_$eq(session);
            assertions = new JavaDataFrameSuiteBase();
        }
    }

    protected static SparkSession spark() {
        return session;
    }

    protected static JavaDataFrameSuiteBase frames() {
        return assertions;
    }

    /** Order-independent equality of two frames, schema (with nullability) included. */
    protected static void assertFramesEqual(Dataset<Row> expected, Dataset<Row> actual) {
        assertions.assertDataFrameNoOrderEquals(expected, actual);
    }
}
