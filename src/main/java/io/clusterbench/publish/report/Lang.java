package io.clusterbench.publish.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The report's two editions. Each edition's sentences and labels live in one properties file
 * ({@code report_zh.properties}, {@code report_en.properties}, UTF-8) with the same keys, so a sentence
 * added to one and not the other fails a test, not a reader.
 */
public enum Lang {
    ZH("zh-CN", "index.html"), EN("en", "index.en.html");

    private final String htmlLang;
    private final String fileName;
    private final Properties text = new Properties();
    /** Parsed patterns by key: the spreadsheet asks for the same few texts for each of up to a million rows. */
    private final Map<String, MessageFormat> patterns = new ConcurrentHashMap<>();

    Lang(String htmlLang, String fileName) {
        this.htmlLang = htmlLang;
        this.fileName = fileName;
        String resource = "/io/clusterbench/report/report_" + name().toLowerCase(Locale.ROOT) + ".properties";
        try (InputStream in = Lang.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            text.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String htmlLang() {
        return htmlLang;
    }

    public String fileName() {
        return fileName;
    }

    public Properties text() {
        return text;
    }

    /** The edition's text for key, with {0}, {1}… filled in (MessageFormat: a literal quote is written ''). */
    public String t(String key, Object... args) {
        MessageFormat f = patterns.computeIfAbsent(key, k -> {
            String s = text.getProperty(k);
            if (s == null) {
                throw new IllegalStateException("report text '" + k + "' is missing from the " + name() + " edition");
            }
            return new MessageFormat(s, Locale.ROOT);
        });
        synchronized (f) { // a MessageFormat is not safe for concurrent use
            return f.format(args);
        }
    }
}
