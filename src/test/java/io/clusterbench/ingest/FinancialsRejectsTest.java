package io.clusterbench.ingest;

import io.clusterbench.IngestFixture;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The financials rules of the input contract: the key is required, the year is four digits, and the figures are
 * what the row is for, so an unreadable amount or count rejects the row instead of being flagged.
 */
class FinancialsRejectsTest extends SparkTestBase {
    @TempDir
    Path dir;

    @Test
    void everyRuleWithItsReasonAndLine() {
        Path in = dir.resolve("in");
        TestInputs.write(in.resolve("zones.csv"), lines(TestInputs.ZONES_HEADER, "z1,园区,,渭南,陕西,home,,10,,,,"));
        TestInputs.write(in.resolve("enterprises.csv"), lines("credit_code,name,zone_id,established_date,status",
                code(0) + ",甲公司,z1,2016-03-01,存续"));
        TestInputs.write(in.resolve("patents.csv"), lines("application_no,application_date,applicants"));
        String h = "credit_code,year,revenue,rd_expense,hightech_revenue,total_assets,employees,rd_staff";
        TestInputs.write(in.resolve("financials.csv"), lines(h,
                code(0) + ",2022,1000,100,500,3000,50,10",          // 2 accepted
                ",2022,1000,,,,,",                                  // 3 MISSING_REQUIRED (credit code)
                code(1) + ",,1000,,,,,",                            // 4 MISSING_REQUIRED (year)
                "123,2022,1000,,,,,",                               // 5 BAD_CREDIT_CODE
                code(1) + ",22,1000,,,,,",                          // 6 BAD_NUMBER (not four digits)
                code(1) + ",2022.5,1000,,,,,",                      // 7 BAD_NUMBER
                code(1) + ",2022,abc,,,,,",                         // 8 BAD_NUMBER (amount unreadable)
                code(2) + ",2022,-5,,,,,",                          // 9 NEGATIVE_VALUE
                code(3) + ",2022,,,,,12.5,",                        // 10 BAD_NUMBER (employees)
                code(4) + ",2022,,,,,-3,",                          // 11 NEGATIVE_VALUE
                code(5) + ",2022,,,,,,十",                          // 12 BAD_NUMBER (rd_staff)
                code(6) + ",２０２１,800,未披露,,,,",                 // 13 accepted: full-width year, undisclosed R&D
                code(0) + ",2022,999,,,,,",                         // 14 DUPLICATE_KEY (line 2 kept)
                code(7) + ",2025,1,,,,,"));                         // 15 after as_of
        var result = IngestFixture.ingest(in, null, "2024-06-30");
        assertEquals(List.of(
                "financials|financials.csv|10|BAD_NUMBER",
                "financials|financials.csv|11|NEGATIVE_VALUE",
                "financials|financials.csv|12|BAD_NUMBER",
                "financials|financials.csv|14|DUPLICATE_KEY",
                "financials|financials.csv|3|MISSING_REQUIRED",
                "financials|financials.csv|4|MISSING_REQUIRED",
                "financials|financials.csv|5|BAD_CREDIT_CODE",
                "financials|financials.csv|6|BAD_NUMBER",
                "financials|financials.csv|7|BAD_NUMBER",
                "financials|financials.csv|8|BAD_NUMBER",
                "financials|financials.csv|9|NEGATIVE_VALUE"),
                IngestFixture.rejects(result).stream().filter(r -> r.startsWith("financials")).toList());
        StagedSource f = result.financials();
        IngestFixture.assertAccounted(f);
        assertEquals(14, f.account().read());
        assertEquals(1, f.account().afterAsOf());
        Row r2021 = f.staging().filter("year = 2021").first();
        assertEquals(0, new java.math.BigDecimal("800").compareTo(r2021.getAs("revenue_cny_10k")));
        assertNull(r2021.getAs("rd_expense_cny_10k"), "undisclosed is no number");
    }
}
