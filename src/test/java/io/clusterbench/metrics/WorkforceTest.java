package io.clusterbench.metrics;

import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Employment, R&D and productivity worked by hand (metrics.md "Employment, R&D and productivity"), every firm
 * active throughout. Zone z: A registry 10 employees, financials 2023 (12 employees, revenue 1000, R&D 50,
 * high-tech revenue 400); B no registry figure, financials 2023 (8 employees, revenue 500); C registry 20,
 * financials 2023 with R&D 30 only; D registry 5, no financials. Zone w: F without any figure, a financials 2023
 * row with every value empty.
 */
class WorkforceTest extends SparkTestBase {
    @TempDir
    static Path dir;
    static Dataset<Row> zym;
    static Dataset<Row> firmZones;
    static Dataset<Row> financials;
    static JobConfig config;

    @BeforeAll
    static void data() {
        config = TestInputs.config(dir, dir.resolve("out"), "2024-06-30");
        firmZones = spark().sql("SELECT code AS credit_code, zone_id, 'C27' AS industry_division,"
                + " 2010 AS active_from, 2024 AS active_to, CAST(employees AS INT) AS employees FROM VALUES"
                + " ('A', 'z', 10), ('B', 'z', NULL), ('C', 'z', 20), ('D', 'z', 5), ('F', 'w', NULL)"
                + " AS t(code, zone_id, employees)");
        financials = spark().sql("SELECT code AS credit_code, CAST(year AS INT) AS year,"
                + " CAST(employees AS INT) AS employees, CAST(revenue AS DECIMAL(20,4)) AS revenue_cny_10k,"
                + " CAST(rd AS DECIMAL(20,4)) AS rd_expense_cny_10k, CAST(ht AS DECIMAL(20,4)) AS hightech_revenue_cny_10k"
                + " FROM VALUES ('A', 2023, 12, 1000, 50, 400), ('B', 2023, 8, 500, NULL, NULL),"
                + " ('C', 2023, NULL, NULL, 30, NULL), ('F', 2023, NULL, NULL, NULL, NULL)"
                + " AS t(code, year, employees, revenue, rd, ht)");
        Dataset<Row> finRows = IndustryStructure.firmYearFinancials(firmZones, financials, financials.count(), config);
        Dataset<Row> grid = spark().sql("SELECT zone_id, CAST(year AS INT) AS year, year = 2024 AS is_partial_year,"
                + " 10.0 AS area_km2 FROM VALUES ('z'), ('w') AS z(zone_id) CROSS JOIN (SELECT explode(sequence(2015, 2024)) AS year)");
        // nine inventions enter z's stock in 2023
        Dataset<Row> patents = spark().sql("SELECT 'z' AS zone_id, 2023 AS year, 0L AS patents_applied,"
                + " CAST(0 AS DECIMAL(20,6)) AS patents_applied_frac, 0L AS invention_applied, 0L AS invention_granted,"
                + " CAST(0 AS DECIMAL(20,6)) AS invention_granted_frac, 9L AS stock_added, 0L AS patents_academic_coapplied");
        // the firm-state events do not matter here: one active firm per zone from 2015, every other count 0
        StringBuilder events = new StringBuilder("SELECT zone_id, 2015 AS year");
        for (String c : java.util.stream.Stream.concat(FirmYearEvents.RUNNING.stream(), FirmYearEvents.FLOWS.stream()).toList()) {
            events.append(", ").append(c.equals("active") ? "1L" : "0L").append(" AS ").append(c);
        }
        Dataset<Row> firmEvents = spark().sql(events + " FROM VALUES ('z'), ('w') AS t(zone_id)");
        ZoneYearMetrics.Availability has = ZoneYearMetrics.Availability.of(ZoneYearMetrics.Input.GRANT_DATE,
                ZoneYearMetrics.Input.LEGAL_STATUS, ZoneYearMetrics.Input.FINANCIALS, ZoneYearMetrics.Input.EXIT_DATE,
                ZoneYearMetrics.Input.LISTING_DATE);
        zym = ZoneYearMetrics.assemble(grid, firmEvents, patents, null, grid.select("zone_id", "year"),
                Workforce.perZoneYear(firmZones, finRows, config), has).cache();
    }

