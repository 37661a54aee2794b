package io.clusterbench.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The driver's half of splitting one file: from the first pass's {@link RangeScan}s, a prefix over the ranges fixes
 * each range's true start state (outside or inside quotes, from the parity of the quotes before it), hence where
 * its first record starts and that record's first physical line. The parse then reads exactly
 * {@code [start_k, start_k+1)} per task.
 *
 * <p>The split is used only when it is certain to give the rows a one-task parse gives: each range's parse must
 * end exactly where the next range's first record starts, and nothing in the records may make commons-csv read
 * them differently (a quote inside an unquoted field, text after a closing quote, a record too long, a record
 * that spans lines with a field count other than the header's, which the one-task parse re-reads line by line).
 * Otherwise the file is read by one task, as every file was before, and the reason is reported.
 */
final class SplitPlanner {

    /** @param singleRangeReason why a file planned as several ranges is read by one task, else null */
    record Plan(List<SourceFile.Range> ranges, String singleRangeReason) {
    }

    private SplitPlanner() {
    }

    /** @param headerEnd where the header record ends (-1: unknown, then the file is read whole) */
    static Plan plan(List<RangeScan> scans, int headerFields, long headerEnd) {
        if (scans.size() == 1) {
            return whole(null);
        }
        if (headerEnd < 0) {
            return whole("the header's end was not found by the first pass");
        }
        List<long[]> starts = new ArrayList<>(); // {offset, first line}
        int state = 0;
        long lineBase = 0;
        long expected = 0;
        for (int k = 0; k < scans.size(); k++) {
            RangeScan s = scans.get(k);
            RangeScan.Start st = s.starts()[state];
            if (st.offset() >= 0) {
                if (st.offset() != expected) {
                    return whole("quoting does not line up at the range boundary near byte " + s.start());
                }
                if (st.irregular() != null) {
                    return whole(st.irregular() + " (after byte " + st.offset() + ")");
                }
                if (st.maxMultiLineFields() > 0
                        && (st.minMultiLineFields() != headerFields || st.maxMultiLineFields() != headerFields)) {
                    int odd = st.minMultiLineFields() != headerFields ? st.minMultiLineFields() : st.maxMultiLineFields();
                    return whole("a record spanning lines has " + odd + " fields where the header has " + headerFields);
                }
                if (k == 0 || st.offset() > headerEnd) {
                    // a range starting before the header ends joins the first: only the range at byte 0 skips it
                    starts.add(new long[]{st.offset(), k == 0 ? 1 : lineBase + st.linesBefore() + 1});
                }
                expected = st.nextRecord();
            } else if (s.end() >= 0 && expected < s.end()) {
                // the previous range's parse ended inside this range, but no record starts here: inconsistent
                return whole("quoting does not line up at the range boundary near byte " + s.start());
            }
            state ^= s.oddQuotes() ? 1 : 0;
            lineBase += s.lineBreaks();
        }
        List<SourceFile.Range> ranges = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long end = i + 1 < starts.size() ? starts.get(i + 1)[0] : -1;
            ranges.add(new SourceFile.Range(starts.get(i)[0], end, starts.get(i)[1]));
        }
        return new Plan(List.copyOf(ranges), null);
    }

    private static Plan whole(String reason) {
        return new Plan(List.of(SourceFile.Range.WHOLE), reason);
    }
}
