package io.clusterbench.value;

import java.io.Serializable;
import java.util.Locale;

/**
 * CNIPA application numbers: 12 digits + check since 2003 (year, type digit, serial), 8 digits + check before
 * (two-digit year, type digit, serial), with or without a {@code CN}/{@code ZL} prefix and the dot. The check
 * digit is the weighted sum (weights 2…9, repeating) mod 11, 10 written {@code X}.
 *
 * @param canonical digits, a dot and the check character, e.g. {@code 201710601862.3}
 * @param year      filing year encoded in the number (85–99 → 19YY, else 20YY for old numbers)
 * @param type      {@code invention} (type digit 1 or 8), {@code utility_model} (2, 9) or {@code design} (3)
 */
public record ApplicationNumber(String canonical, int year, String type) implements Serializable {
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("(\\d{12}|\\d{8})\\.?[0-9X]");
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    public static ApplicationNumber parse(String text) throws BadValueException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = Text.compactNfkc(text).toUpperCase(Locale.ROOT);
        if (s.startsWith("CN") || s.startsWith("ZL")) {
            s = s.substring(2);
        }
        if (!SHAPE.matcher(s).matches()) {
            throw new BadValueException("application_no '" + text.strip() + "' is not 12 (or, before 2003, 8) digits and a check digit");
        }
        s = s.replace(".", "");
        String digits = s.substring(0, s.length() - 1);
        char check = s.charAt(s.length() - 1);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int r = sum % 11;
        char expected = r == 10 ? 'X' : (char) ('0' + r);
        if (check != expected) {
            throw new BadValueException("application_no '" + text.strip() + "': check digit " + check + " does not match");
        }
        int year;
        char typeDigit;
        if (digits.length() == 12) {
            year = Integer.parseInt(digits.substring(0, 4));
            typeDigit = digits.charAt(4);
            if (year < 2003) {
                throw new BadValueException("application_no '" + text.strip() + "': 12-digit numbers start in 2003");
            }
        } else {
            int yy = Integer.parseInt(digits.substring(0, 2));
            if (yy > 2 && yy < 85) {
                throw new BadValueException("application_no '" + text.strip() + "': 8-digit numbers run from 1985 to 2002");
            }
            year = yy >= 85 ? 1900 + yy : 2000 + yy;
            typeDigit = digits.charAt(2);
        }
        String type = switch (typeDigit) {
            case '1', '8' -> "invention";
            case '2', '9' -> "utility_model";
            case '3' -> "design";
            default -> throw new BadValueException("application_no '" + text.strip() + "': type digit " + typeDigit + " is not 1, 2, 3, 8 or 9");
        };
        return new ApplicationNumber(digits + "." + check, year, type);
    }
}
