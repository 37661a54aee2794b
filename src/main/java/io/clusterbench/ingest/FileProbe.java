package io.clusterbench.ingest;

import io.clusterbench.config.ConfigException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The up-front look at one file: which charset it is read with (declared, or detected over the whole file) and
 * its header cells. Runs as a Spark task so that detection reads the bytes where they live.
 *
 * @param header null when the file holds no header row
 * @param unreadable why the file could not be read (a truncated .gz), else null: a task reports it instead of
 *                   failing, so the run stops with one line and no task failure logged
 */
public record FileProbe(String path, String encoding, boolean detected, List<String> header, String unreadable)
        implements Serializable {

    public static FileProbe of(String path, String declaredEncoding, char separator) {
        FileProbe p = probe(path, declaredEncoding, separator);
        if (p.unreadable() != null) {
            throw new UncheckedIOException(new IOException("cannot read " + path + ": " + p.unreadable()));
        }
        return p;
    }

    /** As {@link #of}, with a read failure as {@link #unreadable} rather than an exception. */
    public static FileProbe probe(String path, String declaredEncoding, char separator) {
        try {
            String enc = declaredEncoding != null ? declaredEncoding : CsvFiles.detectEncoding(path);
            return new FileProbe(path, enc, declaredEncoding == null, readHeader(path, enc, separator), null);
        } catch (IOException | UncheckedIOException e) {
            return new FileProbe(path, declaredEncoding, declaredEncoding == null, null, ConfigException.firstLine(e));
        }
    }

    private static List<String> readHeader(String path, String encoding, char separator) throws IOException {
        // bounded as records are: a header that never ends (a gzip bomb of one line) is refused, not read whole
        try (Reader r = new LineWindowReader(CsvFiles.reader(path, encoding), CsvRecordReader.MAX_RECORD_CHARS);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(CsvFiles.format(separator)).get()) {
            Iterator<CSVRecord> it = p.iterator();
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                rec.forEach(cells::add);
                return cells;
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof LineWindowReader.RecordTooLong tooLong) {
                throw new IOException("its header is " + tooLong.getMessage(), tooLong);
            }
            return List.of();
        }
    }
}
