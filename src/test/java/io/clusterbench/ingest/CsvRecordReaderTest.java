package io.clusterbench.ingest;

import io.clusterbench.config.ConfigException;
import io.clusterbench.config.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every physical record is read once and lands as a row or a reject at its own line, however broken the file. */
class CsvRecordReaderTest {
    private static final String HEADER = "credit_code,name,zone_id,industry_code,established_date,status,deregistered_date,employees";

    @TempDir
    Path dir;

    /** "line:OK" for a row, "line:MALFORMED" for a malformed one, in file order. */
    private List<String> read(String content) throws IOException {
        Path f = dir.resolve("enterprises.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        SourceFile file = scanned(f);
        List<String> out = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(file, Sources.ENTERPRISES.rawLabels())) {
            while (r.hasNext()) {
                RawRecord rec = r.next();
                out.add(rec.lineNo() + ":" + (rec.malformed() == null ? "OK" : "MALFORMED"));
            }
        }
        return out;
    }

    /** The file as the first pass sees it, read whole, in UTF-8. */
    static SourceFile scanned(Path f) {
        return InputScan.scanOnDriver(Sources.ENTERPRISES, f.toUri().toString(), f.getFileName().toString(),
                new SourceOptions("UTF-8", ',', "wgs84", java.util.Map.of()));
    }

    private static String row(int i) {
        return "91610000MA6W00000" + (i % 10) + ",firm" + i + ",z1,C2710,2016-03-01,存续,,10\n";
    }

    @Test
    void aStrayQuoteSwallowsNoRow() throws IOException {
        // row 2 (line 3) opens a quote in its name, row 6 (line 7) closes one at the end of a value: commons-csv
        // reads lines 3-7 as one record of the wrong width; the lines after line 3 are read again as rows of their
        // own (the quote ending row 6's value is not at a field's start, so it is text there)
        String content = HEADER + "\n" + row(1)
                + "91610000MA6W000002,\"firm2,z1,C2710,2016-03-01,存续,,10\n"
                + row(3) + row(4) + row(5)
                + "91610000MA6W000006,firm6,z1,C2710,2016-03-01,存续,15\",10\n"
                + row(7);
        assertEquals(List.of("2:OK", "3:MALFORMED", "4:OK", "5:OK", "6:OK", "7:OK", "8:OK"), read(content));
    }

    @Test
    void manySyntaxErrorsAreEachOneRejectAtTheirLine() throws IOException {
        // 20,000 lines each with a character after a closing quote: each a reject, found without rereading the file
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 20_000; i++) {
            b.append("\"ACME\"x,firm").append(i).append(",z1,C2710,2016-03-01,存续,,10\n");
        }
        b.append(row(1));
        List<String> got = read(b.toString());
        assertEquals(20_001, got.size());
        for (int i = 0; i < 20_000; i++) {
            assertEquals((i + 2) + ":MALFORMED", got.get(i));
        }
        assertEquals("20002:OK", got.get(20_000));
    }

    @Test
    void aRecordBeyondTheBoundIsARejectAndTheFileGoesOn() throws IOException {
        String endless = "9161,\"" + "0".repeat((int) CsvRecordReader.MAX_RECORD_CHARS * 3) + "\n";
        String content = HEADER + "\n" + row(1) + endless + row(2) + row(3);
        List<String> got = read(content);
        assertEquals(List.of("2:OK", "3:MALFORMED", "4:OK", "5:OK"), got);
    }

    @Test
    void lineNumbersHoldWithCrLfAndQuotedLineBreaks() throws IOException {
        String content = (HEADER + "\r\n" + "91610000MA6W000001,\"two\r\nlines\",z1,C2710,2016-03-01,存续,,10\r\n"
                + "91610000MA6W000002,\"bad\"x,z1,C2710,2016-03-01,存续,,10\r\n" + row(3).replace("\n", "\r\n"));
        assertEquals(List.of("2:OK", "4:MALFORMED", "5:OK"), read(content));
    }

    @Test
    void theMalformedDetailNamesTheBound() throws IOException {
        Path f = dir.resolve("enterprises.csv");
        Files.writeString(f, HEADER + "\n" + "x,\"" + "a".repeat((int) CsvRecordReader.MAX_RECORD_CHARS * 2) + "\"\n");
        SourceFile file = scanned(f);
        try (CsvRecordReader r = new CsvRecordReader(file, Sources.ENTERPRISES.rawLabels())) {
            String why = r.next().malformed();
            assertTrue(why.startsWith("a record longer than 1048576 characters starting on this line"), why);
        }
    }

    @Test
    void aHeaderThatNeverEndsIsRefusedNotReadWhole() throws IOException {
        // one endless first line (a gzip bomb's shape): the scan stops at the bound and names the reason
        Path f = dir.resolve("enterprises.csv");
        Files.writeString(f, "credit_code," + "x".repeat(3 << 20) + "\n" + row(1), StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class, () -> scanned(f));
        assertTrue(e.getMessage().contains("header is a record longer than 1048576 characters"), e.getMessage());
    }
}
