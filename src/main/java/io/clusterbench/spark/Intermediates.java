package io.clusterbench.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

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

    /** Cached in memory, spilling to disk (stage tests, which have no staging area). */
    static Intermediates inMemory() {
        return (name, data) -> data.persist(StorageLevel.MEMORY_AND_DISK());
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
