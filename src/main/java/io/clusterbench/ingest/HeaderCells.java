package io.clusterbench.ingest;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A file's header record, from the bytes the first pass found (the record itself, or the file's first bytes when
 * the record's end was not certain), decoded in the file's charset and split into cells by commons-csv.
 */
final class HeaderCells {
    private HeaderCells() {
    }

    /**
     * Whether the header record (the first record of {@code bytes}, which may run on past it) decodes in the
     * charset: no cell holds a byte sequence invalid in it.
     */
    static boolean decodes(byte[] bytes, String encoding, char separator) {
        return cells(bytes, encoding, separator).stream().noneMatch(c -> c.indexOf('\uFFFD') >= 0);
    }

    /** The header's first physical line (up to the first LF), without a BOM: the line that may decide the vote. */
    static byte[] firstLine(byte[] bytes) {
        byte[] b = withoutBom(bytes);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                return Arrays.copyOf(b, i);
            }
        }
        return b;
    }

    static boolean validUtf8(byte[] bytes) {
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The cells, bad bytes shown as U+FFFD; an empty list when the record does not parse (an unbalanced quote). */
    static List<String> cells(byte[] bytes, String encoding, char separator) {
        java.io.Reader text = new ByteSafeDecoder(new java.io.ByteArrayInputStream(withoutBom(bytes)), Charset.forName(encoding));
        try (CSVParser p = CSVParser.builder().setReader(text).setFormat(CsvFiles.format(separator)).get()) {
            for (CSVRecord rec : p) {
                List<String> cells = new ArrayList<>();
                rec.forEach(cells::add);
                return cells;
            }
            return List.of();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return List.of();
        }
    }

    private static byte[] withoutBom(byte[] b) {
        return CsvFiles.startsWithBom(b, b.length) ? Arrays.copyOfRange(b, 3, b.length) : b;
    }
}
