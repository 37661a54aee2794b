package io.clusterbench.publish.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.config.JobConfig;
import io.clusterbench.publish.SnapshotComparison;
import io.clusterbench.zone.ZoneRole;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/**
 * Everything the report shows, collected from the published (or staged) tables once, then rendered in each
 * edition. Only zone-level rows and short firm lists reach the driver; the full cultivation list is streamed
 * to its spreadsheet by {@link CultivationList}.
 */
public final class ReportData {
    /** One zone of the zones table. */
    public record ZoneInfo(String id, String nameZh, String nameEn, String role, String parentId, int depth,
                           List<String> ancestors, Double areaKm2) {
        public String name(Lang lang) {
            return lang == Lang.EN && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
        }

        public boolean isHome() {
            return ZoneRole.HOME.equals(role);
        }

        public boolean isBenchmark() {
            return ZoneRole.BENCHMARK.equals(role);
        }
    }

    public final LocalDate asOf;
    public final int latestYear;
    /** as_of's year when it is a partial year, else null. */
    public final Integer partialYear;
    public final List<String> headlineMetrics;
    public final Map<String, ZoneInfo> zones = new LinkedHashMap<>();
    /** zone_year_metrics: zone → year → row, every zone and year. */
    public final Map<String, Map<Integer, Row>> zoneYears = new LinkedHashMap<>();
    public final List<Integer> years;
    /** benchmark_gaps, every year: "home|benchmark" → rows ordered by metric, year. */
    public final Map<String, List<Row>> gaps = new LinkedHashMap<>();
    /** gap_decomposition of the latest complete year by pair. */
    public final Map<String, List<Row>> decomposition = new LinkedHashMap<>();
    public final List<Row> scores;
    /** The five most specialised divisions with a reliable LQ, per zone. */
    public final Map<String, List<Row>> specialisations = new LinkedHashMap<>();
    /** Ranked opportunities with a relatedness density, ten per home zone. */
    public final Map<String, List<Row>> opportunities = new LinkedHashMap<>();
    public final List<Row> strongClusters;
    public final List<Row> published;
    public final List<Row> transfer;
    public final Map<String, String> divisionNamesZh = new LinkedHashMap<>();
    public final Map<String, String> divisionNamesEn = new LinkedHashMap<>();
    public final JsonNode summary;
    /** zone_id → GeoJSON geometry, for zones with a boundary. */
    public final Map<String, JsonNode> boundaries;
    public final CultivationList cultivation;
    public final Optional<SnapshotComparison.Result> changes;

