package io.clusterbench.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One input column of the contract: its canonical name, its aliases in the contract's order (the first
 * present wins a collision), whether the header must carry it, and whether it holds personal data
 * (read only to be dropped).
 */
public record ColumnSpec(String name, List<String> aliases, boolean requiredInHeader, boolean personal, String feeds)
        implements Serializable {

    public static ColumnSpec required(String name, String... aliases) {
        return new ColumnSpec(name, List.of(aliases), true, false, null);
    }

    public static ColumnSpec optional(String name, String... aliases) {
        return new ColumnSpec(name, List.of(aliases), false, false, null);
    }

    public static ColumnSpec personal(String name, String... aliases) {
        return new ColumnSpec(name, List.of(aliases), false, true, null);
    }

    /**
     * A second slot feeding a contract column (吊销日期 beside 注销日期 for deregistered_date): only its aliases
     * match a header, and a reject's raw text shows it under the contract column's name.
     */
    public static ColumnSpec alsoFeeds(String contractColumn, String slotName, String... aliases) {
        return new ColumnSpec(slotName, List.of(aliases), false, false, contractColumn);
    }

    /** The canonical name shown in a reject's raw text. */
    public String rawLabel() {
        return feeds != null ? feeds : name;
    }
}
