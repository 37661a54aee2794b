package io.clusterbench.benchmark;

import io.clusterbench.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Gaps, CAGR, years to close, decomposition and composite score on small frames worked out by hand. */
class BenchmarkTest extends SparkTestBase {
    private static final StructType ZONES = DataTypes.createStructType(List.of(
            DataTypes.createStructField("zone_id", DataTypes.StringType, false),
            DataTypes.createStructField("role", DataTypes.StringType, false)));

    /** A zone_year_metrics stand-in: zone_id, year, is_partial_year, then the given double columns. */
    private static Dataset<Row> metrics(List<String> columns, Object[]... rows) {
        List<org.apache.spark.sql.types.StructField> f = new ArrayList<>(List.of(
                DataTypes.createStructField("zone_id", DataTypes.StringType, false),
                DataTypes.createStructField("year", DataTypes.IntegerType, false),
                DataTypes.createStructField("is_partial_year", DataTypes.BooleanType, false)));
        columns.forEach(c -> f.add(DataTypes.createStructField(c, DataTypes.DoubleType, true)));
        List<Row> data = new ArrayList<>();
        for (Object[] r : rows) {
            data.add(RowFactory.create(r));
        }
        return spark().createDataFrame(data, DataTypes.createStructType(f));
    }

    private static Dataset<Row> zones(String... idRole) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < idRole.length; i += 2) {
            rows.add(RowFactory.create(idRole[i], idRole[i + 1]));
        }
        return spark().createDataFrame(rows, ZONES);
    }

    private static Row gap(Dataset<Row> gaps, String bench, String metric, int year) {
        return gaps.filter(col("benchmark_zone_id").equalTo(bench).and(col("metric").equalTo(metric))
                .and(col("year").equalTo(year))).first();
    }

    @Test
    void ratiosGapsCagrAndYearsToClose() {
        // years 2019..2022, 2022 partial; window 2
        Dataset<Row> m = metrics(List.of("firms_active", "patents_applied"),
                new Object[]{"h", 2019, false, 10.0, 5.0}, new Object[]{"h", 2020, false, 12.0, 5.0},
                new Object[]{"h", 2021, false, 14.4, 5.0}, new Object[]{"h", 2022, true, 20.0, 1.0},
                new Object[]{"b1", 2019, false, 100.0, 10.0}, new Object[]{"b1", 2020, false, 100.0, 20.0},
                new Object[]{"b1", 2021, false, 110.0, 50.0}, new Object[]{"b1", 2022, true, 110.0, 9.0},
                new Object[]{"b2", 2019, false, 0.0, 0.0}, new Object[]{"b2", 2020, false, 0.0, 1.0},
                new Object[]{"b2", 2021, false, 0.0, 2.0}, new Object[]{"b2", 2022, true, 0.0, 1.0},
                new Object[]{"p", 2019, false, 1.0, 1.0}, new Object[]{"p", 2020, false, 1.0, 1.0},
                new Object[]{"p", 2021, false, 1.0, 1.0}, new Object[]{"p", 2022, true, 1.0, 1.0});
        Dataset<Row> gaps = BenchmarkGaps.compute(MetricSeries.longForm(m, List.of("firms_active", "patents_applied")),
                zones("h", "home", "b1", "benchmark", "b2", "benchmark", "p", "peer"), 2).cache();
        assertEquals(2 * 2 * 4, gaps.count(), "home × 2 benchmarks × 2 metrics × 4 years; peers are not compared");

        Row r = gap(gaps, "b1", "firms_active", 2021);
        assertEquals(14.4 / 110, r.<Double>getAs("ratio"), 1e-12);
        assertEquals(110 - 14.4, r.<Double>getAs("gap"), 1e-12);
        assertEquals(0.2, r.<Double>getAs("home_cagr"), 1e-12);                 // (14.4/10)^(1/2) − 1
        assertEquals(0.04880884817015163, r.<Double>getAs("benchmark_cagr"), 1e-12); // (110/100)^(1/2) − 1
        assertEquals(15.098429521019737, r.<Double>getAs("years_to_close"), 1e-9);  // ln(110/14.4) / ln(1.2/1.0488…)
        assertNull(gap(gaps, "b1", "firms_active", 2020).getAs("home_cagr"), "2018 precedes the first year");
        // a stock metric in the partial year uses its value at as_of
        assertEquals(0.2909944487358056, gap(gaps, "b1", "firms_active", 2022).<Double>getAs("home_cagr"), 1e-12);

        Row ahead = gap(gaps, "b2", "firms_active", 2021);
        assertNull(ahead.getAs("ratio"), "benchmark 0: no ratio");
        assertNull(ahead.getAs("benchmark_cagr"), "start value 0: no CAGR");
        assertEquals(0.0, ahead.<Double>getAs("years_to_close"), "home ahead: 0 whatever the growth");

        Row behind = gap(gaps, "b1", "patents_applied", 2021);             // h 5 → 5 (0 %), b1 10 → 50
        assertNull(behind.getAs("years_to_close"), "not catching up");

        Row partialFlow = gap(gaps, "b1", "patents_applied", 2022);
        assertNull(partialFlow.getAs("home_cagr"));
        assertNull(partialFlow.getAs("benchmark_cagr"));
        assertNull(partialFlow.getAs("years_to_close"), "flow metric in a partial year");
        assertEquals(1.0 / 9, partialFlow.<Double>getAs("ratio"), 1e-12);
    }

    @Test
    void noGrowthRateFromPositiveToNegative() {
        // net new HTE of one zone, window 3: 2 in 2020, then −1 (more exits than entries) in 2023 and 0 in 2024
        Dataset<Row> series = spark().sql("SELECT * FROM VALUES ('z', 'hte_net_new', 2020, 2.0D), ('z', 'hte_net_new', 2021, 4.0D),"
                + " ('z', 'hte_net_new', 2022, 1.0D), ('z', 'hte_net_new', 2023, -1.0D), ('z', 'hte_net_new', 2024, 0.0D)"
                + " AS t(zone_id, metric, year, value)");
        Map<Integer, Object> cagr = new LinkedHashMap<>();
        BenchmarkGaps.withCagr(series, 3).orderBy("year").collectAsList().forEach(r -> cagr.put(r.getInt(2), r.getAs("cagr")));
        assertNull(cagr.get(2023), "2 → −1: no growth rate, not NaN");
        assertEquals(-1.0, (Double) cagr.get(2024), 1e-12, "4 → 0: −100 %");
    }

    @Test
    void gapDecompositionSumsToTheLogRatio() {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("zone_id", DataTypes.StringType, false),
                DataTypes.createStructField("year", DataTypes.IntegerType, false),
                DataTypes.createStructField("firms_active", DataTypes.LongType, true),
                DataTypes.createStructField("area_km2", DataTypes.DoubleType, true),
                DataTypes.createStructField("hte_count", DataTypes.LongType, true),
                DataTypes.createStructField("invention_stock", DataTypes.LongType, true)));
        Dataset<Row> m = spark().createDataFrame(List.of(
                RowFactory.create("h", 2023, 10L, 5.0, 2L, 4L), RowFactory.create("b", 2023, 100L, 50.0, 40L, 100L),
                RowFactory.create("h", 2024, 10L, 5.0, 0L, 4L), RowFactory.create("b", 2024, 100L, 50.0, 40L, 100L),
                // HTE and invention stock densities equal (4/2 = 28/14), though ln(share) + ln(firms) − ln(area)
                // of these numbers sums to 4.4e-16 in floating point, not 0
                RowFactory.create("h", 2025, 11L, 2.0, 4L, 4L), RowFactory.create("b", 2025, 31L, 14.0, 28L, 28L)), schema);
        Dataset<Row> d = GapDecomposition.compute(m, zones("h", "home", "b", "benchmark")).cache();
        Map<String, Row> parts = new LinkedHashMap<>();
        d.filter(col("year").equalTo(2023)).collectAsList().forEach(r -> parts.put(r.getAs("metric") + "/" + r.getAs("component"), r));

        // HTE density: home 2/5 = 0.4, benchmark 40/50 = 0.8 → ln 0.5; share ln((2/10)/(40/100)) = ln 0.5,
        // firms ln(10/100), area −ln(5/50): ln 0.5 + ln 0.1 − ln 0.1 = ln 0.5
        assertEquals(Math.log(0.5), parts.get("hte_density_per_km2/hte_share").<Double>getAs("log_contribution"), 1e-12);
        assertEquals(Math.log(0.1), parts.get("hte_density_per_km2/firms").<Double>getAs("log_contribution"), 1e-12);
        assertEquals(-Math.log(0.1), parts.get("hte_density_per_km2/area").<Double>getAs("log_contribution"), 1e-12);
        assertEquals(1.0, parts.get("hte_density_per_km2/hte_share").<Double>getAs("share_of_gap"), 1e-12);
        assertEquals(3.3219280948873626, parts.get("hte_density_per_km2/firms").<Double>getAs("share_of_gap"), 1e-12);
        double sum = 0;
        for (String c : List.of("stock_per_firm", "firms", "area")) {
            sum += parts.get("invention_stock_per_km2/" + c).<Double>getAs("log_contribution");
        }
        assertEquals(Math.log((4 / 5.0) / (100 / 50.0)), sum, 1e-12, "components sum to ln(home/benchmark)");
        // firm density equal on both sides: the parts exist, their shares of a zero gap do not
        assertNull(parts.get("firm_density_per_km2/firms").getAs("share_of_gap"));

        // 2025: equal densities have parts but no shares of their zero gap, never a share of 1e15
        for (Row r : d.filter(col("year").equalTo(2025).and(col("metric").notEqual("firm_density_per_km2"))).collectAsList()) {
            assertNotNull(r.getAs("log_contribution"));
            assertNull(r.getAs("share_of_gap"), r.getAs("metric") + "/" + r.getAs("component") + " of equal densities");
        }

        // 2024: home has no HTE, so every HTE-density part is null
        for (Row r : d.filter(col("year").equalTo(2024).and(col("metric").equalTo("hte_density_per_km2"))).collectAsList()) {
            assertNull(r.getAs("log_contribution"));
            assertNull(r.getAs("share_of_gap"));
        }
    }

    @Test
    void compositeScoreNormalisationWeightsAndRanks() {
        List<String> cols = List.of("firm_density_per_km2", "listed_count", "funding_amount_cny_10k", "tech_sme_count");
        Dataset<Row> m = metrics(cols,
                new Object[]{"a", 2023, false, 1.0, 0.0, null, 3.0}, new Object[]{"b", 2023, false, 3.0, 2.0, null, 3.0},
                new Object[]{"c", 2023, false, 2.0, 2.0, null, 3.0}, new Object[]{"d", 2023, false, 3.0, 2.0, null, 3.0},
                new Object[]{"a", 2024, false, 5.0, 4.0, null, 3.0}, new Object[]{"b", 2024, false, 3.0, 2.0, null, 3.0},
                new Object[]{"c", 2024, false, null, 2.0, null, 3.0}, new Object[]{"d", 2024, false, 3.0, 2.0, null, 3.0});
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("firm_density_per_km2", 0.4);
        weights.put("listed_count", 0.2);
        weights.put("funding_amount_cny_10k", 0.2);   // null everywhere: dropped, the rest renormalised over 0.8
        weights.put("tech_sme_count", 0.2);           // max = min: every zone gets 0
        CompositeScore.Result r = CompositeScore.compute(m, weights);
        Map<String, Object> score = new LinkedHashMap<>();
        r.scores().orderBy("year", "zone_id").collectAsList()
                .forEach(x -> score.put(x.getAs("zone_id") + "" + x.getAs("year"), x.getAs("score") + "#" + x.getAs("rank")));
        // density min 1 max 5; listed min 0 max 4; weights .5 / .25 / .25
        assertEquals(Map.of(
                "a2023", "0.0#4", "b2023", "37.5#1", "c2023", "25.0#3", "d2023", "37.5#1",
                "a2024", "75.0#1", "b2024", "37.5#2", "c2024", "12.5#4", "d2024", "37.5#2"), score);
        List<String> components = r.components().select("component").distinct().orderBy("component")
                .collectAsList().stream().map(x -> x.getString(0)).toList();
        assertEquals(List.of("firm_density_per_km2", "listed_count", "tech_sme_count"), components);
        Row c24 = r.components().filter("zone_id = 'c' and year = 2024 and component = 'firm_density_per_km2'").first();
        assertEquals(0.5, c24.<Double>getAs("weight"), 1e-12);
        assertNull(c24.getAs("raw_value"));
        assertEquals(0.0, c24.<Double>getAs("normalised_value"), "a null value normalises to 0");
    }
}
