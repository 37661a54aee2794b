package io.clusterbench.metrics;

import io.clusterbench.Pipeline;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Patent attribution and funding worked by hand. Firms: A and B in Z1, C in Z2, and two firms whose names
 * normalise alike (同名科技有限公司 / 同名科技有限责任公司). B was formerly 旧乙公司.
 * P1 (invention, 2021, granted 2023-01-10, valid, now owned by C): applicants A;B;C;D (D matches nothing), n = 4.
 * P2 (2021): the ambiguous name only. P3 (utility model, 2022): C's code under another name.
 * P4 (invention, 2022, granted 2022-12-01, valid): 旧乙公司 (B by its former name).
 * P5 (utility model, 2023): 丙科技有限公司; 丙 科技有限公司 (the same name again, carrying the code of 同名科技有限公司:
 * dropped with its code, first occurrence wins); 某名字 with A's code. n = 2: C and A, half each.
 * P6 (utility model, 2023): 丙科技有限公司 and C's code under 别名公司: one firm twice, so n = 1 and C counts once.
 */
class PatentsAndFundingTest extends SparkTestBase {
    @TempDir
    static Path dir;
    static Pipeline.Marts result;
    static Dataset<Row> zym;

    @BeforeAll
    static void run() {
        Path in = dir.resolve("in");
        TestInputs.write(in.resolve("zones.csv"), lines(TestInputs.ZONES_HEADER,
                "z1,园区一,,渭南,陕西,home,,10,,,,", "z2,园区二,,苏州,江苏,benchmark,,4,,,,"));
        TestInputs.write(in.resolve("enterprises.csv"), lines("credit_code,name,former_names,zone_id,established_date,status",
                code(0) + ",A科技有限公司,,z1,2010-01-01,存续",
                code(1) + ",乙科技有限公司,旧乙公司,z1,2010-01-01,存续",
                code(2) + ",丙科技有限公司,,z2,2010-01-01,存续",
                code(3) + ",同名科技有限公司,,z1,2010-01-01,存续",
                code(4) + ",同名科技有限责任公司,,z2,2010-01-01,存续"));
        TestInputs.write(in.resolve("patents.csv"), lines(
                "application_no,patent_type,application_date,grant_date,applicants,applicant_codes,current_owners,legal_status",
                "202110000001.6,发明,2021-03-01,2023-01-10,a 科技有限公司;乙科技有限公司;丙科技有限公司;D大学,;;;,丙科技有限公司,有效",
                "202110000002.0,发明,2021-04-01,,同名科技有限公司,,,审中",
                "202220000003.5,实用新型,2022-05-01,2022-10-01,另一个名字," + code(2) + ",,有效",
                "202210000004.4,发明,2022-02-01,2022-12-01,旧乙公司,,,有效",
                "202320000005.9,实用新型,2023-03-01,,丙科技有限公司;丙 科技有限公司;某名字,;" + code(3) + ";" + code(0) + ",,有效",
                "202320000006.3,实用新型,2023-04-01,,丙科技有限公司;别名公司,;" + code(2) + ",,有效"));
        TestInputs.write(in.resolve("funding.csv"), lines("event_id,credit_code,company_name,date,round,amount",
                "E1," + code(0) + ",随便写的名字,2021-05-01,A轮,500万元",
                "E2,,乙科技有限公司,2021-06-01,B轮,数千万",
                "E3,,丙科技有限公司,2022-01-01,天使轮,100万美元",
                "E4,,同名科技有限公司,2022-01-01,天使轮,100万元",
                "E5,,查无此公司,2022-01-01,天使轮,100万元"));
        result = marts(TestInputs.config(in, dir.resolve("out"), "2024-06-30"), dir.resolve("scratch"));
        zym = result.metrics().zoneYearMetrics().cache();
    }

    private static Row at(String zone, int year) {
        return zym.filter(col("zone_id").equalTo(zone).and(col("year").equalTo(year))).first();
    }

    @Test
    void checkDigitsOfTheFixture() throws Exception {
        // The application numbers above carry valid check digits (worked out by hand, verified by the parser).
        for (String n : new String[]{"202110000001.6", "202110000002.0", "202220000003.5", "202210000004.4",
                "202320000005.9", "202320000006.3"}) {
            io.clusterbench.value.ApplicationNumber.parse(n);
        }
    }

    @Test
    void wholeAndFractionalCounting() {
        Row z1 = at("z1", 2021);
        Row z2 = at("z2", 2021);
        assertEquals(1L, z1.<Long>getAs("patents_applied"));
        assertEquals(1L, z2.<Long>getAs("patents_applied"));
        assertEquals(new BigDecimal("0.500000"), z1.getAs("patents_applied_frac"));  // A and B of n = 4
        assertEquals(new BigDecimal("0.250000"), z2.getAs("patents_applied_frac"));  // C of n = 4
        assertEquals(1L, z1.<Long>getAs("invention_applied"));
        // 2022: P4 to z1 by former name, P3 to z2 by code; each alone, so 1.000000
        assertEquals(new BigDecimal("1.000000"), at("z1", 2022).getAs("patents_applied_frac"));
        assertEquals(new BigDecimal("1.000000"), at("z2", 2022).getAs("patents_applied_frac"));
        assertEquals(0L, at("z2", 2022).<Long>getAs("invention_applied"), "P3 is a utility model");
    }

