package io.clusterbench.ingest;

import io.clusterbench.config.SourceOptions;
import io.clusterbench.value.BadValueException;
import io.clusterbench.value.CreditCode;
import io.clusterbench.value.DateParser;
import io.clusterbench.value.Money;
import io.clusterbench.value.MoneyParser;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Reads typed cells of one row, applying the contract's required/optional rule: a bad required value rejects
 * the row; a bad optional value becomes null and flags it BAD_OPTIONAL_VALUE; a negative count or amount
 * rejects even when optional.
 */
final class Cells {
    private final RawRecord rec;
    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private final RowVerdict verdict;

    /** The record the cells come from (its raw text, file and line). */
    RawRecord record() {
        return rec;
    }

    Cells(RawRecord rec, RowVerdict verdict) {
        this.rec = rec;
        this.verdict = verdict;
    }

    /** The stripped cell, or null when the column is absent or the cell blank. */
    String text(int slot) {
        String s = rec.get(slot);
        if (s == null) {
            return null;
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * A key credit code: empty → MISSING_REQUIRED; not 18 characters of the GB 32100 alphabet → BAD_CREDIT_CODE;
     * a failing check character only flags CREDIT_CODE_CHECKSUM (real registries contain such codes).
     */
    String requiredCreditCode(int slot) {
        String code = CreditCode.normalise(text(slot));
        if (code == null || code.isEmpty()) {
            verdict.reject(ReasonCode.MISSING_REQUIRED, "credit_code is empty");
            return null;
        }
        switch (CreditCode.check(code)) {
            case MALFORMED -> verdict.reject(ReasonCode.BAD_CREDIT_CODE,
                    "credit_code '" + code + "' is not 18 characters of the GB 32100 alphabet");
            case BAD_CHECKSUM -> verdict.flag(Flag.CREDIT_CODE_CHECKSUM);
            case VALID -> { }
        }
        return code;
    }

    LocalDate requiredDate(int slot, String column) {
        String s = text(slot);
        if (s == null) {
            verdict.reject(ReasonCode.MISSING_REQUIRED, column + " is empty");
            return null;
        }
        try {
            return plausible(DateParser.parse(s));
        } catch (BadValueException e) {
            verdict.reject(ReasonCode.BAD_DATE, column + ": " + e.getMessage());
            return null;
        }
    }

    LocalDate optionalDate(int slot, String column) {
        try {
            return plausible(DateParser.parse(text(slot)));
        } catch (BadValueException e) {
            verdict.flag(Flag.BAD_OPTIONAL_VALUE);
            return null;
        }
    }

    /** Dates before 1900 are kept as given (and written as given) but flagged: almost always a typing slip. */
    static final LocalDate PLAUSIBLE_DATE_FLOOR = LocalDate.of(1900, 1, 1);

    private LocalDate plausible(LocalDate d) {
        if (d != null && d.isBefore(PLAUSIBLE_DATE_FLOOR)) {
            verdict.flag(Flag.DATE_BEFORE_1900);
        }
        return d;
    }

    Double optionalDouble(int slot, String column) {
        String s = text(slot);
        if (s == null) {
            return null;
        }
        String t = io.clusterbench.value.Text.nfkc(s);
        if (PLAIN_DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        verdict.flag(Flag.BAD_OPTIONAL_VALUE);
        return null;
    }

    Integer optionalCount(int slot, String column) {
        return count(slot, column, false);
    }

    /** A whole number ≥ 0 that the row is for (financials' counts): unreadable is BAD_NUMBER, not a flag. */
    Integer strictCount(int slot, String column) {
        return count(slot, column, true);
    }

    private Integer count(int slot, String column, boolean strict) {
        String s = text(slot);
        BigDecimal n = s == null ? null : number(slot, column, strict);
        if (n == null) {
            return null;
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            badValue(strict, column + ": '" + s + "' is not a whole number");
            return null;
        }
    }

    /** An unreadable value: a reject where the row is for that value, else a flag and the value absent. */
    private void badValue(boolean strict, String detail) {
        if (strict) {
            verdict.reject(ReasonCode.BAD_NUMBER, detail);
        } else {
            verdict.flag(Flag.BAD_OPTIONAL_VALUE);
        }
    }

    /** A year written as four digits (full-width digits allowed); anything else is BAD_NUMBER. */
    Integer requiredYear(int slot, String column) {
        String s = text(slot);
        if (s == null) {
            verdict.reject(ReasonCode.MISSING_REQUIRED, column + " is empty");
            return null;
        }
        String t = io.clusterbench.value.Text.nfkc(s).strip();
        if (!io.clusterbench.value.Text.isDigits(t, 4)) {
            verdict.reject(ReasonCode.BAD_NUMBER, column + ": '" + s + "' is not a four-digit year");
            return null;
        }
        return Integer.parseInt(t);
    }

    /** Money the row is for (financials): an amount that cannot be read is BAD_NUMBER, not a flag. */
    Money strictMoney(int slot, String column, MoneyParser parser, SourceOptions options) {
        return money(slot, column, parser, options, true);
    }

    Integer requiredInt(int slot, String column) {
        BigDecimal n = number(slot, column, true);
        if (n == null) {
            return null;
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            verdict.reject(ReasonCode.BAD_NUMBER, column + ": '" + text(slot) + "' is not a whole number");
            return null;
        }
    }

    private static final BigDecimal NUMBER_LIMIT = BigDecimal.TEN.pow(14);

    BigDecimal number(int slot, String column, boolean required) {
        return number(slot, column, required, false);
    }

    BigDecimal number(int slot, String column, boolean required, boolean negativeAllowed) {
        String s = text(slot);
        if (s == null) {
            if (required) {
                verdict.reject(ReasonCode.MISSING_REQUIRED, column + " is empty");
            }
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(io.clusterbench.value.Text.withoutThousandsSeparators(
                    io.clusterbench.value.Text.nfkc(s)));
        } catch (NumberFormatException e) {
            if (required) {
                verdict.reject(ReasonCode.BAD_NUMBER, column + ": '" + s + "' is not a number");
            } else {
                verdict.flag(Flag.BAD_OPTIONAL_VALUE);
            }
            return null;
        }
        if (n.abs().compareTo(NUMBER_LIMIT) >= 0) {
            // beyond every decimal column it could land in (decimal(20,4) and up): never a silent null
            if (required) {
                verdict.reject(ReasonCode.BAD_NUMBER, column + ": '" + s + "' is out of range (at most 14 digits before the point)");
            } else {
                verdict.flag(Flag.BAD_OPTIONAL_VALUE);
            }
            return null;
        }
        if (n.signum() < 0 && !negativeAllowed) {
            verdict.reject(ReasonCode.NEGATIVE_VALUE, column + " is negative (" + s + ")");
        }
        return n;
    }

    Money optionalMoney(int slot, String column, MoneyParser parser, SourceOptions options) {
        return money(slot, column, parser, options, false);
    }

    private Money money(int slot, String column, MoneyParser parser, SourceOptions options, boolean strict) {
        try {
            Money m = parser.parse(text(slot), options.moneyUnit(column));
            if (m.cny10k() != null && m.cny10k().signum() < 0) {
                verdict.reject(ReasonCode.NEGATIVE_VALUE, column + " is negative (" + text(slot) + ")");
            }
            return m;
        } catch (BadValueException e) {
            badValue(strict, column + ": '" + text(slot) + "' is not an amount");
            return Money.UNDISCLOSED;
        }
    }
}
