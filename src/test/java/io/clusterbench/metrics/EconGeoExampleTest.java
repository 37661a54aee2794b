package io.clusterbench.metrics;

import io.clusterbench.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The EconGeo 5×5 example through the industry-structure code: regions R1..R5 × industries I1..I5, rows
 * 100 0 0 0 0 / 0 15 5 70 10 / 0 20 10 20 50 / 0 25 30 5 40 / 0 40 55 5 0, reference = the column totals.
 */
class EconGeoExampleTest extends SparkTestBase {
    private static final int[][] COUNTS = {{100, 0, 0, 0, 0}, {0, 15, 5, 70, 10}, {0, 20, 10, 20, 50}, {0, 25, 30, 5, 40},
            {0, 40, 55, 5, 0}};

    @Test
    void locationQuotientsHhiAndKrugman() {
        StructType local = DataTypes.createStructType(List.of(createStructField("zone_id", DataTypes.StringType, false),
                createStructField("year", DataTypes.IntegerType, false),
                createStructField("industry_division", DataTypes.StringType, false),
                createStructField("firms_active", DataTypes.LongType, false)));
        StructType reference = DataTypes.createStructType(List.of(createStructField("industry_division", DataTypes.StringType, false),
                createStructField("year", DataTypes.IntegerType, false), createStructField("ref_firms", DataTypes.LongType, false)));
        List<Row> cells = new ArrayList<>();
        long[] totals = new long[5];
        for (int r = 0; r < 5; r++) {
            for (int i = 0; i < 5; i++) {
                cells.add(RowFactory.create("R" + (r + 1), 2020, "I" + (i + 1), (long) COUNTS[r][i]));
                totals[i] += COUNTS[r][i];
            }
        }
        List<Row> ref = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ref.add(RowFactory.create("I" + (i + 1), 2020, totals[i]));
        }
        Dataset<Row> shares = IndustryStructure.shares(spark().createDataFrame(cells, local),
                spark().createDataFrame(ref, reference)).cache();
        Map<String, Double> lq = new HashMap<>();
        shares.collectAsList().forEach(r -> lq.put(r.getAs("zone_id") + "/" + r.getAs("industry_division"), r.getAs("lq")));
        double[] r2 = {0, 0.75, 0.25, 3.5, 0.5};
        double[] r5 = {0, 2, 2.75, 0.25, 0};
        for (int i = 0; i < 5; i++) {
            assertEquals(r2[i], lq.getOrDefault("R2/I" + (i + 1), 0.0), 1e-12, "LQ R2 I" + (i + 1));
            assertEquals(r5[i], lq.getOrDefault("R5/I" + (i + 1), 0.0), 1e-12, "LQ R5 I" + (i + 1));
        }
        Map<String, Row> idx = new HashMap<>();
        IndustryStructure.indices(shares).collectAsList().forEach(r -> idx.put(r.getAs("zone_id"), r));
        double[] hhi = {1, 0.525, 0.34, 0.315, 0.465};
        double[] krugman = {1.6, 1.0, 0.6, 0.7, 1.1};
        for (int r = 0; r < 5; r++) {
            assertEquals(hhi[r], idx.get("R" + (r + 1)).<Double>getAs("hhi_industry"), 1e-12, "HHI R" + (r + 1));
            assertEquals(krugman[r], idx.get("R" + (r + 1)).<Double>getAs("krugman_specialisation"), 1e-12, "Krugman R" + (r + 1));
        }
        assertEquals("I1", idx.get("R1").getAs("top_division"));
        assertEquals("I3", idx.get("R5").getAs("top_division"));
    }
}
