package io.clusterbench.ingest;

import io.clusterbench.config.ConfigException;
import io.clusterbench.config.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file cut into byte ranges parses into exactly the rows, line numbers and rejects of the same file read by one
 * task (the reader every earlier release used), for every cut; a file whose quoting would make a cut unsafe is
 * read by one task and says why; the encoding is decided by a vote of lines.
 */
class SplitParseTest {
    private static final String HEADER = "credit_code,name,zone_id,address,established_date,status";
    private static final Charset GBK = Charset.forName("GBK");
    private static final SourceOptions AUTO = new SourceOptions(null, ',', "wgs84", Map.of());

    @TempDir
    Path dir;

    private String write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f.toUri().toString();
    }

    private static SourceFile scan(String path, long splitBytes) {
        return InputScan.scanHere(Sources.ENTERPRISES, path, "enterprises.csv", AUTO, splitBytes);
    }

    /** Every row of the file as "line|malformed?|encoding error?|cells", read range by range. */
    private static List<String> rows(SourceFile file) throws IOException {
        List<String> out = new ArrayList<>();
        for (SourceFile.Range range : file.ranges()) {
            try (CsvRecordReader r = new CsvRecordReader(file, 0, range, Sources.ENTERPRISES.rawLabels())) {
                while (r.hasNext()) {
                    RawRecord rec = r.next();
                    out.add(rec.lineNo() + "|" + (rec.malformed() != null) + "|" + rec.encodingError() + "|"
                            + (rec.values() == null ? "" : Arrays.toString(rec.values())));
                }
            }
        }
        return out;
    }

    private static String row(int i, String address) {
        return "91610000MA6W0" + String.format("%05d", i) + ",渭南" + i + "科技有限公司,z1," + address + ",2016-03-01,存续";
    }

    /** Quoted line breaks (LF and CR LF), doubled quotes, quoted separators, blank lines, CR LF and LF endings. */
    private static String wellFormed() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 60; i++) {
            String address = switch (i % 6) {
                case 0 -> "\"渭南市高新区\n朝阳大街" + i + "号\"";
                case 1 -> "\"西安市\"\"雁塔\"\",科技路" + i + "号\"";
                case 2 -> "\"上海市\r\n浦东新区\n张江路" + i + "号\"";
                default -> "合肥市蜀山区" + i + "号";
            };
            b.append(row(i, address)).append(i % 4 == 3 ? "\r\n" : "\n");
            if (i % 17 == 5) {
                b.append('\n'); // a blank line: no row, but a line
            }
        }
        return b.toString();
    }

    @Test
    void everyCutOfAWellFormedFileGivesTheOneTaskRows() throws IOException {
        byte[] bytes = ("\uFEFF" + wellFormed()).getBytes(StandardCharsets.UTF_8);
        String path = write("enterprises.csv", bytes);
        SourceFile whole = scan(path, Long.MAX_VALUE);
        List<String> expected = rows(whole);
        assertEquals(60, expected.size());
        for (long split : new long[]{64, 71, 97, 128, 150, 211, 256, 333, 512, 699}) {
            SourceFile cut = scan(path, split);
            assertNull(cut.singleRangeReason(), "split " + split);
            assertTrue(cut.ranges().size() > 1, "split " + split);
            assertEquals(expected, rows(cut), "split " + split);
        }
    }

    /** Every cut from 64 bytes to the file's length reads as the whole file does: rows, lines, or the same error. */
    private void everyCutReadsAsTheWhole(String name, byte[] bytes, SourceOptions options) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        List<String> whole = OneTaskRead.rows(Sources.ENTERPRISES, f, options);
        for (long split = 64; split <= bytes.length; split++) {
            assertEquals(whole, OneTaskRead.rows(Sources.ENTERPRISES, f, options, split), name + ", split " + split);
        }
    }

    @Test
    void recordsAtAndAroundRangeBoundariesReadAsInTheWholeFile() throws IOException {
        // a record spanning lines with the wrong field count, starting right after a run of blank lines (so at a
        // boundary for some cut), then rows the one-task reader re-reads after it
        everyCutReadsAsTheWhole("a.csv", (HEADER + "\n" + "\n".repeat(7) + "x,\"foo\n\"\",\"\n\",a\",b,c,d\n"
                + row(1, "a") + "\n").getBytes(StandardCharsets.UTF_8), AUTO);
        // whitespace between a closing quote and the separator (commons-csv skips it), in the header and a row
        everyCutReadsAsTheWhole("b.csv", ("\"credit_code\" ,name,zone_id,address,established_date,status\n"
                + row(1, "\"a\" ") + "\n" + row(2, "b") + "\n").getBytes(StandardCharsets.UTF_8), AUTO);
        // more blank lines than a range holds before the header, and a first line that is a quoted empty field
        everyCutReadsAsTheWhole("c.csv", ("\n".repeat(100) + "\"\"\n" + HEADER + "\n" + row(1, "a") + "\n")
                .getBytes(StandardCharsets.UTF_8), AUTO);
        // a header with a stray quote and a byte invalid in the declared UTF-8 (the hostile corpus's case 862): the
        // header is left to commons-csv from the file's first bytes, read whole or cut, and stops the run alike
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes("credit_code,name,zone_id,established_date,status,registered_capit\"".getBytes(StandardCharsets.UTF_8));
        h.writeBytes(new byte[]{0x1B, (byte) 0xDB});
        h.writeBytes(("al,employees\n" + row(1, "a") + "\n" + row(2, "b") + "\n").getBytes(StandardCharsets.UTF_8));
        everyCutReadsAsTheWhole("f.csv", h.toByteArray(), new SourceOptions("UTF-8", ',', "wgs84", Map.of()));
        // CR-only line breaks and CR LF across every boundary
        everyCutReadsAsTheWhole("d.csv", (HEADER + "\r" + row(1, "\"a\rb\"") + "\r" + row(2, "c") + "\r\n"
                + row(3, "d") + "\r\n").getBytes(StandardCharsets.UTF_8), AUTO);
    }

    @Test
    void aUtf8LineInAGbkFileDoesNotSwallowTheLineBreak() throws IOException {
        // voted GB18030 (four GBK lines against one UTF-8 line); the UTF-8 line ends in 号 then a digit, whose bytes
        // E5 8F B7 33 GB18030 would read as one bad sequence taking the digit and the line feed after it
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes((row(1, "啊") + "\n" + row(2, "啊") + "\n").getBytes(GBK));
        b.writeBytes((row(3, "号3") + "\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes((row(4, "d") + "\n" + row(5, "e") + "\n").getBytes(GBK));
        Path f = dir.resolve("e.csv");
        Files.write(f, b.toByteArray());
        assertEquals(new EncodingVote("GB18030", true, 1), scan(f.toUri().toString(), Long.MAX_VALUE).encoding());
        List<String> whole = OneTaskRead.rows(Sources.ENTERPRISES, f, AUTO);
        assertEquals(List.of("2", "3", "4", "5", "6"), whole.stream().map(r -> r.substring(0, r.indexOf('|'))).toList());
        assertTrue(whole.get(2).startsWith("4|false|true|"), whole.get(2)); // the UTF-8 row: an encoding error
        everyCutReadsAsTheWhole("e.csv", b.toByteArray(), AUTO);
    }

    @Test
    void lineNumbersAreTheFilesPhysicalLines() throws IOException {
        // line 1 header; line 2 row A; lines 3-4 row B (a quoted LF); line 5 blank; line 6 row C (CR LF); line 7 row D
        String text = HEADER + "\n" + row(1, "a") + "\n" + row(2, "\"b1\nb2\"") + "\n\n" + row(3, "c") + "\r\n"
                + row(4, "d") + "\n";
        String path = write("enterprises.csv", text.getBytes(StandardCharsets.UTF_8));
        for (long split = 64; split < text.length(); split += 5) {
            SourceFile cut = scan(path, split);
            List<String> lines = rows(cut).stream().map(r -> r.substring(0, r.indexOf('|'))).toList();
            assertEquals(List.of("2", "3", "6", "7"), lines, "split " + split);
        }
    }

    @Test
    void aStrayQuoteMakesTheFileOneTaskAndSaysWhy() throws IOException {
        // a quote inside an unquoted field: commons-csv keeps it as text, quote parity would not
        String text = wellFormed() + row(100, "西安\"高新区") + "\n" + wellFormed().substring(HEADER.length() + 1);
        String path = write("enterprises.csv", text.getBytes(StandardCharsets.UTF_8));
        List<String> expected = rows(scan(path, Long.MAX_VALUE));
        SourceFile cut = scan(path, 100);
        assertEquals(1, cut.ranges().size());
        assertEquals("a quote inside an unquoted field", cut.singleRangeReason().replaceAll(" \\(after byte \\d+\\)", ""));
        assertEquals(expected, rows(cut));
    }

    @Test
    void aRecordSpanningLinesWithTheWrongFieldCountKeepsTheOneTaskReading() throws IOException {
        // the one-task reader re-reads such a record's lines as rows of their own: a cut could not reproduce that
        String text = wellFormed() + "x,\"two\nlines\"\n" + row(200, "y") + "\n";
        String path = write("enterprises.csv", text.getBytes(StandardCharsets.UTF_8));
        SourceFile cut = scan(path, 100);
        assertEquals("a record spanning lines has 2 fields where the header has 6", cut.singleRangeReason());
        assertEquals(rows(scan(path, Long.MAX_VALUE)), rows(cut));
    }

    @Test
    void aFileEndingInsideQuotesIsOneTask() throws IOException {
        String text = wellFormed() + row(300, "\"never closed") + "\n" + row(301, "z") + "\n";
        String path = write("enterprises.csv", text.getBytes(StandardCharsets.UTF_8));
        SourceFile cut = scan(path, 128);
        assertEquals(1, cut.ranges().size());
        assertNotNull(cut.singleRangeReason());
        assertEquals(rows(scan(path, Long.MAX_VALUE)), rows(cut));
    }

    @Test
    void oneGbkRowInAUtf8FileIsOneEncodingErrorAtItsLine() throws IOException {
        // ASCII header: no decision by the header; 3 UTF-8 lines vote for, the GBK line against
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((HEADER + "\n" + row(1, "a") + "\n" + row(2, "b") + "\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes((row(3, "渭南市临渭区") + "\n").getBytes(GBK));
        b.writeBytes((row(4, "d") + "\n").getBytes(StandardCharsets.UTF_8));
        String path = write("enterprises.csv", b.toByteArray());
        for (long split : new long[]{Long.MAX_VALUE, 64, 90, 150}) {
            SourceFile f = scan(path, split);
            assertEquals(new EncodingVote("UTF-8", true, 1), f.encoding(), "split " + split);
            List<String> errors = rows(f).stream().filter(r -> r.contains("|false|true|")).toList();
            assertEquals(1, errors.size(), "split " + split);
            assertTrue(errors.get(0).startsWith("4|"), errors.get(0));
        }
    }

    @Test
    void mostlyGbkLinesMakeAGbkFileAndATieIsUtf8() throws IOException {
        ByteArrayOutputStream gbk = new ByteArrayOutputStream();
        gbk.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        gbk.writeBytes((row(1, "渭南") + "\n" + row(2, "西安") + "\n").getBytes(GBK));
        gbk.writeBytes((row(3, "合肥") + "\n").getBytes(StandardCharsets.UTF_8));
        // rows 1 and 2 vote against UTF-8 (each name and address is GBK), row 3 for
        assertEquals(new EncodingVote("GB18030", true, 1), scan(write("a.csv", gbk.toByteArray()), 64).encoding());

        ByteArrayOutputStream tie = new ByteArrayOutputStream();
        tie.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        tie.writeBytes((row(1, "渭南") + "\n").getBytes(GBK));
        tie.writeBytes((row(3, "合肥") + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(new EncodingVote("UTF-8", true, 1), scan(write("b.csv", tie.toByteArray()), 64).encoding());
    }

    @Test
    void aNonAsciiUtf8HeaderDecidesForUtf8() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("统一社会信用代码,企业名称,成立日期,登记状态\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("91610000MA6W000001,渭南甲公司,2016-03-01,存续\n91610000MA6W000002,渭南乙公司,2016-03-01,存续\n"
                .getBytes(GBK));
        SourceFile f = scan(write("c.csv", b.toByteArray()), Long.MAX_VALUE);
        assertEquals(new EncodingVote("UTF-8", true, 2), f.encoding());
    }

    @Test
    void aHeaderThatDoesNotDecodeStopsTheRunNamingEncodingAndColumns() throws IOException {
        // declared UTF-8, written in GBK: the header cannot be read as UTF-8
        byte[] bytes = ("统一社会信用代码,企业名称,成立日期,登记状态\n" + "91610000MA6W000001,甲,2016-03-01,存续\n").getBytes(GBK);
        String path = write("d.csv", bytes);
        ConfigException e = assertThrows(ConfigException.class, () -> InputScan.scanHere(Sources.ENTERPRISES, path,
                "enterprises.csv", new SourceOptions("UTF-8", ',', "wgs84", Map.of()), Long.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("enterprises: file enterprises.csv (read as UTF-8, declared): the header"
                + " row does not decode in that encoding"), e.getMessage());
        assertTrue(e.getMessage().contains("columns found: "), e.getMessage());
    }
}
