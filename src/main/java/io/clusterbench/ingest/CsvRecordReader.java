package io.clusterbench.ingest;

import io.clusterbench.config.ConfigException;
import org.apache.commons.csv.CSVException;
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
 * rejects can point at it: Spark's own CSV reader cannot. Blank lines are not rows. A malformed record (a CSV
 * syntax error, a wrong number of fields over several lines, a record longer than {@link #MAX_RECORD_CHARS})
 * makes the row where it starts one MALFORMED_ROW; parsing then resumes on the next physical line, so no later
 * row is lost and the lines a stray quote swallowed are read again as rows of their own. Resuming replays the
 * text kept by a {@link LineWindowReader}, so recovery never reads the file again.
 */
public final class CsvRecordReader implements Iterator<RawRecord>, Closeable {
    private final SourceFile file;
    private final int fileNo;
    private final List<String> slots;
    /** One record at most this long (1 Mi characters): beyond it the record is rejected and the file goes on. */
    public static final long MAX_RECORD_CHARS = 1L << 20;

    private final LineWindowReader text;
    /** Physical lines of the file before the range read: line numbers of rows are the file's, not the range's. */
    private final long lineBase;
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
        this(file, fileNo, SourceFile.Range.WHOLE, slots);
    }

    /**
     * Streams the rows of one byte range of the file; the range at byte 0 starts with the header, the others with
     * a record, whose lines are numbered from the range's first line.
     */
    public CsvRecordReader(SourceFile file, int fileNo, SourceFile.Range range, List<String> slots) throws IOException {
        this.file = file;
        this.fileNo = fileNo;
        this.slots = slots;
        this.lineBase = range.firstLine() - 1;
        this.text = new LineWindowReader(CsvFiles.reader(file.path(), file.encoding().encoding(), range),
                MAX_RECORD_CHARS);
        startParserAt(1);
        if (range.start() == 0) {
            skipHeader();
        }
        text.release(linesConsumed + 1);
    }

    /** (Re)starts parsing at the given physical line (1: the start of the file). */
    private void startParserAt(long line) throws IOException {
        boolean more = line == 1 || text.restartAt(line);
        // the old parser is dropped, not closed: closing it would close the file
        this.parser = CSVParser.builder()
                .setReader(text)
                .setFormat(CsvFiles.format(file.separator()).builder().setIgnoreEmptyLines(false).get())
                .get();
        this.records = parser.iterator();
        this.lineOffset = line - 1;
        this.linesConsumed = line - 1;
        this.finished = !more;
    }

    private void skipHeader() {
        try {
            while (true) {
                CSVRecord r = safeNext();
                if (r == null || !isBlank(r)) {
                    return;
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof LineWindowReader.RecordTooLong tooLong) {
                throw new ConfigException(file.relative() + ": the header is " + tooLong.getMessage()
                        + "; is this a CSV file?");
            }
            throw e.getCause() instanceof IOException io && !(io instanceof CSVException) ? unreadable(io) : e;
        }
    }

    /** Not the text but the file failed (a truncated .gz, a vanished file): the run stops naming it. */
    private ConfigException unreadable(IOException e) {
        return new ConfigException(file.relative() + " cannot be read to its end ("
                + ConfigException.firstLine(e) + "); is the file truncated?");
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
                if (e.getCause() instanceof IOException io && !(io instanceof CSVException)
                        && !(io instanceof LineWindowReader.RecordTooLong)) {
                    throw unreadable(io);
                }
                String why = e.getCause() instanceof LineWindowReader.RecordTooLong tooLong
                        ? tooLong.getMessage() + " starting on this line"
                        : "CSV syntax error in the row starting on this line (" + ConfigException.firstLineOfCause(e) + ")";
                resumeAfter(startLine);
                return new RawRecord(file.relative(), lineBase + startLine, null, why, false, "",
                        RawRecord.rowId(fileNo, lineBase + startLine));
            }
            if (r == null) {
                return null;
            }
            if (isBlank(r)) {
                text.release(linesConsumed + 1);
                continue;
            }
            if (r.size() != file.mapping().fieldCount()) {
                if (linesConsumed > startLine) {
                    // over several lines: a stray quote may have swallowed rows; read them again one by one
                    resumeAfter(startLine);
                } else {
                    text.release(linesConsumed + 1);
                }
                return new RawRecord(file.relative(), lineBase + startLine, null,
                        r.size() + " fields where the header has " + file.mapping().fieldCount(), false, "",
                        RawRecord.rowId(fileNo, lineBase + startLine));
            }
            text.release(linesConsumed + 1);
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
            return new RawRecord(file.relative(), lineBase + startLine, values, null, badBytes, raw.toString(),
                    RawRecord.rowId(fileNo, lineBase + startLine));
        }
        return null;
    }

    private void resumeAfter(long brokenLine) {
        try {
            startParserAt(brokenLine + 1);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static boolean isBlank(CSVRecord r) {
        return r.size() == 1 && r.get(0).isBlank();
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
