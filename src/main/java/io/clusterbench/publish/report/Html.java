package io.clusterbench.publish.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;

/** Escaping for what lands inside a {@code <script>} element; HTML text and attributes are escaped by the template. */
public final class Html {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Html() {
    }

    /**
     * JSON safe to embed in a script element: "</" and "<!--" would end or bend the element, and U+2028/U+2029
     * end a line in older JavaScript parsers.
     */
    public static String scriptJson(Object o) {
        try {
            return JSON.writeValueAsString(o).replace("</", "<\\/").replace("<!--", "\\u003c!--")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