    private static Row at(String zone, int year) {
        return zym.filter("zone_id = '" + zone + "' AND year = " + year).first();
    }

    @Test
    void aYearWithFinancials() {
        Row r = at("z", 2023);
        assertEquals(45L, (long) r.<Long>getAs("employees"), "12 + 8 from financials, 20 + 5 from the registry");
        assertEquals(3L, (long) r.<Long>getAs("financials_firms"));
        assertEquals(0, new BigDecimal("1500").compareTo(r.getAs("revenue_cny_10k")));
        assertEquals(0, new BigDecimal("80").compareTo(r.getAs("rd_expense_cny_10k")));
        assertEquals(0.05, r.<Double>getAs("rd_intensity"), 1e-12, "only A has both: 50 / 1000");
        assertEquals(0.4, r.<Double>getAs("hightech_revenue_share"), 1e-12, "only A has both: 400 / 1000");
        assertEquals(75.0, r.<Double>getAs("revenue_per_employee_cny_10k"), 1e-12, "A and B: 1500 / 20");
        assertEquals(2000.0, r.<Double>getAs("invention_stock_per_10k_employees"), 1e-9, "10,000 × 9 / 45");
    }

    @Test
    void aYearWithoutFinancialsRowsKeepsTheRegistryFigures() {
        Row r = at("z", 2024);
        assertEquals(35L, (long) r.<Long>getAs("employees"), "A 10, C 20, D 5; B has no figure");
        assertEquals(0L, (long) r.<Long>getAs("financials_firms"));
        assertNull(r.getAs("revenue_cny_10k"), "a sum over no value is null, not 0");
        assertNull(r.getAs("rd_intensity"));
        assertNull(r.getAs("revenue_per_employee_cny_10k"));
    }

    @Test
    void aZoneYearWhereNoRowHasRevenue() {
        Row r = at("w", 2023);
        assertEquals(1L, (long) r.<Long>getAs("financials_firms"));
        assertNull(r.getAs("employees"), "neither the registry nor the row has a figure");
        assertNull(r.getAs("revenue_cny_10k"));
        assertNull(r.getAs("rd_intensity"));
        assertNull(r.getAs("hightech_revenue_share"));
        assertNull(r.getAs("invention_stock_per_10k_employees"));
    }

    /**
     * The stated row count only picks how the financials meet the firm rows: broadcast (up to 1 M rows), the firm
     * rows narrowed by the filers' code hashes (up to 20 M), or a plain shuffle. All three give the same firm-years.
     */
    @Test
    void firmYearsAreTheSameWhicheverWayTheFinancialsAreJoined() {
        java.util.List<String> expected = java.util.List.of(
                "w 2023 null null null null null",  // F: a row with every value empty
                "z 2023 10 12 1000.0000 50.0000 400.0000",  // A
                "z 2023 20 null null 30.0000 null",  // C
                "z 2023 null 8 500.0000 null null");  // B; D files nothing
        for (long stated : new long[]{4, 2_000_000, 30_000_000}) {
            java.util.List<String> got = IndustryStructure.firmYearFinancials(firmZones, financials, stated, config)
                    .collectAsList().stream()
                    .map(r -> r.getAs("zone_id") + " " + r.getAs("year") + " "
                            + r.getAs("employees") + " " + r.getAs("fin_employees") + " " + r.getAs("revenue_cny_10k")
                            + " " + r.getAs("rd_expense_cny_10k") + " " + r.getAs("hightech_revenue_cny_10k"))
                    .sorted().toList();
            assertEquals(expected, got, "financials stated as " + stated + " rows");
        }
    }
}
