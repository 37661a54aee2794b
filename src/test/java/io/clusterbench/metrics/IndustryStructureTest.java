package io.clusterbench.metrics;

import io.clusterbench.Pipeline;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import io.clusterbench.config.JobConfigLoader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Industry structure in 2024 worked by hand. Zone Z: divisions 27, 27, 39, 65; zone W: 39, 35; unplaced: 39, 35;
 * an individual business in Z (27) counts nowhere. Reference X = 8: r(27) = .25, r(39) = .375, r(65) = .125,
 * r(35) = .25. Z: shares .5/.25/.25 → LQ 2, 2/3, 2; HHI .375; Krugman .25 + .125 + .125 + .25 (35 absent) = .75.
 * W: shares .5/.5 → LQ(39) 4/3, LQ(35) 2; HHI .5; Krugman .125 + .25 + .25 + .125 = .75; top division tied →
 * the smaller code, 35.
 */
class IndustryStructureTest extends SparkTestBase {
    @TempDir
    static Path dir;
    static Dataset<Row> zym;
    static Dataset<Row> zim;
    static Dataset<Row> zimAll;

    @BeforeAll
    static void run() {
        Path in = dir.resolve("in");
        TestInputs.write(in.resolve("zones.csv"), lines(TestInputs.ZONES_HEADER,
                "z,园区,,渭南,陕西,home,,10,,,,", "w,另一园区,,苏州,江苏,benchmark,,1,,,,"));
        TestInputs.write(in.resolve("enterprises.csv"), lines("credit_code,name,zone_id,industry_code,established_date,status,employees",
                code(0) + ",Z27a,z,C2710,2010-01-01,存续,10",
                code(1) + ",Z27b,z,2720,2010-01-01,存续,20",
                code(2) + ",Z39,z,C3911,2010-01-01,存续,30",
                code(3) + ",Z65,z,I6510,2010-01-01,存续,40",
                code(4) + ",W39,w,C39,2010-01-01,存续,",
                code(5) + ",W35,w,C3511,2010-01-01,存续,5",
                code(6) + ",U39,,C3912,2010-01-01,存续,7",
                code(7) + ",U35,,C3512,2010-01-01,存续,8",
                "92340602MA2PBQAH7E,个体,z,C2710,2010-01-01,存续,3"));
        TestInputs.write(in.resolve("financials.csv"), lines("credit_code,year,employees",
                code(2) + ",2024,99", code(2) + ",2023,77"));
        TestInputs.write(in.resolve("patents.csv"), lines("application_no,patent_type,application_date,grant_date,applicants,legal_status",
                "202110000001.6,发明,2021-03-01,2024-05-01,Z65,有效"));
        Path job = TestInputs.write(dir.resolve("job.yaml"), "first_year: 2023\n");
        Pipeline.Marts r = marts(JobConfigLoader.load(job,
                new JobConfigLoader.Overrides(in.toString(), dir.resolve("out").toString(), "2024-12-31")), dir.resolve("scratch"));
        zym = r.metrics().zoneYearMetrics().filter(col("year").equalTo(2024)).cache();
        zimAll = r.metrics().zoneIndustryMetrics().cache();
        zim = zimAll.filter(col("year").equalTo(2024));
    }

    private static Row zone(String z) {
        return zym.filter(col("zone_id").equalTo(z)).first();
    }

    private static Row cell(String z, String d) {
        return zim.filter(col("zone_id").equalTo(z).and(col("industry_division").equalTo(d))).first();
    }

    @Test
    void concentrationAndSpecialisation() {
        assertEquals(0.375, zone("z").<Double>getAs("hhi_industry"), 1e-12);
        assertEquals(0.75, zone("z").<Double>getAs("krugman_specialisation"), 1e-12);
        assertEquals("27", zone("z").getAs("top_division"));
        assertEquals(2.0, zone("z").<Double>getAs("top_division_lq"), 1e-12);
        assertEquals(0.5, zone("w").<Double>getAs("hhi_industry"), 1e-12);
        assertEquals(0.75, zone("w").<Double>getAs("krugman_specialisation"), 1e-12);
        assertEquals("35", zone("w").getAs("top_division"), "a tie goes to the smaller code");
        assertEquals(2.0, zone("w").<Double>getAs("top_division_lq"), 1e-12);
        assertEquals(false, zone("z").getAs("is_partial_year"), "as_of Dec 31: a full year");
    }

    @Test
    void sharesAndLocationQuotients() {
        assertEquals(5, zim.count(), "one row per zone and division with an active firm: z 27, 39, 65; w 35, 39");
        assertEquals(2L, cell("z", "27").<Long>getAs("firms_active"));
        assertEquals(0.5, cell("z", "27").<Double>getAs("share_in_zone"), 1e-12);
        assertEquals(2.0, cell("z", "27").<Double>getAs("lq"), 1e-12);
        assertEquals(2.0 / 3, cell("z", "39").<Double>getAs("lq"), 1e-12);
        assertEquals(4.0 / 3, cell("w", "39").<Double>getAs("lq"), 1e-12);
        // an LQ from two firms, or one, is reported but not reliable (min_cell_firms defaults to 3)
        assertEquals(false, cell("z", "27").getAs("lq_reliable"));
        assertEquals(false, cell("z", "39").getAs("lq_reliable"));
    }

    @Test
    void employeesPreferTheFinancialsOfTheYear() {
        assertEquals(30L, cell("z", "27").<Long>getAs("employees"));
        assertEquals(99L, cell("z", "39").<Long>getAs("employees"), "financials 2024 replace the registry's 30");
        assertNull(cell("w", "39").getAs("employees"), "no firm of the cell has either figure");
        assertEquals(5L, cell("w", "35").<Long>getAs("employees"));
        assertEquals(77L, zimAll2023("z", "39"));
    }

    @Test
    void inventionsGrantedByDivision() {
        assertEquals(1L, cell("z", "65").<Long>getAs("invention_granted"));
        assertEquals(0L, cell("z", "27").<Long>getAs("invention_granted"));
    }

    private static long zimAll2023(String z, String d) {
        return zimAll.filter(col("year").equalTo(2023).and(col("zone_id").equalTo(z)).and(col("industry_division").equalTo(d)))
                .first().<Long>getAs("employees");
    }
}
