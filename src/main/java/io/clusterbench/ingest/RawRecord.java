package io.clusterbench.ingest;

import java.io.Serializable;

/**
 * One data row of an input file, as text, with where it came from. Only the source's non-personal slots are
 * kept: personal columns are never copied out of the CSV parser.
 *
 * @param values     one cell per slot of the source, null when the file has no such column
 * @param malformed  why the row could not be split into the header's fields, else null
 * @param encodingError true when some cell held bytes invalid in the file's charset
 * @param rawText    the recognised columns as {@code name=value | …}; empty for a malformed row
 */
public record RawRecord(String file, long lineNo, String[] values, String malformed, boolean encodingError,
                        String rawText)
        implements Serializable {

    public String get(int slot) {
        return values == null ? null : values[slot];
    }
}
