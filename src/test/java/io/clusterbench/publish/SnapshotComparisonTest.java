package io.clusterbench.publish;

import io.clusterbench.SparkTestBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.clusterbench.publish.SnapshotComparison.EXIT_DATE_CHANGED;
import static io.clusterbench.publish.SnapshotComparison.EXIT_WITHOUT_DATE;
import static io.clusterbench.publish.SnapshotComparison.LATER_PATENT_EXPORT;
import static io.clusterbench.publish.SnapshotComparison.LATER_REGISTRY_EXPORT;
import static io.clusterbench.publish.SnapshotComparison.ZONE_OR_INDUSTRY_CHANGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Two hand-made snapshots of zones P (parent), C (its child), B (benchmark) and X (a peer, not compared):
 * before as_of 2023-06-30 (years to 2022 complete, 2023 partial), after as_of 2024-06-30 (2023 complete).
 * <ul>
 *   <li>f1 in C since 2019, f3 in P since 2020: unchanged;</li>
 *   <li>f2 in B since 2018, exit 2022-05-01 before, 2021-03-01 after: B's firms_active 2021 1 → 0, firms_exited
 *       2021 0 → 1 and 2022 1 → 0;</li>
 *   <li>f4 in C, established 2021-04-01, only in the later export: firms_active 2021 and 2022 of C 1 → 2 and of
 *       P 2 → 3;</li>
 *   <li>f5 in C, established 2024-01-10, only in the later export: after every compared year;</li>
 *   <li>f6 in X: a different division after; X is not compared;</li>
 *   <li>P's patents_applied 2021 5 → 6;</li>
 *   <li>2023, partial before, differs for C (1 → 2): not a revision;</li>
 *   <li>funding_amount_cny_10k (decimal) equal; employees only after: not compared.</li>
 * </ul>
 */
class SnapshotComparisonTest extends SparkTestBase {
    private static final LocalDate BEFORE = LocalDate.of(2023, 6, 30);
    private static final LocalDate AFTER = LocalDate.of(2024, 6, 30);

    private static final StructType ZONES = new StructType()
            .add("zone_id", DataTypes.StringType)
            .add("name_zh", DataTypes.StringType)
            .add("role", DataTypes.StringType)
            .add("parent_zone_id", DataTypes.StringType)
            .add("ancestors", DataTypes.createArrayType(DataTypes.StringType));

    private static final StructType FIRMS = new StructType()
            .add("credit_code", DataTypes.StringType)
            .add("entity_kind", DataTypes.StringType)
            .add("zone_id", DataTypes.StringType)
            .add("industry_division", DataTypes.StringType)
            .add("established_date", DataTypes.DateType)
            .add("status", DataTypes.StringType)
            .add("deregistered_date", DataTypes.DateType);

    private static StructType zym(boolean withEmployees) {
        StructType t = new StructType()
                .add("zone_id", DataTypes.StringType)
                .add("year", DataTypes.IntegerType)
                .add("is_partial_year", DataTypes.BooleanType)
                .add("area_km2", DataTypes.DoubleType)
                .add("firms_active", DataTypes.LongType)
                .add("firms_exited", DataTypes.LongType)
                .add("patents_applied", DataTypes.LongType)
                .add("funding_amount_cny_10k", DataTypes.createDecimalType(20, 4));
        return withEmployees ? t.add("employees", DataTypes.LongType) : t;
    }

    private static Dataset<Row> zones() {
        return spark().createDataFrame(List.of(
                RowFactory.create("P", "甲区", "home", null, List.of()),
                RowFactory.create("C", "甲区乙园", "home", "P", List.of("P")),
                RowFactory.create("B", "丙区", "benchmark", null, List.of()),
                RowFactory.create("X", "丁区", "peer", null, List.of())), ZONES);
    }

    private static Row firm(String code, String zone, String division, String established, String status, String exit) {
        return RowFactory.create(code, "enterprise", zone, division, Date.valueOf(established), status,
                exit == null ? null : Date.valueOf(exit));
    }

    private static Row zymRow(String zone, int year, boolean partial, long active, long exited, long patents,
                              String funding, Long employees) {
        Object[] v = {zone, year, partial, 10.0, active, exited, patents, new BigDecimal(funding)};
        if (employees == null) {
            return RowFactory.create(v);
        }
        Object[] w = java.util.Arrays.copyOf(v, v.length + 1);
        w[v.length] = employees;
        return RowFactory.create(w);
    }

