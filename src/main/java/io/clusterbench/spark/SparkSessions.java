package io.clusterbench.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the job's SparkSession. Under spark-submit the master and every setting it passed win; only when no
 * master is set (embedded local mode) does the job pick {@code local[*]} and quieter logs.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession create() {
        SparkConf conf = new SparkConf();
        boolean embedded = !conf.contains("spark.master");
        boolean reused = SparkSession.getDefaultSession().isDefined(); // e.g. a notebook's or a test's session
        SparkSession.Builder b = SparkSession.builder().appName("clusterbench")
                // Contract: UTC session time and TIMESTAMP_MICROS, never INT96, so every reader agrees.
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                // Our own _SUCCESS marks a published snapshot; Spark's per-directory marker would confuse readers.
                .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
                // The UI's plan description is built for every query and every adaptive re-plan, whether or not
                // a UI or event log shows it; the "formatted" default costs seconds of driver time per run.
                .config("spark.sql.ui.explainMode", conf.get("spark.sql.ui.explainMode", "simple"));
        if (embedded) {
            b.master("local[*]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", conf.get("spark.sql.shuffle.partitions", "8"));
        }
        SparkSession spark = b.getOrCreate();
        if (embedded && !reused) {
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /**
     * Dates before 1582-10-15 (an ancient or mistyped founding date) are written to Parquet as they are, in the
     * proleptic Gregorian calendar every other reader uses. Spark 3.5's default refuses them with an exception
     * in the middle of a write; Spark 4's default already writes them as they are. A setting of the user's
     * other than that refusal (LEGACY) is kept.
     */
    public static void writeAncientDatesAsTheyAre(SparkSession spark) {
        String key = "spark.sql.parquet.datetimeRebaseModeInWrite";
        if ("EXCEPTION".equalsIgnoreCase(spark.conf().get(key, "EXCEPTION"))) {
            spark.conf().set(key, "CORRECTED");
        }
    }
}
