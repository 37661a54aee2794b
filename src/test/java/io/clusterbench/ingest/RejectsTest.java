package io.clusterbench.ingest;

import io.clusterbench.IngestFixture;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One bad row per reason code, each landing in rejects exactly once with its file and line. */
class RejectsTest extends SparkTestBase {
    @TempDir
    static Path dir;
    static IngestResult result;

    @BeforeAll
    static void ingest() throws Exception {
        Path in = dir.resolve("in");
        TestInputs.write(in.resolve("zones.csv"), lines(TestInputs.ZONES_HEADER, "z1,园区,,渭南,陕西,home,,10,,,,"));
        TestInputs.write(in.resolve("enterprises.csv"), lines(
                "credit_code,name,zone_id,established_date,status,deregistered_date,employees,lon,lat,legal_representative",
                code(0) + ",甲公司,z1,2016-03-01,存续,,10,,,某甲",                 // 2 good
                code(1) + ",乙公司,z1",                                              // 3 MALFORMED_ROW
                code(2) + ",,z1,2016-03-01,存续,,10,,,某丙",                          // 4 MISSING_REQUIRED
                "91310115MA1K3BTP2,丁公司,z1,2016-03-01,存续,,10,,,某丁",             // 5 BAD_CREDIT_CODE (17 chars)
                code(3) + ",戊公司,z1,2016-02-30,存续,,10,,,某戊",                    // 6 BAD_DATE
                code(4) + ",己公司,z1,2016-03-01,经营异常,,10,,,某己",                 // 7 BAD_ENUM
                code(5) + ",庚公司,,2016-03-01,存续,,10,200.5,34.5,某庚",              // 8 BAD_GEOMETRY
                code(6) + ",辛公司,z1,2016-03-01,注销,2015-01-01,10,,,某辛",           // 9 DATE_ORDER
                code(7) + ",壬公司,z1,2016-03-01,存续,,-3,,,某壬",                    // 10 NEGATIVE_VALUE
                code(0) + ",甲公司旧记录,z1,1899-03-01,存续,,10,,,某甲",             // 11 DUPLICATE_KEY (loses to line 2), flagged DATE_BEFORE_1900
                code(8) + ",癸公司,z1,2024-09-01,存续,,10,,,某癸"));                  // 12 after as_of
        TestInputs.write(in.resolve("patents.csv"), lines(
                "application_no,patent_type,application_date,grant_date,applicants,applicant_codes,inventors",
                "201710601862.3,发明,2017-03-01,2019-05-05,甲公司,,张三",               // 2 good
                "201710601862.4,发明,2017-03-01,,甲公司,,张三",                        // 3 BAD_APPLICATION_NO
                "CN201710117081.7,外观设计,2017-02-01,,甲公司,,张三",                   // 4 TYPE_CONFLICT
                "ZL2013106997442,,2014-01-01,,甲公司,,张三",                            // 5 BAD_APPLICATION_DATE
                "95115608.X,发明,1995-06-01,,甲公司;乙公司,;;,张三"));                    // 6 LIST_LENGTH_MISMATCH
        Path funding = in.resolve("funding.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(lines("event_id,company_name,date,amount", "E1,甲公司,2020-01-01,500万元").getBytes(StandardCharsets.UTF_8));
        bytes.write("E2,".getBytes(StandardCharsets.UTF_8));
        bytes.write("乙公司".getBytes(Charset.forName("GBK")));                      // 3 ENCODING_ERROR
        bytes.write(",2020-02-01,数千万\n".getBytes(StandardCharsets.UTF_8));
        Files.write(funding, bytes.toByteArray());
        TestInputs.write(in.resolve("financials.csv"), lines("credit_code,year,revenue",
                code(0) + ",2022,1000",                                                  // 2 good
                code(0) + ",二〇二二,1000"));                                            // 3 BAD_NUMBER
        TestInputs.write(in.resolve("published_figures.csv"), lines("zone_id,metric,year,value",
                "z1,hte_count,2023,5",                                                   // 2 good
                "z1,hte_count,2022,1e308"));                                             // 3 BAD_NUMBER (no silent null)
        result = IngestFixture.ingest(in, "sources:\n  funding:\n    encoding: UTF-8\n", "2024-06-30");
    }

    @Test
    void everyReasonCodeOnceWithItsFileAndLine() {
        assertEquals(List.of(
                "enterprises|enterprises.csv|10|NEGATIVE_VALUE",
                "enterprises|enterprises.csv|11|DUPLICATE_KEY",
                "enterprises|enterprises.csv|3|MALFORMED_ROW",
                "enterprises|enterprises.csv|4|MISSING_REQUIRED",
                "enterprises|enterprises.csv|5|BAD_CREDIT_CODE",
                "enterprises|enterprises.csv|6|BAD_DATE",
                "enterprises|enterprises.csv|7|BAD_ENUM",
                "enterprises|enterprises.csv|8|BAD_GEOMETRY",
                "enterprises|enterprises.csv|9|DATE_ORDER",
                "financials|financials.csv|3|BAD_NUMBER",
                "funding|funding.csv|3|ENCODING_ERROR",
                "patents|patents.csv|3|BAD_APPLICATION_NO",
                "patents|patents.csv|4|TYPE_CONFLICT",
                "patents|patents.csv|5|BAD_APPLICATION_DATE",
                "patents|patents.csv|6|LIST_LENGTH_MISMATCH",
                "published_figures|published_figures.csv|3|BAD_NUMBER"), IngestFixture.rejects(result));
        Map<String, Long> perCode = IngestFixture.rejects(result).stream()
                .collect(Collectors.groupingBy(s -> s.substring(s.lastIndexOf('|') + 1), Collectors.counting()));
        assertEquals(Arrays.stream(ReasonCode.values()).map(Enum::name).sorted().toList(),
                perCode.keySet().stream().sorted().toList());
    }

    @Test
    void everySourceIsAccountedFor() {
        for (StagedSource s : result.staged()) {
            IngestFixture.assertAccounted(s);
        }
        SourceAccount e = result.enterprises().account();
        assertEquals(11, e.read());
        assertEquals(1, e.accepted());
        assertEquals(9, e.rejected());
        assertEquals(1, e.afterAsOf());
        assertEquals(Map.of(), e.flags(), "the losing duplicate's flag leaves the accepted rows with it");
        assertEquals(5, result.patents().account().read());
        assertEquals(2, result.funding().account().read());
    }

    @Test
    void rawHoldsRecognisedNonPersonalColumnsAndDetailSaysWhatIsWrong() {
        var row = IngestFixture.only(result.rejects().filter("reason_code = 'BAD_DATE'").collectAsList());
        // Canonical names in the contract's column order; the legal representative is left out.
        assertEquals("credit_code=" + code(3) + " | name=戊公司 | zone_id=z1 | lon= | lat= | established_date=2016-02-30"
                + " | status=存续 | deregistered_date= | employees=10", row.getAs("raw"));
        String detail = row.getAs("detail");
        assertTrue(detail.contains("2016-02-30"), detail);
        var malformed = IngestFixture.only(result.rejects().filter("reason_code = 'MALFORMED_ROW'").collectAsList());
        assertEquals("", malformed.getAs("raw"));
        var dup = IngestFixture.only(result.rejects().filter("reason_code = 'DUPLICATE_KEY'").collectAsList());
        String dupDetail = dup.getAs("detail");
        assertTrue(dupDetail.contains("enterprises.csv:2"), dupDetail);
        for (var r : result.rejects().collectAsList()) {
            assertFalse(r.toString().contains("某") || r.toString().contains("张三"), "personal data in " + r);
        }
    }

    @Test
    void theKeptDuplicateIsTheLaterEstablishedRow() {
        var kept = IngestFixture.only(result.enterprises().staging().filter("credit_code = '" + code(0) + "'").collectAsList());
        assertEquals("甲公司", kept.getAs("name"));
    }
}