    private ReportData(SnapshotComparison.Tables t, JobConfig config, String summaryJson, Map<String, JsonNode> boundaries,
                       Optional<SnapshotComparison.Result> changes) {
        this.asOf = config.asOf();
        this.latestYear = config.latestCompleteYear();
        this.partialYear = config.asOfYearIsPartial() ? asOf.getYear() : null;
        this.headlineMetrics = config.headlineMetrics();
        this.boundaries = boundaries;
        this.changes = changes;
        for (Row z : t.apply("zones").orderBy("depth", "zone_id").collectAsList()) {
            List<String> anc = z.getList(z.fieldIndex("ancestors"));
            ZoneInfo info = new ZoneInfo(z.getAs("zone_id"), z.getAs("name_zh"), z.getAs("name_en"), z.getAs("role"),
                    z.getAs("parent_zone_id"), z.<Integer>getAs("depth"), anc == null ? List.of() : List.copyOf(anc),
                    z.getAs("area_km2"));
            zones.put(info.id(), info);
        }
        List<Integer> ys = new ArrayList<>();
        for (Row r : t.apply("zone_year_metrics").orderBy("zone_id", "year").collectAsList()) {
            int y = r.<Integer>getAs("year");
            zoneYears.computeIfAbsent(r.getAs("zone_id"), k -> new LinkedHashMap<>()).put(y, r);
            if (!ys.contains(y)) {
                ys.add(y);
            }
        }
        ys.sort(Integer::compare);
        this.years = List.copyOf(ys);
        for (Row g : t.apply("benchmark_gaps").orderBy("home_zone_id", "benchmark_zone_id", "metric", "year").collectAsList()) {
            gaps.computeIfAbsent(g.getAs("home_zone_id") + "|" + g.getAs("benchmark_zone_id"), k -> new ArrayList<>()).add(g);
        }
        for (Row d : t.apply("gap_decomposition").filter(col("year").equalTo(latestYear)).orderBy("metric", "component").collectAsList()) {
            decomposition.computeIfAbsent(d.getAs("home_zone_id") + "|" + d.getAs("benchmark_zone_id"), k -> new ArrayList<>()).add(d);
        }
        this.scores = t.apply("zone_scores").filter(col("year").equalTo(latestYear)).orderBy("rank", "zone_id").collectAsList();

        // an LQ from one or two firms is no specialisation to present (lq_reliable); older snapshots lack the column
        Dataset<Row> zim = t.apply("zone_industry_metrics").filter(col("year").equalTo(latestYear));
        if (Arrays.asList(zim.columns()).contains("lq_reliable")) {
            zim = zim.filter(col("lq_reliable"));
        }
        for (Row r : zim.withColumn("_r", row_number().over(Window.partitionBy("zone_id").orderBy(col("lq").desc(), col("industry_division"))))
                .filter(col("_r").leq(5)).orderBy("zone_id", "_r").collectAsList()) {
            specialisations.computeIfAbsent(r.getAs("zone_id"), k -> new ArrayList<>()).add(r);
        }
        for (Row r : t.apply("industry_opportunities").filter(col("opportunity_rank").isNotNull()
                        .and(col("relatedness_density").isNotNull())).withColumn("_r", row_number().over(
                        Window.partitionBy("zone_id").orderBy(col("opportunity_rank")))).filter(col("_r").leq(10))
                .orderBy("zone_id", "_r").collectAsList()) {
            opportunities.computeIfAbsent(r.getAs("zone_id"), k -> new ArrayList<>()).add(r);
        }
        this.strongClusters = strongClustersShown(t.apply("strong_clusters"), zim, latestYear).collectAsList();
        this.published = t.apply("published_figures").orderBy("zone_id", "metric", "year").collectAsList();
        this.transfer = optional(t, "technology_transfer")
                .map(d -> d.orderBy(col("zone_id"), col("inventions_transferred_in").desc(), col("patents_coapplied").desc_nulls_last(),
                        col("source_name")).collectAsList()).orElse(List.of());
        for (Row r : t.apply("industry_divisions").collectAsList()) {
            divisionNamesZh.put(r.getAs("industry_division"), r.getAs("name_zh"));
            divisionNamesEn.put(r.getAs("industry_division"), r.getAs("name_en"));
        }
        try {
            this.summary = new ObjectMapper().readTree(summaryJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.cultivation = CultivationList.of(t.apply("cultivation_candidates"), zones);
    }

    /**
     * The strong clusters the report presents: strong in the year, and in a cell whose LQ is reliable (an LQ from
     * one or two firms is never presented as a specialisation, whatever the percentile rule says).
     *
     * @param reliableCells zone_industry_metrics rows of the year with a reliable LQ (zone_id, industry_division)
     */
    static Dataset<Row> strongClustersShown(Dataset<Row> strongClusters, Dataset<Row> reliableCells, int year) {
        return strongClusters.filter(col("is_strong").and(col("year").equalTo(year)))
                .join(reliableCells.select("zone_id", "industry_division"), new String[]{"zone_id", "industry_division"},
                        "left_semi")
                .orderBy("zone_id", "industry_division");
    }

    public static ReportData collect(SnapshotComparison.Tables t, JobConfig config, String summaryJson, Map<String, JsonNode> boundaries,
                                     Optional<SnapshotComparison.Result> changes) {
        return new ReportData(t, config, summaryJson, boundaries, changes);
    }

    /** A table that snapshots published before it existed lack. */
    private static Optional<Dataset<Row>> optional(SnapshotComparison.Tables t, String table) {
        try {
            return Optional.of(t.apply(table));
        } catch (Exception e) { // AnalysisException is checked for javac, though Spark throws it unchecked
            if (e instanceof AnalysisException) {
                return Optional.empty();
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    public List<ZoneInfo> homes() {
        return zones.values().stream().filter(ZoneInfo::isHome).toList();
    }

    public List<ZoneInfo> benchmarks() {
        return zones.values().stream().filter(ZoneInfo::isBenchmark).toList();
    }

    public String zoneName(String id, Lang lang) {
        ZoneInfo z = zones.get(id);
        return z == null ? id : z.name(lang);
    }

    public String divisionName(String code, Lang lang) {
        // the shipped reference has no English names: the English edition shows the Chinese one
        String n = lang == Lang.EN && divisionNamesEn.get(code) != null ? divisionNamesEn.get(code) : divisionNamesZh.get(code);
        return n == null ? code : n;
    }

    /** The zone_year_metrics value, or null when the zone, year or column is absent. */
    public Object value(String zone, int year, String metric) {
        Row r = zoneYears.getOrDefault(zone, Map.of()).get(year);
        if (r == null || !Arrays.asList(r.schema().fieldNames()).contains(metric)) {
            return null;
        }
        return r.getAs(metric);
    }

    /** The gap row of a pair, metric and year, if any. */
    public Optional<Row> gap(String home, String bench, String metric, int year) {
        return gaps.getOrDefault(home + "|" + bench, List.of()).stream()
                .filter(g -> metric.equals(g.getAs("metric")) && g.<Integer>getAs("year") == year).findFirst();
    }

    public String yearLabel(int year, Lang lang) {
        if (partialYear != null && year == partialYear) {
            return lang.t("year_partial", String.valueOf(year), asOf.getMonthValue(), asOf.getDayOfMonth(),
                    asOf.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH));
        }
        return String.valueOf(year);
    }
}
