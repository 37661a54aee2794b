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
 *
 * <p>Expressions are evaluated interpreted, not compiled: on the suite's few-row inputs, generating and compiling
 * Java for each of several hundred plans costs more than it saves (measured on three classes of the suite, with the
 * C1-only JIT of the test JVM: about a quarter off their time).
 * Both paths compute the same results; the sample test's first run uses Spark's compiled defaults
 * ({@link #withCompiledCode}) and must publish the same rows as its interpreted rerun.
 */
public abstract class SparkTestBase {
    private static SparkSession session;
    private static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
    private static final String CODEGEN_FACTORY_MODE = "spark.sql.codegen.factoryMode";

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
                    .config(WHOLE_STAGE_CODEGEN, "false")
                    .config(CODEGEN_FACTORY_MODE, "NO_CODEGEN")
                    // as the job sets it: the UI's plan text is built for every query whether or not anyone reads it
                    .config("spark.sql.ui.explainMode", "simple")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            FrameAssertions.use(session);
        }
    }

    protected static SparkSession spark() {
        return session;
    }

    /** Runs {@code work} with Spark's defaults for code generation, as a job runs in production. */
    protected static void withCompiledCode(Runnable work) {
        var conf = session.conf();
        conf.set(WHOLE_STAGE_CODEGEN, "true");
        conf.set(CODEGEN_FACTORY_MODE, "FALLBACK");
        try {
            work.run();
        } finally {
            conf.set(WHOLE_STAGE_CODEGEN, "false");
            conf.set(CODEGEN_FACTORY_MODE, "NO_CODEGEN");
        }
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
