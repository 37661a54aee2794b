package io.clusterbench.ingest;

import java.io.Serializable;

/**
 * What one pass over a byte range {@code [start, end)} of a file found: enough for the driver to place the
 * range's first record and its first line without reading the file again ({@link SplitPlanner}), and the range's
 * share of the file's encoding vote ({@link EncodingVote}).
 *
 * <p>The range does not know whether it starts inside a quoted field, so it is scanned under both hypotheses:
 * {@link #starts} holds, for a start outside quotes ({@code [0]}) and inside ({@code [1]}), where the range's
 * first record starts and how the records from there on parse.
 *
 * @param oddQuotes      the range holds an odd number of {@code "} bytes (flips the next range's start state)
 * @param lineBreaks     line breaks (LF, CR LF, lone CR, as the CSV parser counts them) beginning in the range
 * @param linesUtf8      lines (split at LF) beginning in the range that hold a byte ≥ 0x80 and are valid UTF-8
 * @param linesNotUtf8   lines beginning in the range that are not valid UTF-8
 * @param bom            the file starts with a UTF-8 byte order mark (range 0 only)
 * @param header         the bytes of the file's first non-blank record (range 0 only; null when there is none)
 * @param headerEnd      where the header record's line break is (range 0 only; -1 when unknown): no range may
 *                       start before it, since only the range at byte 0 skips the header
 * @param headerTooLong  the first record is longer than a record may be (range 0 only)
 * @param unreadable     why the range could not be read (a truncated .gz), else null
 */
public record RangeScan(int range, long start, long end, boolean oddQuotes, long lineBreaks, Start[] starts,
                        long linesUtf8, long linesNotUtf8, boolean bom, byte[] header, long headerEnd, boolean headerTooLong,
                        String unreadable) implements Serializable {

    /**
     * The range under one hypothesis about its start state.
     *
     * @param offset       where the first record beginning in the range starts (after a record-ending LF), or -1
     * @param linesBefore  line breaks in the range before {@code offset}
     * @param nextRecord   where the first record beginning at or after {@code end} starts, found by parsing on
     *                     from {@code offset}: the next range's {@code offset} must be exactly this; -1 when
     *                     {@code offset} is -1 or the parse is irregular
     * @param irregular    why the records from {@code offset} cannot be split safely (a quote inside an unquoted
     *                     field, text after a closing quote, a record longer than a record may be, the file
     *                     ending inside quotes), else null
     * @param minMultiLineFields the fewest fields of a record that spans lines (Integer.MAX_VALUE: none)
     * @param maxMultiLineFields the most fields of a record that spans lines (0: none)
     */
    public record Start(long offset, long linesBefore, long nextRecord, String irregular, int minMultiLineFields,
                        int maxMultiLineFields) implements Serializable {
    }

    static RangeScan unreadable(int range, long start, long end, String why) {
        return new RangeScan(range, start, end, false, 0, new Start[0], 0, 0, false, null, -1, false, why);
    }
}
