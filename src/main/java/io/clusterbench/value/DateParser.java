package io.clusterbench.value;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in the forms of inputs.md: 2021-03-05, 2021/3/5, 2021.3.5, 20210305, 2021年3月5日, and any of these
 * followed by a time part, which is ignored.
 */
public final class DateParser {
    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[ T]+\\d.*)?");
    private static final Pattern CHINESE =
            Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?:\\s*\\d.*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:[ T]+\\d.*)?");

    private DateParser() {
    }

    /** @return the date, or null for an empty cell */
    public static LocalDate parse(String text) throws BadValueException {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = SEPARATED.matcher(s);
        if (m.matches()) {
            return of(s, m.group(1), m.group(3), m.group(4));
        }
        m = CHINESE.matcher(s);
        if (m.matches()) {
            return of(s, m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT.matcher(s);
        if (m.matches()) {
            return of(s, m.group(1), m.group(2), m.group(3));
        }
        throw new BadValueException("'" + s + "' is not a date (use e.g. 2021-03-05, 2021/3/5, 20210305 or 2021年3月5日)");
    }

    private static LocalDate of(String s, String y, String mo, String d) throws BadValueException {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
        } catch (DateTimeException e) {
            throw new BadValueException("'" + s + "' is not a calendar date");
        }
    }
}
