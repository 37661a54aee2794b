package io.clusterbench.ingest;

import io.clusterbench.Pipeline;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Accepted rows with caveats: each flag counted once per row in the run summary, never a reject. */
class FlagsTest extends SparkTestBase {
    @TempDir
    Path dir;

    @Test
    void flagsAreCountedPerSourceAndTheRowsKept() {
        Path in = dir.resolve("in");
        TestInputs.write(in.resolve("zones.csv"), lines(TestInputs.ZONES_HEADER, "z1,园区,,渭南,陕西,home,,10,,,,"));
        TestInputs.write(in.resolve("enterprises.csv"), lines(
                "credit_code,name,zone_id,industry_code,established_date,status,deregistered_date,listing_board,stock_code,listing_date,tech_sme_years,hte_cert_dates",
                "91310115MA1K3BTP2C,校验位错公司,z1,C2710,2016-03-01,存续,,,,,,",                       // CREDIT_CODE_CHECKSUM
                code(1) + ",注销无日期公司,z1,C2710,2016-03-01,注销,,,,,,",                                // EXIT_DATE_MISSING
                code(2) + ",幽灵园区公司,ghost,C2710,2016-03-01,存续,,,,,,",                               // UNKNOWN_ZONE
                code(3) + ",板块不符公司,z1,C2710,2016-03-01,存续,,科创板,300001.SZ,2020-01-01,,",          // STOCK_CODE_BOARD_MISMATCH
                code(4) + ",坏行业码公司,z1,X99,2016-03-01,存续,,,,,2021;二〇二二,2021-01-01;2021-02-30", // BAD_OPTIONAL_VALUE (3 bad cells, 1 flag)
                code(5) + ",未来上市公司,z1,C2710,2016-03-01,存续,,科创板,688001,2024-09-01,2023;2025,",   // DATE_AFTER_AS_OF
                code(6) + ",未来注销公司,z1,C2710,2016-03-01,注销,2024-08-01,,,,,"));                      // DATE_AFTER_AS_OF + EXIT_DATE_MISSING
        TestInputs.write(in.resolve("patents.csv"), lines("application_no,application_date,applicants,legal_status",
                "201710601862.3,2017-03-01,甲公司,专利权转让"));                                             // UNMAPPED_VALUE
        TestInputs.write(in.resolve("funding.csv"), lines("event_id,company_name,date,round,amount",
                "E1,甲公司,2020-01-01,Series A,数千万"));                                                    // UNMAPPED_VALUE
        Pipeline.Marts r = marts(TestInputs.config(in, dir.resolve("out"), "2024-06-30"), dir.resolve("scratch"));

        Map<String, SourceAccount> bySource = new java.util.HashMap<>();
        r.accounts().forEach(a -> bySource.put(a.source(), a));
        SourceAccount e = bySource.get("enterprises");
        assertEquals(7, e.accepted());
        assertEquals(0, e.rejected());
        assertEquals(Map.of("CREDIT_CODE_CHECKSUM", 1L, "EXIT_DATE_MISSING", 2L, "UNKNOWN_ZONE", 1L,
                "STOCK_CODE_BOARD_MISMATCH", 1L, "BAD_OPTIONAL_VALUE", 1L, "DATE_AFTER_AS_OF", 2L), e.flags());
        assertEquals(Map.of("UNMAPPED_VALUE", 1L), bySource.get("patents").flags());
        assertEquals(Map.of("UNMAPPED_VALUE", 1L), bySource.get("funding").flags());

        List<Row> firms = r.metrics().firms().collectAsList();
        Row future = firms.stream().filter(f -> f.getAs("credit_code").equals(code(5))).findFirst().orElseThrow();
        assertNull(future.getAs("listing_board"), "not yet listed on as_of");
        assertNull(future.getAs("listing_date"));
        Row badIndustry = firms.stream().filter(f -> f.getAs("credit_code").equals(code(4))).findFirst().orElseThrow();
        assertNull(badIndustry.getAs("industry_division"));
    }
}
