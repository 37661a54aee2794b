package io.clusterbench.publish.report;

import io.clusterbench.metrics.ZoneYearMetricsTable;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's one source of metric names: complete for zone_year_metrics, both editions' texts alike. */
class MetricDictionaryTest {
    @Test
    void everyZoneYearMetricHasNamesAndUnitsInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (String c : ZoneYearMetricsTable.COLUMNS.keySet()) {
            if (List.of("zone_id", "year", "is_partial_year").contains(c)) {
                continue;
            }
            MetricDictionary.find(c).filter(m -> !m.zh().equals(m.id()) && !m.en().equals(m.id())).ifPresentOrElse(m -> { }, () -> missing.add(c));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theDocumentationPageIsTheDictionary() throws Exception {
        // regenerate with: java -cp target/classes-spark4 io.clusterbench.publish.report.MetricDictionary src/site/markdown/metric-dictionary.md
        assertEquals(MetricDictionary.markdown(), Files.readString(Path.of("src/site/markdown/metric-dictionary.md")));
    }

    @Test
    void bothEditionsHaveTheSameTexts() {
        Set<String> zh = new TreeSet<>(Lang.ZH.text().stringPropertyNames());
        Set<String> en = new TreeSet<>(Lang.EN.text().stringPropertyNames());
        assertEquals(zh, en);
    }

    @Test
    void labelsCarryTheirUnit() {
        assertEquals("企业密度（家/平方公里）", MetricDictionary.get("firm_density_per_km2").label(Lang.ZH));
        assertEquals("Funding amount (10,000 CNY)", MetricDictionary.get("funding_amount_cny_10k").label(Lang.EN));
        assertEquals("1,235 万元", MetricDictionary.get("funding_amount_cny_10k").withUnit(1234.5, Lang.ZH));
        assertEquals("3.2 %", MetricDictionary.get("rd_intensity").withUnit(0.032, Lang.ZH));
        assertEquals("0.0012 %", Numbers.percent(0.000012), "a small share never reads as 0");
    }

    @Test
    void aSpreadsheetCellThatWouldRunAsAFormulaIsText() {
        assertEquals("'=HYPERLINK(\"x\")", CultivationList.text("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CultivationList.text("+1"));
        assertEquals("渭南华信", CultivationList.text("渭南华信"));
    }
}
