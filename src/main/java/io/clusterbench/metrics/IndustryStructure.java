package io.clusterbench.metrics;

import io.clusterbench.spark.Intermediates;
import io.clusterbench.spark.SortKeys;
import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.util.Map;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.functions.try_divide;

/**
 * Industry structure (metrics.md "Industry structure"): active enterprise firms per zone, division and year
 * from +1/−1 events, against the reference economy of all accepted enterprise firms with a known division;
 * shares, location quotients, HHI, Krugman specialisation and the top division.
 */
public final class IndustryStructure {
    /**
     * @param zoneIndustry one row per (zone_id, year, industry_division) with an active firm: firms_active,
     *                     share_in_zone, lq, employees
     * @param zoneYear     per (zone_id, year): hhi_industry, krugman_specialisation, top_division, top_division_lq
     * @param workforce    per (zone_id, year): employees and the financials totals ({@link Workforce})
     */
    public record Result(Dataset<Row> zoneIndustry, Dataset<Row> zoneYear, Dataset<Row> workforce) {
    }

    private IndustryStructure() {
    }

    /**
     * @param firmZones  enterprise firms × containing zones, with active years, division and registry employees
     * @param allFirms   every accepted enterprise firm with active years and division (placed or not)
     * @param financials stg_financials, or null when the source is absent
     * @param financialRows how many rows stg_financials holds (known from its account)
     */
    public static Result compute(Dataset<Row> firmZones, Dataset<Row> allFirms, Dataset<Row> financials,
                                 long financialRows, JobConfig config, Intermediates keep) {
        // Active firms and registry employees per zone, division and year in one pass over the firm rows.
        Dataset<Row> withDivision = firmZones.filter(col("industry_division").isNotNull());
        Map<String, Column> perFirm = new java.util.LinkedHashMap<>(Map.of("firms_active", lit(1L)));
        perFirm.putAll(REGISTRY_EMPLOYEES);
        Dataset<Row> local = RunningSums.perKeyYear(withDivision, withDivision, new String[]{"zone_id", "industry_division"},
                col("active_from"), col("active_to"), perFirm, config);
        Dataset<Row> reference = activeCounts(allFirms.filter(col("industry_division").isNotNull()),
                new String[]{"industry_division"}, config)
                .withColumnRenamed("firms_active", "ref_firms");
        // Small (zones × years × divisions) but read by both zone tables; computing it scans every firm twice.
        Dataset<Row> shares = keep.keep("int_zone_industry_shares", shares(local, reference));
        Dataset<Row> finRows = financials == null ? null
                : keep.keep("int_firm_year_financials", firmYearFinancials(firmZones, financials, financialRows, config));
        Dataset<Row> zoneIndustry = withFinancialEmployees(shares, new String[]{"zone_id", "industry_division"},
                        finRows == null ? null : finRows.filter(col("industry_division").isNotNull()))
                .select("zone_id", "year", "industry_division", "firms_active", "share_in_zone", "lq", "employees");
        return new Result(zoneIndustry, indices(shares), Workforce.perZoneYear(firmZones, finRows, config));
    }

    /**
     * Shares and location quotients from counts.
     *
     * @param local     (zone_id, year, industry_division, firms_active)
     * @param reference (industry_division, year, ref_firms): the reference economy
     * @return local rows with firms, plus share_in_zone, ref_share and lq
     */
    static Dataset<Row> shares(Dataset<Row> local, Dataset<Row> reference) {
        Dataset<Row> ref = reference.withColumn("ref_share",
                try_divide(col("ref_firms"), sum("ref_firms").over(Window.partitionBy("year"))));
        WindowSpec zoneYear = Window.partitionBy("zone_id", "year");
        return local.filter(col("firms_active").gt(0))
                .join(broadcast(ref), new String[]{"industry_division", "year"})
                .withColumn("share_in_zone", try_divide(col("firms_active"), sum("firms_active").over(zoneYear)))
                .withColumn("lq", try_divide(col("share_in_zone"), col("ref_share")));
    }

    /** HHI, Krugman specialisation and the top division (ties: smallest code) per zone and year. */
    static Dataset<Row> indices(Dataset<Row> shares) {
        WindowSpec zoneYear = Window.partitionBy("zone_id", "year");
        Dataset<Row> top = shares.withColumn("_rank", row_number().over(zoneYear.orderBy(col("firms_active").desc(),
                        col("industry_division").asc())))
                .filter(col("_rank").equalTo(1))
                .select(col("zone_id"), col("year"), col("industry_division").as("top_division"), col("lq").as("top_division_lq"));
        // Krugman over divisions of the zone or the reference: divisions absent from the zone add their r(d).
        return shares.groupBy("zone_id", "year").agg(
                        sum(col("share_in_zone").multiply(col("share_in_zone"))).as("hhi_industry"),
                        sum(abs(col("share_in_zone").minus(col("ref_share")))).as("_gap_present"),
                        sum("ref_share").as("_ref_present"))
                .withColumn("krugman_specialisation", col("_gap_present").plus(lit(1.0).minus(col("_ref_present"))))
                .drop("_gap_present", "_ref_present")
                .join(top, new String[]{"zone_id", "year"});
    }

    /** Active firms per key and year: +1 where activity starts, −1 after it ends, summed over the run's years. */
    static Dataset<Row> activeCounts(Dataset<Row> firms, String[] keys, JobConfig config) {
        return RunningSums.perKeyYear(firms, firms, keys, col("active_from"), col("active_to"),
                Map.of("firms_active", lit(1L)), config);
    }

