package io.clusterbench.value;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The value-mapping tables of inputs.md ("Value mappings" and the listing boards). */
public final class EnumMappings {
    private EnumMappings() {
    }

    public static final Map<String, String> STATUS = table(
            "active", "存续 在业 开业 在营 在册 正常 active",
            "suspended", "停业 歇业 清算 清算中 suspended",
            "deregistered", "注销 deregistered",
            "revoked", "吊销 吊销,未注销 撤销 revoked",
            "moved_out", "迁出 moved_out");

    public static final Map<String, String> LEGAL_STATUS = table(
            "valid", "有效 授权 专利权维持 valid",
            "pending", "审中 实质审查 公开 pending",
            "invalid", "失效 驳回 撤回 视为撤回 放弃 未缴年费 届满 无效 invalid");

    public static final Map<String, String> ROUND = table(
            "seed", "seed 种子轮", "angel", "angel 天使轮", "pre_a", "pre_a", "a", "a A轮 A+轮", "b", "b B轮 B+轮",
            "c", "c C轮 C+轮", "d_plus", "d_plus D轮 E轮 F轮 Pre-IPO", "strategic", "strategic 战略投资",
            "ipo", "ipo IPO", "grant", "grant 政府资助", "gov_fund", "gov_fund 政府引导基金",
            "other", "other 并购 定增 股权转让");

    public static final Map<String, String> LISTING_BOARD = table(
            "SSE_MAIN", "SSE_MAIN 上交所主板", "STAR", "STAR 科创板", "SZSE_MAIN", "SZSE_MAIN 深交所主板 中小板",
            "CHINEXT", "CHINEXT 创业板", "BSE", "BSE 北交所", "NEEQ", "NEEQ 新三板", "HKEX", "HKEX 港交所",
            "US", "US 美股", "OTHER", "OTHER");

    public static final Map<String, String> PATENT_TYPE = table(
            "invention", "invention 发明 发明专利", "utility_model", "utility_model 实用新型",
            "design", "design 外观设计");

    public static final Map<String, String> QUALIFIER = table("=", "=", ">", ">", "≈", "≈ ~", "<", "<");

    public static final Map<String, String> ROLE = table("home", "home", "benchmark", "benchmark", "peer", "peer");

    /**
     * Looks a cell up in a mapping table: exact after NFKC and trimming, then case-insensitively
     * (English values are written in either case in real exports).
     */
    public static String map(Map<String, String> table, String value) {
        if (value == null) {
            return null;
        }
        String k = key(value);
        String v = table.get(k);
        return v != null ? v : table.get(k.toLowerCase(Locale.ROOT));
    }

    private static String key(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replace('，', ',');
    }

    private static Map<String, String> table(String... targetAndSources) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < targetAndSources.length; i += 2) {
            for (String src : targetAndSources[i + 1].split(" ")) {
                String k = key(src);
                m.put(k, targetAndSources[i]);
                m.put(k.toLowerCase(Locale.ROOT), targetAndSources[i]);
            }
        }
        return Map.copyOf(m);
    }
}
