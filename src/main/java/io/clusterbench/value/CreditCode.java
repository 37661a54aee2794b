package io.clusterbench.value;

/**
 * Unified social credit code, GB 32100-2015: 18 characters of a 31-character alphabet (no I, O, Z, S, V);
 * the 18th is a mod-31 check character over the first 17 with weights 3^(i) mod 31.
 */
public final class CreditCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public enum Verdict { VALID, BAD_CHECKSUM, MALFORMED }

    private CreditCode() {
    }

    /** Upper-cases and strips blanks (registry exports mix both); does not validate. */
    public static String normalise(String raw) {
        return raw == null ? null : Text.compactNfkc(raw).toUpperCase(java.util.Locale.ROOT);
    }

    public static Verdict check(String code) {
        if (code == null || code.length() != 18) {
            return Verdict.MALFORMED;
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return Verdict.MALFORMED;
            }
            if (i < 17) {
                sum += v * WEIGHTS[i];
            }
        }
        int expected = (31 - sum % 31) % 31;
        return ALPHABET.charAt(expected) == code.charAt(17) ? Verdict.VALID : Verdict.BAD_CHECKSUM;
    }

    /** Characters 3–8: the administrative division code used by {@code division:} rules. */
    public static String divisionCode(String code) {
        return code == null || code.length() < 8 ? null : code.substring(2, 8);
    }
}
