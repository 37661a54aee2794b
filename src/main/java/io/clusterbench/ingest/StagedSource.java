package io.clusterbench.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Set;

/**
 * The result of ingesting one source: its typed staging dataset (accepted rows only, with a {@code flags}
 * column), its rejects in the shape of the {@code rejects} table, and its account for the run summary.
 */
public record StagedSource(Dataset<Row> staging, Dataset<Row> rejects, SourceAccount account, Set<String> columns) {

    /**
     * Whether some file of the source carries the column: metrics.md makes a metric null (not 0) when the
     * column it needs is absent from every file.
     */
    public boolean has(String column) {
        return columns.contains(column);
    }

    /** @return true when the source is present and carries the column */
    public static boolean has(StagedSource source, String column) {
        return source != null && source.has(column);
    }
}
