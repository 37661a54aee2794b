package io.clusterbench.ingest;

import io.clusterbench.IngestFixture;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import io.clusterbench.config.ConfigException;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real exports: GBK and BOM files, Chinese headers, chunk directories, gzip, RFC 4180 quoting. */
class FileFormatsTest extends SparkTestBase {
    private static final String ZH_HEADER = "统一社会信用代码,企业名称,园区代码,成立日期,登记状态,注册资本,法定代表人";

    @TempDir
    Path dir;

    private Path baseInput() {
        Path in = dir.resolve("in");
        TestInputs.write(in.resolve("zones.csv"), lines("园区代码,园区名称,城市,省份,角色,面积", "z1,园区,渭南,陕西,home,10"));
        TestInputs.write(in.resolve("patents.csv"), lines("申请号,申请日,申请(专利权)人"));
        return in;
    }

    @Test
    void gbkAndBomFilesWithChineseHeadersInAChunkDirectory() throws IOException {
        Path in = baseInput();
        TestInputs.write(in.resolve("enterprises/a.csv"), "\uFEFF" + lines(ZH_HEADER,
                code(0) + ",渭南甲科技有限公司,z1,2016/3/1,存续,500万元,张三"), StandardCharsets.UTF_8);
        TestInputs.write(in.resolve("enterprises/b.csv"), lines(ZH_HEADER,
                code(1) + ",渭南乙科技有限公司,z1,2017年7月1日,在业,1.2亿,李四",
                code(2) + ",渭南丙科技有限公司,z1,20180101,注销,,王五"), Charset.forName("GBK"));
        IngestResult r = IngestFixture.ingest(in, null, "2024-06-30");
        SourceAccount a = r.enterprises().account();
        // a.csv: decided by its BOM; b.csv: its header and both rows are not UTF-8 (3 votes against, none for)
        assertEquals(List.of(new SourceAccount.FileEncoding("enterprises/a.csv", "UTF-8", true, 0, 1, null),
                new SourceAccount.FileEncoding("enterprises/b.csv", "GB18030", true, 0, 1, null)), a.files());
        assertEquals(3, a.accepted());
        List<String> names = r.enterprises().staging().select("name").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList().stream().sorted().toList();
        assertEquals(List.of("渭南丙科技有限公司", "渭南乙科技有限公司", "渭南甲科技有限公司"), names);
        Row yi = r.enterprises().staging().filter("credit_code = '" + code(1) + "'").first();
        assertEquals(java.sql.Date.valueOf("2017-07-01"), yi.getAs("established_date"));
        assertEquals(new java.math.BigDecimal("12000.0000"), yi.getAs("registered_capital_cny_10k"));
        assertEquals(List.of(), a.unknownColumns());
    }

