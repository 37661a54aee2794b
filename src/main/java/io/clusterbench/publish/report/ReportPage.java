package io.clusterbench.publish.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterbench.publish.report.Charts.Line;
import io.clusterbench.publish.report.MetricDictionary.Metric;
import io.clusterbench.publish.report.ReportData.ZoneInfo;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.clusterbench.publish.report.Charts.map;

/**
 * The model of one edition of the page: every sentence and label in the edition's language, every number with
 * its unit, the charts as ECharts options. The template only lays it out.
 */
final class ReportPage {
    private final ReportData d;
    private final Lang lang;
    /** chart id → ECharts option. */
    private final Map<String, Object> charts = new LinkedHashMap<>();
    private final Map<String, Object> maps = new LinkedHashMap<>();

    private ReportPage(ReportData d, Lang lang) {
        this.d = d;
        this.lang = lang;
    }

    static Map<String, Object> model(ReportData d, Lang lang) {
        return new ReportPage(d, lang).build();
    }

    private Map<String, Object> build() {
        Map<String, Object> m = new LinkedHashMap<>();
        String homes = String.join(lang.t("list_sep"), d.homes().stream().map(z -> z.name(lang)).toList());
        m.put("lang", lang.htmlLang());
        Map<String, String> text = new LinkedHashMap<>();
        lang.text().stringPropertyNames().forEach(k -> text.put(k, lang.t(k)));
        m.put("t", text);
        m.put("otherEdition", lang == Lang.ZH ? Lang.EN.fileName() : Lang.ZH.fileName());
        m.put("title", lang.t("title", homes));
        m.put("subtitle", lang.t("subtitle", d.asOf.toString(), String.valueOf(d.latestYear)));
        m.put("partialNote", d.partialYear == null ? "" : lang.t("partial_note", d.yearLabel(d.partialYear, lang)));
        m.put("summary", summary());
        // the zones the first page must name: report-check.sh reads this to test the printed summary
        List<String> named = new ArrayList<>(d.homes().stream().map(z -> z.name(lang)).toList());
        named.addAll(d.benchmarks().stream().map(z -> z.name(lang)).toList());
        m.put("summaryZones", String.join("|", named));
        m.put("map", zoneMap());
        m.put("pairs", pairs());
        m.put("trends", trends());
        m.put("ranking", ranking());
        m.put("newFigures", newFigures());
        m.put("industries", industries());
        m.put("opportunities", opportunities());
        m.put("strong", strong());
        m.put("transfer", transfer());
        m.put("cultivation", cultivation());
        m.put("published", published());
        m.put("changes", changes());
        m.put("quality", quality());
        m.put("dictionary", dictionary());
        m.put("chartData", Html.scriptJson(map("charts", charts, "maps", maps)));
        return m;
    }

    // ---- summary -------------------------------------------------------------------------------------------

