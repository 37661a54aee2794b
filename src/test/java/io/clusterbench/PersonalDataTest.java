package io.clusterbench;

import io.clusterbench.cli.ClusterbenchCli;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unique markers planted in every personal-data column (and an unrecognised column) of every source, in
 * accepted and rejected rows alike, and in a person's name among a transferred patent's applicants, appear nowhere
 * under the output directory and nowhere in the captured driver log or console output of a whole run.
 */
class PersonalDataTest extends SparkTestBase {
    private static final String PERSONAL = "legal_representative,phone,email,inventors,shareholders,备注";
    /** Planted in a person's name among a patent's applicants. */
    private static final String PERSON = "PIIPERSONAPPLICANT";

    @TempDir
    Path dir;

    private static String markers(String source, int row) {
        List<String> m = new ArrayList<>();
        for (String c : PERSONAL.split(",")) {
            m.add("PII" + source.toUpperCase() + row + c.hashCode());
        }
        return String.join(",", m);
    }

    @Test
    void personalDataReachesNoOutputAndNoLog() throws IOException {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        TestInputs.write(in.resolve("zones.csv"), lines(
                "zone_id,name_zh,city,province,role,area_km2," + PERSONAL,
                "z1,园区,渭南,陕西,home,10," + markers("zones", 1)));
        TestInputs.write(in.resolve("enterprises.csv"), lines(
                "credit_code,name,zone_id,established_date,status," + PERSONAL,
                code(0) + ",甲公司,z1,2016-03-01,存续," + markers("ent", 1),
                code(1) + ",乙公司,z1,2016-02-30,存续," + markers("ent", 2),          // BAD_DATE reject
                code(2) + ",丙公司,z1,2016-03-01,存续," + markers("ent", 3) + ",extra", // MALFORMED_ROW
                code(0) + ",甲公司,z1,2015-03-01,存续," + markers("ent", 4)));         // DUPLICATE_KEY
        // The third patent, filed by a person and a university and owned by 甲公司 today, is a technology transfer:
        // the university is named as its source, the person never.
        TestInputs.write(in.resolve("patents.csv"), lines(
                "application_no,application_date,applicants,grant_date,legal_status,current_owners," + PERSONAL,
                "201710601862.3,2017-03-01,甲公司,,,," + markers("pat", 1),
                "201710601862.4,2017-03-01,甲公司,,,," + markers("pat", 2),
                "201810123456.5,2018-03-01,李" + PERSON + ";复旦大学,2020-05-01,有效,甲公司," + markers("pat", 3)));
        TestInputs.write(in.resolve("funding.csv"), lines(
                "event_id,company_name,date,amount," + PERSONAL,
                "E1,甲公司,2020-01-01,500万元," + markers("fun", 1),
                "E2,甲公司,2020-01-01,-5," + markers("fun", 2)));
        TestInputs.write(in.resolve("financials.csv"), lines(
                "credit_code,year,revenue," + PERSONAL,
                code(0) + ",2022,1000," + markers("fin", 1),
                code(0) + ",x,1000," + markers("fin", 2)));
        TestInputs.write(in.resolve("published_figures.csv"), lines(
                "zone_id,metric,year,value," + PERSONAL,
                "z1,hte_count,2023,5," + markers("pub", 1)));

        StringWriter log = new StringWriter();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try (LogCapture ignored = new LogCapture(log)) {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            code = ClusterbenchCli.execute(new PrintWriter(log, true), "run", "--input", in.toString(), "--output",
                    out.toString(), "--as-of", "2024-06-30");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, code, log.toString());
        assertTrue(log.toString().contains("published snapshot"), "the log capture works");

        List<String> planted = new ArrayList<>();
        for (String s : List.of("zones1", "ent1", "ent2", "ent3", "ent4", "pat1", "pat2", "pat3", "fun1", "fun2", "fin1", "fin2", "pub1")) {
            String src = s.replaceAll("\\d", "");
            planted.addAll(Arrays.asList(markers(src, Integer.parseInt(s.replaceAll("\\D", ""))).split(",")));
        }
        String haystack = log + console.toString(StandardCharsets.UTF_8) + everyFileAsText(out) + everyTableAsText(out);
        for (String m : planted) {
            assertTrue(!haystack.contains(m), "personal marker " + m + " leaked");
        }
        assertTrue(!haystack.contains(PERSON), "a person applying for a patent is named somewhere");
        assertTrue(haystack.contains("甲公司"), "the search does see ordinary values");
        assertTrue(everyTableAsText(out).contains("\"source_name\":\"复旦大学\""), "the transfer's institution is named");
        assertTrue(Files.readString(out.resolve("report/as_of=2024-06-30/index.html")).contains("复旦大学"),
                "the report names the institution");
    }

    private static String everyFileAsText(Path root) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                b.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                b.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    /** Parquet pages may be compressed, so the tables are also read back and every value rendered. */
    private static String everyTableAsText(Path root) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> tables = Files.list(root)) {
            // The report (HTML) is searched as text above; every other directory is a Parquet table.
            for (Path t : tables.filter(p -> !p.getFileName().toString().startsWith("_")
                    && !p.getFileName().toString().equals("report")).toList()) {
                Dataset<Row> d = spark().read().parquet(t.toString());
                Column all = to_json(struct(Arrays.stream(d.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new)));
                d.select(all.as("j")).collectAsList().forEach(r -> b.append(r.getString(0)).append('\n'));
            }
        }
        return b.toString();
    }

    /** Sends every log event of the run, at INFO and above, to a writer. */
    private static final class LogCapture implements AutoCloseable {
        private final LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        private final WriterAppender appender;
        private final Level before;

        LogCapture(StringWriter sink) {
            Configuration cfg = ctx.getConfiguration();
            appender = WriterAppender.createAppender(PatternLayout.newBuilder().withPattern("%p %c %m%n").build(),
                    null, sink, "pii-capture", false, true);
            appender.start();
            cfg.addAppender(appender);
            LoggerConfig root = cfg.getRootLogger();
            before = root.getLevel();
            root.addAppender(appender, Level.ALL, null);
            root.setLevel(Level.INFO);
            ctx.updateLoggers();
        }

        @Override
        public void close() {
            LoggerConfig root = ctx.getConfiguration().getRootLogger();
            root.removeAppender("pii-capture");
            root.setLevel(before);
            ctx.updateLoggers();
            appender.stop();
        }
    }
}
