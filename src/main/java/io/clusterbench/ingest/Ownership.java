package io.clusterbench.ingest;

import io.clusterbench.value.Text;

import java.util.List;

/**
 * Who owns a firm, from the registry's 企业类型 text: the first rule that applies, as plain substring tests on
 * the NFKC text with every blank removed. Foreign (Hong Kong, Macao and Taiwan included) comes first; a firm
 * owned by another legal person (非国有, 非自然人) is unknown, since that legal person may be state or private,
 * and that rule must precede the state and private rules, whose words (国有, 自然人) it contains.
 */
public final class Ownership {
    public static final String PRIVATE = "private";
    public static final String STATE = "state";
    public static final String FOREIGN = "foreign";
    public static final String COLLECTIVE = "collective";
    public static final String UNKNOWN = "unknown";

    private record Rule(String ownership, List<String> words) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(FOREIGN, List.of("外商", "外国", "外资", "中外", "台港澳", "港澳台", "港、澳", "侨")),
            new Rule(UNKNOWN, List.of("非国有", "非自然人")),
            new Rule(STATE, List.of("国有", "国资", "全民所有制")),
            new Rule(COLLECTIVE, List.of("集体")),
            new Rule(PRIVATE, List.of("自然人", "私营", "民营", "个人独资", "合伙")));

    private Ownership() {
    }

    /** @return one of private, state, foreign, collective, unknown (also for an empty or absent type) */
    public static String of(String enterpriseType) {
        String t = Text.compactNfkc(enterpriseType);
        if (t == null || t.isEmpty()) {
            return UNKNOWN;
        }
        for (Rule r : RULES) {
            for (String w : r.words()) {
                if (t.contains(w)) {
                    return r.ownership();
                }
            }
        }
        return UNKNOWN;
    }
}
