package io.clusterbench.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * inputs.md "Encoding": how a file's charset is decided when the job declares none. A UTF-8 byte order mark, or a
 * header line that is valid UTF-8 and not plain ASCII, decides for UTF-8; otherwise every physical line holding a
 * byte ≥ 0x80 votes (valid UTF-8 for, invalid against) and UTF-8 wins ties. One stray GBK row in a UTF-8 export
 * thus costs that row (an ENCODING_ERROR reject), never the whole file.
 *
 * @param linesAgainst the lines that voted for the encoding not chosen (for a file decided by its BOM or header:
 *                     its lines that are not valid UTF-8; 0 when declared)
 */
public record EncodingVote(String encoding, boolean detected, long linesAgainst) implements java.io.Serializable {

    static EncodingVote decide(String declared, List<RangeScan> scans, byte[] header) {
        if (declared != null) {
            return new EncodingVote(declared, false, 0);
        }
        long utf8 = 0;
        long notUtf8 = 0;
        boolean bom = false;
        for (RangeScan s : scans) {
            utf8 += s.linesUtf8();
            notUtf8 += s.linesNotUtf8();
            bom |= s.bom();
        }
        if (bom || (header != null && nonAsciiUtf8(header))) {
            return new EncodingVote(StandardCharsets.UTF_8.name(), true, notUtf8);
        }
        return utf8 >= notUtf8
                ? new EncodingVote(StandardCharsets.UTF_8.name(), true, notUtf8)
                : new EncodingVote(CsvFiles.GB18030, true, utf8);
    }

    /** The header line holds a byte ≥ 0x80 and is valid UTF-8. */
    private static boolean nonAsciiUtf8(byte[] header) {
        byte[] line = HeaderCells.firstLine(header);
        boolean high = false;
        for (byte b : line) {
            high |= b < 0;
        }
        return high && HeaderCells.validUtf8(line);
    }
}
