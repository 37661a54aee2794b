package io.clusterbench.publish.report;

import java.util.List;
import java.util.Locale;

/**
 * The five high-tech-enterprise criteria as a reader sees them: each one's measured value and, when missed,
 * the shortfall in its own unit (years, patents, percentage points), not as a relative number.
 */
final class Criteria {
    static final List<String> HTE = List.of("registered_1y", "ip", "staff", "rd", "hightech_revenue");

    private Criteria() {
    }

    static String name(String c, Lang lang) {
        return lang.t("crit_" + c);
    }

    static String unit(String c, Lang lang) {
        return lang.t("crit_unit_" + c);
    }

    static String statusName(String status, Lang lang) {
        return status == null ? "" : lang.t("status_" + status);
    }

    /** The value a criterion is tested on; shares as 0–1. */
    static Double value(String c, CultivationList.Firm f) {
        return switch (c) {
            case "registered_1y" -> f.value().get("years_registered");
            case "ip" -> f.value().get("valid_patents");
            case "staff" -> f.value().get("staff_share");
            case "rd" -> f.value().get("rd_share_3y");
            case "hightech_revenue" -> f.value().get("hightech_revenue_share");
            default -> throw new IllegalArgumentException(c);
        };
    }

    /** The threshold, in the value's own scale. */
    static Double threshold(String c, CultivationList.Firm f) {
        return switch (c) {
            case "registered_1y" -> 1.0;
            case "ip" -> 1.0;
            case "staff" -> 0.10;
            case "rd" -> f.rdThreshold();
            case "hightech_revenue" -> 0.60;
            default -> throw new IllegalArgumentException(c);
        };
    }

    private static boolean isShare(String c) {
        return c.equals("staff") || c.equals("rd") || c.equals("hightech_revenue");
    }

    /** The value as a number in the spreadsheet's column unit (% for shares, one decimal). */
    static String csvNumber(String c, double v) {
        if (isShare(c)) {
            return String.format(Locale.ROOT, "%.1f", 100 * v);
        }
        return c.equals("ip") ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * "差 0.8 个百分点" / "0.8 percentage points short"; from the relative shortfall when no value was published.
     * Rounded up, so that a firm that misses never reads "差 0.0"; the registration year in days.
     */
    static String shortfallText(String c, CultivationList.Firm f, Lang lang) {
        if (c.equals("registered_1y")) {
            Double rel = f.shortfall().get(c); // days until the first anniversary ÷ 365
            return rel == null ? "" : lang.t("short_days", String.valueOf(Math.max(1, Math.round(rel * 365))));
        }
        Double threshold = threshold(c, f);
        Double v = value(c, f);
        Double rel = f.shortfall().get(c);
        double gap;
        if (v != null && threshold != null) {
            gap = Math.max(0, threshold - v);
        } else if (rel != null && threshold != null) {
            gap = rel * threshold;
        } else {
            return "";
        }
        if (isShare(c)) {
            return lang.t("short_pp", String.format(Locale.ROOT, "%.1f", Math.max(0.1, Math.ceil(1000 * gap - 1e-9) / 10)));
        }
        return lang.t("short_patents", String.format(Locale.ROOT, "%.0f", Math.max(1, Math.ceil(gap))));
    }

    /** One cell of the report's list: "研发费用占比 3.2 %，差 0.8 个百分点" or "缺少数据". */
    static String cell(String c, CultivationList.Firm f, Lang lang) {
        String status = f.status().get(c);
        if (status == null || "unknown".equals(status)) {
            return lang.t("status_unknown");
        }
        Double v = value(c, f);
        boolean fail = "fail".equals(status);
        String shown = c.equals("registered_1y") && fail ? lang.t("value_under_a_year")
                : v == null ? statusName(status, lang)
                // a missed share is rounded down, so that it never reads as the threshold itself
                : isShare(c) ? (fail ? String.format(Locale.ROOT, "%.1f %%", Math.floor(1000 * v + 1e-9) / 10) : Numbers.percent(v))
                : c.equals("ip") ? lang.t("value_patents", String.format(Locale.ROOT, "%.0f", v))
                : lang.t("value_years", String.format(Locale.ROOT, "%.1f", v));
        if (fail) {
            String s = shortfallText(c, f, lang);
            return s.isEmpty() ? shown : shown + lang.t("comma") + s;
        }
        return shown;
    }
}
