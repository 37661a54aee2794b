package io.clusterbench.ingest;

import io.clusterbench.config.ConfigException;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The first pass of ingest over one byte range of a file ({@link RangeScan} says what it finds). It reads bytes,
 * never characters: {@code "}, {@code ,}, {@code ;}, TAB, CR and LF are single bytes that never occur inside a
 * UTF-8 or GBK/GB18030 multibyte character, so record boundaries are found the same whatever the file's
 * encoding, before the encoding is decided.
 *
 * <p>A range that does not start at the file's start may begin inside a quoted field. Both hypotheses are
 * followed: under each, quote parity finds the first LF that ends a record; from there an RFC 4180 state machine
 * parses on to the first record that begins after the range's end (reading a little past it), noting anything
 * that would make commons-csv parse the records differently from a split parse.
 */
final class ByteRangeScanner {
    /** A record longer than this many bytes makes its range irregular (the one-task parse then bounds it). */
    static final long MAX_RECORD_BYTES = CsvRecordReader.MAX_RECORD_CHARS;
    private static final int LF = '\n';
    private static final int CR = '\r';
    private static final int QUOTE = '"';

    private ByteRangeScanner() {
    }

    /**
     * Scans {@code [start, end)} of the file; {@code end < 0} means to the end of the file (a .gz file is always
     * scanned whole, from 0).
     */
    static RangeScan scan(String path, int range, long start, long end, char separator) {
        return scan(path, range, start, end, separator, false);
    }

    /**
     * @param headerOnly stop after the header: for a file read whole in a declared encoding, nothing else of the
     *                   first pass is needed (the counts of the result are then partial)
     */
    static RangeScan scan(String path, int range, long start, long end, char separator, boolean headerOnly) {
        long to = end < 0 ? Long.MAX_VALUE : end;
        try (InputStream in = CsvFiles.openAt(path, start > 0 ? start - 1 : 0)) {
            return new Pass(range, start, to, separator, headerOnly && start == 0).run(in, path);
        } catch (IOException | UncheckedIOException e) {
            return RangeScan.unreadable(range, start, end, ConfigException.firstLine(e));
        }
    }

    /** The bytes {@code [from, to)} of the file, fewer where it ends first (at most {@link #MAX_RECORD_BYTES}). */
    static byte[] read(String path, long from, long to) throws IOException {
        try (InputStream in = CsvFiles.open(path)) {
            in.skipNBytes(from);
            return in.readNBytes((int) (to - from));
        }
    }

    /** One scan: the byte loop and what it counts. */
    private static final class Pass {
        private final int range;
        private final long start;
        private final long end;
        private final Machine[] machines;

        private long breaks;
        private boolean oddQuotes;
        private int prev = -1;
        // the encoding vote of the line being read (split at LF), when it began in the range
        private boolean lineActive;
        private boolean lineHigh;
        private boolean lineInvalid;
        private int need;
        private int lo = 0x80;
        private int hi = 0xBF;
        private long linesUtf8;
        private long linesNotUtf8;
        private int bomLength;
        private final boolean headerOnly;

        Pass(int range, long start, long end, char separator, boolean headerOnly) {
            this.headerOnly = headerOnly;
            this.range = range;
            this.start = start;
            this.end = end;
            this.machines = start == 0
                    ? new Machine[]{new Machine(separator, end, 0, true), new Machine(separator, end, 1, false)}
                    : new Machine[]{new Machine(separator, end, 0, false), new Machine(separator, end, 1, false)};
            if (start == 0) {
                machines[1].done = true; // the file's start is outside quotes: no second hypothesis
            }
        }

        RangeScan run(InputStream in, String path) throws IOException {
            byte[] buf = new byte[1 << 16];
            long p = start;
            long overrunLimit = end > Long.MAX_VALUE - MAX_RECORD_BYTES ? Long.MAX_VALUE : end + MAX_RECORD_BYTES;
            if (start > 0) {
                prev = in.read();
                lineActive = prev == LF;
            } else {
                lineActive = true;
            }
            int n;
            outer:
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                int i = 0;
                if (p == 0 && CsvFiles.startsWithBom(buf, n)) {
                    bomLength = 3;
                }
                for (; i < n; i++, p++) {
                    int b = buf[i] & 0xFF;
                    boolean inRange = p < end;
                    if (inRange) {
                        if (b == CR || (b == LF && prev != CR)) {
                            breaks++;
                        } else if (b == QUOTE) {
                            oddQuotes = !oddQuotes;
                        }
                    }
                    if (b == LF) {
                        endLine(); // a multibyte character cut by the LF makes the line invalid (need > 0)
                        lineActive = p + 1 < end;
                    } else if (lineActive) {
                        vote(b);
                    }
                    if (p >= bomLength) {
                        machines[0].step(b, p, breaks);
                        machines[1].step(b, p, breaks);
                    }
                    prev = b;
                    if (headerOnly && (machines[0].headerTo >= 0 || machines[0].done)) {
                        break outer;
                    }
                    if (!inRange && machines[0].done && machines[1].done && !lineActive) {
                        break outer;
                    }
                    if (p >= overrunLimit) {
                        // a record that runs this far past the range is irregular anyway; its line's vote is what was read
                        machines[0].tooLong();
                        machines[1].tooLong();
                        endLine();
                        break outer;
                    }
                }
            }
            if (n <= 0) {
                machines[0].endOfFile(p);
                machines[1].endOfFile(p);
                endLine();
            }
            byte[] header = null;
            boolean headerTooLong = false;
            if (start == 0 && machines[0].headerUnsure) {
                // commons-csv takes the header record from the file's first bytes, however far this scan read
                header = read(path, 0, MAX_RECORD_BYTES);
            } else if (start == 0 && machines[0].headerFrom >= 0) {
                headerTooLong = machines[0].headerTo < 0 || machines[0].headerTo - machines[0].headerFrom > MAX_RECORD_BYTES;
                if (!headerTooLong) {
                    header = read(path, machines[0].headerFrom, machines[0].headerTo);
                }
            }
            return new RangeScan(range, start, end == Long.MAX_VALUE ? -1 : end, oddQuotes, breaks,
                    new RangeScan.Start[]{machines[0].result(), machines[1].result()},
                    linesUtf8, linesNotUtf8, bomLength > 0, header, header == null ? -1 : machines[0].headerTo,
                    headerTooLong, null);
        }

        /** One byte of the current line through a UTF-8 validator (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
        private void vote(int b) {
            if (need > 0) {
                if (b >= lo && b <= hi) {
                    need--;
                    lo = 0x80;
                    hi = 0xBF;
                    return;
                }
                lineInvalid = true;
                need = 0;
            }
            if (b < 0x80) {
                return;
            }
            lineHigh = true;
            lo = 0x80;
            hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                if (b == 0xE0) {
                    lo = 0xA0;
                } else if (b == 0xED) {
                    hi = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                if (b == 0xF0) {
                    lo = 0x90;
                } else if (b == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                lineInvalid = true;
            }
        }

        private void endLine() {
            if (lineActive) {
                if (lineInvalid || need > 0) {
                    linesNotUtf8++;
                } else if (lineHigh) {
                    linesUtf8++;
                }
            }
            lineActive = false;
            lineHigh = false;
            lineInvalid = false;
            need = 0;
        }
    }

    /** The range under one hypothesis: quote parity to its first record, then an RFC 4180 parse of the records. */
    private static final class Machine {
        private static final int FIELD_START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE_IN_QUOTED = 3;
        private static final int AFTER_CLOSING_QUOTE = 4;

        private final int separator;
        private final long end;
        private boolean seeking;
        private int parity;
        boolean done;

        private long offset = -1;
        private long linesBefore;
        private long nextRecord = -1;
        private String irregular;
        private int minMultiLine = Integer.MAX_VALUE;
        private int maxMultiLine;

        private int state = FIELD_START;
        private long recordStart;
        private int fields = 1;
        private boolean multiLine;
        private boolean nonBlank;
        private boolean afterCr;
        // the file's first non-blank record (range 0 only)
        private final boolean findHeader;
        long headerFrom = -1;
        long headerTo = -1;
        /** The parse went irregular before it found the header: the header is left to commons-csv. */
        boolean headerUnsure;

        Machine(char separator, long end, int startParity, boolean atFileStart) {
            this.separator = separator;
            this.end = end;
            this.parity = startParity;
            this.seeking = !atFileStart;
            this.findHeader = atFileStart;
            if (atFileStart) {
                offset = 0;
            }
        }

        void step(int b, long p, long breaks) {
            if (done) {
                return;
            }
            if (seeking) {
                if (p >= end) {
                    done = true; // no record begins in the range under this hypothesis
                } else if (b == QUOTE) {
                    parity ^= 1;
                } else if (b == LF && parity == 0) {
                    seeking = false;
                    offset = p + 1;
                    linesBefore = breaks;
                    beginRecord(p + 1);
                }
                return;
            }
            if (p - recordStart >= MAX_RECORD_BYTES) {
                tooLong();
                return;
            }
            boolean wasAfterCr = afterCr;
            afterCr = false;
            switch (state) {
                case FIELD_START -> {
                    if (b == QUOTE) {
                        state = QUOTED; // "" alone is a blank record to commons-csv: the quoted text decides
                    } else if (b == separator) {
                        fields++;
                        nonBlank = true;
                    } else if (b == LF) {
                        if (wasAfterCr) {
                            // the LF of a CR LF that ended the record: the next record starts after it
                            recordStart = p + 1;
                            splitPoint(p);
                        } else {
                            endRecord(p, true);
                        }
                    } else if (b == CR) {
                        endRecord(p, false);
                        afterCr = true;
                    } else {
                        state = UNQUOTED;
                        nonBlank |= !whitespace(b);
                    }
                }
                case UNQUOTED -> {
                    if (b == separator) {
                        fields++;
                        state = FIELD_START;
                    } else if (b == LF) {
                        endRecord(p, true);
                    } else if (b == CR) {
                        endRecord(p, false);
                        afterCr = true;
                    } else if (b == QUOTE) {
                        irregular("a quote inside an unquoted field");
                    } else {
                        nonBlank |= !whitespace(b);
                    }
                }
                case QUOTED -> {
                    if (b == QUOTE) {
                        state = QUOTE_IN_QUOTED;
                    } else if (b == LF || b == CR) {
                        multiLine = true;
                    } else {
                        nonBlank |= !whitespace(b);
                    }
                }
                case AFTER_CLOSING_QUOTE -> { // commons-csv skips whitespace between a closing quote and what follows
                    if (b == separator) {
                        fields++;
                        state = FIELD_START;
                    } else if (b == LF) {
                        endRecord(p, true);
                    } else if (b == CR) {
                        endRecord(p, false);
                        afterCr = true;
                    } else if (!whitespace(b)) {
                        irregular("text after a closing quote");
                    }
                }
                default -> { // QUOTE_IN_QUOTED: a closing quote, or the first of a doubled one
                    if (b == QUOTE) {
                        state = QUOTED;
                    } else if (b == separator) {
                        fields++;
                        state = FIELD_START;
                    } else if (b == LF) {
                        endRecord(p, true);
                    } else if (b == CR) {
                        endRecord(p, false);
                        afterCr = true;
                    } else if (whitespace(b)) {
                        state = AFTER_CLOSING_QUOTE;
                    } else {
                        irregular("text after a closing quote");
                    }
                }
            }
        }

        /** ASCII whitespace as {@link Character#isWhitespace} has it, less the line breaks, which end records. */
        private boolean whitespace(int b) {
            return b != separator && (b == ' ' || b == '\t' || b == 0x0B || b == 0x0C || (b >= 0x1C && b <= 0x1F));
        }

        /** The record ends at the line break at {@code p}; only an LF is a point where ranges may meet. */
        private void endRecord(long p, boolean lineFeed) {
            // every record this machine parses, up to the next range's first, is this range's to parse
            if (multiLine) {
                minMultiLine = Math.min(minMultiLine, fields);
                maxMultiLine = Math.max(maxMultiLine, fields);
            }
            if (findHeader && headerFrom < 0 && (fields > 1 || nonBlank)) {
                headerFrom = recordStart;
                headerTo = p;
            }
            beginRecord(p + 1);
            if (lineFeed) {
                splitPoint(p);
            }
        }

        private void splitPoint(long p) {
            if (p >= end && nextRecord < 0) {
                nextRecord = p + 1;
                done = true;
            }
        }

        private void beginRecord(long at) {
            recordStart = at;
            state = FIELD_START;
            fields = 1;
            multiLine = false;
            nonBlank = false;
        }

        private void irregular(String why) {
            if (irregular == null) {
                irregular = why;
            }
            if (findHeader && headerFrom < 0) {
                headerUnsure = true; // commons-csv reads the header from the file's first bytes instead
            }
            done = true;
        }

        void tooLong() {
            if (!done) {
                if (findHeader && headerFrom < 0) {
                    headerFrom = recordStart; // a header that never ends: refused, never read whole
                }
                irregular("a record longer than " + MAX_RECORD_BYTES + " bytes");
                headerUnsure = false;
            }
        }

        void endOfFile(long length) {
            if (done || seeking) {
                return;
            }
            if (state == QUOTED) {
                irregular("the file ends inside a quoted field");
                return;
            }
            if (findHeader && headerFrom < 0 && (fields > 1 || nonBlank)) {
                headerFrom = recordStart;
                headerTo = length;
            }
            if (multiLine) {
                minMultiLine = Math.min(minMultiLine, fields);
                maxMultiLine = Math.max(maxMultiLine, fields);
            }
            nextRecord = length;
            done = true;
        }

        RangeScan.Start result() {
            return new RangeScan.Start(offset, linesBefore, irregular == null ? nextRecord : -1, irregular,
                    minMultiLine, maxMultiLine);
        }
    }
}