    @Test
    void gzippedSourceAndQuotedSeparatorsAndNewlinesKeepLineNumbers() throws IOException {
        Path in = baseInput();
        String csv = lines("credit_code,name,zone_id,established_date,status,address",
                code(0) + ",\"渭南\"\"甲\"\"科技, 有限公司\",z1,2016-03-01,存续,\"陕西省渭南市\n高新区\"",   // lines 2-3
                code(1) + ",乙公司,z1,2016-13-01,存续,",                                              // line 4: BAD_DATE
                "",                                                                                    // line 5: blank
                code(2) + ",丙公司,z1,2016-03-01,unknown,");                                          // line 6: BAD_ENUM
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in.resolve("enterprises.csv.gz")))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        IngestResult r = IngestFixture.ingest(in, null, "2024-06-30");
        assertEquals(List.of("enterprises|enterprises.csv.gz|4|BAD_DATE", "enterprises|enterprises.csv.gz|6|BAD_ENUM"),
                IngestFixture.rejects(r));
        Row jia = r.enterprises().staging().first();
        assertEquals("渭南\"甲\"科技, 有限公司", jia.getAs("name"));
        assertEquals("陕西省渭南市高新区", jia.getAs("address_norm"));
        IngestFixture.assertAccounted(r.enterprises());
    }

    @Test
    void aBrokenHeaderOfAnOptionalSourceStopsTheRunBeforeAnySourceIsParsed() {
        Path in = baseInput();
        TestInputs.write(in.resolve("enterprises.csv"), lines(ZH_HEADER, code(0) + ",渭南甲科技有限公司,z1,2016/3/1,存续,500万元,张三"));
        TestInputs.write(in.resolve("funding.csv"), lines("company_name,amount", "渭南甲科技有限公司,100万元"));
        List<String> parsed = new java.util.ArrayList<>();
        ConfigException e = assertThrows(ConfigException.class, () -> IngestFixture.ingest(in, null, "2024-06-30",
                (name, data) -> {
                    parsed.add(name);
                    return data;
                }));
        assertTrue(e.getMessage().contains("funding.csv") && e.getMessage().contains("'date'"), e.getMessage());
        assertEquals(List.of(), parsed, "no source is parsed before every header is checked");
    }

    @Test
    void aFundingHeaderWithNeitherCompanyNameNorCreditCodeStopsTheRun() {
        Path in = baseInput();
        TestInputs.write(in.resolve("enterprises.csv"), lines(ZH_HEADER, code(0) + ",渭南甲科技有限公司,z1,2016/3/1,存续,500万元,张三"));
        TestInputs.write(in.resolve("funding.csv"), lines("融资日期,轮次,金额", "2023-05-01,A轮,100万元"));
        ConfigException e = assertThrows(ConfigException.class, () -> IngestFixture.ingest(in, null, "2024-06-30",
                (name, data) -> data));
        assertTrue(e.getMessage().contains("funding.csv") && e.getMessage().contains("'company_name'")
                && e.getMessage().contains("'credit_code'") && e.getMessage().contains("columns found: 融资日期, 轮次, 金额"),
                e.getMessage());

        // either one is enough
        TestInputs.write(in.resolve("funding.csv"), lines("统一社会信用代码,融资日期", code(0) + ",2023-05-01"));
        assertEquals(1, IngestFixture.ingest(in, null, "2024-06-30").funding().account().accepted());
    }

    @Test
    void headerCollisionsAndUnknownColumns() {
        Path in = baseInput();
        // 企业名称 and name both map to name: the canonical one wins, the alias is reported unknown.
        // 注销日期 and 吊销日期 both feed deregistered_date: the earliest wins.
        TestInputs.write(in.resolve("enterprises.csv"), lines(
                " Credit_Code ,企业名称,name,（成立日期）,登记状态,注销日期,吊销日期,备注,法定代表人",
                code(0) + ",别名,正名,2016-03-01,吊销,2021-05-01,2020-02-02,随便,张三"));
        // The bracketed header is not an alias: established_date is missing → a clear error naming file and column.
        ConfigException e = assertThrows(ConfigException.class, () -> IngestFixture.ingest(in, null, "2024-06-30"));
        assertTrue(e.getMessage().contains("enterprises.csv") && e.getMessage().contains("established_date"), e.getMessage());

        TestInputs.write(in.resolve("enterprises.csv"), lines(
                " Credit_Code ,企业名称,name,成立日期,登记状态,注销日期,吊销日期,备注,法定代表人",
                code(0) + ",别名,正名,2016-03-01,吊销,2021-05-01,2020-02-02,随便,张三"));
        IngestResult r = IngestFixture.ingest(in, null, "2024-06-30");
        Row f = r.enterprises().staging().first();
        assertEquals("正名", f.getAs("name"));
        assertEquals(java.sql.Date.valueOf("2020-02-02"), f.getAs("deregistered_date"));
        assertEquals(List.of("企业名称", "备注"), r.enterprises().account().unknownColumns());
    }

    @Test
    void fullWidthBracketsInHeadersMatch() {
        Path in = baseInput();
        TestInputs.write(in.resolve("patents.csv"), lines("申请号,申请日,申请（专利权）人,发明（设计）人",
                "201710601862.3,2017-03-01,甲公司,张三"));
        TestInputs.write(in.resolve("enterprises.csv"), lines(ZH_HEADER));
        IngestResult r = IngestFixture.ingest(in, null, "2024-06-30");
        assertEquals(1, r.patents().account().accepted());
        assertEquals(List.of(), r.patents().account().unknownColumns());
        assertEquals(0, r.enterprises().account().read(), "header only: nothing read, nothing lost");
    }

    @Test
    void emptyFileIsAClearError() {
        Path in = baseInput();
        TestInputs.write(in.resolve("enterprises.csv"), "");
        ConfigException e = assertThrows(ConfigException.class, () -> IngestFixture.ingest(in, null, "2024-06-30"));
        assertTrue(e.getMessage().contains("enterprises.csv") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void configuredSeparator() {
        Path in = baseInput();
        TestInputs.write(in.resolve("enterprises.csv"), lines("credit_code\tname\testablished_date\tstatus",
                code(0) + "\t甲公司, 渭南\t2016-03-01\t存续"));
        IngestResult r = IngestFixture.ingest(in, "sources:\n  enterprises:\n    separator: \"\\t\"\n", "2024-06-30");
        assertEquals("甲公司, 渭南", r.enterprises().staging().first().getAs("name"));
    }

    @Test
    void csvSyntaxErrorsRejectOneRowAndParsingResumes() {
        Path in = baseInput();
        TestInputs.write(in.resolve("enterprises.csv"), "\uFEFF" + lines(
                "\"credit_code\",\"name\",\"established_date\",\"status\"",   // BOM before a quoted header
                code(0) + ",甲公司,2016-03-01,存续",                                  // 2
                code(1) + ",\"乙\"公司,2016-03-01,存续",                              // 3: character after a closing quote
                code(2) + ",丙公司,2016-03-01,存续",                                  // 4
                code(3) + ",\"丁公司,2016-03-01,存续",                                 // 5: unbalanced quote
                code(4) + ",戊公司,2016-03-01,存续"));                                // 6
        IngestResult r = IngestFixture.ingest(in, null, "2024-06-30");
        assertEquals(List.of("enterprises|enterprises.csv|3|MALFORMED_ROW", "enterprises|enterprises.csv|5|MALFORMED_ROW"),
                IngestFixture.rejects(r));
        assertEquals(3, r.enterprises().account().accepted());
        IngestFixture.assertAccounted(r.enterprises());
    }

    @Test
    void applicantCodesLineUpWithApplicantsIncludingEmptyItems() {
        Path in = baseInput();
        TestInputs.write(in.resolve("enterprises.csv"), lines(ZH_HEADER));
        TestInputs.write(in.resolve("patents.csv"), lines("申请号,申请日,申请(专利权)人,申请人统一社会信用代码",
                "201710601862.3,2017-03-01,甲公司;;乙公司," + code(0) + ";;" + code(1)));
        IngestResult r = IngestFixture.ingest(in, null, "2024-06-30");
        Row p = r.patents().staging().first();
        assertEquals(List.of("甲公司", "乙公司"), p.getList(p.fieldIndex("applicants")));
        assertEquals(List.of(code(0), code(1)), p.getList(p.fieldIndex("applicant_codes")));
    }
}
