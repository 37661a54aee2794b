package io.clusterbench.publish;

import io.clusterbench.Pipeline;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A published snapshot as its readers see it: every table readable by DuckDB without flags, with the contract's
 * types, and a run summary that names every reason and flag. (Rerunning an as_of beside another snapshot is
 * SampleSnapshotTest's.)
 */
class SnapshotPublishingTest extends SparkTestBase {
    static final List<String> TABLES = List.of("zones", "firms", "zone_year_metrics", "zone_year_listed",
            "zone_industry_metrics", "industry_divisions", "rejects", "benchmark_gaps", "zone_scores",
            "zone_score_components", "gap_decomposition", "published_figures", "cultivation_candidates",
            "industry_opportunities", "strong_clusters", "run_summary");

    @TempDir
    static Path dir;
    static Path in;
    static Path out;

    @BeforeAll
    static void run() {
        in = dir.resolve("in");
        out = dir.resolve("out");
        TestInputs.write(in.resolve("zones.csv"), lines(TestInputs.ZONES_HEADER,
                "z1,园区一,,渭南,陕西,home,,10,,,,",
                "z2,园区二,,苏州,江苏,benchmark,,20,,,,"));
        TestInputs.write(in.resolve("enterprises.csv"), lines(TestInputs.ENTERPRISES_HEADER,
                code(0) + ",甲公司,z1,C2710,2016-03-01,存续,,10",
                code(1) + ",乙公司,z2,C3511,2017-07-01,注销,2019-05-01,5",
                code(2) + ",丙公司,z2,C3511,2017-07-01,经营异常,,5",
                // before the Gregorian reform: Spark 3.5's default Parquet writer would refuse it mid-run
                code(3) + ",丁公司,z1,C2710,1500-01-01,存续,,10"));
        TestInputs.write(in.resolve("patents.csv"), lines("application_no,application_date,applicants",
                "201710601862.3,2017-03-01,甲公司"));
        Pipeline.run(spark(), TestInputs.config(in, out, "2024-06-30"));
    }

    @Test
    void theRunSummaryNamesEveryReasonAndFlagOfTheContract() throws IOException {
        assertTrue(Files.exists(out.resolve("_runs/as_of=2024-06-30/_SUCCESS")));
        // Every reason and flag of the contract is a key, zeros included (one firm row had an unknown status).
        var enterprises = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("_runs/as_of=2024-06-30/run_summary.json").toFile()).get("sources").get("enterprises");
        assertEquals(15, enterprises.get("rejected_by_reason").size());
        assertEquals(1, enterprises.get("rejected_by_reason").get("BAD_ENUM").asLong());
        assertEquals(0, enterprises.get("rejected_by_reason").get("BAD_DATE").asLong());
        assertEquals(9, enterprises.get("flags").size());
        assertEquals(0, enterprises.get("flags").get("CREDIT_CODE_CHECKSUM").asLong());
        assertEquals(1, enterprises.get("flags").get("DATE_BEFORE_1900").asLong(), "the firm founded in 1500");
    }

    @Test
    void duckDbReadsEveryTableWithoutFlagsAndSeesContractTypes() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                Map<String, String> types = describe(s, t);
                assertTrue(types.containsKey("as_of"), t + " lacks the as_of partition column");
                assertEquals("DATE", types.get("as_of"), t);
                types.forEach((col, type) -> assertFalse(type.equals("TIMESTAMP") , t + "." + col + " is an INT96-style timestamp"));
                // The partition key lives in the directory name only: a column of the same name inside the files
                // makes readers that merge the two (pyarrow, so pandas) refuse the table.
                assertFalse(List.of(spark().read().parquet(out.resolve(t).resolve("as_of=2024-06-30").toString())
                        .columns()).contains("as_of"), t + " has an as_of column inside its files");
            }
            Map<String, String> firms = describe(s, "firms");
            assertEquals("DATE", firms.get("established_date"));
            assertEquals("DECIMAL(20,4)", firms.get("registered_capital_cny_10k"));
            // a founding date before 1582-10-15 is written and read back as it was given (proleptic Gregorian)
            try (ResultSet rs = s.executeQuery("SELECT CAST(established_date AS VARCHAR) FROM " + scan("firms")
                    + " WHERE as_of = DATE '2024-06-30' AND name = '丁公司'")) {
                assertTrue(rs.next(), "the firm founded in 1500 is published");
                assertEquals("1500-01-01", rs.getString(1));
            }
            Map<String, String> zym = describe(s, "zone_year_metrics");
            assertEquals("DECIMAL(20,4)", zym.get("funding_amount_cny_10k"));
            assertEquals("DECIMAL(20,6)", zym.get("patents_applied_frac"));
            assertEquals("TIMESTAMP WITH TIME ZONE", describe(s, "run_summary").get("started_at"));
            // run_summary's per-source accounts as typed columns, every reason and flag present (4 firm rows, one
            // with an unknown status: BAD_ENUM; the one patent accepted; the two zones, every row accepted; the three
            // firms placed by their zone_id)
            try (ResultSet rs = s.executeQuery("SELECT s.source, s.read, s.accepted, s.rejected, s.after_as_of, "
                    + "element_at(s.rejected_by_reason, 'BAD_ENUM')[1], cardinality(s.rejected_by_reason), "
                    + "cardinality(s.flags), element_at(s.flags, 'EXIT_DATE_MISSING')[1], "
                    + "element_at(placement, 'zone_id')[1], element_at(placement, 'unplaced')[1], "
                    + "element_at(element_at(matching, 'patent_applicants')[1], 'by_name')[1] "
                    + "FROM (SELECT unnest(sources) AS s, placement, matching FROM " + scan("run_summary")
                    + " WHERE as_of = DATE '2024-06-30') ORDER BY 1")) {
                List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= 12; i++) {
                        b.append(i > 1 ? "," : "").append(rs.getString(i));
                    }
                    rows.add(b.toString());
                }
                assertEquals(List.of("enterprises,4,3,1,0,1,15,9,0,3,0,1", "patents,1,1,0,0,0,15,9,0,3,0,1",
                        "zones,2,2,0,0,0,15,9,0,3,0,1"), rows);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + scan("zone_year_metrics")
                    + " WHERE as_of = DATE '2024-06-30'")) {
                rs.next();
                assertEquals(2 * 10, rs.getLong(1), "2 zones x 2015..2024");
            }
            try (ResultSet rs = s.executeQuery("SELECT reason_code, line_no FROM " + scan("rejects")
                    + " WHERE as_of = DATE '2024-06-30'")) {
                rs.next();
                assertEquals("BAD_ENUM", rs.getString(1));
                assertEquals(4, rs.getLong(2));
            }
        }
    }

    private static String scan(String table) {
        return "read_parquet('" + out.resolve(table) + "/**/*.parquet', hive_partitioning = true)";
    }

    private static Map<String, String> describe(Statement s, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + scan(table))) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return types;
    }
}
