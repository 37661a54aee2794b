package io.clusterbench.publish.report;

import java.util.Locale;

/** How the report writes a number: thousands separators, three significant digits for small decimals, shares as %. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(Object v, MetricDictionary.Kind kind, Lang lang) {
        if (v == null) {
            return "—";
        }
        if (kind == MetricDictionary.Kind.TEXT || !(v instanceof Number)) {
            return String.valueOf(v);
        }
        double d = ((Number) v).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "—";
        }
        return switch (kind) {
            case SHARE -> percent(d);
            case COUNT, RANK -> d == Math.rint(d) ? String.format(Locale.ROOT, "%,d", (long) d) : plain(d);
            case MONEY -> Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : plain(d);
            default -> plain(d);
        };
    }

    /** 1,234 / 12.3 / 0.0123: whole numbers as they are, else three significant digits (one decimal above 100). */
    public static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) d);
        }
        if (Math.abs(d) >= 100) {
            return String.format(Locale.ROOT, "%,.1f", d);
        }
        String s = String.format(Locale.ROOT, "%.3g", d);
        return s.contains("e") ? String.format(Locale.ROOT, "%.2e", d) : s;
    }

    /** A 0–1 share as "12.3 %"; below 0.1 % with two significant digits, so a small share never reads as 0. */
    public static String percent(double share) {
        double p = 100 * share;
        if (p != 0 && Math.abs(p) < 0.1) {
            return String.format(Locale.ROOT, "%.2g %%", p);
        }
        return String.format(Locale.ROOT, "%.1f %%", p);
    }

    /** A ratio home ÷ benchmark as a percentage of the benchmark: 0.123 → "12.3 %", 2.5 → "250 %". */
    public static String ratioPercent(Double ratio) {
        if (ratio == null || ratio.isNaN() || ratio.isInfinite()) {
            return "—";
        }
        double p = 100 * ratio;
        return p >= 100 ? String.format(Locale.ROOT, "%,.0f %%", p) : percent(ratio);
    }
}
