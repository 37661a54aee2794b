package io.clusterbench.publish.report;

import io.clusterbench.SparkTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report presents a strong cluster only when it is strong in the year and its cell's LQ is reliable, as
 * zone_industry_metrics.lq_reliable says (at least min_cell_firms active firms).
 */
class StrongClustersShownTest extends SparkTestBase {
    @Test
    void aStrongClusterOfTwoFirmsIsNotPresented() {
        // (zone, year, firms, strong): B is strong from two firms, C not strong, D strong but in another year
        var table = spark().sql("SELECT * FROM VALUES ('A', 2023, 5L, true), ('B', 2023, 2L, true), ('C', 2023, 9L, false),"
                + " ('D', 2022, 7L, true), ('E', 2023, 3L, true) AS t(zone_id, year, firms_active, is_strong)")
                .selectExpr("zone_id", "CAST(year AS INT) AS year", "'27' AS industry_division", "firms_active", "is_strong");
        assertEquals(List.of("A", "E"), ReportData.strongClustersShown(table, reliableCells(table, 3), 2023).collectAsList()
                .stream().map(r -> r.<String>getAs("zone_id")).toList());
        assertEquals(List.of("A", "B", "E"), ReportData.strongClustersShown(table, reliableCells(table, 1), 2023).collectAsList()
                .stream().map(r -> r.<String>getAs("zone_id")).toList(), "min_cell_firms 1 presents every strong cluster");
    }

    /** The zone_industry_metrics cells of 2023 whose LQ is reliable under {@code minCellFirms}. */
    private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> reliableCells(
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> cells, int minCellFirms) {
        return cells.filter("year = 2023 AND firms_active >= " + minCellFirms);
    }
}