    @Test
    void repeatedNamesKeepTheirFirstOccurrenceAndAFirmNamedTwiceCountsOnce() {
        // P5: the repeated 丙 name (with 同名's code) is dropped, so z1 gets A alone: 1 of n = 2
        assertEquals(1L, at("z1", 2023).<Long>getAs("patents_applied"));
        assertEquals(new BigDecimal("0.500000"), at("z1", 2023).getAs("patents_applied_frac"));
        // z2: P5 via C (1 of 2) and P6 via C by name and by code (1 of 1)
        assertEquals(2L, at("z2", 2023).<Long>getAs("patents_applied"));
        assertEquals(new BigDecimal("1.500000"), at("z2", 2023).getAs("patents_applied_frac"));
    }

    @Test
    void grantsByGrantYearAndStockByCurrentOwners() {
        assertEquals(1L, at("z1", 2022).<Long>getAs("invention_granted"));   // P4
        assertEquals(1L, at("z1", 2023).<Long>getAs("invention_granted"));   // P1 via A and B
        assertEquals(new BigDecimal("0.500000"), at("z1", 2023).getAs("invention_granted_frac"));
        assertEquals(1L, at("z2", 2023).<Long>getAs("invention_granted"));   // P1 via C
        // Stock: P4 in z1 from 2022; P1 belongs to its current owner C, so z2 from 2023 and not z1.
        assertEquals(0L, at("z1", 2021).<Long>getAs("invention_stock"));
        assertEquals(1L, at("z1", 2023).<Long>getAs("invention_stock"));
        assertEquals(1L, at("z1", 2024).<Long>getAs("invention_stock"));
        assertEquals(0L, at("z2", 2022).<Long>getAs("invention_stock"));
        assertEquals(1L, at("z2", 2024).<Long>getAs("invention_stock"));
        // z1 has 3 active firms: 100 × 1 / 3
        assertEquals(100.0 / 3, at("z1", 2024).<Double>getAs("invention_stock_per_100_firms"), 1e-9);
        assertEquals(1 / 4.0, at("z2", 2024).<Double>getAs("invention_stock_per_km2"), 1e-12);
    }

    @Test
    void ambiguousAndUnmatchedApplicantsBelongToNoZoneAndAreCounted() {
        // P5 and P6 add two by code and two by name (P5's repeated name is not a reference of its own)
        assertEquals(Map.of("by_code", 3L, "by_name", 5L, "by_former_name", 1L, "ambiguous", 1L, "unmatched", 1L),
                result.links().matching().get("patent_applicants"));
        var patents = result.accounts().stream().filter(a -> a.source().equals("patents")).findFirst().orElseThrow();
        assertEquals(1L, patents.flags().get("AMBIGUOUS_NAME"));
    }

    @Test
    void firmsCarryTheirPatentCounts() {
        Dataset<Row> firms = result.metrics().firms();
        Row a = firms.filter(col("credit_code").equalTo(code(0))).first();
        assertEquals(2L, a.<Long>getAs("patents_total"), "P1 and P5");
        assertEquals(1L, a.<Long>getAs("invention_patents_granted"));
        assertEquals(0L, a.<Long>getAs("invention_patents_valid"), "P1 now belongs to C");
        Row c = firms.filter(col("credit_code").equalTo(code(2))).first();
        assertEquals(4L, c.<Long>getAs("patents_total"), "P1, P3, P5 and P6, each once");
        assertEquals(1L, c.<Long>getAs("invention_patents_valid"));
    }

    @Test
    void fundingMatchedByCodeThenNameWithUndisclosedApart() {
        // E1 by code (the name is ignored), E2 by name (数千万: undisclosed), E3 by name: 100万美元 = 720 (10k CNY)
        Row z1 = at("z1", 2021);
        assertEquals(2L, z1.<Long>getAs("funding_events"));
        assertEquals(new BigDecimal("500.0000"), z1.getAs("funding_amount_cny_10k"));
        assertEquals(1L, z1.<Long>getAs("funding_undisclosed_events"));
        assertEquals(new BigDecimal("720.0000"), at("z2", 2022).getAs("funding_amount_cny_10k"));
        assertEquals(Map.of("by_code", 1L, "by_name", 2L, "by_former_name", 0L, "ambiguous", 1L, "unmatched", 1L),
                result.links().matching().get("funding"));
        assertNull(at("z1", 2021).getAs("hhi_industry"), "no industry_code column: structure is null");
        // the source is present, so a zone-year without events shows 0, not null
        assertEquals(0L, at("z2", 2021).<Long>getAs("funding_events"));
        assertEquals(new BigDecimal("0.0000"), at("z2", 2021).getAs("funding_amount_cny_10k"));
    }
}
