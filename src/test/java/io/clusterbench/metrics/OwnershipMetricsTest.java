package io.clusterbench.metrics;

import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Ownership per zone and year (metrics.md "Ownership and the private economy"), worked by hand over the firm-year
 * events and the zone-year assembly directly. Zone z, years 2015–2024 (as_of 2024-06-30):
 * A private, established 2016, active 2016–; B state, established 2010, active from before 2015;
 * C foreign, established 2018, active 2018–2020; D unknown (a legal person's firm), established 2020, active 2020–;
 * E private, established 2022, active 2022–; F private, established 2012, exited 2014 (never active in range).
 * Zone y has no firm.
 */
class OwnershipMetricsTest extends SparkTestBase {
    @TempDir
    static Path dir;
    static JobConfig config;
    static Dataset<Row> firmZones;
    static Dataset<Row> grid;

    @BeforeAll
    static void data() {
        config = TestInputs.config(dir, dir.resolve("out"), "2024-06-30");
        firmZones = spark().sql("SELECT zone_id, active_from, active_to, 'zone_id' AS placement,"
                + " CASE WHEN ownership = 'state' THEN 'STAR' END AS listing_board,"
                + " CASE WHEN ownership = 'state' THEN DATE'2019-06-01' END AS listing_date,"
                + " CAST(NULL AS DATE) AS delisting_date, CAST(est AS DATE) AS established_date,"
                + " CAST(dereg AS DATE) AS deregistered_date, CAST(NULL AS ARRAY<INT>) AS tech_sme_years,"
                + " CAST(NULL AS ARRAY<DATE>) AS hte_cert_dates, ownership FROM VALUES"
                + " ('z', 2016, 2024, '2016-03-01', NULL, 'private'),"
                + " ('z', 2010, 2024, '2010-01-01', NULL, 'state'),"
                + " ('z', 2018, 2020, '2018-01-01', '2021-02-01', 'foreign'),"
                + " ('z', 2020, 2024, '2020-05-01', NULL, 'unknown'),"
                + " ('z', 2022, 2024, '2022-07-01', NULL, 'private'),"
                + " ('z', 2012, 2013, '2012-01-01', '2014-01-01', 'private')"
                + " AS t(zone_id, active_from, active_to, est, dereg, ownership)");
        grid = spark().sql("SELECT zone_id, CAST(year AS INT) AS year, year = 2024 AS is_partial_year,"
                + " 10.0 AS area_km2 FROM VALUES ('z'), ('y') AS z(zone_id) CROSS JOIN (SELECT explode(sequence(2015, 2024)) AS year)");
    }

    private static Dataset<Row> assemble(boolean ownershipKnown) {
        return assemble(ownershipKnown, true, true);
    }

    /** The state-owned firm is listed on STAR on 2019-06-01; the files have boards, and dates or exit dates as given. */
    private static Dataset<Row> assemble(boolean ownershipKnown, boolean exitDates, boolean listingDates) {
        Dataset<Row> events = FirmYearEvents.perZoneYear(firmZones, config);
        ZoneYearMetrics.Availability has = ZoneYearMetrics.Availability.where(Map.of(
                ZoneYearMetrics.Input.LISTING_BOARD, true, ZoneYearMetrics.Input.OWNERSHIP, ownershipKnown,
                ZoneYearMetrics.Input.EXIT_DATE, exitDates, ZoneYearMetrics.Input.LISTING_DATE, listingDates));
        return ZoneYearMetrics.assemble(grid, events, null, null, grid.select("zone_id", "year"), null, has);
    }

    private static List<Object> series(Dataset<Row> zym, String zone, String column) {
        return zym.filter(col("zone_id").equalTo(zone)).orderBy("year").select(column).collectAsList().stream()
                .map(r -> r.get(0)).toList();
    }

    @Test
    void firmsExitedByTheExitDatesYearAndNullWithoutTheColumn() {
        // exits dated 2021-02-01 (the foreign firm) and 2014-01-01 (before the range)
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L), series(assemble(true, true, true), "z", "firms_exited"));
        assertEquals(Collections.nCopies(10, null), series(assemble(true, false, true), "z", "firms_exited"),
                "no exit-date column in any file: exits per year are unknown, not 0");
    }

    @Test
    void listedNewByTheListingDatesYearAndNullWithoutTheColumn() {
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L), series(assemble(true, true, true), "z", "listed_new"));
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L), series(assemble(true, true, true), "z", "listed_count"));
        assertEquals(Collections.nCopies(10, null), series(assemble(true, true, false), "z", "listed_new"),
                "boards but no listing-date column in any file: listings per year are unknown, not 0");
    }

    @Test
    void countsAndSharesPerYear() {
        Dataset<Row> zym = assemble(true).cache();
        //                            2015 2016 2017 2018 2019 2020 2021 2022 2023 2024
        assertEquals(List.of(1L, 2L, 2L, 3L, 3L, 4L, 3L, 4L, 4L, 4L), series(zym, "z", "firms_active"));
        assertEquals(List.of(0L, 1L, 1L, 1L, 1L, 1L, 1L, 2L, 2L, 2L), series(zym, "z", "firms_active_private"));
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L), series(zym, "z", "firms_active_state"));
        assertEquals(List.of(0L, 0L, 0L, 1L, 1L, 1L, 0L, 0L, 0L, 0L), series(zym, "z", "firms_active_foreign"));
        // new private firms, with no activity condition: A in 2016, E in 2022 (F's 2012 is before the range)
        assertEquals(List.of(0L, 1L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L), series(zym, "z", "firms_new_private"));
        // known = active minus D from 2020: 1, 2, 2, 3, 3, 3 of 4, 2 of 3, 3 of 4, …
        assertEquals(Arrays.asList(1.0, 1.0, 1.0, 1.0, 1.0, 0.75, 2.0 / 3, 0.75, 0.75, 0.75),
                series(zym, "z", "ownership_known_share"));
        // private ÷ known: 0/1, 1/2, 1/2, 1/3, 1/3, 1/3, 1/2, 2/3, 2/3, 2/3
        assertEquals(Arrays.asList(0.0, 0.5, 0.5, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0.5, 2.0 / 3, 2.0 / 3, 2.0 / 3),
                series(zym, "z", "private_share"));
        // a zone without firms: counts 0, shares null (nothing to divide)
        assertEquals(0L, series(zym, "y", "firms_active_private").get(9));
        assertNull(series(zym, "y", "ownership_known_share").get(9));
        assertNull(series(zym, "y", "private_share").get(9));
    }

    @Test
    void everyOwnershipColumnIsNullWhenNoFileHasTheEnterpriseType() {
        Row r = assemble(false).filter("zone_id = 'z' AND year = 2024").first();
        for (String c : List.of("firms_active_private", "firms_active_state", "firms_active_foreign",
                "ownership_known_share", "private_share", "firms_new_private")) {
            assertNull(r.getAs(c), c);
        }
        assertEquals(4L, (long) r.<Long>getAs("firms_active"));
    }
}
