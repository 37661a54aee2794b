package io.clusterbench.ingest;

import java.io.Serializable;
import java.util.List;

/** An input source of the contract: its name (file or directory name) and its columns. */
public record SourceSpec(String name, boolean required, List<ColumnSpec> columns) implements Serializable {

    /** Non-personal columns in contract order: the slots of a {@link RawRecord}. */
    public List<String> slots() {
        return columns.stream().filter(c -> !c.personal()).map(ColumnSpec::name).toList();
    }

    /** For each slot, the canonical name a reject's raw text shows. */
    public List<String> rawLabels() {
        return columns.stream().filter(c -> !c.personal()).map(ColumnSpec::rawLabel).toList();
    }

    public int slot(String column) {
        int i = slots().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no column " + column);
        }
        return i;
    }
}
