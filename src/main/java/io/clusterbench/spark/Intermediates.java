package io.clusterbench.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.util.Map;

/**
 * Where a stage keeps a dataset that later steps read more than once: a parsed source, the placed firms, the
 * patent-to-firm links. In a run they are written once as Parquet into the run's staging area (dbt's
 * materialised staging and intermediate models): later reads take only the columns they need, the query plans
 * downstream start from a file instead of the whole lineage, and nothing has to fit in executor memory. Tests
 * of a single stage keep them in memory.
 */
@FunctionalInterface
public interface Intermediates {
    /** @return a dataset with the same rows and columns as {@code data}, computed once */
    Dataset<Row> keep(String name, Dataset<Row> data);

    /** A kept dataset and the number of its rows, counted while it was kept. */
    record Observed(Dataset<Row> data, long rows) {
    }

    /**
     * Keeps {@code data} and counts its rows in the same job ({@code Dataset.observe}), so that a count which only
     * decides how a later step joins costs no second pass over the kept rows. (Tallies of many conditions are
     * aggregations over the kept rows instead: Spark evaluates observed aggregates row by row.) The count arrives
     * when {@link #keep} computes the rows, as both keepers here do; a keeper that returned {@code data} untouched
     * would leave this waiting.
     */
    default Observed keepCounted(String name, Dataset<Row> data) {
        Observation seen = new Observation(name);
        return new Observed(keep(name, countRows(data, seen)), rows(seen));
    }

    private static Dataset<Row> countRows(Dataset<Row> data, Observation seen) {
        return data.observe(seen, org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)).as("rows"));
    }

    /** The rows observed, waiting for the job that counted them if it has not reported yet; 0 when no task ran. */
    private static long rows(Observation seen) {
        Map<String, Object> metrics;
        try {
            metrics = seen.getAsJava();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the observed row count", e);
        }
        Object v = metrics.get("rows"); // absent when nothing was observed, as over an input without files
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** Cached in memory, spilling to disk (stage tests, which have no staging area). */
    static Intermediates inMemory() {
        return new Intermediates() {
            @Override
            public Dataset<Row> keep(String name, Dataset<Row> data) {
                return data.persist(StorageLevel.MEMORY_AND_DISK());
            }

            /** A cache is filled lazily: counting it fills it and delivers the observation. */
            @Override
            public Observed keepCounted(String name, Dataset<Row> data) {
                Observation seen = new Observation(name);
                Dataset<Row> kept = keep(name, countRows(data, seen));
                kept.count();
                return new Observed(kept, rows(seen));
            }
        };
    }

    /** Written as Parquet under {@code dir/name} and read back. */
    static Intermediates parquet(SparkSession spark, String dir) {
        return (name, data) -> {
            String path = dir + "/" + name;
            // Scratch read back a few times: dictionary encoding (kept for the published tables) costs more to
            // write than it saves here, mostly on the long unique texts of parsed rows.
            data.write().mode(org.apache.spark.sql.SaveMode.Overwrite)
                    .option("parquet.enable.dictionary", "false").parquet(path);
            return spark.read().parquet(path);
        };
    }
}
