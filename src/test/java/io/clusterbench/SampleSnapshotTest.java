package io.clusterbench;

import io.clusterbench.config.JobConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two runs over sample-data/: the README's DuckDB answers to the study's questions run as written and checked
 * against the same figures derived independently from zone_year_metrics; and the two runs' snapshots are
 * identical table by table (order-independent digests).
 */
class SampleSnapshotTest extends SparkTestBase {
    @TempDir
    static Path out;
    @TempDir
    static Path again;

    @BeforeAll
    static void sampleRuns() {
        for (Path o : List.of(out, again)) {
            Pipeline.run(spark(), JobConfigLoader.load(Path.of("jobs/sample.yaml"),
                    new JobConfigLoader.Overrides(null, o.toString(), null)));
        }
    }

    @Test
    void twoRunsOnTheSameInputPublishIdenticalRows() {
        java.time.LocalDate asOf = java.time.LocalDate.of(2024, 6, 30);
        var first = io.clusterbench.publish.SnapshotDigest.of(spark(), out.toString(), asOf);
        var second = io.clusterbench.publish.SnapshotDigest.of(spark(), again.toString(), asOf);
        assertEquals(17, first.size(), "16 tables and the report: " + first.keySet());
        assertEquals(first, second);
        assertTrue(first.get("firms").startsWith("581:"), first.get("firms"));
    }

    @Test
    void theReportNamesTheRejectReasonsThatOccurredPerSourceInTheContractsOrder() throws Exception {
        String html = Files.readString(out.resolve("report/as_of=2024-06-30/index.html"));
        // Expected from the rejects table, independently of the run summary the report is drawn from.
        java.util.Map<String, java.util.Map<String, Long>> bySource = new java.util.TreeMap<>();
        for (org.apache.spark.sql.Row r : spark().read().parquet(out.resolve("rejects/as_of=2024-06-30").toString())
                .groupBy("source", "reason_code").count().collectAsList()) {
            bySource.computeIfAbsent(r.getString(0), k -> new java.util.HashMap<>()).put(r.getString(1), r.getLong(2));
        }
        assertTrue(bySource.size() >= 3, "the sample has rejects in several sources: " + bySource);
        for (var e : bySource.entrySet()) {
            List<String> reasons = new ArrayList<>();
            for (io.clusterbench.ingest.ReasonCode c : io.clusterbench.ingest.ReasonCode.values()) {
                if (e.getValue().containsKey(c.name())) {
                    reasons.add(c.name() + " " + e.getValue().get(c.name()));
                }
            }
            assertTrue(html.contains("<td>" + String.join(", ", reasons) + "</td>"), e.getKey() + ": " + reasons);
        }
        for (io.clusterbench.ingest.ReasonCode c : io.clusterbench.ingest.ReasonCode.values()) {
            assertFalse(html.contains(c.name() + " 0"), c + " 0 listed: the report names only reasons that occurred");
        }
    }

    /** The README's queries, with the README's output path replaced by this run's. */
    private static String readmeQuery(String marker) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("-- " + marker);
        String sql = readme.substring(at, readme.indexOf("```", at));
        return sql.replace("target/sample-output", out.toString());
    }

    @Test
    void weinanRatiosToEachBenchmark() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            List<String> got = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(readmeQuery("Q1"))) {
                while (rs.next()) {
                    got.add(rs.getString("benchmark_zone_id") + "/" + rs.getString("metric") + "/" + rs.getDouble("ratio"));
                }
            }
            assertEquals(5 * 3, got.size(), "5 benchmark zones (Zhangjiang and its two nested zones, SIP, Hefei) x 3 metrics");
            // Independently: the same ratios from zone_year_metrics of 2023.
            String zym = "read_parquet('" + out + "/zone_year_metrics/**/*.parquet', hive_partitioning = true)";
            for (String g : got) {
                String[] p = g.split("/");
                try (ResultSet rs = s.executeQuery("SELECT h." + p[1] + " / b." + p[1] + " FROM " + zym + " h, " + zym
                        + " b WHERE h.zone_id = 'weinan-htz' AND b.zone_id = '" + p[0] + "' AND h.year = 2023 AND b.year = 2023")) {
                    rs.next();
                    assertEquals(rs.getDouble(1), Double.parseDouble(p[2]), 1e-9, g);
                }
            }
        }
    }

    @Test
    void topFiveDivisionsByLocationQuotient() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(readmeQuery("Q2"))) {
            int rows = 0;
            String zone = null;
            double previous = Double.MAX_VALUE;
            while (rs.next()) {
                rows++;
                if (!rs.getString("zone_id").equals(zone)) {
                    zone = rs.getString("zone_id");
                    previous = Double.MAX_VALUE;
                }
                assertTrue(rs.getDouble("lq") <= previous, "ordered by LQ within a zone");
                assertTrue(rs.getInt("rank_in_zone") <= 5);
                previous = rs.getDouble("lq");
            }
            // independently: per zone, the number of its divisions in 2023, at most five
            String zim = "read_parquet('" + out + "/zone_industry_metrics/**/*.parquet', hive_partitioning = true)";
            try (ResultSet expected = s.executeQuery("SELECT sum(least(n, 5)) FROM (SELECT zone_id, count(*) AS n FROM "
                    + zim + " WHERE as_of = DATE '2024-06-30' AND year = 2023 GROUP BY zone_id)")) {
                expected.next();
                assertEquals(expected.getLong(1), rows);
            }
        }
    }

    @Test
    void lqIsReliableFromThreeActiveFirmsOfTheCell() throws Exception {
        String zim = "read_parquet('" + out + "/zone_industry_metrics/**/*.parquet', hive_partitioning = true)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE lq_reliable <> (firms_active >= 3)),"
                     + " count(*) FILTER (WHERE lq_reliable), count(*) FILTER (WHERE NOT lq_reliable) FROM " + zim)) {
            rs.next();
            assertEquals(0, rs.getLong(1), "cells whose lq_reliable disagrees with firms_active >= 3");
            assertTrue(rs.getLong(2) > 0 && rs.getLong(3) > 0, "the sample has reliable and unreliable cells");
        }
    }
}
