package io.clusterbench.publish;

import io.clusterbench.spark.SortKeys;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * Compares two published snapshots of one output directory: the headline figures of each snapshot's latest
 * complete year, and the past figures (years complete in the earlier snapshot) that the later snapshot revised,
 * with the reasons found for them. Only zone-level figures and counts of firms come out, never a firm's
 * name, code or other personal data; the firms tables are compared with Spark joins and aggregates, never
 * collected.
 */
public final class SnapshotComparison {
    /** A published table of one snapshot by name, e.g. t.apply("zone_year_metrics"); null for a table the snapshot lacks. */
    public interface Tables extends java.util.function.Function<String, Dataset<Row>> {
    }

    /** The figure a report headlines: the metric in each snapshot's latest complete year (as_of's year when as_of is Dec 31, else the year before). */
    public record HeadlineChange(String zoneId, String metric, int yearBefore, Double before, int yearAfter, Double after) {
    }

    /** A past figure (a year complete in the earlier snapshot, present in both) whose value differs. reasons: reason code -> count of firms/rows behind it (may be empty when unexplained). */
    public record Revision(String zoneId, String metric, int year, Double before, Double after, Map<String, Long> reasons) {
    }

    public record Result(LocalDate asOfBefore, LocalDate asOfAfter, List<HeadlineChange> headline, List<Revision> revisions) {
    }

    /** Firms in the later snapshot's firms table, absent from the earlier one, established by the end of the year. */
    public static final String LATER_REGISTRY_EXPORT = "LATER_REGISTRY_EXPORT";
    /** Firms in the earlier snapshot's firms table, absent from the later one, established by the end of the year. */
    public static final String DROPPED_FROM_REGISTRY_EXPORT = "DROPPED_FROM_REGISTRY_EXPORT";
    /** Firms in both whose exit (date, or an exit status without a date) moved across the year. */
    public static final String EXIT_DATE_CHANGED = "EXIT_DATE_CHANGED";
    /**
     * Firms in both with an exit status and no exit date in either: metrics.md "Firm states" counts such a firm
     * active until the year before as_of, so a later as_of moves its assumed exit year.
     */
    public static final String EXIT_WITHOUT_DATE = "EXIT_WITHOUT_DATE";
    /** Firms in both whose finest zone or industry division differs. */
    public static final String ZONE_OR_INDUSTRY_CHANGED = "ZONE_OR_INDUSTRY_CHANGED";
    /** A patent figure differs: patents are not compared firm by firm (count 0). */
    public static final String LATER_PATENT_EXPORT = "LATER_PATENT_EXPORT";
    /** A funding figure differs: funding events are not compared one by one (count 0). */
    public static final String LATER_FUNDING_EXPORT = "LATER_FUNDING_EXPORT";
    /** A financials figure differs: financials rows are not compared one by one (count 0). */
    public static final String LATER_FINANCIALS = "LATER_FINANCIALS";

    /** Every reason code, in the order they are shown. */
    public static final List<String> REASON_CODES = List.of(LATER_REGISTRY_EXPORT, DROPPED_FROM_REGISTRY_EXPORT,
            EXIT_DATE_CHANGED, EXIT_WITHOUT_DATE, ZONE_OR_INDUSTRY_CHANGED, LATER_PATENT_EXPORT, LATER_FUNDING_EXPORT,
            LATER_FINANCIALS);

    /** Relative tolerance below which two figures are equal. */
    public static final double TOLERANCE = 1e-9;

    /** zone_year_metrics columns that are the grain or a declared constant, never compared. */
    private static final Set<String> NOT_COMPARED = Set.of("zone_id", "year", "is_partial_year", "area_km2");
    private static final List<String> EXITED_STATUSES = List.of("deregistered", "revoked", "moved_out");

    /** Which inputs a metric is computed from, for the reasons attached to its revisions. */
    enum Source { FIRMS, PATENTS, FUNDING, FINANCIALS }

    private SnapshotComparison() {
    }

    /** The year whose figures a report headlines for a snapshot of this date. */
    public static int latestCompleteYear(LocalDate asOf) {
        return io.clusterbench.config.JobConfig.latestCompleteYear(asOf);
    }


