package io.clusterbench.ingest;

import io.clusterbench.config.SourceOptions;

import java.io.IOException;
import java.nio.file.Path;

/** For tests: a file's rows as one task reads it whole (no ranges), the reference a split parse must match. */
public final class OneTaskRead {
    private OneTaskRead() {
    }

    public static long rows(SourceSpec spec, Path file, SourceOptions options) throws IOException {
        SourceFile f = InputScan.scanHere(spec, file.toUri().toString(), file.getFileName().toString(), options,
                Long.MAX_VALUE);
        long n = 0;
        try (CsvRecordReader r = new CsvRecordReader(f, spec.rawLabels())) {
            while (r.hasNext()) {
                r.next();
                n++;
            }
        }
        return n;
    }
}
