package io.clusterbench.metrics;

import io.clusterbench.Pipeline;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Firm counts and densities worked out by hand (as_of 2024-06-30, first year 2015). Zones: park (10 km²) with
 * child (2 km²), and other (5 km²). Firms:
 * A child, est 2016, active; B park, est 2017-07, 注销 2019-05-01; C child, est 2010, 吊销 without exit date;
 * D other, est 2024-03; E park, est 2018, 停业 (suspended); F names an unknown zone; G child, est 2020-02,
 * 注销 2024-05-01; H an individual business (92…) in child, counted nowhere.
 */
class ZoneYearMetricsTest extends SparkTestBase {
    @TempDir
    static Path dir;
    static Dataset<Row> metrics;
    static Dataset<Row> firms;

    @BeforeAll
    static void runPipeline() {
        Path in = dir.resolve("in");
        TestInputs.write(in.resolve("zones.csv"), lines(TestInputs.ZONES_HEADER,
                "park,园区,Park,渭南,陕西,home,,10,,,,",
                "child,子园区,Child,渭南,陕西,benchmark,park,2,,,,",
                "other,其他园区,Other,合肥,安徽,benchmark,,5,,,,"));
        TestInputs.write(in.resolve("enterprises.csv"), lines(TestInputs.ENTERPRISES_HEADER,
                code(0) + ",甲科技有限公司,child,C2710,2016-03-01,存续,,10",
                code(1) + ",乙科技有限公司,park,C3511,2017-07-01,注销,2019-05-01,5",
                code(2) + ",丙科技有限公司,child,I6510,2010-01-01,吊销,,",
                code(3) + ",丁科技有限公司,other,I6510,2024-03-01,在业,,3",
                code(4) + ",戊科技有限公司,park,C2710,2018-01-01,停业,,7",
                code(5) + ",己科技有限公司,nowhere,C2710,2018-01-01,存续,,7",
                code(6) + ",庚科技有限公司,child,M7320,2020-02-02,注销,2024-05-01,2",
                "92340602MA2PBQAH7E,辛个体店,child,F5211,2015-01-01,存续,,1"));
        TestInputs.write(in.resolve("patents.csv"), lines("application_no,application_date,applicants"));
        Pipeline.Marts r = marts(TestInputs.config(in, dir.resolve("out"), "2024-06-30"), dir.resolve("scratch"));
        metrics = r.metrics().zoneYearMetrics().cache();
        firms = r.metrics().firms().cache();
    }

    @Test
    void oneRowPerZoneAndYearFromFirstYearToAsOfYear() {
        assertEquals(3 * 10, metrics.count());
        assertEquals(30, metrics.select("zone_id", "year").distinct().count());
        assertEquals(2015, metrics.agg(org.apache.spark.sql.functions.min("year")).first().getInt(0));
        assertEquals(2024, metrics.agg(org.apache.spark.sql.functions.max("year")).first().getInt(0));
    }

    @Test
    void childZoneCountsItsOwnFirms() {
        // year: active, new, exited (A from 2016; C 2015–2023; G 2020–2023, exit counted in 2024)
        int[][] expected = {
                {2015, 1, 0, 0}, {2016, 2, 1, 0}, {2017, 2, 0, 0}, {2018, 2, 0, 0}, {2019, 2, 0, 0},
                {2020, 3, 1, 0}, {2021, 3, 0, 0}, {2022, 3, 0, 0}, {2023, 3, 0, 0}, {2024, 1, 0, 1}};
        assertCounts("child", expected, 2.0);
    }

    @Test
    void parentZoneIsTheUnionOfItselfAndItsChild() {
        // child's A, C, G plus park's own B (2017–2018, exit 2019) and E (suspended still counts as active)
        int[][] expected = {
                {2015, 1, 0, 0}, {2016, 2, 1, 0}, {2017, 3, 1, 0}, {2018, 4, 1, 0}, {2019, 3, 0, 1},
                {2020, 4, 1, 0}, {2021, 4, 0, 0}, {2022, 4, 0, 0}, {2023, 4, 0, 0}, {2024, 2, 0, 1}};
        assertCounts("park", expected, 10.0);
    }

    @Test
    void firmEstablishedInThePartialYearCountsOnlyThere() {
        int[][] expected = {
                {2015, 0, 0, 0}, {2016, 0, 0, 0}, {2017, 0, 0, 0}, {2018, 0, 0, 0}, {2019, 0, 0, 0},
                {2020, 0, 0, 0}, {2021, 0, 0, 0}, {2022, 0, 0, 0}, {2023, 0, 0, 0}, {2024, 1, 1, 0}};
        assertCounts("other", expected, 5.0);
        Row y2023 = metrics.filter(col("zone_id").equalTo("other").and(col("year").equalTo(2023))).first();
        assertNull(y2023.getAs("placement_coverage"), "no active firm: coverage is null");
    }

    @Test
    void fundingIsNullWhenTheSourceIsAbsent() {
        for (Row r : metrics.select("funding_events", "funding_amount_cny_10k", "funding_undisclosed_events").collectAsList()) {
            assertNull(r.get(0));
            assertNull(r.get(1));
            assertNull(r.get(2));
        }
    }

    @Test
    void onlyTheAsOfYearIsPartial() {
        assertEquals(3, metrics.filter(col("is_partial_year")).count());
        assertEquals(3, metrics.filter(col("is_partial_year").and(col("year").equalTo(2024))).count());
    }

    @Test
    void metricsOfLaterStagesArePresentAsTypedNulls() {
        StructType schema = metrics.schema();
        assertEquals(ZoneYearMetricsTable.COLUMNS.keySet().stream().toList(), List.of(schema.fieldNames()));
        assertEquals(DataTypes.createDecimalType(20, 6), schema.apply("patents_applied_frac").dataType());
        assertEquals(DataTypes.createDecimalType(20, 4), schema.apply("funding_amount_cny_10k").dataType());
    }

    @Test
    void unknownZoneAndNonEnterprisesStayInFirmsButCountNowhere() {
        Row f = firms.filter(col("credit_code").equalTo(code(5))).first();
        assertEquals("unknown_zone", f.getAs("placement"));
        assertNull(f.getAs("zone_id"));
        Row h = firms.filter(col("credit_code").equalTo("92340602MA2PBQAH7E")).first();
        assertEquals("individual_business", h.getAs("entity_kind"));
        assertEquals("child", h.getAs("zone_id"));
        assertEquals(8, firms.count());
    }

    private static void assertCounts(String zone, int[][] expected, double area) {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("zone_id", DataTypes.StringType, true),
                DataTypes.createStructField("year", DataTypes.IntegerType, true),
                DataTypes.createStructField("firms_active", DataTypes.LongType, true),
                DataTypes.createStructField("firms_new", DataTypes.LongType, true),
                DataTypes.createStructField("firms_exited", DataTypes.LongType, true),
                DataTypes.createStructField("firm_density_per_km2", DataTypes.DoubleType, true),
                DataTypes.createStructField("is_partial_year", DataTypes.BooleanType, true)));
        List<Row> rows = new ArrayList<>();
        for (int[] e : expected) {
            rows.add(RowFactory.create(zone, e[0], (long) e[1], (long) e[2], (long) e[3], e[1] / area, e[0] == 2024));
        }
        Dataset<Row> want = spark().createDataFrame(rows, schema);
        Dataset<Row> got = metrics.filter(col("zone_id").equalTo(zone))
                .select("zone_id", "year", "firms_active", "firms_new", "firms_exited", "firm_density_per_km2", "is_partial_year");
        assertFramesEqual(want, spark().createDataFrame(got.javaRDD(), schema));
    }
}
