package io.clusterbench.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * An input source of the contract: its name (file or directory name), its columns, and the columns of which its
 * header needs at least one beyond the required ones (a funding event names its company by code or by name).
 */
public record SourceSpec(String name, boolean required, List<ColumnSpec> columns, List<String> oneOf)
        implements Serializable {

    /** This source, its header needing at least one of {@code columns}. */
    public SourceSpec needingOneOf(String... columns) {
        return new SourceSpec(name, required, this.columns, List.of(columns));
    }

    /** A column as messages name it: {@code 'name' (or alias, alias)}. */
    public String describe(String column) {
        List<String> aliases = columns.stream().filter(c -> c.name().equals(column))
                .findFirst().map(ColumnSpec::aliases).orElse(List.of());
        return "'" + column + "'" + (aliases.isEmpty() ? "" : " (or " + String.join(", ", aliases) + ")");
    }

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
