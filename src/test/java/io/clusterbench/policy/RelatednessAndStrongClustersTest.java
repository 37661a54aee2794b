package io.clusterbench.policy;

import io.clusterbench.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The worked examples for relatedness and for the strong-cluster rule. */
class RelatednessAndStrongClustersTest extends SparkTestBase {
    private static final StructType M = DataTypes.createStructType(List.of(
            DataTypes.createStructField("zone_id", DataTypes.StringType, false),
            DataTypes.createStructField("industry", DataTypes.StringType, false)));

    /** Regions × industries I1..I5: R1 10000, R2 00010, R3 01011, R4 01101, R5 01100. */
    private static Dataset<Row> example() {
        String[] rows = {"R1 10000", "R2 00010", "R3 01011", "R4 01101", "R5 01100"};
        List<Row> m = new ArrayList<>();
        for (String r : rows) {
            String[] p = r.split(" ");
            for (int i = 0; i < 5; i++) {
                if (p[1].charAt(i) == '1') {
                    m.add(RowFactory.create(p[0], "I" + (i + 1)));
                }
            }
        }
        return spark().createDataFrame(m, M);
    }

    @Test
    void aDivisionRelatedToNothingGetsNoOpportunityRank() {
        // R5 (01100) is the home zone, the others benchmarks; R5 is not specialised in I1, I4, I5. Densities from
        // relatednessDensity: I5 66.67, I4 50, I1 none (related to nothing) → ranks 1, 2 and null.
        Dataset<Row> zi = example().withColumnRenamed("industry", "industry_division")
                .withColumn("lq", org.apache.spark.sql.functions.lit(1.5))
                .withColumn("lq_reliable", org.apache.spark.sql.functions.lit(true));
        Map<String, Object> rank = new TreeMap<>();
        IndustryOpportunities.compute(zi, exampleZones(), exampleDivisions(), 2023).filter("NOT is_specialised").collectAsList()
                .forEach(r -> rank.put(r.<String>getAs("industry_division"), r.getAs("opportunity_rank")));
        Map<String, Object> expected = new TreeMap<>();
        expected.put("I1", null);
        expected.put("I4", 2);
        expected.put("I5", 1);
        assertEquals(expected, rank);
    }

    /** R5 is the home zone, R1..R4 benchmarks. */
    private static Dataset<Row> exampleZones() {
        return spark().sql("SELECT concat('R', id) AS zone_id,"
                + " CASE WHEN id = 5 THEN 'home' ELSE 'benchmark' END AS role FROM range(1, 6)");
    }

    private static Dataset<Row> exampleDivisions() {
        return spark().sql("SELECT concat('I', id) AS industry_division, 'C' AS industry_section,"
                + " concat('行业', id) AS name_zh FROM range(1, 6)");
    }

    @Test
    void benchmarkZonesSpecialisedCountOnlyReliableLqs() {
        // benchmarks specialised (LQ 1.5): I1 R1; I2 R3, R4; I3 R4; I4 R2, R3; I5 R3, R4. R3's I4 comes from too few
        // firms (lq_reliable false): it still counts for relatedness, but not as a specialised benchmark.
        Dataset<Row> zi = example().withColumnRenamed("industry", "industry_division")
                .withColumn("lq", org.apache.spark.sql.functions.lit(1.5))
                .withColumn("lq_reliable", col("zone_id").notEqual("R3").or(col("industry_division").notEqual("I4")));
        Map<String, Long> specialised = new TreeMap<>();
        IndustryOpportunities.compute(zi, exampleZones(), exampleDivisions(), 2023).collectAsList()
                .forEach(r -> specialised.put(r.<String>getAs("industry_division"), r.<Long>getAs("benchmarks_specialised")));
        assertEquals(Map.of("I1", 1L, "I2", 2L, "I3", 1L, "I4", 1L, "I5", 2L), specialised, "I4 without R3");
    }

    @Test
    void associationStrength() {
        Map<String, Double> s = new TreeMap<>();
        Relatedness.strengths(example()).collectAsList()
                .forEach(r -> s.put(r.getString(0) + "-" + r.getString(1), r.getDouble(2)));
        assertEquals(1.8667, s.get("I2-I3"), 1e-4);
        assertEquals(1.4, s.get("I2-I4"), 1e-9);
        assertEquals(1.4, s.get("I2-I5"), 1e-9);
        assertEquals(1.1667, s.get("I3-I5"), 1e-4);
        assertEquals(1.75, s.get("I4-I5"), 1e-9);
        assertEquals(s.get("I3-I2"), s.get("I2-I3"), "symmetric");
        assertNull(s.get("I3-I4"), "never together: 0");
        assertNull(s.get("I1-I2"));
    }

    @Test
    void relatednessDensity() {
        Dataset<Row> m = example();
        Dataset<Row> zones = m.select("zone_id").distinct();
        Map<String, Double> d = new TreeMap<>();
        Relatedness.density(m, Relatedness.strengths(m), zones).collectAsList()
                .forEach(r -> d.put(r.getString(0) + "/" + r.getString(1), r.isNullAt(2) ? null : r.getDouble(2)));
        double[] r3 = {66.67, 100, 100, 66.67};
        double[] r5 = {33.33, 50, 50, 66.67};
        for (int i = 0; i < 4; i++) {
            assertEquals(r3[i], d.get("R3/I" + (i + 2)), 0.005);
            assertEquals(r5[i], d.get("R5/I" + (i + 2)), 0.005);
        }
        assertNull(d.get("R3/I1"), "I1 is related to nothing");
        assertNull(d.get("R5/I1"));
    }

    @Test
    void strongClustersByTheClusterMappingRule() {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("zone_id", DataTypes.StringType, false),
                DataTypes.createStructField("year", DataTypes.IntegerType, false),
                DataTypes.createStructField("industry_division", DataTypes.StringType, false),
                DataTypes.createStructField("firms_active", DataTypes.LongType, false),
                DataTypes.createStructField("lq", DataTypes.DoubleType, false),
                DataTypes.createStructField("employees", DataTypes.LongType, true)));
        Object[][] cells = {{"A", 0.5, 10, 100}, {"B", 0.8, 3, 40}, {"C", 1.0, 20, 300}, {"D", 1.2, 2, 20},
                {"E", 1.5, 40, 500}, {"F", 2.0, 30, 800}, {"G", 3.0, 4, 60}, {"H", 0.0, 0, 0}};
        List<Row> rows = new ArrayList<>();
        for (Object[] c : cells) {
            rows.add(RowFactory.create(c[0], 2023, "27", ((Integer) c[2]).longValue(), c[1], ((Integer) c[3]).longValue()));
        }
        Dataset<Row> out = StrongClusters.compute(spark().createDataFrame(rows, schema)).cache();
        Row any = out.first();
        assertEquals(1.75, any.<Double>getAs("lq_p75"), 1e-12);
        assertEquals(3.5, any.<Double>getAs("firms_p25"), 1e-12);
        assertEquals(50.0, any.<Double>getAs("employees_p25"), 1e-12);
        assertEquals(List.of("F", "G"), out.filter(col("is_strong")).orderBy("zone_id").collectAsList().stream()
                .map(r -> r.getString(0)).toList());
        assertEquals(7, out.count(), "H (no firms) is excluded");
    }
}
