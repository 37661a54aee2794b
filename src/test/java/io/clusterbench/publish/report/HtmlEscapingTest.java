package io.clusterbench.publish.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Values from the input embedded as JSON in the report's script can neither end nor bend the script element. */
class HtmlEscapingTest {
    @Test
    void namesThatWouldBreakTheScriptAreEscaped() throws Exception {
        String hostile = "<!--<script>张江</script>\u2028\u2029";
        String json = Html.scriptJson(Map.of("zone", hostile));
        assertFalse(json.contains("<!--"), json);
        assertFalse(json.contains("</"), json);
        assertFalse(json.contains("\u2028") || json.contains("\u2029"), json);
        // and the value a script reads back is the name as given
        assertEquals(Map.of("zone", hostile), new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(json, Map.class));
    }
}
