package io.clusterbench.ingest;

import io.clusterbench.config.ConfigException;
import io.clusterbench.config.SourceOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For tests: a file read as a run reads it, range after range in this thread, as a list of "line|malformed|
 * encoding error|cells" entries, or the one error that stops the run. Read whole (one range, the reader every
 * release before the split used), it is the reference a split read must match entry for entry.
 */
public final class OneTaskRead {
    private OneTaskRead() {
    }

    /** The rows of the file read whole. */
    public static List<String> rows(SourceSpec spec, Path file, SourceOptions options) {
        return rows(spec, file, options, Long.MAX_VALUE);
    }

    /** The rows of the file cut into ranges of {@code splitBytes}, or {@code ["stopped: <message>"]}. */
    public static List<String> rows(SourceSpec spec, Path file, SourceOptions options, long splitBytes) {
        SourceFile f;
        try {
            f = InputScan.scanHere(spec, file.toUri().toString(), file.getFileName().toString(), options, splitBytes);
        } catch (ConfigException e) {
            return List.of("stopped: " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (SourceFile.Range range : f.ranges()) {
            try (CsvRecordReader r = new CsvRecordReader(f, 0, range, spec.rawLabels())) {
                while (r.hasNext()) {
                    RawRecord rec = r.next();
                    out.add(rec.lineNo() + "|" + (rec.malformed() != null) + "|" + rec.encodingError() + "|"
                            + (rec.values() == null ? "" : Arrays.toString(rec.values())));
                }
            } catch (ConfigException e) {
                out.add("stopped: " + e.getMessage());
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
