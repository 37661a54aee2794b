package io.clusterbench.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader over one file that keeps the text of the record being parsed (and what the CSV parser has read ahead)
 * so that parsing can restart at any physical line of it without reading the file again: after a CSV syntax error
 * the reader is rewound to the line after the broken record's first line, in time linear in the file. The same
 * window bounds a record: when the text since the current record's first line exceeds {@code maxRecordChars}
 * (a field that never ends, a gzip bomb of one endless line) reading fails with {@link RecordTooLong}, and the
 * record becomes a reject instead of an {@code OutOfMemoryError}.
 *
 * <p>Positions are absolute character offsets in the file; line {@code n} (1-based) starts after the
 * {@code n-1}-th line break ({@code \n}, {@code \r\n} or a lone {@code \r}, as commons-csv counts them).
 */
final class LineWindowReader extends Reader {
    /** Thrown through the CSV parser when a record outgrows the bound. */
    static final class RecordTooLong extends IOException {
        RecordTooLong(long maxChars) {
            super("a record longer than " + maxChars + " characters");
        }
    }

    /** Read-ahead the CSV parser may hold beyond the record it is in (its buffer is 8192 characters). */
    private static final int LOOKAHEAD = 1 << 16;

    private final Reader in;
    private final long maxRecordChars;
    private char[] buf = new char[1 << 16];
    /** Absolute offset of buf[0]; the window holds [windowStart, filled). */
    private long bufBase;
    private long windowStart;
    private long filled;
    /** Where the consumer reads next (below {@code filled} while replaying after a rewind). */
    private long pos;
    private boolean eof;

    /** The start of line {@code cursorLine}: found by scanning forward only, so every character is scanned once. */
    private long cursorLine = 1;
    private long cursorOffset;
    private boolean cursorAfterCr;

    LineWindowReader(Reader in, long maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == filled && !fill()) {
            return -1;
        }
        int n = (int) Math.min(len, filled - pos);
        System.arraycopy(buf, (int) (pos - bufBase), cbuf, off, n);
        pos += n;
        return n;
    }

    /** Appends the next chunk of the file to the window; false at the end of the file. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (filled - windowStart > maxRecordChars + LOOKAHEAD) {
            throw new RecordTooLong(maxRecordChars);
        }
        makeRoom();
        int at = (int) (filled - bufBase);
        // small reads, so the bound is checked every 64 Ki characters however large the array has grown
        int n = in.read(buf, at, Math.min(buf.length - at, LOOKAHEAD));
        if (n < 0) {
            eof = true;
            return false;
        }
        filled += n;
        return true;
    }

    /** Room for one more chunk: what precedes the window is dropped first; the array grows only for the window. */
    private void makeRoom() {
        long keepFrom = Math.min(windowStart, cursorOffset);
        if (filled - bufBase + 8192 <= buf.length) {
            return;
        }
        int live = (int) (filled - keepFrom);
        int shift = (int) (keepFrom - bufBase);
        char[] target = live + 8192 > buf.length / 2 ? new char[Math.max(buf.length * 2, live + 8192)] : buf;
        System.arraycopy(buf, shift, target, 0, live);
        buf = target;
        bufBase = keepFrom;
    }

    /** Forgets the text before line {@code line}, which the consumer has read past: the records before it are done. */
    void release(long line) {
        while (cursorLine < line && cursorOffset < filled) {
            step();
        }
        windowStart = cursorOffset;
    }

    /**
     * Makes the next read start at line {@code line}, replaying the window or reading on (without keeping what it
     * skips) as needed, and forgets what precedes it.
     * @return false when the file ends before that line
     */
    boolean restartAt(long line) throws IOException {
        while (cursorLine < line || (cursorAfterCr && peekNewline())) {
            if (cursorOffset == filled) {
                windowStart = filled; // nothing before the target line is needed
                if (!fill()) {
                    pos = filled;
                    return false;
                }
            }
            step();
        }
        pos = cursorOffset;
        windowStart = cursorOffset;
        return true;
    }

    /** After a \r at the cursor: is the next character the \n of a \r\n break (then the line starts after it)? */
    private boolean peekNewline() throws IOException {
        if (cursorOffset == filled) {
            windowStart = filled;
            if (!fill()) {
                return false;
            }
        }
        return buf[(int) (cursorOffset - bufBase)] == '\n';
    }

    private void step() {
        char c = buf[(int) (cursorOffset - bufBase)];
        cursorOffset++;
        if (c == '\n') {
            if (!cursorAfterCr) {
                cursorLine++;
            }
            cursorAfterCr = false;
        } else if (c == '\r') {
            cursorLine++;
            cursorAfterCr = true;
        } else {
            cursorAfterCr = false;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
