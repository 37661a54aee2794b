package io.clusterbench.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Opening input files through Hadoop's file system (local, HDFS or S3 alike), gunzipping *.csv.gz. */
public final class CsvFiles {
    public static final String GB18030 = "GB18030";

    private CsvFiles() {
    }

    public static InputStream open(String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(new Configuration());
        InputStream in = new BufferedInputStream(fs.open(p), 1 << 16);
        return path.endsWith(".gz") ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /**
     * A reader that never throws on bad bytes: they become U+FFFD, which the row parser turns into
     * ENCODING_ERROR for the row that holds them.
     */
    public static Reader reader(String path, String encoding) throws IOException {
        CharsetDecoder dec = Charset.forName(encoding).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        java.io.PushbackReader r = new java.io.PushbackReader(new InputStreamReader(open(path), dec), 1);
        int c = r.read();
        if (c >= 0 && c != '\uFEFF') {
            r.unread(c); // a BOM is dropped before the CSV parser sees it, so a quoted first header still parses
        }
        return r;
    }

    /** inputs.md "Encoding": valid UTF-8 over the whole file → UTF-8, otherwise GB18030. */
    public static String detectEncoding(String path) throws IOException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(open(path), dec)) {
            char[] buf = new char[1 << 16];
            while (r.read(buf) >= 0) {
                // reading is the check
            }
            return StandardCharsets.UTF_8.name();
        } catch (CharacterCodingException e) {
            return GB18030;
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
