package io.clusterbench.metrics;

import io.clusterbench.Pipeline;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Certificates, tech-SME years and listings worked by hand (as_of 2024-06-30, years 2015–2024, one zone z):
 * H certificates 2019-06-01 and 2021-03-01 (overlapping in 2021; the second ends 2024-03-01, before as_of);
 * T tech SME 2019, 2021, 2024; X tech SME 2021, 2023 but exited 2022-05-01; N on NEEQ since 2019;
 * S on STAR since 2021-07-01; B on ChiNext without a listing date; D on SSE main 2015, delisted 2022-03-01.
 */
class FirmStatesTest extends SparkTestBase {
    @TempDir
    static Path dir;
    static Dataset<Row> zym;
    static Dataset<Row> listed;
    static Dataset<Row> firms;

    @BeforeAll
    static void run() {
        Path in = dir.resolve("in");
        TestInputs.write(in.resolve("zones.csv"), lines(TestInputs.ZONES_HEADER, "z,园区,,渭南,陕西,home,,10,,,,"));
        TestInputs.write(in.resolve("enterprises.csv"), lines(
                "credit_code,name,zone_id,established_date,status,deregistered_date,hte_cert_dates,tech_sme_years,listing_board,stock_code,listing_date,delisting_date",
                code(0) + ",H,z,2010-01-01,存续,,2019-06-01;2021-03-01,,,,,",
                code(1) + ",T,z,2010-01-01,存续,,,2019;2021;2024,,,,",
                code(2) + ",X,z,2010-01-01,注销,2022-05-01,,2021;2023,,,,",
                code(3) + ",N,z,2010-01-01,存续,,,,新三板,830001,2019-05-05,",
                code(4) + ",S,z,2010-01-01,存续,,,,科创板,688001.SH,2021-07-01,",
                code(5) + ",B,z,2010-01-01,存续,,,,创业板,300001,,",
                code(6) + ",D,z,2010-01-01,存续,,,,上交所主板,600001,2015-03-03,2022-03-01"));
        TestInputs.write(in.resolve("patents.csv"), lines("application_no,application_date,applicants"));
        Pipeline.Marts r = marts(TestInputs.config(in, dir.resolve("out"), "2024-06-30"), dir.resolve("scratch"));
        zym = r.metrics().zoneYearMetrics().orderBy("year").cache();
        listed = r.metrics().zoneYearListed().cache();
        firms = r.metrics().firms().cache();
    }

    private static List<Object> series(String column) {
        return zym.select(column).collectAsList().stream().map(r -> r.get(0)).toList();
    }

    private static List<Object> longs(Long... v) {
        return List.of((Object[]) v);
    }

    @Test
    void overlappingCertificatesCountOnce() {
        //                          2015 2016 2017 2018 2019 2020 2021 2022 2023 2024
        assertEquals(longs(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L, 0L), series("hte_count"));
        assertEquals(java.util.Arrays.asList(null, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, -1L), series("hte_net_new"));
        assertEquals(0.1, zym.filter(col("year").equalTo(2019)).first().<Double>getAs("hte_density_per_km2"), 1e-12);
        assertEquals(false, firms.filter("name = 'H'").first().getAs("is_hte_valid"));
    }

    @Test
    void techSmesNeedToBeActiveInTheYear() {
        // T: 2019, 2021, 2024; X: 2021 only (exited 2022-05-01, so not active in 2023)
        assertEquals(longs(0L, 0L, 0L, 0L, 1L, 0L, 2L, 0L, 0L, 1L), series("tech_sme_count"));
        // first registration year: T 2019, X 2021, regardless of activity
        assertEquals(longs(0L, 0L, 0L, 0L, 1L, 0L, 1L, 0L, 0L, 0L), series("tech_sme_first_registered"));
        assertEquals(true, firms.filter("name = 'T'").first().getAs("is_tech_sme_latest"));
    }

    @Test
    void listingsByTheContractsRule() {
        // D 2015–2021 (delisted 2022-03-01); S from 2021; B only in the as_of year; N never (NEEQ)
        assertEquals(longs(1L, 1L, 1L, 1L, 1L, 1L, 2L, 1L, 1L, 2L), series("listed_count"));
        assertEquals(longs(0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L), series("listed_star_count"));
        // D listed 2015, S 2021; B has no date; N is NEEQ
        assertEquals(longs(1L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L), series("listed_new"));
    }

    @Test
    void neeqFirmsAppearInZoneYearListedOnly() {
        List<String> rows = listed.orderBy("board", "year").collectAsList().stream()
                .map(r -> r.getAs("board") + ":" + r.getAs("year") + "=" + r.getAs("listed_count")).toList();
        assertEquals(List.of("CHINEXT:2024=1",
                "NEEQ:2019=1", "NEEQ:2020=1", "NEEQ:2021=1", "NEEQ:2022=1", "NEEQ:2023=1", "NEEQ:2024=1",
                "SSE_MAIN:2015=1", "SSE_MAIN:2016=1", "SSE_MAIN:2017=1", "SSE_MAIN:2018=1", "SSE_MAIN:2019=1",
                "SSE_MAIN:2020=1", "SSE_MAIN:2021=1",
                "STAR:2021=1", "STAR:2022=1", "STAR:2023=1", "STAR:2024=1"), rows);
    }
}
