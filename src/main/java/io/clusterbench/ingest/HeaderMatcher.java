package io.clusterbench.ingest;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a file's header cells to the contract's columns. Matching ignores case, surrounding blanks, a BOM and
 * full-/half-width brackets. When several aliases of one column are present, the earliest in the contract's
 * list wins and the others are reported as unknown.
 */
public final class HeaderMatcher {

    /**
     * The outcome for one file.
     *
     * @param slotIndex      for each slot of the source, the index of its field in a record, or -1
     * @param recognised     slots present in the header, in slot order (the columns of a reject's raw text)
     * @param unknownColumns header cells that name no column (or lost a collision), as written
     * @param missingRequired required columns absent from the header
     */
    public record Mapping(int[] slotIndex, List<String> recognised, List<String> unknownColumns,
                          List<String> missingRequired, int fieldCount) implements Serializable {
    }

    private HeaderMatcher() {
    }

    public static Mapping match(SourceSpec spec, List<String> header) {
        Map<String, int[]> byKey = new HashMap<>();
        for (int c = 0; c < spec.columns().size(); c++) {
            ColumnSpec col = spec.columns().get(c);
            if (col.feeds() == null) {
                byKey.put(key(col.name()), new int[]{c, 0});
            }
            for (int a = 0; a < col.aliases().size(); a++) {
                byKey.putIfAbsent(key(col.aliases().get(a)), new int[]{c, a + 1});
            }
        }
        int[] bestPriority = new int[spec.columns().size()];
        int[] bestField = new int[spec.columns().size()];
        Arrays.fill(bestPriority, Integer.MAX_VALUE);
        Arrays.fill(bestField, -1);
        List<Integer> unmatched = new ArrayList<>();
        for (int f = 0; f < header.size(); f++) {
            int[] hit = byKey.get(key(header.get(f)));
            if (hit == null) {
                unmatched.add(f);
                continue;
            }
            int c = hit[0];
            if (hit[1] < bestPriority[c]) {
                if (bestField[c] >= 0) {
                    unmatched.add(bestField[c]);
                }
                bestPriority[c] = hit[1];
                bestField[c] = f;
            } else {
                unmatched.add(f);
            }
        }
        List<String> slots = spec.slots();
        int[] slotIndex = new int[slots.size()];
        List<String> recognised = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < spec.columns().size(); c++) {
            ColumnSpec col = spec.columns().get(c);
            if (col.personal()) {
                continue;
            }
            int s = slots.indexOf(col.name());
            slotIndex[s] = bestField[c];
            if (bestField[c] >= 0) {
                recognised.add(col.name());
            } else if (col.requiredInHeader()) {
                missing.add(col.name());
            }
        }
        unmatched.sort(Integer::compare);
        List<String> unknown = unmatched.stream().map(f -> header.get(f).strip().replace("\uFEFF", "")).toList();
        return new Mapping(slotIndex, recognised, unknown, missing, header.size());
    }

    static String key(String header) {
        String s = Normalizer.normalize(header.replace("\uFEFF", ""), Normalizer.Form.NFKC);
        return s.strip().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
