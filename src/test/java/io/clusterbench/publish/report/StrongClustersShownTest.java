package io.clusterbench.publish.report;

import io.clusterbench.SparkTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report presents a strong cluster only when it is strong in the year and rests on enough firms. */
class StrongClustersShownTest extends SparkTestBase {
    @Test
    void aStrongClusterOfTwoFirmsIsNotPresented() {
        // (zone, year, firms, strong): B is strong from two firms, C not strong, D strong but in another year
        var table = spark().sql("SELECT * FROM VALUES ('A', 2023, 5L, true), ('B', 2023, 2L, true), ('C', 2023, 9L, false),"
                + " ('D', 2022, 7L, true), ('E', 2023, 3L, true) AS t(zone_id, year, firms_active, is_strong)")
                .selectExpr("zone_id", "CAST(year AS INT) AS year", "'27' AS industry_division", "firms_active", "is_strong");
        assertEquals(List.of("A", "E"), ReportData.strongClustersShown(table, 2023, 3).collectAsList().stream()
                .map(r -> r.<String>getAs("zone_id")).toList());
        assertEquals(List.of("A", "B", "E"), ReportData.strongClustersShown(table, 2023, 1).collectAsList().stream()
                .map(r -> r.<String>getAs("zone_id")).toList(), "min_cell_firms 1 presents every strong cluster");
    }
}
