package io.clusterbench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local SparkSession for the whole suite (JVM), few shuffle partitions, UI off. DataFrame assertions go
 * through {@link #assertFramesEqual}, whose library depends on the Spark line ({@code src/test/spark-<line>/java}:
 * spark-testing-base on 3.5, Spark's own QueryTest on 4). The session keeps Spark's default ANSI mode: on in
 * Spark 4, off in 3.5.
 */
public abstract class SparkTestBase {
    private static SparkSession session;

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
            FrameAssertions.use(session);
        }
    }

    protected static SparkSession spark() {
        return session;
    }

    /**
     * The stages up to the marts (ingest → place → link → metrics) on a small input, intermediates kept as Parquet
     * under {@code scratch}: a metric family, placement or linking tested at the level of its rule, without the
     * benchmark, policy and publishing a whole run adds.
     */
    protected static Pipeline.Marts marts(io.clusterbench.config.JobConfig config, java.nio.file.Path scratch) {
        return Pipeline.marts(session, config, io.clusterbench.ingest.IngestStage.prepare(session, config),
                io.clusterbench.spark.Intermediates.parquet(session, scratch.toString()));
    }

    /** Order-independent equality of two frames, schema (with nullability) included. */
    protected static void assertFramesEqual(Dataset<Row> expected, Dataset<Row> actual) {
        FrameAssertions.assertNoOrderEquals(expected, actual);
    }
}