    /**
     * Active firm-years that have a financials row (metrics.md "Employment, R&D and productivity"): the firm's
     * zone, division and registry employees with the row's own figures. Financial rows are sparse firm-years, so
     * this is one join of the firm rows with them, read by every employee and financials total.
     */
    static Dataset<Row> firmYearFinancials(Dataset<Row> firmZones, Dataset<Row> financials, long financialRows,
                                           JobConfig config) {
        Dataset<Row> selected = financials.select(col("credit_code").as("fin_code"), col("year"),
                col("employees").as("fin_employees"), col("revenue_cny_10k"), col("rd_expense_cny_10k"),
                col("hightech_revenue_cny_10k"));
        // Financials usually cover a small share of the registry's firms: broadcast then, so the firm rows (the
        // registry times its containing zones) are not shuffled for the join. Beyond that, the firm rows are first
        // narrowed to the firms that file financials, by a broadcast of their codes' 64-bit hashes, so only those
        // firms' rows are shuffled (at 10 M firms, 0.4 M rows instead of 8.5 M); a hash collision only lets a row
        // through to the exact join.
        Dataset<Row> fin = selected;
        Dataset<Row> firms = firmZones;
        if (financialRows <= BROADCAST_FINANCIAL_ROWS) {
            fin = broadcast(selected);
        } else if (financialRows <= BROADCAST_FILER_HASHES) {
            Dataset<Row> filers = selected.select(xxhash64(col("fin_code")).as("_filer")).distinct();
            firms = firmZones.join(broadcast(filers), xxhash64(col("credit_code")).equalTo(col("_filer")), "left_semi");
        }
        return firms.join(fin, SortKeys.equal(col("credit_code"), col("fin_code")))
                .filter(col("year").between(col("active_from"), col("active_to"))
                        .and(col("year").between(config.firstYear(), config.asOfYear())))
                .select(col("zone_id"), col("industry_division"), col("year"), col("employees"),
                        col("fin_employees"), col("revenue_cny_10k"), col("rd_expense_cny_10k"),
                        col("hightech_revenue_cny_10k"));
    }

    /**
     * Employees per key (zone, or zone and division) and year: financials.employees for the firm-year when given,
     * else the registry's; null when no active firm of the key has either. Registry values enter as running
     * sums; the financial rows (sparse firm-years) correct them.
     *
     * @param finRows {@link #firmYearFinancials} of the same firms, or null when the financials source is absent
     */
    static Dataset<Row> employees(Dataset<Row> firms, String[] keyNames, Dataset<Row> finRows, JobConfig config) {
        Dataset<Row> registry = RunningSums.perKeyYear(firms, firms, keyNames, col("active_from"), col("active_to"),
                REGISTRY_EMPLOYEES, config);
        Column[] keys = java.util.Arrays.stream(keyNames).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return withFinancialEmployees(registry, keyNames, finRows).select(concatKeys(concatKeys(keys, col("year")),
                col("employees")));
    }

    /** Registry employees as running sums: reg_people over the active firms that give a figure, reg_known how many. */
    private static final Map<String, Column> REGISTRY_EMPLOYEES = Map.of(
            "reg_people", coalesce(col("employees").cast("long"), lit(0L)),
            "reg_known", when(col("employees").isNotNull(), 1L).otherwise(0L));

    /** Financials rows up to this many are broadcast to the firm rows they join (about 100 bytes each). */
    private static final long BROADCAST_FINANCIAL_ROWS = 1_000_000;
    /** Up to this many financials rows, their filers' code hashes (8 bytes each) are broadcast to narrow the firm rows. */
    private static final long BROADCAST_FILER_HASHES = 20_000_000;

    /**
     * Replaces reg_people and reg_known of {@code base} (rows per key and year) by {@code employees}: the registry
     * sum corrected by the financials rows of the key's firm-years (their figure replaces the registry's); null
     * when no active firm of the key has either.
     */
    private static Dataset<Row> withFinancialEmployees(Dataset<Row> base, String[] keyNames, Dataset<Row> finRows) {
        Column[] keys = java.util.Arrays.stream(keyNames).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        String[] joinKeys = java.util.Arrays.copyOf(keyNames, keyNames.length + 1);
        joinKeys[keyNames.length] = "year";
        if (finRows == null) {
            return base.withColumn("employees", when(col("reg_known").gt(0), col("reg_people")))
                    .drop("reg_people", "reg_known");
        }
        Dataset<Row> corrections = finRows.filter(col("fin_employees").isNotNull())
                .groupBy(concatKeys(keys, col("year")))
                .agg(sum(col("fin_employees").minus(coalesce(col("employees"), lit(0)))).as("fin_delta"),
                        count(when(col("employees").isNull(), 1)).as("fin_only"));
        return base.join(corrections, joinKeys, "left")
                .withColumn("employees", when(col("reg_known").plus(coalesce(col("fin_only"), lit(0L))).gt(0),
                        col("reg_people").plus(coalesce(col("fin_delta"), lit(0L)))))
                .drop("reg_people", "reg_known", "fin_delta", "fin_only");
    }

    private static Column[] concatKeys(Column[] keys, Column extra) {
        Column[] out = java.util.Arrays.copyOf(keys, keys.length + 1);
        out[keys.length] = extra;
        return out;
    }
}
