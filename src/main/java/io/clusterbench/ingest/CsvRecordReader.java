package io.clusterbench.ingest;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams the data rows of one file with commons-csv (RFC 4180), keeping each row's first line number so that
 * rejects can point at it: Spark's own CSV reader cannot. Blank lines are not rows. A CSV syntax error (an
 * unbalanced quote, a character after a closing quote) makes the row where it starts one MALFORMED_ROW; parsing
 * then resumes on the next physical line, so no later row is lost.
 */
public final class CsvRecordReader implements Iterator<RawRecord>, Closeable {
    private final SourceFile file;
    private final int fileNo;
    private final List<String> slots;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long lineOffset;
    private long linesConsumed;
    private RawRecord next;
    private boolean finished;
    /** One builder for every row's raw text: a fresh one per row spent its time growing (JFR, 1 M rows). */
    private final StringBuilder raw = new StringBuilder(1024);

    public CsvRecordReader(SourceFile file, List<String> slots) throws IOException {
        this(file, 0, slots);
    }

    /** @param fileNo the file's position among its source's files (row ids are unique within the source) */
    public CsvRecordReader(SourceFile file, int fileNo, List<String> slots) throws IOException {
        this.file = file;
        this.fileNo = fileNo;
        this.slots = slots;
        open(0);
        skipHeader();
    }

    /** (Re)starts parsing at the given physical line count (0: the start of the file). */
    private void open(long skipLines) throws IOException {
        java.io.PushbackReader r = new java.io.PushbackReader(CsvFiles.reader(file.path(), file.encoding()), 1);
        for (long skipped = 0; skipped < skipLines; ) {
            int c = r.read();
            if (c < 0) {
                break;
            }
            if (c == '\n') {
                skipped++;
            } else if (c == '\r') {
                int n = r.read();
                if (n >= 0 && n != '\n') {
                    r.unread(n);
                }
                skipped++;
            }
        }
        this.parser = CSVParser.builder()
                .setReader(r)
                .setFormat(CsvFiles.format(file.separator()).builder().setIgnoreEmptyLines(false).get())
                .get();
        this.records = parser.iterator();
        this.lineOffset = skipLines;
        this.linesConsumed = skipLines;
        this.finished = false;
    }

    private void skipHeader() {
        while (true) {
            CSVRecord r = safeNext();
            if (r == null || !isBlank(r)) {
                return;
            }
        }
    }

    private CSVRecord safeNext() {
        if (finished) {
            return null;
        }
        try {
            if (!records.hasNext()) {
                finished = true;
                return null;
            }
            CSVRecord r = records.next();
            linesConsumed = lineOffset + parser.getCurrentLineNumber();
            return r;
        } catch (UncheckedIOException | IllegalStateException e) {
            finished = true;
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord r = next;
        next = null;
        return r;
    }

    private RawRecord advance() {
        while (!finished) {
            long startLine = linesConsumed + 1;
            CSVRecord r;
            try {
                r = safeNext();
            } catch (UncheckedIOException | IllegalStateException e) {
                resumeAfter(startLine);
                return new RawRecord(file.relative(), startLine, null,
                        "CSV syntax error in the row starting on this line (" + firstLine(e) + ")", false, "",
                        RawRecord.rowId(fileNo, startLine));
            }
            if (r == null) {
                return null;
            }
            if (isBlank(r)) {
                continue;
            }
            if (r.size() != file.mapping().fieldCount()) {
                return new RawRecord(file.relative(), startLine, null,
                        r.size() + " fields where the header has " + file.mapping().fieldCount(), false, "",
                        RawRecord.rowId(fileNo, startLine));
            }
            boolean badBytes = false;
            for (int i = 0; i < r.size() && !badBytes; i++) {
                badBytes = r.get(i).indexOf('\uFFFD') >= 0;
            }
            int[] idx = file.mapping().slotIndex();
            String[] values = new String[idx.length];
            raw.setLength(0);
            for (int s = 0; s < idx.length; s++) {
                if (idx[s] >= 0) {
                    values[s] = r.get(idx[s]);
                    if (!raw.isEmpty()) {
                        raw.append(" | ");
                    }
                    raw.append(slots.get(s)).append('=').append(values[s]);
                }
            }
            return new RawRecord(file.relative(), startLine, values, null, badBytes, raw.toString(),
                    RawRecord.rowId(fileNo, startLine));
        }
        return null;
    }

    private void resumeAfter(long brokenLine) {
        try {
            parser.close();
            open(brokenLine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen " + file.relative(), e);
        }
    }

    private static boolean isBlank(CSVRecord r) {
        return r.size() == 1 && r.get(0).isBlank();
    }

    private static String firstLine(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