    private static SnapshotComparison.Tables before() {
        Dataset<Row> firms = spark().createDataFrame(List.of(
                firm("f1", "C", "27", "2019-02-01", "active", null),
                firm("f2", "B", "39", "2018-05-01", "deregistered", "2022-05-01"),
                firm("f3", "P", "65", "2020-07-01", "active", null),
                firm("f6", "X", "27", "2017-01-01", "active", null)), FIRMS);
        List<Row> m = new ArrayList<>();
        for (int y = 2021; y <= 2023; y++) {
            boolean partial = y == 2023;
            m.add(zymRow("P", y, partial, 2, 0, y == 2021 ? 5 : 4, "100.5000", null));
            m.add(zymRow("C", y, partial, 1, 0, 1, "0.0000", null));
            m.add(zymRow("B", y, partial, y == 2021 ? 1 : 0, y == 2022 ? 1 : 0, 3, "12.3400", null));
            m.add(zymRow("X", y, partial, 1, 0, 0, "0.0000", null));
        }
        Dataset<Row> zym = spark().createDataFrame(m, zym(false));
        Dataset<Row> zones = zones();
        return t -> switch (t) {
            case "zone_year_metrics" -> zym;
            case "firms" -> firms;
            case "zones" -> zones;
            default -> null;
        };
    }

    private static SnapshotComparison.Tables after() {
        Dataset<Row> firms = spark().createDataFrame(List.of(
                firm("f1", "C", "27", "2019-02-01", "active", null),
                firm("f2", "B", "39", "2018-05-01", "deregistered", "2021-03-01"),
                firm("f3", "P", "65", "2020-07-01", "active", null),
                firm("f4", "C", "27", "2021-04-01", "active", null),
                firm("f5", "C", "27", "2024-01-10", "active", null),
                firm("f6", "X", "28", "2017-01-01", "active", null)), FIRMS);
        List<Row> m = new ArrayList<>();
        for (int y = 2021; y <= 2024; y++) {
            boolean partial = y == 2024;
            m.add(zymRow("P", y, partial, y == 2024 ? 4 : 3, 0, y == 2021 ? 6 : 4, "100.5000", 50L));
            m.add(zymRow("C", y, partial, y == 2024 ? 3 : 2, 0, 1, "0.0000", 20L));
            m.add(zymRow("B", y, partial, 0, y == 2021 ? 1 : 0, 3, "12.3400", 5L));
            m.add(zymRow("X", y, partial, 2, 0, 0, "0.0000", 1L));
        }
        Dataset<Row> zym = spark().createDataFrame(m, zym(true));
        Dataset<Row> zones = zones();
        return t -> switch (t) {
            case "zone_year_metrics" -> zym;
            case "firms" -> firms;
            case "zones" -> zones;
            default -> null;
        };
    }

    private static SnapshotComparison.Revision rev(String zone, String metric, int year, double before, double after,
                                                   Map<String, Long> reasons) {
        return new SnapshotComparison.Revision(zone, metric, year, before, after, reasons);
    }

    @Test
    void revisionsOfCompleteYearsWithTheirReasons() {
        SnapshotComparison.Result r = SnapshotComparison.compare(after(), AFTER, before(), BEFORE,
                List.of("firms_active", "patents_applied"), List.of("P", "C", "B"));
        assertEquals(BEFORE, r.asOfBefore());
        assertEquals(AFTER, r.asOfAfter());
        // zones in the order given, metrics in zone_year_metrics' column order, then years
        List<SnapshotComparison.Revision> expected = List.of(
                rev("P", "firms_active", 2021, 2, 3, Map.of(LATER_REGISTRY_EXPORT, 1L)),
                rev("P", "firms_active", 2022, 2, 3, Map.of(LATER_REGISTRY_EXPORT, 1L)),
                rev("P", "patents_applied", 2021, 5, 6, Map.of(LATER_PATENT_EXPORT, 0L)),
                rev("C", "firms_active", 2021, 1, 2, Map.of(LATER_REGISTRY_EXPORT, 1L)),
                rev("C", "firms_active", 2022, 1, 2, Map.of(LATER_REGISTRY_EXPORT, 1L)),
                rev("B", "firms_active", 2021, 1, 0, Map.of(EXIT_DATE_CHANGED, 1L)),
                rev("B", "firms_exited", 2021, 0, 1, Map.of(EXIT_DATE_CHANGED, 1L)),
                rev("B", "firms_exited", 2022, 1, 0, Map.of(EXIT_DATE_CHANGED, 1L)));
        assertEquals(expected, r.revisions());
    }

    @Test
    void headlineListsEveryZoneAndMetricOfEachLatestCompleteYear() {
        SnapshotComparison.Result r = SnapshotComparison.compare(after(), AFTER, before(), BEFORE,
                List.of("firms_active", "patents_applied", "no_such_metric"), List.of("P", "C", "B"));
        List<SnapshotComparison.HeadlineChange> expected = List.of(
                new SnapshotComparison.HeadlineChange("P", "firms_active", 2022, 2.0, 2023, 3.0),
                new SnapshotComparison.HeadlineChange("P", "patents_applied", 2022, 4.0, 2023, 4.0),
                new SnapshotComparison.HeadlineChange("P", "no_such_metric", 2022, null, 2023, null),
                new SnapshotComparison.HeadlineChange("C", "firms_active", 2022, 1.0, 2023, 2.0),
                new SnapshotComparison.HeadlineChange("C", "patents_applied", 2022, 1.0, 2023, 1.0),
                new SnapshotComparison.HeadlineChange("C", "no_such_metric", 2022, null, 2023, null),
                new SnapshotComparison.HeadlineChange("B", "firms_active", 2022, 0.0, 2023, 0.0),
                new SnapshotComparison.HeadlineChange("B", "patents_applied", 2022, 3.0, 2023, 3.0),
                new SnapshotComparison.HeadlineChange("B", "no_such_metric", 2022, null, 2023, null));
        assertEquals(expected, r.headline());
    }

