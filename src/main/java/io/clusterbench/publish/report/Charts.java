package io.clusterbench.publish.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECharts options built as plain maps (they travel to the page as JSON; no function in them), with the house
 * rules every chart keeps: the home zone drawn red and thick, labels never cut (containLabel), legends that
 * wrap instead of paginating, no animation.
 */
final class Charts {
    static final String HOME_COLOUR = "#c81e1e";
    static final String PEER_COLOUR = "#b8c2cc";
    static final List<String> PALETTE = List.of("#1f5fa8", "#2f9e44", "#e67700", "#7048e8", "#0c8599", "#a61e4d", "#5c940d",
            "#862e9c", "#364fc7", "#d9480f");

    private Charts() {
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Room under the plot for a wrapping legend of n entries about `perRow` to a line. */
    static int legendRows(int n, int perRow) {
        return Math.max(1, (n + perRow - 1) / perRow);
    }

    /**
     * A line chart over years with one series per zone. The partial year is drawn as its own dashed, hollow
     * segment (same name, same colour, so the legend shows the zone once).
     */
    static Map<String, Object> yearLines(String title, List<String> yearLabels, int partialIndex, List<Line> lines,
                                         String yAxisName, boolean logAxis) {
        List<Object> series = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        int colour = 0;
        for (Line l : lines) {
            String c = l.home() ? HOME_COLOUR : l.peer() ? PEER_COLOUR : PALETTE.get(colour++ % PALETTE.size());
            legend.add(l.name());
            List<Double> solid = new ArrayList<>(l.values());
            List<Double> dashed = new ArrayList<>();
            for (int i = 0; i < solid.size(); i++) {
                dashed.add(null);
            }
            if (partialIndex >= 0 && partialIndex < solid.size()) {
                dashed.set(partialIndex, solid.get(partialIndex));
                if (partialIndex > 0) {
                    dashed.set(partialIndex - 1, solid.get(partialIndex - 1));
                }
                solid.set(partialIndex, null);
            }
            int width = l.home() ? 4 : l.peer() ? 1 : 2;
            series.add(map("name", l.name(), "type", "line", "data", solid, "connectNulls", false, "z", l.home() ? 10 : 2,
                    "symbolSize", l.home() ? 8 : 5, "itemStyle", map("color", c), "lineStyle", map("width", width, "color", c)));
            if (partialIndex >= 0) {
                series.add(map("name", l.name(), "type", "line", "data", dashed, "connectNulls", false, "symbol", "emptyCircle",
                        "symbolSize", l.home() ? 9 : 6, "z", l.home() ? 10 : 2, "itemStyle", map("color", c),
                        "lineStyle", map("width", width, "type", "dashed", "color", c)));
            }
        }
        int rows = legendRows(legend.size(), 2);
        Map<String, Object> yAxis = map("type", logAxis ? "log" : "value", "name", yAxisName, "nameTextStyle", map("align", "left"),
                "axisLabel", map("hideOverlap", true));
        return map("title", map("text", title, "textStyle", map("fontSize", 13)),
                "tooltip", map("trigger", "axis"),
                "legend", map("type", "plain", "bottom", 0, "left", 0, "right", 0, "data", legend, "textStyle", map("fontSize", 11)),
                "grid", map("left", 8, "right", 16, "top", 48, "bottom", 16 + 22 * rows, "containLabel", true),
                "xAxis", map("type", "category", "data", yearLabels, "axisLabel", map("hideOverlap", true)),
                "yAxis", yAxis, "series", series);
    }

    record Line(String name, List<Double> values, boolean home, boolean peer) {
    }

    /** Horizontal bars, one per category, the home zone's bar red; values with labels at the bar end. */
    static Map<String, Object> bars(String title, List<String> names, List<Double> values, List<Boolean> home, String axisName,
                                    Double max) {
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            data.add(map("value", values.get(i), "itemStyle", map("color", home.get(i) ? HOME_COLOUR : PALETTE.get(0))));
        }
        Map<String, Object> x = map("type", "value", "name", axisName, "nameLocation", "middle", "nameGap", 26);
        if (max != null) {
            x.put("max", max);
        }
        return map("title", map("text", title, "textStyle", map("fontSize", 13)),
                "grid", map("left", 8, "right", 48, "top", 36, "bottom", 36, "containLabel", true),
                "xAxis", x, "yAxis", map("type", "category", "inverse", true, "data", names, "axisLabel", map("interval", 0)),
                "series", List.of(map("type", "bar", "data", data, "label", map("show", true, "position", "right"))));
    }
}
