package io.clusterbench.value;

import java.util.ArrayList;
import java.util.List;

/** Multi-valued cells: items separated by ; (or full-width ； or 、), blanks around items trimmed. */
public final class Lists {
    private static final java.util.regex.Pattern SEPARATOR = java.util.regex.Pattern.compile("[;；、]");
    private Lists() {
    }

    /** Items in order, empty items kept (applicant_codes may leave a position empty); null for an empty cell. */
    public static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String item : SEPARATOR.split(cell, -1)) {
            out.add(item.strip());
        }
        return out;
    }

    /** Items in order without empty ones; null when none remain. */
    public static List<String> splitNonEmpty(String cell) {
        List<String> all = split(cell);
        if (all == null) {
            return null;
        }
        List<String> out = all.stream().filter(s -> !s.isEmpty()).toList();
        return out.isEmpty() ? null : out;
    }
}
