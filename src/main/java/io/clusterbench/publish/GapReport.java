package io.clusterbench.publish;

import io.clusterbench.zone.ZoneRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.clusterbench.config.JobConfig;
import io.clusterbench.value.IndustryCodes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/**
 * The gap report: one self-contained HTML page per snapshot, built from the published tables with a Mustache
 * template and ECharts (inlined from its WebJar), so it opens offline. Only zone-level figures and counts go
 * in: never a firm's personal data.
 */
public final class GapReport {
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The published (or staged) tables the report reads, by table name. */
    public interface Tables extends Function<String, Dataset<Row>> {
    }

    private GapReport() {
    }

    public static String render(Tables t, JobConfig config, LocalDate asOf, String summaryJson) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<Row> zoneRows = t.apply("zones").orderBy("zone_id").collectAsList();
        Map<String, String> label = new LinkedHashMap<>();
        Map<String, String> role = new LinkedHashMap<>();
        for (Row z : zoneRows) {
            String en = z.getAs("name_en");
            label.put(z.getAs("zone_id"), z.getAs("name_zh") + (en == null ? "" : " (" + en + ")"));
            role.put(z.getAs("zone_id"), z.getAs("role"));
        }
        List<String> compared = label.keySet().stream().filter(z -> !ZoneRole.PEER.equals(role.get(z))).toList();
        int latestComplete = config.latestCompleteYear();
        model.put("asOf", asOf.toString());
        model.put("latestYear", latestComplete);
        model.put("generatedFor", compared.stream().filter(z -> ZoneRole.HOME.equals(role.get(z))).map(label::get).toList());

        // Pairs: headline metrics side by side in the latest complete year.
        Dataset<Row> gaps = t.apply("benchmark_gaps");
        List<Map<String, Object>> pairs = new ArrayList<>();
        Map<String, Object> chartData = new LinkedHashMap<>();
        List<Map<String, Object>> pairCharts = new ArrayList<>();
        List<Row> gapRows = gaps.filter(col("year").equalTo(latestComplete))
                .orderBy("home_zone_id", "benchmark_zone_id", "metric").collectAsList();
        Map<String, List<Row>> byPair = new LinkedHashMap<>();
        for (Row g : gapRows) {
            byPair.computeIfAbsent(g.getAs("home_zone_id") + "|" + g.getAs("benchmark_zone_id"), k -> new ArrayList<>()).add(g);
        }
        Map<String, List<Row>> decomposition = new LinkedHashMap<>();
        for (Row d : t.apply("gap_decomposition").filter(col("year").equalTo(latestComplete)).orderBy("metric", "component").collectAsList()) {
            decomposition.computeIfAbsent(d.getAs("home_zone_id") + "|" + d.getAs("benchmark_zone_id"), k -> new ArrayList<>()).add(d);
        }
        int i = 0;
        for (Map.Entry<String, List<Row>> e : byPair.entrySet()) {
            String[] hb = e.getKey().split("\\|");
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", "pair" + i++);
            p.put("home", label.get(hb[0]));
            p.put("benchmark", label.get(hb[1]));
            List<Map<String, Object>> metrics = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Object> ratios = new ArrayList<>();
            for (Row g : e.getValue()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("metric", g.getAs("metric"));
                m.put("home", fmt(g.getAs("home_value")));
                m.put("benchmark", fmt(g.getAs("benchmark_value")));
                m.put("ratio", fmt(g.getAs("ratio")));
                m.put("gap", fmt(g.getAs("gap")));
                m.put("homeCagr", pct(g.getAs("home_cagr")));
                m.put("benchmarkCagr", pct(g.getAs("benchmark_cagr")));
                Double y = g.getAs("years_to_close");
                m.put("yearsToClose", y == null ? "not closing" : fmt(y));
                metrics.add(m);
                names.add(g.getAs("metric"));
                ratios.add(g.getAs("ratio"));
            }
            p.put("metrics", metrics);
            List<Map<String, Object>> parts = new ArrayList<>();
            List<Map<String, Object>> decompSeries = new ArrayList<>();
            for (Row d : decomposition.getOrDefault(e.getKey(), List.of())) {
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("metric", d.getAs("metric"));
                part.put("component", d.getAs("component"));
                part.put("contribution", fmt(d.getAs("log_contribution")));
                part.put("share", pct(d.getAs("share_of_gap")));
                parts.add(part);
                decompSeries.add(ordered("metric", d.getAs("metric"), "component", d.getAs("component"),
                        "value", d.getAs("log_contribution") == null ? 0.0 : (Object) d.getAs("log_contribution")));
            }
            p.put("decomposition", parts);
            p.put("sentence", sentence(label.get(hb[0]), label.get(hb[1]), decomposition.getOrDefault(e.getKey(), List.of())));
            pairs.add(p);
            pairCharts.add(ordered("id", p.get("id"), "metrics", names, "ratios", ratios, "decomposition", decompSeries));
        }
        model.put("pairs", pairs);
        chartData.put("pairs", pairCharts);

