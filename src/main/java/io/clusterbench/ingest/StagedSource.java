package io.clusterbench.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The result of ingesting one source: its typed staging dataset (accepted rows only, with a {@code flags}
 * column), its rejects in the shape of the {@code rejects} table, and its account for the run summary.
 */
public record StagedSource(Dataset<Row> staging, Dataset<Row> rejects, SourceAccount account) {
}
