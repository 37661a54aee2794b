package io.clusterbench.value;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Stock codes against their board's code prefixes (inputs.md, enterprises.stock_code). */
public final class StockCodes {
    private static final Map<String, List<String>> PREFIXES = Map.of(
            "SSE_MAIN", List.of("600", "601", "603", "605"),
            "STAR", List.of("688", "689"),
            "SZSE_MAIN", List.of("000", "001", "002", "003"),
            "CHINEXT", List.of("300", "301", "302"),
            "BSE", List.of("43", "82", "83", "87", "88", "920"),
            "NEEQ", List.of("40", "42", "43", "82", "83", "87", "88"));

    private StockCodes() {
    }

    /** Drops an exchange suffix (.SH, .SZ, .BJ, .HK) and blanks. */
    public static String normalise(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String s = code.strip().toUpperCase(Locale.ROOT);
        return s.replaceFirst("\\.(SH|SZ|BJ|HK)$", "");
    }

    public static boolean fitsBoard(String code, String board) {
        if (code == null || board == null) {
            return true;
        }
        return switch (board) {
            case "HKEX" -> code.matches("\\d{4,5}");
            case "US" -> code.matches("[A-Z]+(\\.[A-Z])?");
            case "OTHER" -> true;
            default -> PREFIXES.getOrDefault(board, List.of()).stream().anyMatch(code::startsWith)
                    && code.matches("\\d+");
        };
    }
}