    @Test
    void aZoneNotComparedIsLeftOutAndItsFirmReasonsAreCountedWhenCompared() {
        SnapshotComparison.Result r = SnapshotComparison.compare(after(), AFTER, before(), BEFORE,
                List.of("firms_active"), List.of("X"));
        // X's firms_active 1 → 2 in 2021 and 2022: f6's division changed (its only difference)
        assertEquals(List.of(
                rev("X", "firms_active", 2021, 1, 2, Map.of(ZONE_OR_INDUSTRY_CHANGED, 1L)),
                rev("X", "firms_active", 2022, 1, 2, Map.of(ZONE_OR_INDUSTRY_CHANGED, 1L))), r.revisions());
        assertEquals(List.of(), SnapshotComparison.compare(after(), AFTER, before(), BEFORE,
                List.of("firms_active"), List.of()).revisions());
    }

    /** A firm with an exit status and no date counts active until the year before as_of: a later as_of moves it. */
    @Test
    void anExitWithoutDateMovesWithAsOf() {
        LocalDate before = LocalDate.of(2023, 12, 31);
        Dataset<Row> firms = spark().createDataFrame(List.of(
                firm("g1", "B", "39", "2018-05-01", "revoked", null)), FIRMS);
        Dataset<Row> zymBefore = spark().createDataFrame(List.of(
                zymRow("B", 2023, false, 0, 0, 0, "0", null)), zym(false));
        Dataset<Row> zymAfter = spark().createDataFrame(List.of(
                zymRow("B", 2023, false, 1, 0, 0, "0", null)), zym(false));
        Dataset<Row> zones = zones();
        SnapshotComparison.Tables b = t -> t.equals("firms") ? firms : t.equals("zones") ? zones : zymBefore;
        SnapshotComparison.Tables a = t -> t.equals("firms") ? firms : t.equals("zones") ? zones : zymAfter;
        SnapshotComparison.Result r = SnapshotComparison.compare(a, AFTER, b, before, List.of(), List.of("B"));
        assertEquals(List.of(rev("B", "firms_active", 2023, 0, 1, Map.of(EXIT_WITHOUT_DATE, 1L))), r.revisions());
    }

    @Test
    void everyReasonCodeIsDescribed() {
        for (String code : SnapshotComparison.REASON_CODES) {
            assertFalse(SnapshotComparison.describe(code).isBlank(), code);
            assertFalse(SnapshotComparison.phrase(code, 2).isBlank(), code);
        }
        assertEquals("1 firm new in the later registry export", SnapshotComparison.phrase(LATER_REGISTRY_EXPORT, 1));
    }

    @Test
    void previousSnapshotIsTheLatestPublishedBeforeTheDate(@TempDir Path out) throws IOException {
        for (String d : List.of("2022-12-31", "2023-06-30", "2023-12-31", "2024-06-30")) {
            Files.createDirectories(out.resolve("_runs/as_of=" + d));
        }
        Files.createDirectories(out.resolve("_runs/not-a-snapshot"));
        Files.createFile(out.resolve("_runs/as_of=2022-12-31/_SUCCESS"));
        Files.createFile(out.resolve("_runs/as_of=2023-06-30/_SUCCESS"));
        // 2023-12-31 has no _SUCCESS: a failed or interrupted run
        Files.createFile(out.resolve("_runs/as_of=2024-06-30/_SUCCESS"));
        Configuration conf = new Configuration();
        String o = out.toString();
        assertEquals(Optional.of(LocalDate.of(2023, 6, 30)), SnapshotComparison.previousSnapshot(conf, o, LocalDate.of(2024, 6, 30)));
        assertEquals(Optional.of(LocalDate.of(2023, 6, 30)), SnapshotComparison.previousSnapshot(conf, o, LocalDate.of(2024, 1, 1)));
        assertEquals(Optional.of(LocalDate.of(2022, 12, 31)), SnapshotComparison.previousSnapshot(conf, o, LocalDate.of(2023, 6, 30)));
        assertEquals(Optional.empty(), SnapshotComparison.previousSnapshot(conf, o, LocalDate.of(2022, 12, 31)));
        assertEquals(Optional.empty(), SnapshotComparison.previousSnapshot(conf, out.resolve("none").toString(), LocalDate.of(2024, 6, 30)));
        assertEquals(true, SnapshotComparison.isPublished(conf, o, LocalDate.of(2024, 6, 30)));
        assertEquals(false, SnapshotComparison.isPublished(conf, o, LocalDate.of(2023, 12, 31)));
    }
}