        // Time series per headline metric for the home and benchmark zones.
        Dataset<Row> zym = t.apply("zone_year_metrics").filter(col("zone_id").isin(compared.toArray())).orderBy("year");
        List<Row> zymRows = zym.collectAsList();
        List<Integer> years = zymRows.stream().map(r -> r.<Integer>getAs("year")).distinct().sorted().toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (String metric : config.headlineMetrics()) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (String z : compared) {
                List<Object> values = new ArrayList<>();
                for (int y : years) {
                    Object v = zymRows.stream().filter(r -> r.getAs("zone_id").equals(z) && r.<Integer>getAs("year") == y)
                            .findFirst().map(r -> r.getAs(metric)).orElse(null);
                    values.add(v == null ? null : ((Number) v).doubleValue());
                }
                lines.add(ordered("name", label.get(z), "values", values));
            }
            series.add(ordered("metric", metric, "lines", lines));
        }
        chartData.put("years", years);
        chartData.put("series", series);
        model.put("seriesCharts", series.stream().map(s -> ordered("metric", s.get("metric"))).toList());

        // Score ranking in the latest complete year.
        List<Map<String, Object>> ranking = new ArrayList<>();
        for (Row s : t.apply("zone_scores").filter(col("year").equalTo(latestComplete)).orderBy("rank", "zone_id").collectAsList()) {
            ranking.add(ordered("rank", s.getAs("rank"), "zone", label.get((String) s.getAs("zone_id")), "score", fmt(s.getAs("score"))));
        }
        model.put("ranking", ranking);
        chartData.put("ranking", ranking);

        // Industry structure: the five divisions with the highest LQ per zone.
        Map<String, String> divisionNames = new LinkedHashMap<>();
        IndustryCodes.reference().divisions().forEach(d -> divisionNames.put(d.code(), d.nameZh()));
        List<Map<String, Object>> industries = new ArrayList<>();
        // an LQ from one or two firms is no specialisation to present (metrics.md "Small numbers"); snapshots
        // published before lq_reliable existed are shown as they were
        Dataset<Row> zim = t.apply("zone_industry_metrics");
        if (java.util.Arrays.asList(zim.columns()).contains("lq_reliable")) {
            zim = zim.filter(col("lq_reliable"));
        }
        Dataset<Row> top = zim.filter(col("year").equalTo(latestComplete))
                .withColumn("_r", row_number().over(Window.partitionBy("zone_id").orderBy(col("lq").desc(), col("industry_division"))))
                .filter(col("_r").leq(5)).orderBy("zone_id", "_r");
        Map<String, List<Map<String, Object>>> byZone = new LinkedHashMap<>();
        for (Row r : top.collectAsList()) {
            String d = r.getAs("industry_division");
            byZone.computeIfAbsent(r.getAs("zone_id"), k -> new ArrayList<>()).add(ordered(
                    "division", d, "name", divisionNames.getOrDefault(d, ""), "firms", r.getAs("firms_active"),
                    "share", pct(r.getAs("share_in_zone")), "lq", fmt(r.getAs("lq"))));
        }
        byZone.forEach((z, rows) -> industries.add(ordered("zone", label.getOrDefault(z, z), "divisions", rows)));
        model.put("industries", industries);

        // Published figures beside the computed ones.
        List<Map<String, Object>> published = new ArrayList<>();
        for (Row r : t.apply("published_figures").orderBy("zone_id", "metric", "year").collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("zone", label.getOrDefault((String) r.getAs("zone_id"), r.getAs("zone_id")));
            m.put("metric", r.getAs("metric"));
            m.put("year", r.getAs("year"));
            m.put("value", (r.getAs("qualifier") == null ? "" : r.getAs("qualifier") + " ") + fmt(r.getAs("value")));
            m.put("computed", r.getAs("computed_value") == null ? "—" : fmt(r.getAs("computed_value")));
            m.put("source", r.getAs("source"));
            published.add(m);
        }
        model.put("published", published);

        model.put("transfer", transfer(t, compared, label, zymRows, latestComplete));
        model.put("candidates", candidates(t, label));
        model.put("opportunities", opportunities(t, label));
        List<Map<String, Object>> strong = new ArrayList<>();
        for (Row r : t.apply("strong_clusters").filter(col("is_strong").and(col("year").equalTo(latestComplete)))
                .orderBy("zone_id", "industry_division").collectAsList()) {
            String d = r.getAs("industry_division");
            strong.add(ordered("zone", label.getOrDefault((String) r.getAs("zone_id"), r.getAs("zone_id")), "division", d,
                    "name", divisionNames.getOrDefault(d, ""), "lq", fmt(r.getAs("lq")), "firms", r.getAs("firms_active")));
        }
        model.put("strong", strong);
        model.put("quality", quality(summaryJson, zymRows, label, asOf.getYear()));
        model.put("chartData", safeJson(chartData));
        model.put("echarts", echarts());
        Mustache template = new DefaultMustacheFactory("io/clusterbench/report").compile("report.mustache");
        StringWriter out = new StringWriter();
        template.execute(out, model);
        return out.toString();
    }

    /**
     * Per home and benchmark zone: inventions transferred in by source kind and the ten institutions giving the
     * most. Only institutions are named (the table names no one else). Snapshots published before the table
     * existed get none.
     */
    private static List<Map<String, Object>> transfer(Tables t, List<String> compared, Map<String, String> label,
                                                      List<Row> zymRows, int latestYear) {
        Dataset<Row> table;
        try {
            table = t.apply("technology_transfer");
        } catch (Exception e) {
            if (e instanceof org.apache.spark.sql.AnalysisException) {
                return List.of(); // the path does not exist: a snapshot from before the table
            }
            throw e;
        }
        Map<String, Map<String, Long>> byKind = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> institutions = new LinkedHashMap<>();
        for (Row r : table.filter(col("zone_id").isin(compared.toArray()))
                .orderBy(col("zone_id"), col("inventions_transferred_in").desc(), col("patents_coapplied").desc_nulls_last(),
                        col("source_name")).collectAsList()) {
            String zone = r.getAs("zone_id");
            String kind = r.getAs("source_kind");
            long in = r.<Long>getAs("inventions_transferred_in");
            byKind.computeIfAbsent(zone, k -> new LinkedHashMap<>()).merge(kind, in, Long::sum);
            List<Map<String, Object>> list = institutions.computeIfAbsent(zone, k -> new ArrayList<>());
            if ("academic".equals(kind) && list.size() < 10) {
                list.add(ordered("name", r.getAs("source_name"), "transferred", in, "coapplied", r.getAs("patents_coapplied")));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String z : compared) {
            Map<String, Long> k = byKind.getOrDefault(z, Map.of());
            Object coapplied = zymRows.stream().filter(r -> r.getAs("zone_id").equals(z) && r.<Integer>getAs("year") == latestYear)
                    .filter(r -> java.util.Arrays.asList(r.schema().fieldNames()).contains("patents_academic_coapplied"))
                    .findFirst().map(r -> r.getAs("patents_academic_coapplied")).orElse(null);
            List<Map<String, Object>> inst = institutions.getOrDefault(z, List.of());
            out.add(ordered("zone", label.getOrDefault(z, z), "academic", k.getOrDefault("academic", 0L),
                    "otherZone", k.getOrDefault("firm_other_zone", 0L), "unplaced", k.getOrDefault("firm_unplaced", 0L),
                    "other", k.getOrDefault("other", 0L), "coappliedLatest", coapplied == null ? "—" : coapplied,
                    "hasInstitutions", !inst.isEmpty(), "institutions", inst));
        }
        return out;
    }

    /** The ten most ready high-tech-enterprise candidates per home zone: firm names and criteria only. */
    private static List<Map<String, Object>> candidates(Tables t, Map<String, String> label) {
        Map<String, List<Map<String, Object>>> byZone = new LinkedHashMap<>();
        for (Row r : t.apply("cultivation_candidates").filter(col("hte_readiness_rank").leq(10))
                .orderBy("zone_id", "hte_readiness_rank").collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", r.getAs("hte_readiness_rank"));
            m.put("name", r.getAs("name"));
            m.put("division", r.getAs("industry_division") == null ? "—" : r.getAs("industry_division"));
            m.put("met", r.getAs("hte_criteria_met"));
            m.put("failed", r.getAs("hte_criteria_failed"));
            m.put("unknown", r.getAs("hte_criteria_unknown"));
            m.put("renewal", Boolean.TRUE.equals(r.getAs("hte_expiring_within_12m")) ? "renewal due" : "");
            m.put("sme", r.getAs("sme_score_status"));
            byZone.computeIfAbsent(r.getAs("zone_id"), k -> new ArrayList<>()).add(m);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byZone.forEach((z, rows) -> out.add(ordered("zone", label.getOrDefault(z, z), "firms", rows)));
        return out;
    }

    /** The ten best-ranked divisions a home zone is not yet specialised in. */
    private static List<Map<String, Object>> opportunities(Tables t, Map<String, String> label) {
        Map<String, List<Map<String, Object>>> byZone = new LinkedHashMap<>();
        for (Row r : t.apply("industry_opportunities").filter(col("opportunity_rank").leq(10))
                .orderBy("zone_id", "opportunity_rank").collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", r.getAs("opportunity_rank"));
            m.put("division", r.getAs("industry_division"));
            m.put("name", r.getAs("name_zh"));
            m.put("density", fmt(r.getAs("relatedness_density")));
            m.put("lq", fmt(r.getAs("lq")));
            m.put("benchmarkLq", fmt(r.getAs("benchmark_lq_max")));
            byZone.computeIfAbsent(r.getAs("zone_id"), k -> new ArrayList<>()).add(m);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byZone.forEach((z, rows) -> out.add(ordered("zone", label.getOrDefault(z, z), "divisions", rows)));
        return out;
    }

    /** "Weinan's HTE-density gap to SIP: x % from fewer firms per km², y % from a smaller HTE share." */
    static String sentence(String home, String bench, List<Row> parts) {
        Map<String, Double> hte = new LinkedHashMap<>();
        for (Row d : parts) {
            if ("hte_density_per_km2".equals(d.getAs("metric")) && d.getAs("share_of_gap") != null) {
                hte.put(d.getAs("component"), d.getAs("share_of_gap"));
            }
        }
        if (hte.isEmpty()) {
            return "The HTE-density gap of " + home + " to " + bench + " cannot be decomposed (a term is 0 or missing).";
        }
        double density = hte.getOrDefault("firms", 0.0) + hte.getOrDefault("area", 0.0);
        return String.format(Locale.ROOT, "%s's HTE-density gap to %s: %.0f %% from fewer firms per km², %.0f %% from a "
                + "smaller HTE share.", home, bench, 100 * density, 100 * hte.getOrDefault("hte_share", 0.0));
    }

    private static Map<String, Object> quality(String summaryJson, List<Row> zymRows, Map<String, String> label, int year) {
        Map<String, Object> q = new LinkedHashMap<>();
        try {
            JsonNode s = JSON.readTree(summaryJson);
            List<Map<String, Object>> rejects = new ArrayList<>();
            s.get("sources").fields().forEachRemaining(src -> {
                JsonNode n = src.getValue();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", src.getKey());
                m.put("read", n.get("read").asLong());
                m.put("accepted", n.get("accepted").asLong());
                m.put("rejected", n.get("rejected").asLong());
                m.put("afterAsOf", n.get("after_as_of").asLong());
                List<String> reasons = new ArrayList<>();
                // the summary lists every reason, zeros included; the report names only those that occurred
                n.get("rejected_by_reason").fields().forEachRemaining(r -> {
                    if (r.getValue().asLong() > 0) {
                        reasons.add(r.getKey() + " " + r.getValue().asLong());
                    }
                });
                m.put("reasons", String.join(", ", reasons));
                rejects.add(m);
            });
            q.put("sources", rejects);
            List<Map<String, Object>> matching = new ArrayList<>();
            s.get("matching").fields().forEachRemaining(k -> {
                long total = 0;
                for (JsonNode v : k.getValue()) {
                    total += v.asLong();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", k.getKey());
                long t = Math.max(total, 1);
                m.put("byCode", pct(k.getValue().get("by_code").asLong() / (double) t));
                m.put("byName", pct((k.getValue().get("by_name").asLong() + k.getValue().get("by_former_name").asLong()) / (double) t));
                m.put("ambiguous", pct(k.getValue().get("ambiguous").asLong() / (double) t));
                m.put("unmatched", pct(k.getValue().get("unmatched").asLong() / (double) t));
                matching.add(m);
            });
            q.put("matching", matching);
            JsonNode pl = s.get("placement");
            long all = 0;
            for (JsonNode v : pl) {
                all += v.asLong();
            }
            long text = pl.get("address").asLong() + pl.get("authority").asLong() + pl.get("division").asLong();
            long unplaced = pl.get("unplaced").asLong() + pl.get("unknown_zone").asLong();
            q.put("textPlaced", pct(text / (double) Math.max(all, 1)));
            q.put("unplaced", pct(unplaced / (double) Math.max(all, 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> coverage = new ArrayList<>();
        for (Row r : zymRows) {
            if (r.<Integer>getAs("year") == year) {
                coverage.add(ordered("zone", label.get((String) r.getAs("zone_id")), "coverage", pct(r.getAs("placement_coverage"))));
            }
        }
        q.put("coverage", coverage);
        return q;
    }

    private static String echarts() {
        try (InputStream in = GapReport.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("ECharts is missing from the jar (" + ECHARTS + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String safeJson(Object o) {
        try {
            // Inside <script>: "</script" and "<!--" would end or bend the script element; U+2028/9 end a JS line.
            return JSON.writeValueAsString(o).replace("</", "<\\/").replace("<!--", "\\u003c!--")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps built in a fixed order: Map.of iterates in an order that changes between JVMs, and the page must not. */
    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String fmt(Object v) {
        if (v == null) {
            return "—";
        }
        double d = ((Number) v).doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) d);
        }
        return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%,.1f", d) : String.format(Locale.ROOT, "%.3g", d);
    }

    static String pct(Object v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * ((Number) v).doubleValue());
    }
}
