package io.clusterbench.ingest;

import org.apache.spark.sql.Column;

import java.io.Serializable;
import java.util.List;

/**
 * How a source resolves rows sharing a key (decided last, after every other rule): the first row in
 * {@code order} is kept, the others become DUPLICATE_KEY rejects.
 */
public record DuplicateRule(List<String> keyColumns, List<Column> order) implements Serializable {

    public static DuplicateRule firstByFileAndLine(String... keyColumns) {
        return new DuplicateRule(List.of(keyColumns), List.of());
    }
}
