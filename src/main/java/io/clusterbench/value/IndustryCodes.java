package io.clusterbench.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GB/T 4754-2017 industry codes: a section letter plus 2–4 digits (C2710) or just the digits. The section is
 * always derived from the 2-digit division (the reference table shipped with the program), so a wrong letter
 * in the input is a bad value rather than a silent contradiction.
 */
public final class IndustryCodes implements Serializable {
    public record Division(String code, String section, String nameZh) implements Serializable {
    }

    /** A recognised code: {@code code} is the section letter plus the digits as given. */
    public record Code(String code, String section, String division) implements Serializable {
    }

    private static final IndustryCodes INSTANCE = load();

    private final Map<String, Division> divisions;

    private IndustryCodes(Map<String, Division> divisions) {
        this.divisions = Collections.unmodifiableMap(divisions);
    }

    public static IndustryCodes reference() {
        return INSTANCE;
    }

    public List<Division> divisions() {
        return new ArrayList<>(divisions.values());
    }

    public Code parse(String text) throws BadValueException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = Text.nfkc(text).strip().toUpperCase(Locale.ROOT);
        String letter = null;
        String digits = s;
        if (!s.isEmpty() && s.charAt(0) >= 'A' && s.charAt(0) <= 'T') {
            letter = s.substring(0, 1);
            digits = s.substring(1);
        }
        if (!(Text.isDigits(digits, 2) || Text.isDigits(digits, 3) || Text.isDigits(digits, 4))) {
            throw new BadValueException("'" + text + "' is not a GB/T 4754-2017 code (a section letter and 2–4 digits, or the digits)");
        }
        Division d = divisions.get(digits.substring(0, 2));
        if (d == null) {
            throw new BadValueException("'" + text + "': division " + digits.substring(0, 2) + " does not exist in GB/T 4754-2017");
        }
        if (letter != null && !letter.equals(d.section())) {
            throw new BadValueException("'" + text + "': division " + d.code() + " belongs to section " + d.section());
        }
        return new Code(d.section() + digits, d.section(), d.code());
    }

    private static IndustryCodes load() {
        Map<String, Division> m = new LinkedHashMap<>();
        try (InputStream in = IndustryCodes.class.getResourceAsStream("/io/clusterbench/reference/gbt4754-2017-divisions.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference table gbt4754-2017-divisions.csv missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] p = line.split(",", 3);
                if (p.length == 3) {
                    m.put(p[0].strip(), new Division(p[0].strip(), p[1].strip(), p[2].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IndustryCodes(m);
    }
}
