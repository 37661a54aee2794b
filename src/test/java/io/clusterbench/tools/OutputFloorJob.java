package io.clusterbench.tools;

import io.clusterbench.spark.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.File;
import java.util.Arrays;

/**
 * The output floor of {@code scripts/bench.sh sample}: the shape of a run with none of its work. The JVM and the
 * session start as the bare job's, every source under the input is read once and written once as Parquet
 * (staging), and as many tables as a run publishes are written, each a plain slice of the first staged source: no
 * parse of our own, no join, no aggregation, no report. Whatever a run computes comes on top of this.
 * <p>Usage: {@code OutputFloorJob INPUT_DIR OUTPUT_DIR TABLES}
 */
public final class OutputFloorJob {
    private OutputFloorJob() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSessions.create();
        File[] sources = new File(args[0]).listFiles(f -> f.isDirectory() || f.getName().matches(".*\\.csv(\\.gz)?"));
        Arrays.sort(sources);
        for (int i = 0; i < sources.length; i++) {
            spark.read().option("header", "true").csv(sources[i].getPath())
                    .write().mode(SaveMode.Overwrite).parquet(args[1] + "/staging-" + i);
        }
        Dataset<Row> first = spark.read().parquet(args[1] + "/staging-0");
        for (int t = 0; t < Integer.parseInt(args[2]); t++) {
            first.limit(10 + t).write().mode(SaveMode.Overwrite).parquet(args[1] + "/table-" + t);
        }
        spark.stop();
    }
}
