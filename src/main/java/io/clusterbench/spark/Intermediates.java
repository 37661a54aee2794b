package io.clusterbench.spark;

import org.apache.spark.sql.Column;
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

    /** A kept dataset and the aggregates observed over its rows while it was kept. */
    record Observed(Dataset<Row> data, Map<String, Object> metrics) {
        /** The metric {@link #keepCounted} observes. */
        static final String ROWS = "rows";

        /** The rows kept, as {@link #keepCounted} counted them. */
        public long rows() {
            return count(ROWS);
        }

        /**
         * A count or sum observed. 0 when nothing was observed (no task ran, as over an input without files) and
         * for a sum over no rows (null).
         */
        public long count(String metric) {
            if (metrics.isEmpty()) {
                return 0;
            }
            if (!metrics.containsKey(metric)) {
                throw new IllegalArgumentException("no observed metric '" + metric + "' among " + metrics.keySet());
            }
            Object v = metrics.get(metric);
            return v == null ? 0 : ((Number) v).longValue();
        }
    }

    /**
     * Keeps {@code data} and computes the given aggregates over its rows in the same job ({@code Dataset.observe}),
     * so that a count or a tally needs no second pass over the kept rows. The aggregates must be named.
     */
    default Observed keepObserving(String name, Dataset<Row> data, Column... metrics) {
        Observation seen = new Observation(name);
        Dataset<Row> kept = keep(name, observe(data, seen, metrics));
        return new Observed(kept, metrics(seen));
    }

    private static Dataset<Row> observe(Dataset<Row> data, Observation seen, Column... metrics) {
        return data.observe(seen, metrics[0], java.util.Arrays.copyOfRange(metrics, 1, metrics.length));
    }

    /** The observed aggregates, waiting for the job that computed them if it has not reported yet. */
    private static Map<String, Object> metrics(Observation seen) {
        try {
            return seen.getAsJava();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the observed metrics", e);
        }
    }

    /** Keeps {@code data} and counts its rows as it is kept ({@link Observed#rows()}). */
    default Observed keepCounted(String name, Dataset<Row> data) {
        return keepObserving(name, data, org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)).as(Observed.ROWS));
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
            public Observed keepObserving(String name, Dataset<Row> data, Column... metrics) {
                Observation seen = new Observation(name);
                Dataset<Row> kept = keep(name, observe(data, seen, metrics));
                kept.count();
                return new Observed(kept, metrics(seen));
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
