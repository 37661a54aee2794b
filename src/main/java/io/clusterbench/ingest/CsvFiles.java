package io.clusterbench.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.zip.GZIPInputStream;

/** Opening input files through Hadoop's file system (local, HDFS or S3 alike), gunzipping *.csv.gz. */
public final class CsvFiles {
    public static final String GB18030 = "GB18030";

    private CsvFiles() {
    }

    /**
     * Hadoop's configuration as the classpath gives it (core-site.xml on a cluster), loaded once per JVM: loading
     * it takes milliseconds, and a run opens its files once per byte range, twice.
     */
    static Configuration hadoopConf() {
        return SharedConf.VALUE;
    }

    private static final class SharedConf {
        static final Configuration VALUE = new Configuration();
    }

    public static InputStream open(String path) throws IOException {
        return openAt(path, 0);
    }

    /**
     * The file's bytes from {@code offset} on, buffered: the only way input files are opened (both passes of
     * ingest). A .gz file is gunzipped, so it can only be read from its start.
     */
    static InputStream openAt(String path, long offset) throws IOException {
        boolean gz = path.endsWith(".gz");
        if (gz && offset != 0) {
            throw new IllegalArgumentException("a .gz file is read whole, from its start");
        }
        Path p = new Path(path);
        FSDataInputStream raw = p.getFileSystem(hadoopConf()).open(p, 1 << 16);
        raw.seek(offset);
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        return gz ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** The bytes start with a UTF-8 byte order mark (EF BB BF). */
    static boolean startsWithBom(byte[] b, int length) {
        return length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /**
     * A reader that never throws on bad bytes: each becomes U+FFFD ({@link ByteSafeDecoder}), which the row parser
     * turns into ENCODING_ERROR for the row that holds it.
     */
    public static Reader reader(String path, String encoding) throws IOException {
        return reader(path, encoding, SourceFile.Range.WHOLE);
    }

    /** As {@link #reader(String, String)}, over the bytes of one range only (a .gz file is always read whole). */
    static Reader reader(String path, String encoding, SourceFile.Range range) throws IOException {
        InputStream from = openAt(path, range.start());
        InputStream bytes = range.end() < 0 ? from : new Bounded(from, range.end() - range.start());
        java.io.PushbackReader r = new java.io.PushbackReader(new ByteSafeDecoder(bytes, Charset.forName(encoding)), 1);
        int c = range.start() == 0 ? r.read() : -1;
        if (c >= 0 && c != '\uFEFF') {
            r.unread(c); // a BOM is dropped before the CSV parser sees it, so a quoted first header still parses
        }
        return r;
    }

    /** The first {@code left} bytes of a stream. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    public static CSVFormat format(char separator) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .get();
    }
}
