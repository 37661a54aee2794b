package io.clusterbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobConfigLoaderTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static JobConfig build(String yaml, JobConfigLoader.Overrides o) throws Exception {
        JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        return JobConfigLoader.build(n, o, TODAY);
    }

    @Test
    void contractDefaultsApplyWithoutAJobFile() {
        JobConfig c = JobConfigLoader.build(null, new JobConfigLoader.Overrides("in", "out", null), TODAY);
        assertEquals(TODAY, c.asOf());
        assertEquals(2015, c.firstYear());
        assertEquals(3, c.cagrWindow());
        assertEquals(7.2, c.currencyRates().get("USD"));
        assertEquals(0.20, c.scoreWeights().get("hte_density_per_km2"));
        assertEquals(11, c.headlineMetrics().size());
        assertNull(c.source("enterprises").encoding());
        assertEquals(',', c.source("enterprises").separator());
    }

    @Test
    void splitSizeIsASizeWithAUnitOfBinaryMultiples() throws Exception {
        JobConfigLoader.Overrides o = new JobConfigLoader.Overrides("in", "out", null);
        assertEquals(128L << 20, JobConfigLoader.build(null, o, TODAY).splitBytes(), "the default");
        assertEquals(64L << 20, build("split_size: 64MB\n", o).splitBytes());
        assertEquals(512L << 10, build("split_size: 512 kb\n", o).splitBytes());
        assertEquals(2L << 30, build("split_size: 2GB\n", o).splitBytes());
        assertEquals(4096, build("split_size: 4096\n", o).splitBytes(), "bare bytes");
        for (String bad : List.of("12 bytes", "1TB", "32", "-1MB", "65GB")) {
            ConfigException e = assertThrows(ConfigException.class, () -> build("split_size: " + bad + "\n", o), bad);
            assertTrue(e.getMessage().startsWith("split_size: "), e.getMessage());
        }
    }

    @Test
    void commandLineOverridesTheFile() throws Exception {
        JobConfig c = build("input: a\noutput: b\nas_of: 2024-06-30\n", new JobConfigLoader.Overrides("x", null, "2023-12-31"));
        assertEquals("x", c.input());
        assertEquals("b", c.output());
        assertEquals(LocalDate.of(2023, 12, 31), c.asOf());
        assertTrue(!c.asOfYearIsPartial());
    }

    @Test
    void sourceOptionsAreTyped() throws Exception {
        JobConfig c = build("""
                input: a
                output: b
                sources:
                  patents: {encoding: gbk, separator: "\\t", coord_system: bd09, money_units: {amount: cny}}
                currency_rates: {usd: 7.0}
                """, JobConfigLoader.Overrides.NONE);
        SourceOptions p = c.source("patents");
        assertEquals("GBK", p.encoding());
        assertEquals('\t', p.separator());
        assertEquals("bd09", p.coordSystem());
        assertEquals(MoneyUnit.CNY, p.moneyUnit("amount"));
        assertEquals(7.0, c.currencyRates().get("USD"));
        assertEquals(0.92, c.currencyRates().get("HKD"), "unlisted currencies keep their defaults");
    }

    @Test
    void errorsNameTheKey() {
        for (var bad : List.of(
                List.of("input: a\noutput: b\nfirst_yaer: 2015\n", "first_yaer"),
                List.of("input: a\noutput: b\nsources:\n  enterprise: {}\n", "sources.enterprise"),
                List.of("input: a\noutput: b\nsources:\n  funding: {encodng: x}\n", "sources.funding.encodng"),
                List.of("input: a\noutput: b\nsources:\n  funding: {encoding: klingon}\n", "sources.funding.encoding"),
                List.of("input: a\noutput: b\nsources:\n  funding: {separator: ab}\n", "sources.funding.separator"),
                List.of("input: a\noutput: b\nfirst_year: abc\n", "first_year"),
                List.of("input: a\noutput: b\nfirst_year: \"99999999999\"\n", "first_year: 99999999999 is out of range"),
                List.of("input: a\noutput: b\ncagr_window: 99999999999\n", "cagr_window: 99999999999 is out of range"),

                List.of("input: a\noutput: b\nas_of: 2024-13-01\n", "as_of"),
                List.of("input: a\noutput: b\nscore_weights: {listed_count: -1}\n", "score_weights.listed_count"),
                List.of("output: b\n", "--input"))) {
            ConfigException e = assertThrows(ConfigException.class, () -> build(bad.get(0), JobConfigLoader.Overrides.NONE));
            assertTrue(e.getMessage().contains(bad.get(1)), e.getMessage());
        }
    }

    @Test
    void aliasesAreRefusedNotReadAsTheirNames(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // Jackson would read *x as the text "x": an output directory named x
        Path job = java.nio.file.Files.writeString(dir.resolve("job.yaml"), "input: &x a\noutput: *x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> JobConfigLoader.load(job, JobConfigLoader.Overrides.NONE));
        assertTrue(e.getMessage().endsWith("line 2: YAML aliases (*x) are not supported; write the value out"), e.getMessage());
    }

    @Test
    void shippedJobFilesParse() {
        for (String f : List.of("jobs/sample.yaml", "jobs/nightly-example.yaml")) {
            JobConfig c = JobConfigLoader.load(Path.of(f), JobConfigLoader.Overrides.NONE);
            assertTrue(c.firstYear() == 2015, f);
        }
    }
}
