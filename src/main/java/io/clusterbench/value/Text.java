package io.clusterbench.value;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cell clean-up shared by the parsers, on the hot path of ingest (tens of millions of cells): patterns compiled
 * once, and the common case — a cell already in NFKC with no blanks — returned without copying.
 */
public final class Text {
    /** Every blank Java knows, not only ASCII ones (U+1680, U+2028 … survive NFKC). */
    public static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** A comma between a digit and three digits: a thousands separator (1,000万元), never a list comma. */
    public static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3})");

    private Text() {
    }

    public static String nfkc(String s) {
        return s == null || isPlainAscii(s) || Normalizer.isNormalized(s, Normalizer.Form.NFKC)
                ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /** NFKC with all whitespace removed. */
    public static String compactNfkc(String s) {
        if (s == null) {
            return null;
        }
        String t = nfkc(s);
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return WHITESPACE.matcher(t).replaceAll("");
            }
        }
        return t;
    }

    public static String withoutThousandsSeparators(String s) {
        return s.indexOf(',') < 0 ? s : THOUSANDS.matcher(s).replaceAll("");
    }

    public static boolean isDigits(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