    /**
     * Compares the snapshot {@code before} (as_of {@code asOfBefore}) with the later {@code after}. Headline: every
     * zone of {@code zoneIds} (in the order given) × every headline metric (in the order given), unchanged ones
     * included. Revisions: every numeric zone_year_metrics column present in both, every zone of {@code zoneIds},
     * every year complete in the earlier snapshot and present in both, where the values differ.
     */
    public static Result compare(Tables after, LocalDate asOfAfter, Tables before, LocalDate asOfBefore,
                                 List<String> headlineMetrics, List<String> zoneIds) {
        Dataset<Row> zymAfter = after.apply("zone_year_metrics");
        Dataset<Row> zymBefore = before.apply("zone_year_metrics");
        if (zymAfter == null || zymBefore == null) {
            throw new IllegalArgumentException("both snapshots need a zone_year_metrics table");
        }
        List<HeadlineChange> headline = headline(zymAfter, asOfAfter, zymBefore, asOfBefore, headlineMetrics, zoneIds);
        List<Revision> revisions = revisions(after, asOfAfter, before, asOfBefore, zymAfter, zymBefore, zoneIds);
        return new Result(asOfBefore, asOfAfter, headline, revisions);
    }

    private static List<HeadlineChange> headline(Dataset<Row> zymAfter, LocalDate asOfAfter, Dataset<Row> zymBefore,
                                                 LocalDate asOfBefore, List<String> metrics, List<String> zoneIds) {
        int yearBefore = latestCompleteYear(asOfBefore);
        int yearAfter = latestCompleteYear(asOfAfter);
        Map<String, Map<String, Double>> b = figuresOfYear(zymBefore, yearBefore, metrics, zoneIds);
        Map<String, Map<String, Double>> a = figuresOfYear(zymAfter, yearAfter, metrics, zoneIds);
        List<HeadlineChange> out = new ArrayList<>();
        for (String z : zoneIds) {
            for (String m : metrics) {
                out.add(new HeadlineChange(z, m, yearBefore, b.getOrDefault(z, Map.of()).get(m),
                        yearAfter, a.getOrDefault(z, Map.of()).get(m)));
            }
        }
        return out;
    }

    /** zone → metric → value in one year; a metric the table lacks is absent (null). */
    private static Map<String, Map<String, Double>> figuresOfYear(Dataset<Row> zym, int year, List<String> metrics,
                                                                  List<String> zoneIds) {
        Set<String> present = new LinkedHashSet<>(Arrays.asList(zym.columns()));
        List<String> have = metrics.stream().filter(present::contains).distinct().toList();
        List<Column> cols = new ArrayList<>();
        cols.add(col("zone_id"));
        for (String m : have) {
            cols.add(col(m).cast(DataTypes.DoubleType).as(m));
        }
        Map<String, Map<String, Double>> out = new HashMap<>();
        if (zoneIds.isEmpty()) {
            return out;
        }
        for (Row r : zym.filter(col("year").equalTo(year).and(col("zone_id").isin(zoneIds.toArray())))
                .select(cols.toArray(Column[]::new)).collectAsList()) {
            Map<String, Double> v = new HashMap<>();
            for (int i = 0; i < have.size(); i++) {
                v.put(have.get(i), r.isNullAt(i + 1) ? null : r.getDouble(i + 1));
            }
            out.put(r.getString(0), v);
        }
        return out;
    }

    /** Numeric zone_year_metrics columns of a table, in its column order. */
    static List<String> numericMetrics(Dataset<Row> zym) {
        List<String> out = new ArrayList<>();
        for (StructField f : zym.schema().fields()) {
            DataType t = f.dataType();
            if (!NOT_COMPARED.contains(f.name()) && (t instanceof NumericType || t instanceof DecimalType)) {
                out.add(f.name());
            }
        }
        return out;
    }

    /** zone_id, year, metric, value (double) of the compared zones up to a year: the unpivot of the metric columns. */
    private static Dataset<Row> unpivot(Dataset<Row> zym, List<String> metrics, List<String> zoneIds, int lastYear) {
        Column[] cells = metrics.stream()
                .map(m -> struct(lit(m).as("metric"), col(m).cast(DataTypes.DoubleType).as("value")))
                .toArray(Column[]::new);
        return zym.filter(col("zone_id").isin(zoneIds.toArray()).and(col("year").leq(lastYear)))
                .select(col("zone_id"), col("year").cast(DataTypes.IntegerType).as("year"), explode(array(cells)).as("c"))
                .select(col("zone_id"), col("year"), col("c.metric").as("metric"), col("c.value").as("value"));
    }

