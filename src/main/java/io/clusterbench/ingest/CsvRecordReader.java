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
 * unbalanced quote swallowing the rest of the file) ends the file with one MALFORMED_ROW naming the line where
 * the broken row starts.
 */
public final class CsvRecordReader implements Iterator<RawRecord>, Closeable {
    private final SourceFile file;
    private final List<String> slots;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesConsumed;
    private RawRecord next;
    private boolean finished;

    public CsvRecordReader(SourceFile file, List<String> slots) throws IOException {
        this.file = file;
        this.slots = slots;
        this.parser = CSVParser.builder()
                .setReader(CsvFiles.reader(file.path(), file.encoding()))
                .setFormat(CsvFiles.format(file.separator()).builder().setIgnoreEmptyLines(false).get())
                .get();
        this.records = parser.iterator();
        skipHeader();
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
            linesConsumed = parser.getCurrentLineNumber();
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
                return new RawRecord(file.relative(), startLine, null,
                        "CSV syntax error from line " + startLine + " (" + firstLine(e) + "); the rest of the file could not be split into rows",
                        false, "");
            }
            if (r == null) {
                return null;
            }
            if (isBlank(r)) {
                continue;
            }
            if (r.size() != file.mapping().fieldCount()) {
                return new RawRecord(file.relative(), startLine, null,
                        r.size() + " fields where the header has " + file.mapping().fieldCount(), false, "");
            }
            boolean badBytes = false;
            for (int i = 0; i < r.size() && !badBytes; i++) {
                badBytes = r.get(i).indexOf('\uFFFD') >= 0;
            }
            int[] idx = file.mapping().slotIndex();
            String[] values = new String[idx.length];
            StringBuilder raw = new StringBuilder();
            for (int s = 0; s < idx.length; s++) {
                if (idx[s] >= 0) {
                    values[s] = r.get(idx[s]);
                    if (!raw.isEmpty()) {
                        raw.append(" | ");
                    }
                    raw.append(slots.get(s)).append('=').append(values[s]);
                }
            }
            return new RawRecord(file.relative(), startLine, values, null, badBytes, raw.toString());
        }
        return null;
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
