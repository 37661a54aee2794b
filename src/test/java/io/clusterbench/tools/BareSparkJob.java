package io.clusterbench.tools;

import io.clusterbench.spark.SparkSessions;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The bare Spark job of {@code scripts/bench.sh sample}: what any Spark job pays on this machine before it does
 * work of its own. The JVM and the session start (the pipeline's own session settings, local[*]), one CSV read and
 * one Parquet write, nothing else. The sample run is measured against it, side by side.
 * <p>Usage: {@code BareSparkJob CSV_PATH OUTPUT_DIR}
 */
public final class BareSparkJob {
    private BareSparkJob() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSessions.create();
        spark.read().option("header", "true").csv(args[0]).write().mode(SaveMode.Overwrite).parquet(args[1]);
        spark.stop();
    }
}
