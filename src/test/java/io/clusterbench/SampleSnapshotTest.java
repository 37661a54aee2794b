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
 * Three runs over sample-data/ into one output: as_of 2024-06-30 with the sample's job file, 2023-12-31, and
 * 2024-06-30 again without a job file (every encoding decided by the vote). The README's DuckDB answers to the
 * study's questions run as written and are checked against the same figures derived independently; the two
 * 2024-06-30 runs publish identical tables (order-independent digests), the first with Spark's compiled code as
 * in production, the second interpreted as the rest of the suite runs; the rerun replaces its snapshot whole
 * and leaves the 2023-12-31 one untouched; and its report shows what changed since 2023-12-31.
 */
class SampleSnapshotTest extends SparkTestBase {
    private static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2024, 6, 30);

    @TempDir
    static Path out;
    /** What the first run published that the rerun replaces: its report (a report without history), its summary. */
    @TempDir
    static Path first;
    static java.util.Map<String, String> firstDigests;
    /** The 2023-12-31 snapshot's files as its own run left them. */
    static java.util.Map<String, String> earlier;

    @BeforeAll
    static void sampleRuns() throws java.io.IOException {
        withCompiledCode(() -> Pipeline.run(spark(), JobConfigLoader.load(Path.of("jobs/sample.yaml"),
                new JobConfigLoader.Overrides(null, out.toString(), null))));
        firstDigests = io.clusterbench.publish.SnapshotDigest.of(spark(), out.toString(), AS_OF);
        copyTree(out.resolve("report/as_of=2024-06-30"), first.resolve("report"));
        Files.copy(out.resolve("_runs/as_of=2024-06-30/run_summary.json"), first.resolve("run_summary.json"));

        Pipeline.run(spark(), JobConfigLoader.load(null,
                new JobConfigLoader.Overrides("sample-data", out.toString(), "2023-12-31")));
        earlier = TestInputs.fileStates(out, "as_of=2023-12-31");
        Pipeline.run(spark(), JobConfigLoader.load(null,
                new JobConfigLoader.Overrides("sample-data", out.toString(), "2024-06-30")));
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void rerunningAnAsOfReplacesItsSnapshotAndLeavesTheOtherUntouched() throws Exception {
        // every published table and the report (the names the first snapshot's digest found)
        for (String t : firstDigests.keySet()) {
            try (var parts = Files.list(out.resolve(t))) {
                assertEquals(List.of("as_of=2023-12-31", "as_of=2024-06-30"),
                        parts.map(p -> p.getFileName().toString()).sorted().toList(), t);
            }
        }
        for (String t : List.of("firms", "rejects", "zone_industry_metrics", "strong_clusters", "zones")) {
            try (var files = Files.list(out.resolve(t).resolve("as_of=2024-06-30"))) {
                long parquet = files.filter(p -> p.toString().endsWith(".parquet")).count();
                assertTrue(parquet >= 1 && parquet <= 8, t + " has " + parquet + " files: one copy, not two");
            }
        }
        assertEquals(earlier, TestInputs.fileStates(out, "as_of=2023-12-31"), "the 2023-12-31 snapshot changed");
        assertTrue(Files.exists(out.resolve("_runs/as_of=2024-06-30/_SUCCESS")));
        assertTrue(Files.exists(out.resolve("_runs/as_of=2023-12-31/_SUCCESS")));
        try (var staging = Files.list(out.resolve("_staging"))) {
            // the lock file stays (empty, unlocked); no run's staging directory does
            assertEquals(List.of(".lock"), staging.map(p -> p.getFileName().toString()).toList(),
                    "a finished run leaves no staging behind");
        }
        assertEquals(0, Files.size(out.resolve("_staging/.lock")), "a released lock names no holder");
    }

    @Test
    void twoRunsOnTheSameInputPublishIdenticalRows() {
        var withJob = new java.util.TreeMap<>(firstDigests);
        var byVote = new java.util.TreeMap<>(io.clusterbench.publish.SnapshotDigest.of(spark(), out.toString(), AS_OF));
        assertEquals(18, withJob.size(), "17 tables and the report: " + withJob.keySet());
        // the reports differ by the section on the earlier snapshot only (theReportShowsWhatChangedSinceTheLastSnapshot)
        withJob.remove("report");
        byVote.remove("report");
        assertEquals(withJob, byVote);
        assertTrue(withJob.get("firms").startsWith("581:"), withJob.get("firms"));
    }

    @Test
    void theStrayGbkRowOfFundingIsOneEncodingErrorAtItsLineAndTheFileStaysUtf8() throws Exception {
        // expected independently: the physical lines of funding.csv that are not valid UTF-8
        List<Long> invalid = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(Path.of("sample-data/funding.csv"));
        long line = 1;
        for (int from = 0, i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(bytes, from, i - from));
                } catch (java.nio.charset.CharacterCodingException e) {
                    invalid.add(line);
                }
                from = i + 1;
                line++;
            }
        }
        assertEquals(1, invalid.size(), "the sample plants one GBK row in funding.csv");
        List<Long> rejected = spark().read().parquet(out.resolve("rejects/as_of=2024-06-30").toString())
                .filter("source = 'funding' AND reason_code = 'ENCODING_ERROR'").select("line_no")
                .as(org.apache.spark.sql.Encoders.LONG()).collectAsList();
        assertEquals(invalid, rejected);
        // with the job file's declared encodings and with the vote alone
        for (Path summaryFile : List.of(first.resolve("run_summary.json"), out.resolve("_runs/as_of=2024-06-30/run_summary.json"))) {
            var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(summaryFile.toFile()).get("sources");
            var funding = summary.get("funding").get("files").get(0);
            assertEquals("UTF-8", funding.get("encoding").asText());
            assertEquals(1, funding.get("lines_against").asLong());
            assertEquals(8, summary.get("zones").get("read").asLong(), "the zones are accounted for like any source");
        }
    }

    @Test
    void theReportNamesTheRejectReasonsThatOccurredPerSourceInTheContractsOrder() throws Exception {
        String html = Files.readString(first.resolve("report/index.en.html"));
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
            assertTrue(html.contains("<td class=\"l\">" + String.join("; ", reasons) + "</td>"), e.getKey() + ": " + reasons);
        }
        for (io.clusterbench.ingest.ReasonCode c : io.clusterbench.ingest.ReasonCode.values()) {
            assertFalse(html.contains(c.name() + " 0"), c + " 0 listed: the report names only reasons that occurred");
        }
    }

    @Test
    void theReportIsChineseFirstWithAnEnglishEditionAndNoColumnIdentifierOutsideItsDictionary() throws Exception {
        Path dir = first.resolve("report");
        for (String page : List.of("index.html", "index.en.html")) {
            String html = Files.readString(dir.resolve(page));
            String lang = page.equals("index.html") ? "zh-CN" : "en";
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"" + lang + "\">"), page);
            String visible = visibleText(html.substring(0, html.indexOf("<section id=\"dictionary\">")));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b[a-z][a-z0-9]*(_[a-z0-9]+)+\\b").matcher(visible);
            List<String> identifiers = new ArrayList<>();
            while (m.find()) {
                identifiers.add(m.group());
            }
            assertEquals(List.of(), identifiers, page + ": column identifiers in the visible text");
            assertTrue(html.contains("<code>firm_density_per_km2</code>"), "the appendix names the columns");
        }
        String zh = Files.readString(dir.resolve("index.html"));
        for (String label : List.of("企业密度（家/平方公里）", "发明专利拥有量（件）", "融资金额（万元）", "每百家企业发明专利拥有量（件/百家企业）")) {
            assertTrue(zh.contains(label), label);
        }
    }

    @Test
    void theReportShowsWhatChangedSinceTheLastSnapshot() throws Exception {
        for (String page : List.of("index.html", "index.en.html")) {
            String plain = Files.readString(first.resolve("report/" + page));
            String withHistory = Files.readString(out.resolve("report/as_of=2024-06-30/" + page));
            int at = withHistory.indexOf("<section id=\"changes\">");
            assertTrue(at > 0 && !plain.contains("<section id=\"changes\">"), page);
            String section = withHistory.substring(at, withHistory.indexOf("</section>", at) + "</section>".length());
            // apart from that section the page is the one of a run without history
            assertEquals(plain, withHistory.replace(section + "\n", ""), page);
        }
        // the same figures as the comparison of the two published snapshots (the compare command's), headline first
        var before = java.time.LocalDate.of(2023, 12, 31);
        var config = JobConfigLoader.load(null, new JobConfigLoader.Overrides("sample-data", out.toString(), "2024-06-30"));
        var result = io.clusterbench.publish.SnapshotComparison.compare(
                io.clusterbench.publish.SnapshotComparison.publishedTables(spark(), out.toString(), AS_OF), AS_OF,
                io.clusterbench.publish.SnapshotComparison.publishedTables(spark(), out.toString(), before), before,
                config.headlineMetrics(), List.of("hefei-htz", "sip", "weinan-htz", "zhangjiang-drug", "zhangjiang-htz", "zhangjiang-sc"));
        String en = Files.readString(out.resolve("report/as_of=2024-06-30/index.en.html"));
        String section = en.substring(en.indexOf("<section id=\"changes\">"), en.indexOf("</section>", en.indexOf("<section id=\"changes\">")));
        String revisedTable = section.substring(section.indexOf("Past figures revised"), section.indexOf("<details"));
        long headlineRevisions = result.revisions().stream().filter(r -> config.headlineMetrics().contains(r.metric())).count();
        assertEquals(headlineRevisions + 1, revisedTable.split("<tr>", -1).length - 1, "one row per revision and the header");
        assertTrue(section.contains((result.revisions().size() - headlineRevisions) + " revised past figures of other metrics"));
        // worked out from the sample: two Weinan firms established in 2024 hold granted inventions filed earlier,
        // so Weinan's invention stock of 2015 is 1 in the 2023-12-31 snapshot and 4 in the 2024-06-30 one
        assertTrue(revisedTable.contains("<td>Weinan High-tech Zone</td><td class=\"l\">Valid inventions held (patents)</td><td>2015</td><td>1</td><td>4</td>"),
                "Weinan's 2015 invention stock revised from 1 to 4");
    }

    /** The text a reader sees: no script, style or markup. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]+>", " ");
    }

    @Test
    void theCultivationSpreadsheetReadsBackWithChineseHeadersAndEachHomeFirmOnce() throws Exception {
        byte[] bytes = Files.readAllBytes(first.resolve("report/cultivation.csv"));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 byte-order mark");
        // as Excel or WPS reads it: UTF-8 after the mark, comma-separated, quoted
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.InputStreamReader(
                new java.io.ByteArrayInputStream(bytes, 3, bytes.length - 3), java.nio.charset.StandardCharsets.UTF_8)).getRecords();
        assertEquals(List.of("园区", "所在园区", "企业名称", "统一社会信用代码", "行业大类代码", "行业大类名称", "培育分组"),
                records.get(0).toList().subList(0, 7));
        // independently: the candidates of the home zone (the sample's one home family), one row per firm
        List<String> expected = spark().read().parquet(out.resolve("cultivation_candidates/as_of=2024-06-30").toString())
                .filter("zone_id = 'weinan-htz'").select("credit_code").distinct().orderBy("credit_code")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        // the codes carry a leading tab, so that a spreadsheet keeps them as text
        assertTrue(records.stream().skip(1).allMatch(r -> r.get(3).startsWith("\t")));
        List<String> listed = records.subList(1, records.size()).stream().map(r -> r.get(3).substring(1)).sorted().toList();
        assertEquals(expected, listed);
        assertTrue(records.stream().skip(1).allMatch(r -> r.get(0).equals("渭南高新技术产业开发区")));
    }

    @Test
    void namesFromTheInputCannotRunScriptInTheReport(@TempDir Path dir) throws Exception {
        String hostile = "</script><script>alert(1)</script><!--\u2028\u2029\"'><img src=x onerror=alert(2)>";
        var config = JobConfigLoader.load(Path.of("jobs/sample.yaml"), new JobConfigLoader.Overrides(null, out.toString(), null));
        io.clusterbench.publish.SnapshotComparison.Tables planted = t -> {
            var d = spark().read().parquet(out.resolve(t + "/as_of=2024-06-30").toString());
            return switch (t) {
                case "zones" -> d.withColumn("name_zh", org.apache.spark.sql.functions.concat(d.col("name_zh"),
                        org.apache.spark.sql.functions.lit(hostile))).withColumn("name_en", org.apache.spark.sql.functions.concat(
                        d.col("name_en"), org.apache.spark.sql.functions.lit(hostile)));
                case "cultivation_candidates" -> d.withColumn("name", org.apache.spark.sql.functions.concat(
                        org.apache.spark.sql.functions.lit("=" + hostile), d.col("name")));
                case "published_figures" -> d.withColumn("source", org.apache.spark.sql.functions.lit(hostile));
                case "technology_transfer" -> d.withColumn("source_name", org.apache.spark.sql.functions.lit(hostile));
                default -> d;
            };
        };
        String summary = Files.readString(out.resolve("_runs/as_of=2024-06-30/run_summary.json"));
        var boundaries = io.clusterbench.publish.report.GeoJson.read(Files.readString(out.resolve("report/as_of=2024-06-30/zones.geojson")));
        io.clusterbench.publish.report.GapReport.write(planted, config, summary, boundaries, java.util.Optional.empty(), (name, w) -> {
            try (var o = Files.newOutputStream(dir.resolve(name))) {
                w.write(o);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (String page : List.of("index.html", "index.en.html")) {
            String html = Files.readString(dir.resolve(page));
            String clean = Files.readString(first.resolve("report/" + page));
            assertEquals(scriptElements(clean), scriptElements(html), page + ": no script element added");
            assertFalse(html.replaceAll("(?s)<script.*?</script", "").contains("<img"), page + ": no markup from a name");
            assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), page + ": the names are shown as text");
            String json = html.substring(html.indexOf("<script type=\"application/json\" id=\"chart-data\">"));
            json = json.substring(json.indexOf('>') + 1, json.indexOf("</script>"));
            assertFalse(json.contains("</") || json.contains("<!--") || json.contains("\u2028") || json.contains("\u2029"), page);
            assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).toString().contains("alert(1)"),
                    page + ": the chart data still carry the names as given");
        }
        String csv = Files.readString(dir.resolve("cultivation.csv"));
        assertTrue(csv.contains("\"'=</script>"), "a name starting with = is text in the spreadsheet");
        assertFalse(csv.contains("\"=</script>"));
    }

    /** Script elements as a browser parses them: one opens at "<script" in markup and ends at the next "</script". */
    private static List<String> scriptElements(String html) {
        List<String> starts = new ArrayList<>();
        for (int i = html.indexOf("<script"); i >= 0; i = html.indexOf("<script", html.indexOf("</script", i) + 1)) {
            starts.add(html.substring(i, html.indexOf('>', i) + 1));
        }
        return starts;
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
            String zym = "read_parquet('" + out + "/zone_year_metrics/as_of=2024-06-30/*.parquet', hive_partitioning = true)";
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
            String zim = "read_parquet('" + out + "/zone_industry_metrics/as_of=2024-06-30/*.parquet', hive_partitioning = true)";
            try (ResultSet expected = s.executeQuery("SELECT sum(least(n, 5)) FROM (SELECT zone_id, count(*) AS n FROM "
                    + zim + " WHERE as_of = DATE '2024-06-30' AND year = 2023 GROUP BY zone_id)")) {
                expected.next();
                assertEquals(expected.getLong(1), rows);
            }
        }
    }

    @Test
    void lqIsReliableFromThreeActiveFirmsOfTheCell() throws Exception {
        String zim = "read_parquet('" + out + "/zone_industry_metrics/as_of=2024-06-30/*.parquet', hive_partitioning = true)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE lq_reliable <> (firms_active >= 3)),"
                     + " count(*) FILTER (WHERE lq_reliable), count(*) FILTER (WHERE NOT lq_reliable) FROM " + zim)) {
            rs.next();
            assertEquals(0, rs.getLong(1), "cells whose lq_reliable disagrees with firms_active >= 3");
            assertTrue(rs.getLong(2) > 0 && rs.getLong(3) > 0, "the sample has reliable and unreliable cells");
        }
    }

    /**
     * Inventions transferred into the zones without nested zones, from each institution, recomputed in DuckDB
     * from the raw patents export and the published firms' zones: granted inventions (type digit 1) valid today
     * whose current owners include a firm of the zone and whose applicants (by name or code) include none.
     */
    @Test
    void transfersFromInstitutionsAgreeWithAnIndependentCount() throws Exception {
        String firms = "read_parquet('" + out + "/firms/as_of=2024-06-30/*.parquet', hive_partitioning = true)";
        String zones = "('weinan-htz', 'hefei-htz', 'sip', 'xian-htz', 'baoji-htz')";
        String expected = "WITH firms AS (SELECT credit_code, name, zone_id FROM " + firms + " WHERE entity_kind = 'enterprise'),"
                + " z AS (SELECT zone_id, list(name) AS names, list(credit_code) AS codes FROM firms WHERE zone_id IN " + zones
                + "  GROUP BY zone_id),"
                + " p AS (SELECT regexp_replace(\"申请号\", '^CN', '') AS no, \"授权日\" AS granted, \"法律状态\" AS status,"
                + "  string_split(\"申请(专利权)人\", ';') AS apps, string_split(coalesce(\"申请人统一社会信用代码\", ''), ';') AS codes,"
                + "  string_split(coalesce(\"当前专利权人\", ''), ';') AS owners"
                + "  FROM read_csv('sample-data/patents.csv', all_varchar = true, header = true)),"
                + " moved AS (SELECT DISTINCT z.zone_id, p.no, p.apps FROM p, z"
                + "  WHERE substr(p.no, 5, 1) = '1' AND coalesce(p.granted, '') <> '' AND p.status IN ('有效', '专利权维持')"
                + "  AND list_has_any(p.owners, z.names) AND NOT list_has_any(p.apps, z.names) AND NOT list_has_any(p.codes, z.codes))"
                + " SELECT zone_id || '|' || a || '|' || count(DISTINCT no) FROM moved, unnest(apps) AS u(a)"
                + " WHERE regexp_matches(a, '大学|学院|研究院|研究所|科学院|实验室|研究中心') AND NOT contains(a, '公司')"
                + "  AND a NOT IN (SELECT name FROM firms) GROUP BY zone_id, a ORDER BY 1";
        String actual = "SELECT zone_id || '|' || source_name || '|' || inventions_transferred_in FROM read_parquet('"
                + out + "/technology_transfer/as_of=2024-06-30/*.parquet') WHERE source_kind = 'academic' AND inventions_transferred_in > 0"
                + " AND zone_id IN " + zones + " ORDER BY 1";
        List<String> want = strings(expected);
        assertTrue(want.contains("weinan-htz|西安交通大学|5") && want.contains("hefei-htz|中国科学技术大学|10"),
                "the sample's planted transfers: " + want);
        assertEquals(want, strings(actual));
    }

    /** The new columns and table, as DuckDB reads them: the contract's types (decimal money, double ratios, long counts). */
    @Test
    void theNewColumnsReadWithTheContractsTypes() throws Exception {
        String zym = "read_parquet('" + out + "/zone_year_metrics/as_of=2024-06-30/*.parquet', hive_partitioning = true)";
        String tt = "read_parquet('" + out + "/technology_transfer/as_of=2024-06-30/*.parquet', hive_partitioning = true)";
        assertEquals(List.of("firms_active_private|BIGINT", "private_share|DOUBLE", "patents_academic_coapplied|BIGINT",
                        "employees|BIGINT", "revenue_cny_10k|DECIMAL(20,4)", "rd_intensity|DOUBLE"),
                strings("SELECT column_name || '|' || column_type FROM (DESCRIBE SELECT firms_active_private, private_share,"
                        + " patents_academic_coapplied, employees, revenue_cny_10k, rd_intensity FROM " + zym + ")"));
        assertEquals(List.of("zone_id|VARCHAR", "source_kind|VARCHAR", "source_name|VARCHAR",
                        "inventions_transferred_in|BIGINT", "patents_coapplied|BIGINT", "as_of|DATE"),
                strings("SELECT column_name || '|' || column_type FROM (DESCRIBE SELECT * FROM " + tt + ")"));
    }

    private static List<String> strings(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
