package io.clusterbench.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One input column of the contract: its canonical name, its aliases in the contract's order (the first
 * present wins a collision), whether the header must carry it, and whether it holds personal data
 * (read only to be dropped).
 */
public record ColumnSpec(String name, List<String> aliases, boolean requiredInHeader, boolean personal)
        implements Serializable {

    public static ColumnSpec required(String name, String... aliases) {
        return new ColumnSpec(name, List.of(aliases), true, false);
    }

    public static ColumnSpec optional(String name, String... aliases) {
        return new ColumnSpec(name, List.of(aliases), false, false);
    }

    public static ColumnSpec personal(String name, String... aliases) {
        return new ColumnSpec(name, List.of(aliases), false, true);
    }
}
