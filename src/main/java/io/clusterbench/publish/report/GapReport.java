package io.clusterbench.publish.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.clusterbench.config.JobConfig;
import io.clusterbench.publish.SnapshotComparison;
import io.clusterbench.publish.SnapshotPublisher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import io.clusterbench.zone.Zone;
import io.clusterbench.zone.ZoneRole;
import io.clusterbench.zone.ZoneTree;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.col;
import java.util.Optional;

/**
 * The gap report of one snapshot: a self-contained page in Chinese ({@code index.html}) and the same page in
 * English ({@code index.en.html}), ECharts inlined so it opens offline, the full cultivation list as a
 * spreadsheet ({@code cultivation.csv}) and the zone boundaries ({@code zones.geojson}). Built from the
 * published tables only; no personal data goes in.
 */
public final class GapReport {
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("io/clusterbench/report").compile("report.mustache");

    /** Where the report's files go: one call per file, the writer filling it. */
    public interface Files {
        void write(String name, SnapshotPublisher.FileWriter writer);
    }

    private GapReport() {
    }

    public static void write(SnapshotComparison.Tables tables, JobConfig config, String summaryJson, Map<String, JsonNode> boundaries,
                             Optional<SnapshotComparison.Result> changes, Files files) {
        ReportData data = ReportData.collect(tables, config, summaryJson, boundaries, changes);
        // the spreadsheet first: streaming it fills the cultivation list's first firms and group sizes for the page
        files.write(CultivationList.FILE, out -> data.cultivation.writeCsv(out, data));
        String echarts = echarts();
        for (Lang lang : Lang.values()) {
            String html = render(data, lang, echarts);
            files.write(lang.fileName(), out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
        }
        files.write(GeoJson.FILE, out -> out.write(GeoJson.featureCollection(boundaries).getBytes(StandardCharsets.UTF_8)));
    }

    /** The boundaries of the zones that have one, as GeoJSON geometries. */
    public static Map<String, JsonNode> boundaries(List<Zone> zones) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Zone z : zones) {
            if (z.boundaryWkt() != null && !z.boundaryWkt().isBlank()) {
                out.put(z.zoneId(), GeoJson.geometry(ZoneTree.parseBoundary(z)));
            }
        }
        return out;
    }

    /**
     * What changed since the latest snapshot published before this one in the same output, if there is one: the
     * headline figures of the home and benchmark zones and every revised past figure.
     */
    public static Optional<SnapshotComparison.Result> changesSincePrevious(SparkSession spark, String output, LocalDate asOf,
                                                                        SnapshotComparison.Tables current, List<String> headline) {
        Optional<LocalDate> previous = SnapshotComparison.previousSnapshot(spark.sparkContext().hadoopConfiguration(), output, asOf);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        List<String> compared = current.apply("zones").filter(col("role").isin(ZoneRole.HOME, ZoneRole.BENCHMARK))
                .orderBy("zone_id").select("zone_id").as(Encoders.STRING()).collectAsList();
        return Optional.of(SnapshotComparison.compare(current, asOf,
                SnapshotComparison.publishedTables(spark, output, previous.get()), previous.get(), headline, compared));
    }

    static String render(ReportData data, Lang lang, String echarts) {
        Map<String, Object> model = ReportPage.model(data, lang);
        model.put("echarts", echarts);
        java.io.StringWriter out = new java.io.StringWriter();
        TEMPLATE.execute(out, model);
        return out.toString();
    }

    static String echarts() {
        try (InputStream in = GapReport.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("ECharts is missing from the jar (" + ECHARTS + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
