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
 * @param rowId      unique within the source: the file's position in the source shifted left 40 bits, plus lineNo
 */
public record RawRecord(String file, long lineNo, String[] values, String malformed, boolean encodingError,
                        String rawText, long rowId)
        implements Serializable {

    /** The row id of the row starting on {@code lineNo} of the source's {@code fileNo}-th file. */
    public static long rowId(int fileNo, long lineNo) {
        return ((long) fileNo << 40) | lineNo;
    }

    public String get(int slot) {
        return values == null ? null : values[slot];
    }
}