    private Map<String, Object> summary() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> columns = summaryMetrics();
        List<Map<String, Object>> gapsAll = new ArrayList<>();
        for (ZoneInfo h : d.homes()) {
            for (ZoneInfo b : d.benchmarks()) {
                List<Map<String, Object>> cells = new ArrayList<>();
                int closing = 0;
                int known = 0;
                for (String metric : columns) {
                    Trend tr = trend(h.id(), b.id(), metric);
                    cells.add(map("text", tr.ratioText, "trend", tr.word, "cls", tr.cls, "years", tr.yearsText));
                }
                for (String metric : d.headlineMetrics) {
                    Trend tr = trend(h.id(), b.id(), metric);
                    if (tr.cls.equals("closing") || tr.cls.equals("widening")) {
                        known++;
                        closing += tr.cls.equals("closing") ? 1 : 0;
                    }
                    Double ratio = ratio(h.id(), b.id(), metric, d.latestYear);
                    Object bv = d.value(b.id(), d.latestYear, metric);
                    if (ratio != null && ratio < 1 && bv != null && ((Number) bv).doubleValue() > 0) {
                        Metric mm = MetricDictionary.get(metric);
                        gapsAll.add(map("ratio", ratio, "metric", metric, "text", lang.t("gap_line", mm.name(lang), h.name(lang),
                                mm.withUnit(d.value(h.id(), d.latestYear, metric), lang), b.name(lang), mm.withUnit(bv, lang),
                                Numbers.ratioPercent(ratio)) + tr.sentenceTail(lang)));
                    }
                }
                // with several home zones each row says which one it compares
                String rowName = d.homes().size() > 1 ? lang.t("pair_short", h.name(lang), b.name(lang)) : b.name(lang);
                rows.add(map("benchmark", rowName, "home", h.name(lang), "cells", cells,
                        "sentence", lang.t("summary_closing", closing, known)));
            }
        }
        gapsAll.sort(Comparator.comparingDouble(g -> (Double) g.get("ratio")));
        // three different metrics: the same metric against a second benchmark tells the reader nothing new
        List<Map<String, Object>> largest = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        for (Map<String, Object> g : gapsAll) {
            if (largest.size() < 3 && !seen.contains(g.get("metric"))) {
                seen.add(g.get("metric"));
                largest.add(g);
            }
        }
        List<Map<String, Object>> firms = new ArrayList<>();
        for (CultivationList.Firm f : d.cultivation.nearest(5)) {
            List<String> missing = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String c : Criteria.HTE) {
                if ("fail".equals(f.status().get(c))) {
                    // the registration cell names itself ("成立不满一年，差 84 天")
                    missing.add(c.equals("registered_1y") ? Criteria.cell(c, f, lang) : Criteria.name(c, lang) + " " + Criteria.cell(c, f, lang));
                } else if (!"pass".equals(f.status().get(c))) {
                    unknown.add(Criteria.name(c, lang));
                }
            }
            if (!unknown.isEmpty()) {
                missing.add(lang.t("summary_unknown", String.join(lang.t("enum_sep"), unknown)));
            }
            firms.add(map("name", f.name(), "where", lang.t("where", d.zoneName(f.zone(), lang)),
                    "what", missing.isEmpty() ? lang.t("summary_all_met") : String.join(lang.t("list_sep"), missing)));
        }
        List<Map<String, Object>> industries = new ArrayList<>();
        for (ZoneInfo h : d.homes()) {
            for (Row r : d.opportunities.getOrDefault(h.id(), List.of())) {
                if (industries.size() < 3) {
                    String div = r.getAs("industry_division");
                    industries.add(map("name", d.divisionName(div, lang), "where", lang.t("where", h.name(lang)),
                            "why", lang.t("summary_industry_why", Numbers.plain(((Number) r.getAs("relatedness_density")).doubleValue()),
                                    r.getAs("benchmark_lq_max") == null ? "—" : Numbers.plain(((Number) r.getAs("benchmark_lq_max")).doubleValue()))));
                }
            }
        }
        List<String> headers = columns.stream().map(c -> MetricDictionary.get(c).name(lang)).toList();
        return map("headers", headers, "rows", rows, "largest", largest,
                "firms", firms, "hasFirms", !firms.isEmpty(), "industries", industries, "hasIndustries", !industries.isEmpty(),
                "quality", qualityVerdict(), "year", String.valueOf(d.latestYear));
    }

    /** The summary's columns: the score's density and innovation metrics first, as far as they are headline metrics. */
    private List<String> summaryMetrics() {
        List<String> preferred = List.of("firm_density_per_km2", "hte_density_per_km2", "tech_sme_count", "invention_stock_per_100_firms",
                "listed_count", "funding_amount_cny_10k");
        List<String> out = new ArrayList<>(preferred.stream().filter(d.headlineMetrics::contains).toList());
        for (String h : d.headlineMetrics) {
            if (out.size() >= 6) {
                break;
            }
            if (!out.contains(h)) {
                out.add(h);
            }
        }
        return out.subList(0, Math.min(6, out.size()));
    }

    private Double ratio(String home, String bench, String metric, int year) {
        return d.gap(home, bench, metric, year).map(g -> (Double) g.getAs("ratio")).orElse(null);
    }

    /** Where a pair stands on one metric: the ratio, and whether the gap closed or widened since the year before. */
    private final class Trend {
        String ratioText = "—";
        String word = "";
        String cls = "none";
        String yearsText = "";
        Double years;
        boolean growthKnown;

        String sentenceTail(Lang l) {
            return switch (cls) {
                case "closing" -> years == null ? l.t("tail_closing") : l.t("tail_closing_years", Numbers.plain(Math.ceil(years)));
                case "widening" -> l.t("tail_widening");
                default -> "";
            };
        }
    }

    private Trend trend(String home, String bench, String metric) {
        Trend t = new Trend();
        Double now = ratio(home, bench, metric, d.latestYear);
        Double before = ratio(home, bench, metric, d.latestYear - 1);
        if (now == null) {
            return t;
        }
        t.ratioText = Numbers.ratioPercent(now);
        if (now >= 1) {
            t.cls = "ahead";
            t.word = lang.t("trend_ahead");
        } else if (before != null && now > before * (1 + 1e-9)) {
            t.cls = "closing";
            t.word = lang.t("trend_closing");
        } else if (before != null && now < before * (1 - 1e-9)) {
            t.cls = "widening";
            t.word = lang.t("trend_widening");
        } else if (before != null) {
            t.cls = "flat";
            t.word = lang.t("trend_flat");
        }
        Row g = d.gap(home, bench, metric, d.latestYear).orElse(null);
        t.years = g == null ? null : g.getAs("years_to_close");
        if (t.years != null && now < 1) {
            t.yearsText = lang.t("years_to_close", Numbers.plain(Math.ceil(t.years)));
        }
        // "not closing" only where both growth rates are known; else the years cannot be told
        t.growthKnown = g != null && g.getAs("home_cagr") != null && g.getAs("benchmark_cagr") != null;
        return t;
    }

    private String qualityVerdict() {
        long read = 0;
        long rejected = 0;
        JsonNode sources = d.summary.get("sources");
        for (JsonNode s : (Iterable<JsonNode>) sources::elements) {
            read += s.get("read").asLong();
            rejected += s.get("rejected").asLong();
        }
        double rejShare = rejected / (double) Math.max(read, 1);
        JsonNode pl = d.summary.get("placement");
        long all = 0;
        for (JsonNode v : (Iterable<JsonNode>) pl::elements) {
            all += v.asLong();
        }
        long unplaced = pl.path("unplaced").asLong() + pl.path("unknown_zone").asLong();
        double unplacedShare = unplaced / (double) Math.max(all, 1);
        // of the firms placed in a zone, those placed by a text rule only (address, authority or division code)
        double text = (pl.path("address").asLong() + pl.path("authority").asLong() + pl.path("division").asLong())
                / (double) Math.max(all - unplaced, 1);
        JsonNode ap = d.summary.path("matching").path("patent_applicants");
        long apAll = 0;
        for (JsonNode v : (Iterable<JsonNode>) ap::elements) {
            apAll += v.asLong();
        }
        double matched = (ap.path("by_code").asLong() + ap.path("by_name").asLong() + ap.path("by_former_name").asLong()) / (double) Math.max(apAll, 1);
        // the verdict's thresholds are documented in outputs.md ("The gap report")
        String verdict = rejShare <= 0.02 && text <= 0.5 ? lang.t("verdict_good") : rejShare <= 0.10 ? lang.t("verdict_caution") : lang.t("verdict_poor");
        return lang.t("quality_line", verdict, String.format(Locale.ROOT, "%,d", read), Numbers.percent(rejShare), Numbers.percent(text),
                apAll == 0 ? "—" : Numbers.percent(matched), Numbers.percent(unplacedShare));
    }

    // ---- map -----------------------------------------------------------------------------------------------

    private Map<String, Object> zoneMap() {
        // One small map per zone family: the zones lie hundreds of kilometres apart, a single map would show dots.
        List<Map<String, Object>> panels = new ArrayList<>();
        List<String> without = new ArrayList<>();
        double maxDensity = 0;
        for (ZoneInfo z : d.zones.values()) {
            Object v = d.value(z.id(), d.latestYear, "firm_density_per_km2");
            if (v != null && d.boundaries.containsKey(z.id())) {
                maxDensity = Math.max(maxDensity, ((Number) v).doubleValue());
            }
            if (!d.boundaries.containsKey(z.id())) {
                without.add(z.name(lang));
            }
        }
        Metric density = MetricDictionary.get("firm_density_per_km2");
        List<ZoneInfo> roots = new ArrayList<>(d.zones.values().stream().filter(z -> z.parentId() == null).toList());
        // the home zone's map first
        roots.sort(Comparator.comparing((ZoneInfo z) -> !d.zones.values().stream().anyMatch(h -> h.isHome()
                && (h.id().equals(z.id()) || h.ancestors().contains(z.id())))));
        for (ZoneInfo root : roots) {
            List<ZoneInfo> family = d.zones.values().stream().filter(z -> z.id().equals(root.id()) || z.ancestors().contains(root.id()))
                    .filter(z -> d.boundaries.containsKey(z.id())).sorted(Comparator.comparingInt(ZoneInfo::depth)).toList();
            if (family.isEmpty()) {
                continue;
            }
            List<Object> features = new ArrayList<>();
            List<Object> data = new ArrayList<>();
            for (ZoneInfo z : family) {
                features.add(map("type", "Feature", "properties", map("name", z.name(lang)), "geometry", d.boundaries.get(z.id())));
                Object v = d.value(z.id(), d.latestYear, "firm_density_per_km2");
                // a zone with a smaller zone drawn inside it gets its label near its top edge, clear of the child's;
                // the home zone is outlined red as in every chart
                boolean hasInner = family.stream().anyMatch(c -> z.id().equals(c.parentId()));
                Map<String, Object> item = map("name", z.name(lang), "value", v == null ? null : ((Number) v).doubleValue(),
                        "label", map("formatter", z.name(lang) + "\n" + density.withUnit(v, lang), "offset", List.of(0, hasInner ? -70 : 0)));
                if (z.isHome()) {
                    item.put("itemStyle", map("borderColor", Charts.HOME_COLOUR, "borderWidth", 3));
                }
                data.add(item);
            }
            String id = "map-" + root.id();
            maps.put(id, map("type", "FeatureCollection", "features", features));
            charts.put(id, map(
                    "title", map("text", root.name(lang), "textStyle", map("fontSize", 13)),
                    "tooltip", map("trigger", "item"),
                    "visualMap", map("min", 0, "max", maxDensity <= 0 ? 1 : maxDensity, "calculable", false, "orient", "horizontal",
                            "left", "center", "bottom", 0, "text", List.of(lang.t("map_high"), lang.t("map_low")),
                            "inRange", map("color", List.of("#e3f2fd", "#1565c0"))),
                    "series", List.of(map("type", "map", "map", id, "roam", false, "top", 40, "bottom", 40, "data", data,
                            "label", map("show", true, "fontSize", 11, "color", "#111"),
                            "itemStyle", map("borderColor", "#333", "borderWidth", 1), "emphasis", map("disabled", true)))));
            panels.add(map("id", id, "zones", family.size()));
        }
        return map("panels", panels, "without", String.join(lang.t("list_sep"), without), "hasWithout", !without.isEmpty(),
                "legend", lang.t("map_note", density.label(lang), String.valueOf(d.latestYear)));
    }

    // ---- benchmark pairs -----------------------------------------------------------------------------------

    private List<Map<String, Object>> pairs() {
        List<Map<String, Object>> out = new ArrayList<>();
        int i = 0;
        for (ZoneInfo h : d.homes()) {
            for (ZoneInfo b : d.benchmarks()) {
                String id = "pair" + i++;
                List<Map<String, Object>> rows = new ArrayList<>();
                for (String metric : d.headlineMetrics) {
                    Metric mm = MetricDictionary.get(metric);
                    Row g = d.gap(h.id(), b.id(), metric, d.latestYear).orElse(null);
                    Trend tr = trend(h.id(), b.id(), metric);
                    rows.add(map("metric", mm.label(lang),
                            "home", Numbers.format(g == null ? null : g.getAs("home_value"), mm.kind(), lang),
                            "benchmark", Numbers.format(g == null ? null : g.getAs("benchmark_value"), mm.kind(), lang),
                            "ratio", tr.ratioText, "trend", tr.word, "cls", tr.cls,
                            "homeCagr", g == null ? "—" : pct(g.getAs("home_cagr")),
                            "benchmarkCagr", g == null ? "—" : pct(g.getAs("benchmark_cagr")),
                            "years", !tr.yearsText.isEmpty() ? tr.yearsText : tr.cls.equals("ahead") ? lang.t("trend_ahead")
                                    : tr.growthKnown ? lang.t("not_closing") : "—"));
                }
                ratioChart(id + "-ratio", h, b);
                List<String> sentences = decompositionChart(id + "-decomp", h, b);
                out.add(map("id", id, "home", h.name(lang), "benchmark", b.name(lang), "rows", rows, "sentences", sentences,
                        "heading", lang.t("pair_heading", h.name(lang), b.name(lang))));
            }
        }
        return out;
    }

    private static String pct(Object v) {
        return v == null ? "—" : Numbers.percent(((Number) v).doubleValue());
    }

    /** Home ÷ benchmark over the complete years, one line per headline metric, on a log axis (1 = parity). */
    private void ratioChart(String id, ZoneInfo h, ZoneInfo b) {
        List<Integer> years = d.years.stream().filter(y -> y <= d.latestYear).toList();
        List<Line> lines = new ArrayList<>();
        for (String metric : summaryMetrics()) {
            List<Double> values = new ArrayList<>();
            for (int y : years) {
                Double r = ratio(h.id(), b.id(), metric, y);
                values.add(r == null || r <= 0 ? null : r);
            }
            lines.add(new Line(MetricDictionary.get(metric).name(lang), values, false, false));
        }
        Map<String, Object> option = Charts.yearLines(lang.t("ratio_chart_title", h.name(lang), b.name(lang)),
                years.stream().map(String::valueOf).toList(), -1, lines, lang.t("ratio_axis"), true);
        charts.put(id, option);
    }

    /** The three densities, each one stacked bar of its parts' log10 factors, and one sentence each. */
    private List<String> decompositionChart(String id, ZoneInfo h, ZoneInfo b) {
        List<Row> parts = d.decomposition.getOrDefault(h.id() + "|" + b.id(), List.of());
        List<String> metrics = new ArrayList<>();
        List<String> components = new ArrayList<>();
        for (Row r : parts) {
            if (!metrics.contains((String) r.getAs("metric"))) {
                metrics.add(r.getAs("metric"));
            }
            if (!components.contains((String) r.getAs("component"))) {
                components.add(r.getAs("component"));
            }
        }
        List<Object> series = new ArrayList<>();
        int c = 0;
        for (String comp : components) {
            List<Double> values = new ArrayList<>();
            for (String m : metrics) {
                values.add(parts.stream().filter(r -> m.equals(r.getAs("metric")) && comp.equals(r.getAs("component")))
                        .map(r -> (Double) r.getAs("log_contribution")).filter(v -> v != null).map(v -> v / Math.log(10)).findFirst().orElse(null));
            }
            series.add(map("name", lang.t("component_" + comp), "type", "bar", "stack", "total", "data", values,
                    "itemStyle", map("color", Charts.PALETTE.get(c++ % Charts.PALETTE.size()))));
        }
        List<String> names = metrics.stream().map(m -> MetricDictionary.get(m).name(lang)).toList();
        charts.put(id, map("title", map("text", lang.t("decomp_chart_title"), "textStyle", map("fontSize", 13)),
                "tooltip", map("trigger", "axis"),
                "legend", map("type", "plain", "bottom", 0, "textStyle", map("fontSize", 11)),
                "grid", map("left", 8, "right", 24, "top", 40, "bottom", 64, "containLabel", true),
                "xAxis", map("type", "value", "name", lang.t("decomp_axis"), "nameLocation", "middle", "nameGap", 24),
                "yAxis", map("type", "category", "data", names, "axisLabel", map("interval", 0)), "series", series));
        List<String> sentences = new ArrayList<>();
        for (String m : metrics) {
            List<String> factors = new ArrayList<>();
            double total = 0;
            boolean complete = true;
            for (Row r : parts) {
                if (!m.equals(r.getAs("metric"))) {
                    continue;
                }
                Double lc = r.getAs("log_contribution");
                if (lc == null) {
                    complete = false;
                    continue;
                }
                total += lc;
                factors.add(lang.t("factor", lang.t("component_" + r.getAs("component")), factor(Math.exp(lc))));
            }
            Metric mm = MetricDictionary.get(m);
            sentences.add(complete && !factors.isEmpty()
                    ? lang.t("decomp_sentence", h.name(lang), mm.name(lang), b.name(lang), Numbers.ratioPercent(Math.exp(total)),
                    String.join(lang.t("list_sep"), factors))
                    : lang.t("decomp_none", mm.name(lang)));
        }
        return sentences;
    }

    /** A multiplicative factor: ×0.052, ×1.3, ×12. */
    private static String factor(double f) {
        return "×" + (f >= 10 ? String.format(Locale.ROOT, "%,.0f", f) : String.format(Locale.ROOT, "%.2g", f));
    }

    // ---- trends --------------------------------------------------------------------------------------------

    private List<Map<String, Object>> trends() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> yearLabels = d.years.stream().map(y -> d.yearLabel(y, lang)).toList();
        int partialIndex = d.partialYear == null ? -1 : d.years.indexOf(d.partialYear);
        // home first, then benchmarks, then peers (grey): the order of the legend
        List<ZoneInfo> order = new ArrayList<>(d.homes());
        order.addAll(d.benchmarks());
        order.addAll(d.zones.values().stream().filter(z -> !z.isHome() && !z.isBenchmark()).toList());
        for (String metric : d.headlineMetrics) {
            Metric mm = MetricDictionary.get(metric);
            List<Line> lines = new ArrayList<>();
            for (ZoneInfo z : order) {
                List<Double> values = new ArrayList<>();
                for (int y : d.years) {
                    Object v = d.value(z.id(), y, metric);
                    values.add(v == null ? null : ((Number) v).doubleValue());
                }
                lines.add(new Line(z.name(lang), values, z.isHome(), !z.isHome() && !z.isBenchmark()));
            }
            String id = "trend-" + metric;
            charts.put(id, Charts.yearLines(mm.name(lang), yearLabels, partialIndex, lines, mm.unit(lang), false));
            out.add(map("id", id, "label", mm.label(lang)));
        }
        return out;
    }

    // ---- score ---------------------------------------------------------------------------------------------

    private Map<String, Object> ranking() {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Boolean> home = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row s : d.scores) {
            ZoneInfo z = d.zones.get((String) s.getAs("zone_id"));
            String name = z == null ? s.getAs("zone_id") : z.name(lang);
            Double score = s.getAs("score");
            names.add(name);
            values.add(score == null ? null : Math.round(score * 10) / 10.0);
            home.add(z != null && z.isHome());
            rows.add(map("zone", name, "rank", s.getAs("rank"), "score", score == null ? "—" : Numbers.plain(Math.round(score * 10) / 10.0),
                    "home", z != null && z.isHome()));
        }
        charts.put("ranking", Charts.bars(lang.t("score_chart_title", String.valueOf(d.latestYear)), names, values, home,
                MetricDictionary.get("score").label(lang), 100.0));
        return map("rows", rows, "scoreLabel", MetricDictionary.get("score").label(lang));
    }

    // ---- the metrics issue's figures -----------------------------------------------------------------------

    private Map<String, Object> newFigures() {
        List<String> metrics = List.of("private_share", "firms_new_private", "ownership_known_share", "patents_academic_coapplied",
                "employees", "invention_stock_per_10k_employees", "rd_intensity", "hightech_revenue_share", "revenue_per_employee_cny_10k",
                "financials_firms");
        List<ZoneInfo> zones = new ArrayList<>(d.homes());
        zones.addAll(d.benchmarks());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String metric : metrics) {
            Metric mm = MetricDictionary.get(metric);
            List<String> cells = new ArrayList<>();
            for (ZoneInfo z : zones) {
                cells.add(Numbers.format(d.value(z.id(), d.latestYear, metric), mm.kind(), lang));
            }
            rows.add(map("label", mm.label(lang), "cells", cells));
        }
        return map("zones", zones.stream().map(z -> map("name", z.name(lang), "home", z.isHome())).toList(), "rows", rows,
                "year", String.valueOf(d.latestYear));
    }

    // ---- industries ----------------------------------------------------------------------------------------

    private List<Map<String, Object>> industries() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ZoneInfo z : d.zones.values()) {
            List<Row> rows = d.specialisations.getOrDefault(z.id(), List.of());
            if (rows.isEmpty() || (!z.isHome() && !z.isBenchmark())) {
                continue;
            }
            List<Map<String, Object>> divs = new ArrayList<>();
            for (Row r : rows) {
                String div = r.getAs("industry_division");
                divs.add(map("name", d.divisionName(div, lang), "firms", Numbers.format(r.getAs("firms_active"), MetricDictionary.Kind.COUNT, lang),
                        "share", pct(r.getAs("share_in_zone")), "lq", Numbers.plain(((Number) r.getAs("lq")).doubleValue())));
            }
            out.add(map("zone", z.name(lang), "divisions", divs));
        }
        return out;
    }

    private List<Map<String, Object>> opportunities() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ZoneInfo h : d.homes()) {
            List<Map<String, Object>> divs = new ArrayList<>();
            int rank = 1;
            for (Row r : d.opportunities.getOrDefault(h.id(), List.of())) {
                String div = r.getAs("industry_division");
                Object firms = d.value(h.id(), d.latestYear, "firms_active");
                divs.add(map("rank", rank++, "name", d.divisionName(div, lang),
                        "density", Numbers.plain(((Number) r.getAs("relatedness_density")).doubleValue()),
                        "lq", r.getAs("lq") == null ? "—" : Numbers.plain(((Number) r.getAs("lq")).doubleValue()),
                        "benchmarkLq", r.getAs("benchmark_lq_max") == null ? "—" : Numbers.plain(((Number) r.getAs("benchmark_lq_max")).doubleValue()),
                        "specialised", r.getAs("benchmarks_specialised") == null ? "—" : String.valueOf(r.<Object>getAs("benchmarks_specialised"))));
            }
            out.add(map("zone", h.name(lang), "divisions", divs, "has", !divs.isEmpty()));
        }
        return out;
    }

    private List<Map<String, Object>> strong() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : d.strongClusters) {
            ZoneInfo z = d.zones.get((String) r.getAs("zone_id"));
            if (z == null || (!z.isHome() && !z.isBenchmark())) {
                continue;
            }
            String div = r.getAs("industry_division");
            out.add(map("zone", z.name(lang), "name", d.divisionName(div, lang), "lq", Numbers.plain(((Number) r.getAs("lq")).doubleValue()),
                    "firms", Numbers.format(r.getAs("firms_active"), MetricDictionary.Kind.COUNT, lang)));
        }
        return out;
    }

    // ---- technology transfer -------------------------------------------------------------------------------

    private List<Map<String, Object>> transfer() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<ZoneInfo> zones = new ArrayList<>(d.homes());
        zones.addAll(d.benchmarks());
        for (ZoneInfo z : zones) {
            Map<String, Long> byKind = new LinkedHashMap<>();
            List<Map<String, Object>> inst = new ArrayList<>();
            for (Row r : d.transfer) {
                if (!z.id().equals(r.getAs("zone_id"))) {
                    continue;
                }
                String kind = r.getAs("source_kind");
                long in = r.<Long>getAs("inventions_transferred_in");
                byKind.merge(kind, in, Long::sum);
                if ("academic".equals(kind) && inst.size() < 10) {
                    Object co = r.getAs("patents_coapplied");
                    inst.add(map("name", r.getAs("source_name"), "transferred", String.format(Locale.ROOT, "%,d", in),
                            "coapplied", co == null ? "—" : String.format(Locale.ROOT, "%,d", ((Number) co).longValue())));
                }
            }
            Object co = d.value(z.id(), d.latestYear, "patents_academic_coapplied");
            out.add(map("zone", z.name(lang), "sentence", lang.t("transfer_sentence", count(byKind.get("academic")),
                    count(byKind.get("firm_other_zone")), count(byKind.get("firm_unplaced")), count(byKind.get("other")),
                    String.valueOf(d.latestYear), co == null ? "—" : count(((Number) co).longValue())),
                    "institutions", inst, "has", !inst.isEmpty()));
        }
        return out;
    }

    private static String count(Long v) {
        return String.format(Locale.ROOT, "%,d", v == null ? 0L : v);
    }

    // ---- cultivation ---------------------------------------------------------------------------------------

    private List<Map<String, Object>> cultivation() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> crit = Criteria.HTE.stream().map(c -> Criteria.name(c, lang)).toList();
        for (Map.Entry<String, Map<String, List<CultivationList.Firm>>> fam : d.cultivation.shown().entrySet()) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (String g : CultivationList.GROUPS) {
                List<Map<String, Object>> firms = new ArrayList<>();
                for (CultivationList.Firm f : fam.getValue().getOrDefault(g, List.of())) {
                    List<Map<String, Object>> cells = new ArrayList<>();
                    for (String c : Criteria.HTE) {
                        String st = f.status().get(c);
                        cells.add(map("text", Criteria.cell(c, f, lang), "cls", st == null ? "unknown" : st));
                    }
                    String sme = f.smeScore() == null ? lang.t("status_unknown")
                            : "pass".equals(f.smeStatus()) ? lang.t("sme_points", f.smeScore())
                            // 60 points or more and still failing: the S&T staff score is 0
                            : f.smeScore() >= 60 ? lang.t("sme_points_no_staff", f.smeScore())
                            : lang.t("sme_points_short", f.smeScore(), 60 - f.smeScore());
                    firms.add(map("name", f.name(), "where", lang.t("where", d.zoneName(f.zone(), lang)),
                            "division", f.division() == null ? "—" : d.divisionName(f.division(), lang), "cells", cells, "sme", sme,
                            "smeCls", f.smeStatus() == null ? "unknown" : f.smeStatus(),
                            "note", f.expiring() ? lang.t("cult_renewal") : f.techSme() ? lang.t("cult_tech_sme") : ""));
                }
                long n = d.cultivation.count(fam.getKey(), g);
                groups.add(map("title", lang.t("cult_group_title_" + g, count(n), String.valueOf(Math.min(n, CultivationList.SHOWN_PER_GROUP))),
                        "firms", firms, "has", !firms.isEmpty()));
            }
            out.add(map("zone", d.zoneName(fam.getKey(), lang), "groups", groups, "criteria", crit));
        }
        return out;
    }

    // ---- published figures ---------------------------------------------------------------------------------

    private List<Map<String, Object>> published() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : d.published) {
            Metric mm = MetricDictionary.get(r.getAs("metric"));
            Object value = r.getAs("value");
            Object computed = r.getAs("computed_value");
            String coverage = "—";
            String note = "";
            if (value != null && computed != null && ((Number) value).doubleValue() > 0 && mm.kind() != MetricDictionary.Kind.RANK) {
                double cov = ((Number) computed).doubleValue() / ((Number) value).doubleValue();
                coverage = Numbers.percent(cov);
                if (cov < 0.5 || cov > 2) {
                    note = cov < 0.5 ? lang.t("published_low") : lang.t("published_high");
                }
            }
            String q = r.getAs("qualifier");
            out.add(map("zone", d.zoneName(r.getAs("zone_id"), lang), "metric", mm.label(lang), "year", r.getAs("year"),
                    "value", (q == null ? "" : q + " ") + Numbers.format(value, mm.kind(), lang),
                    "computed", computed == null ? "—" : Numbers.format(computed, mm.kind(), lang), "coverage", coverage,
                    "note", note, "source", r.getAs("source") == null ? "" : r.getAs("source")));
        }
        return out;
    }

    // ---- since the last snapshot ---------------------------------------------------------------------------

    private Map<String, Object> changes() {
        if (d.changes.isEmpty()) {
            return map("has", false);
        }
        var c = d.changes.get();
        List<Map<String, Object>> headline = new ArrayList<>();
        for (var h : c.headline()) {
            Metric mm = MetricDictionary.get(h.metric());
            boolean changed = h.yearBefore() != h.yearAfter() || !same(h.before(), h.after());
            if (!changed) {
                continue;
            }
            headline.add(map("zone", d.zoneName(h.zoneId(), lang), "metric", mm.label(lang),
                    "before", Numbers.format(h.before(), mm.kind(), lang) + " (" + h.yearBefore() + ")",
                    "after", Numbers.format(h.after(), mm.kind(), lang) + " (" + h.yearAfter() + ")"));
        }
        // the headline metrics' revisions in the page; every other column's behind a fold (the compare command lists all)
        List<Map<String, Object>> revised = new ArrayList<>();
        List<Map<String, Object>> other = new ArrayList<>();
        for (var r : c.revisions()) {
            Metric mm = MetricDictionary.get(r.metric());
            List<String> why = new ArrayList<>();
            r.reasons().forEach((code, n) -> why.add(lang.t("reason_" + code, n)));
            (d.headlineMetrics.contains(r.metric()) ? revised : other).add(map("zone", d.zoneName(r.zoneId(), lang),
                    "metric", mm.label(lang), "year", r.year(),
                    "before", Numbers.format(r.before(), mm.kind(), lang), "after", Numbers.format(r.after(), mm.kind(), lang),
                    "why", why.isEmpty() ? "—" : String.join(lang.t("list_sep"), why)));
        }
        return map("has", true, "intro", lang.t("changes_intro", c.asOfBefore().toString(), c.asOfAfter().toString()),
                "headline", headline, "hasHeadline", !headline.isEmpty(), "revised", revised, "hasRevised", !revised.isEmpty(),
                "other", other, "hasOther", !other.isEmpty(), "otherTitle", lang.t("changes_other", other.size()));
    }

    private static boolean same(Double a, Double b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    // ---- data quality --------------------------------------------------------------------------------------

    private Map<String, Object> quality() {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (var it = d.summary.get("sources").fields(); it.hasNext(); ) {
            var src = it.next();
            JsonNode n = src.getValue();
            List<String> reasons = new ArrayList<>();
            n.path("rejected_by_reason").fields().forEachRemaining(r -> {
                if (r.getValue().asLong() > 0) {
                    reasons.add(r.getKey() + " " + String.format(Locale.ROOT, "%,d", r.getValue().asLong()));
                }
            });
            sources.add(map("source", sourceName(src.getKey()), "read", count(n.get("read").asLong()), "accepted", count(n.get("accepted").asLong()),
                    "rejected", count(n.get("rejected").asLong()), "afterAsOf", count(n.get("after_as_of").asLong()),
                    "reasons", String.join(lang.t("list_sep"), reasons)));
        }
        List<Map<String, Object>> matching = new ArrayList<>();
        d.summary.path("matching").fields().forEachRemaining(k -> {
            long total = 0;
            for (JsonNode v : (Iterable<JsonNode>) k.getValue()::elements) {
                total += v.asLong();
            }
            long t = Math.max(total, 1);
            JsonNode v = k.getValue();
            matching.add(map("kind", lang.t("matching_" + k.getKey()), "byCode", Numbers.percent(v.path("by_code").asLong() / (double) t),
                    "byName", Numbers.percent((v.path("by_name").asLong() + v.path("by_former_name").asLong()) / (double) t),
                    "ambiguous", Numbers.percent(v.path("ambiguous").asLong() / (double) t),
                    "unmatched", Numbers.percent(v.path("unmatched").asLong() / (double) t)));
        });
        List<Map<String, Object>> coverage = new ArrayList<>();
        for (ZoneInfo z : d.zones.values()) {
            Object v = d.value(z.id(), d.latestYear, "placement_coverage");
            coverage.add(map("zone", z.name(lang), "coverage", pct(v)));
        }
        return map("sources", sources, "matching", matching, "coverage", coverage, "verdict", qualityVerdict());
    }

    private String sourceName(String source) {
        String key = "source_" + source;
        return lang.text().containsKey(key) ? lang.t(key) : source;
    }

    // ---- appendix ------------------------------------------------------------------------------------------

    private List<Map<String, Object>> dictionary() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Metric m : MetricDictionary.all()) {
            out.add(map("id", m.id(), "name", m.name(lang), "unit", m.unit(lang).isEmpty() ? "—" : m.unit(lang),
                    "other", lang == Lang.ZH ? m.en() : m.zh(), "note", lang == Lang.EN ? m.noteEn() : ""));
        }
        return out;
    }
}