    private static List<Revision> revisions(Tables after, LocalDate asOfAfter, Tables before, LocalDate asOfBefore,
                                            Dataset<Row> zymAfter, Dataset<Row> zymBefore, List<String> zoneIds) {
        Set<String> inAfter = new LinkedHashSet<>(numericMetrics(zymAfter));
        List<String> metrics = numericMetrics(zymBefore).stream().filter(inAfter::contains).toList();
        if (metrics.isEmpty() || zoneIds.isEmpty()) {
            return List.of();
        }
        int lastComplete = latestCompleteYear(asOfBefore);
        Dataset<Row> b = unpivot(zymBefore, metrics, zoneIds, lastComplete)
                .withColumnRenamed("value", "before");
        Dataset<Row> a = unpivot(zymAfter, metrics, zoneIds, lastComplete)
                .withColumnRenamed("value", "after");
        Column bv = col("before");
        Column av = col("after");
        Column differs = bv.isNull().notEqual(av.isNull())
                .or(bv.isNotNull().and(av.isNotNull())
                        .and(abs(bv.minus(av)).gt(greatest(abs(bv), abs(av)).multiply(TOLERANCE))));
        List<Row> rows = b.join(a, new String[]{"zone_id", "year", "metric"})
                .filter(differs)
                .select("zone_id", "year", "metric", "before", "after")
                .collectAsList();
        if (rows.isEmpty()) {
            return List.of();
        }
        // reasons: firm-level ones for (zone, year) cells whose revised metrics count firms
        Set<List<Object>> firmCells = new LinkedHashSet<>();
        for (Row r : rows) {
            if (sources(r.getString(2)).contains(Source.FIRMS)) {
                firmCells.add(List.of(r.getString(0), r.getInt(1)));
            }
        }
        Map<List<Object>, Map<String, Long>> firmReasons = firmCells.isEmpty() ? Map.of()
                : firmReasons(after, asOfAfter, before, asOfBefore, firmCells);

        Map<String, Integer> zoneOrder = new HashMap<>();
        for (int i = 0; i < zoneIds.size(); i++) {
            zoneOrder.putIfAbsent(zoneIds.get(i), i);
        }
        Map<String, Integer> metricOrder = new HashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            metricOrder.put(metrics.get(i), i);
        }
        List<Revision> out = new ArrayList<>();
        for (Row r : rows) {
            String zone = r.getString(0);
            int y = r.getInt(1);
            String metric = r.getString(2);
            Map<String, Long> reasons = new LinkedHashMap<>();
            Set<Source> from = sources(metric);
            if (from.contains(Source.FIRMS)) {
                Map<String, Long> found = firmReasons.getOrDefault(List.of(zone, y), Map.of());
                for (String code : REASON_CODES) {
                    if (found.getOrDefault(code, 0L) > 0) {
                        reasons.put(code, found.get(code));
                    }
                }
            }
            if (from.contains(Source.PATENTS)) {
                reasons.put(LATER_PATENT_EXPORT, 0L);
            }
            if (from.contains(Source.FUNDING)) {
                reasons.put(LATER_FUNDING_EXPORT, 0L);
            }
            if (from.contains(Source.FINANCIALS)) {
                reasons.put(LATER_FINANCIALS, 0L);
            }
            out.add(new Revision(zone, metric, y, r.isNullAt(3) ? null : r.getDouble(3),
                    r.isNullAt(4) ? null : r.getDouble(4), Collections.unmodifiableMap(reasons)));
        }
        out.sort(Comparator.<Revision>comparingInt(r -> zoneOrder.getOrDefault(r.zoneId(), Integer.MAX_VALUE))
                .thenComparing(Revision::zoneId)
                .thenComparingInt(r -> metricOrder.get(r.metric()))
                .thenComparingInt(Revision::year));
        return List.copyOf(out);
    }

    /**
     * The inputs a zone_year_metrics column is computed from (outputs.md): patent columns from the patents,
     * funding columns from the funding events, financials columns from the financials, the rest from the firms
     * (ratios over firms or employees from both).
     */
    static Set<Source> sources(String metric) {
        Set<Source> s = EnumSet.noneOf(Source.class);
        if (metric.startsWith("patents_") || metric.startsWith("invention_")) {
            s.add(Source.PATENTS);
            if (metric.equals("invention_stock_per_100_firms") || metric.equals("invention_stock_per_km2")) {
                s.add(Source.FIRMS); // per firm, and the stock is held by the zone's firms
            }
            if (metric.equals("invention_stock_per_10k_employees")) {
                s.add(Source.FIRMS);
                s.add(Source.FINANCIALS);
            }
        } else if (metric.startsWith("funding_")) {
            s.add(Source.FUNDING);
        } else if (Set.of("financials_firms", "revenue_cny_10k", "rd_expense_cny_10k", "rd_intensity",
                "hightech_revenue_share", "revenue_per_employee_cny_10k").contains(metric)) {
            s.add(Source.FINANCIALS);
        } else if (metric.equals("employees")) {
            s.add(Source.FIRMS);
            s.add(Source.FINANCIALS);
        } else {
            s.add(Source.FIRMS);
        }
        return s;
    }

    /**
     * Counts, per (zone, year) cell and reason, the firms that can have moved the cell's firm figures. A firm
     * counts in its finest zone and every ancestor of it (the later snapshot's zones table). Only enterprise
     * firms count, as in the metrics (when the table says which firms are enterprises).
     */
    private static Map<List<Object>, Map<String, Long>> firmReasons(Tables after, LocalDate asOfAfter, Tables before,
                                                                     LocalDate asOfBefore, Set<List<Object>> cells) {
        Dataset<Row> firmsAfter = after.apply("firms");
        Dataset<Row> firmsBefore = before.apply("firms");
        if (firmsAfter == null || firmsBefore == null) {
            return Map.of();
        }
        SparkSession spark = firmsAfter.sparkSession();
        StructType cellSchema = new StructType()
                .add("cell_zone", DataTypes.StringType, false)
                .add("cell_year", DataTypes.IntegerType, false);
        List<Row> cellRows = cells.stream().map(c -> RowFactory.create(c.get(0), c.get(1))).toList();
        Dataset<Row> cellFrame = broadcast(spark.createDataFrame(cellRows, cellSchema));

        Dataset<Row> zones = after.apply("zones");
        Dataset<Row> ancestry = zones == null || !Arrays.asList(zones.columns()).contains("ancestors") ? null
                : zones.select(col("zone_id").as("anc_zone"), col("ancestors").cast("array<string>").as("anc_list"));

        Dataset<Row> a = firmState(firmsAfter, asOfAfter, "a_");
        Dataset<Row> b = firmState(firmsBefore, asOfBefore, "b_");
        a = withRollup(a, "a_zone", "a_zones", ancestry);
        b = withRollup(b, "b_zone", "b_zones", ancestry);

        // new in the later export / dropped from it: the firm counts in its zones from the year it was established
        Dataset<Row> added = a.join(b, SortKeys.equal(col("a_code"), col("b_code")), "left_anti")
                .select(lit(LATER_REGISTRY_EXPORT).as("reason"), col("a_zones").as("zones"),
                        col("a_est").as("est"), lit(null).cast("int").as("from_year"), lit(null).cast("int").as("to_year"));
        Dataset<Row> dropped = b.join(a, SortKeys.equal(col("b_code"), col("a_code")), "left_anti")
                .select(lit(DROPPED_FROM_REGISTRY_EXPORT).as("reason"), col("b_zones").as("zones"),
                        col("b_est").as("est"), lit(null).cast("int").as("from_year"), lit(null).cast("int").as("to_year"));

        Dataset<Row> both = a.join(b, SortKeys.equal(col("a_code"), col("b_code")), "inner");
        // the exit moved: the years from the earlier of the two exit years to the later one (an open end when
        // the firm has no exit in one snapshot) are the years whose active or exited counts it can change. With
        // the same exit date and status in both, only an exit without a date can move: its assumed exit year is
        // as_of's year.
        Column sameRegistryExit = col("a_dereg").eqNullSafe(col("b_dereg"))
                .and(col("a_status").eqNullSafe(col("b_status")));
        Dataset<Row> exits = both.filter(not(col("a_exit_year").eqNullSafe(col("b_exit_year"))))
                .select(when(sameRegistryExit, lit(EXIT_WITHOUT_DATE)).otherwise(lit(EXIT_DATE_CHANGED)).as("reason"),
                        array_union(col("a_zones"), col("b_zones")).as("zones"),
                        least(col("a_est"), col("b_est")).as("est"),
                        least(col("a_exit_year"), col("b_exit_year")).as("from_year"),
                        when(col("a_exit_year").isNull().or(col("b_exit_year").isNull()), lit(null).cast("int"))
                                .otherwise(greatest(col("a_exit_year"), col("b_exit_year"))).as("to_year"));
        // a changed zone moves the firm between the zones not shared by both placements; a changed division
        // changes the industry figures of every zone it is in
        Column divisionChanged = not(col("a_division").eqNullSafe(col("b_division")));
        Column zoneChanged = not(col("a_zone").eqNullSafe(col("b_zone")));
        Dataset<Row> moved = both.filter(divisionChanged.or(zoneChanged))
                .select(lit(ZONE_OR_INDUSTRY_CHANGED).as("reason"),
                        when(divisionChanged, array_union(col("a_zones"), col("b_zones")))
                                .otherwise(concat(array_except(col("a_zones"), col("b_zones")),
                                        array_except(col("b_zones"), col("a_zones")))).as("zones"),
                        least(col("a_est"), col("b_est")).as("est"),
                        lit(null).cast("int").as("from_year"), lit(null).cast("int").as("to_year"));

        Dataset<Row> all = added.unionByName(dropped).unionByName(exits).unionByName(moved)
                .select(col("reason"), explode(col("zones")).as("zone"), col("est"), col("from_year"), col("to_year"));
        Column y = col("cell_year");
        List<Row> counted = all.join(cellFrame, col("zone").equalTo(col("cell_zone")), "inner")
                .filter(col("est").leq(y)
                        .and(col("from_year").isNull().or(col("from_year").leq(y)))
                        .and(col("to_year").isNull().or(col("to_year").geq(y))))
                .groupBy("cell_zone", "cell_year", "reason").agg(count(lit(1)).as("firms"))
                .collectAsList();
        Map<List<Object>, Map<String, Long>> out = new HashMap<>();
        for (Row r : counted) {
            out.computeIfAbsent(List.of(r.getString(0), r.getInt(1)), k -> new TreeMap<>()).put(r.getString(2), r.getLong(3));
        }
        return out;
    }

    /**
     * code, zone, division, year established, exit date, status and exit year of each enterprise firm, columns
     * prefixed. The exit year follows metrics.md "Firm states": the deregistration year, else as_of's year for a
     * firm with an exit status but no date, else null (active on as_of).
     */
    private static Dataset<Row> firmState(Dataset<Row> firms, LocalDate asOf, String p) {
        Set<String> c = new LinkedHashSet<>(Arrays.asList(firms.columns()));
        Dataset<Row> f = c.contains("entity_kind") ? firms.filter(col("entity_kind").equalTo("enterprise")) : firms;
        Column dereg = c.contains("deregistered_date") ? col("deregistered_date").cast("date") : lit(null).cast("date");
        Column status = c.contains("status") ? col("status").cast("string") : lit(null).cast("string");
        Column exitYear = when(dereg.isNotNull(), year(dereg))
                .when(status.isin(EXITED_STATUSES.toArray()), lit(asOf.getYear()))
                .otherwise(lit(null).cast("int"));
        return f.select(col("credit_code").as(p + "code"),
                (c.contains("zone_id") ? col("zone_id") : lit(null)).cast("string").as(p + "zone"),
                (c.contains("industry_division") ? col("industry_division") : lit(null)).cast("string").as(p + "division"),
                (c.contains("established_date") ? year(col("established_date").cast("date")) : lit(null).cast("int")).as(p + "est"),
                dereg.as(p + "dereg"), status.as(p + "status"), exitYear.as(p + "exit_year"));
    }

    /** Adds the zones a firm counts in: its finest zone and that zone's ancestors (empty when unplaced). */
    private static Dataset<Row> withRollup(Dataset<Row> firms, String zoneCol, String out, Dataset<Row> ancestry) {
        Column empty = array().cast("array<string>");
        if (ancestry == null) {
            return firms.withColumn(out, when(col(zoneCol).isNull(), empty).otherwise(array(col(zoneCol))));
        }
        Dataset<Row> anc = ancestry.withColumnRenamed("anc_zone", out + "_z").withColumnRenamed("anc_list", out + "_l");
        return firms.join(broadcast(anc), col(zoneCol).equalTo(col(out + "_z")), "left")
                .withColumn(out, when(col(zoneCol).isNull(), empty)
                        .otherwise(array_union(array(col(zoneCol)), coalesce(col(out + "_l"), empty))))
                .drop(out + "_z", out + "_l");
    }

    /** A plain-English explanation of a reason code. */
    public static String describe(String code) {
        return switch (code) {
            case LATER_REGISTRY_EXPORT -> "firms in the later snapshot's registry export that the earlier one did not have,"
                    + " established by the end of that year in the zone or a zone inside it";
            case DROPPED_FROM_REGISTRY_EXPORT -> "firms in the earlier snapshot's registry export that the later one no"
                    + " longer has, established by the end of that year in the zone or a zone inside it";
            case EXIT_DATE_CHANGED -> "firms in both snapshots whose exit date or exit status differs so that the year"
                    + " they stopped being active moved, and that year lies between the old and the new exit year";
            case EXIT_WITHOUT_DATE -> "firms in both snapshots with an exit status (deregistered, revoked, moved out)"
                    + " but no exit date: they count as active until the year before as_of, so the later as_of"
                    + " moved the year they are assumed to have exited";
            case ZONE_OR_INDUSTRY_CHANGED -> "firms in both snapshots, established by the end of that year, whose finest"
                    + " zone or industry division differs (a new zone counts in the zones it left and entered)";
            case LATER_PATENT_EXPORT -> "the patents data differ (a later export, or legal status read on a later"
                    + " as_of); patents are not compared one by one, so no count is given";
            case LATER_FUNDING_EXPORT -> "the funding events differ (a later export); events are not compared one by"
                    + " one, so no count is given";
            case LATER_FINANCIALS -> "the financials rows differ (a later export or late filings); rows are not"
                    + " compared one by one, so no count is given";
            default -> throw new IllegalArgumentException("unknown reason code: " + code);
        };
    }

    /** A short phrase for one reason and its count, e.g. "3 firms new in the later registry export". */
    public static String phrase(String code, long n) {
        String firms = n == 1 ? "1 firm" : n + " firms";
        return switch (code) {
            case LATER_REGISTRY_EXPORT -> firms + " new in the later registry export";
            case DROPPED_FROM_REGISTRY_EXPORT -> firms + " no longer in the later registry export";
            case EXIT_DATE_CHANGED -> (n == 1 ? "1 exit date" : n + " exit dates") + " changed";
            case EXIT_WITHOUT_DATE -> (n == 1 ? "1 undated exit" : n + " undated exits") + " moved with as_of";
            case ZONE_OR_INDUSTRY_CHANGED -> firms + " with a changed zone or industry";
            case LATER_PATENT_EXPORT -> "patent data differ";
            case LATER_FUNDING_EXPORT -> "funding data differ";
            case LATER_FINANCIALS -> "financials differ";
            default -> throw new IllegalArgumentException("unknown reason code: " + code);
        };
    }

    /** Whether {@code OUTPUT/_runs/as_of=DATE/_SUCCESS} exists. */
    public static boolean isPublished(Configuration conf, String output, LocalDate asOf) {
        try {
            Path root = new Path(output);
            FileSystem fs = root.getFileSystem(conf);
            return fs.exists(successMarker(root, asOf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path successMarker(Path root, LocalDate asOf) {
        return new Path(new Path(new Path(root, SnapshotPublisher.RUNS), "as_of=" + asOf), SnapshotPublisher.SUCCESS);
    }

    /** The latest published snapshot strictly before asOf under output (its _SUCCESS present), if any. */
    public static Optional<LocalDate> previousSnapshot(Configuration conf, String output, LocalDate asOf) {
        try {
            Path root = new Path(output);
            FileSystem fs = root.getFileSystem(conf);
            Path runs = new Path(root, SnapshotPublisher.RUNS);
            if (!fs.exists(runs)) {
                return Optional.empty();
            }
            LocalDate best = null;
            for (FileStatus s : fs.listStatus(runs)) {
                String name = s.getPath().getName();
                if (!s.isDirectory() || !name.startsWith("as_of=")) {
                    continue;
                }
                LocalDate d;
                try {
                    d = LocalDate.parse(name.substring("as_of=".length()));
                } catch (DateTimeParseException e) {
                    continue;
                }
                if (d.isBefore(asOf) && (best == null || d.isAfter(best)) && fs.exists(successMarker(root, d))) {
                    best = d;
                }
            }
            return Optional.ofNullable(best);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published tables of one snapshot, read from {@code OUTPUT/<table>/as_of=DATE}; null for an absent table. */
    public static Tables publishedTables(SparkSession spark, String output, LocalDate asOf) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        return table -> {
            try {
                Path part = new Path(new Path(output, table), "as_of=" + asOf);
                FileSystem fs = part.getFileSystem(conf);
                return fs.exists(part) ? spark.read().parquet(part.toString()) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
