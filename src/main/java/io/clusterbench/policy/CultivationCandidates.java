package io.clusterbench.policy;

import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.try_divide;

/**
 * cultivation_candidates: active enterprise firms of the home zones, checked against the official criteria of
 * 高新技术企业认定管理办法 (国科发火〔2016〕32号, art. 11) and 科技型中小企业评价办法 (国科发政〔2017〕115号)
 * with registry, patent and financial data. Each criterion is pass / fail / unknown (data missing) with its
 * relative shortfall. An indication from registry data, not an eligibility decision.
 */
public final class CultivationCandidates {
    public static final String CAVEAT = "indication from registry data, not an eligibility decision";
    static final String PASS = "pass";
    static final String FAIL = "fail";
    static final String UNKNOWN = "unknown";

    private CultivationCandidates() {
    }

    /**
     * @param homeFirms  active enterprise firms of the home zones (one row per firm and home zone) with the firms
     *                   table's columns plus hte_cert_dates
     * @param financials stg_financials or null
     * @param ipCounts   per credit_code: valid_inventions, valid_other_patents (held on as_of, owners first)
     */
    public static Dataset<Row> compute(Dataset<Row> homeFirms, Dataset<Row> financials, Dataset<Row> ipCounts, JobConfig config) {
        int last = config.latestCompleteYear();
        Column asOf = to_date(lit(config.asOf().toString()));
        Dataset<Row> fin = financials == null ? null : financialYears(financials, last);
        Dataset<Row> d = homeFirms.join(ipCounts, homeFirms.col("credit_code").equalTo(ipCounts.col("ip_code")), "left")
                .drop("ip_code");
        if (fin != null) {
            d = d.join(fin, d.col("credit_code").equalTo(fin.col("fin_code")), "left").drop("fin_code");
        } else {
            for (String c : List.of("revenue", "rd3", "revenue3", "hightech_revenue", "total_assets", "fin_employees", "rd_staff", "rd")) {
                d = d.withColumn(c, lit(null).cast("double"));
            }
        }
        Column inventions = coalesce(col("valid_inventions"), lit(0L));
        Column others = coalesce(col("valid_other_patents"), lit(0L));
        Column employees = coalesce(col("fin_employees"), col("employees").cast("double"));
        Column staffShare = try_divide(col("rd_staff"), employees);
        Column rdShare3 = try_divide(col("rd3"), col("revenue3"));
        // R&D intensity threshold by last-year revenue: ≤ 50 M CNY → 5 %, 50–200 M → 4 %, above → 3 % (10,000 CNY units)
        Column rdThreshold = when(col("revenue").leq(5000), 0.05).when(col("revenue").leq(20000), 0.04).otherwise(0.03);

        // Criteria in three layers of withColumns (chained withColumn would re-analyse the plan each time).
        Map<String, Column> criteria = new LinkedHashMap<>();
        criteria.put("financial_year", lit(last));
        criteria.put("hte_expiring_within_12m", col("is_hte_valid").and(coalesce(exists(col("hte_cert_dates"),
                        x -> add_months(x, 36).gt(asOf).and(add_months(x, 36).leq(add_months(asOf, 12)))), lit(false))));
        criteria.put("hte_registered_1y_status", when(add_months(col("established_date"), 12).leq(asOf), PASS).otherwise(FAIL));
        criteria.put("hte_registered_1y_shortfall", greatest(lit(0.0),
                        org.apache.spark.sql.functions.datediff(add_months(col("established_date"), 12), asOf).divide(365.0)));
        criteria.put("hte_ip_status", when(inventions.plus(others).gt(0), PASS).otherwise(FAIL));
        criteria.put("hte_ip_shortfall", when(inventions.plus(others).gt(0), 0.0).otherwise(1.0));
        criteria.put("hte_staff_status", status(staffShare, staffShare.geq(0.10)));
        criteria.put("hte_staff_shortfall", shortfall(staffShare, lit(0.10)));
        criteria.put("hte_rd_status", status(rdShare3.multiply(col("revenue")), rdShare3.geq(rdThreshold)));
        criteria.put("hte_rd_threshold", when(col("revenue").isNotNull(), rdThreshold));
        criteria.put("hte_rd_shortfall", shortfall(try_divide(rdShare3.multiply(col("revenue")), col("revenue")), rdThreshold));
        criteria.put("hte_hightech_revenue_status", status(try_divide(col("hightech_revenue"), col("revenue")),
                        try_divide(col("hightech_revenue"), col("revenue")).geq(0.60)));
        criteria.put("hte_hightech_revenue_shortfall", shortfall(try_divide(col("hightech_revenue"), col("revenue")), lit(0.60)));
        // the measured values behind the statuses, so a reader sees how far a failing firm is (report, spreadsheet)
        criteria.put("years_registered", org.apache.spark.sql.functions.round(
                org.apache.spark.sql.functions.datediff(asOf, col("established_date")).divide(365.25), 2));
        criteria.put("valid_patents", inventions.plus(others));
        criteria.put("staff_share", staffShare);
        criteria.put("rd_share_3y", rdShare3);
        criteria.put("hightech_revenue_share", try_divide(col("hightech_revenue"), col("revenue")));
        criteria.put("sme_employees_status", status(employees, employees.leq(500)));
        criteria.put("sme_revenue_status", status(col("revenue"), col("revenue").leq(20000)));
        criteria.put("sme_assets_status", status(col("total_assets"), col("total_assets").leq(20000)));
        criteria.put("sme_staff_points", staffPoints(staffShare));
        criteria.put("sme_rd_points", rdPoints(try_divide(col("rd"), col("revenue"))));
        criteria.put("sme_ip_points", when(inventions.geq(1), 30).when(others.geq(4), 24).when(others.equalTo(3), 18)
                        .when(others.equalTo(2), 12).when(others.equalTo(1), 6).otherwise(0));
        Map<String, Column> scores = new LinkedHashMap<>();
        scores.put("sme_score", col("sme_staff_points").plus(col("sme_rd_points")).plus(col("sme_ip_points")));
        Map<String, Column> verdicts = new LinkedHashMap<>();
        verdicts.put("sme_score_status", when(col("sme_staff_points").isNull().or(col("sme_rd_points").isNull()), UNKNOWN)
                .when(col("sme_score").geq(60).and(col("sme_staff_points").gt(0)), PASS).otherwise(FAIL));
        verdicts.put("sme_score_shortfall", when(col("sme_score").isNotNull(),
                greatest(lit(0.0), lit(60).minus(col("sme_score")).divide(60.0))));
        d = d.withColumns(criteria).withColumns(scores).withColumns(verdicts);

        List<String> hte = List.of("hte_registered_1y", "hte_ip", "hte_staff", "hte_rd", "hte_hightech_revenue");
        List<String> sme = List.of("sme_employees", "sme_revenue", "sme_assets", "sme_score");
        d = tally(d, "hte", hte);
        d = tally(d, "sme", sme);
        d = d.withColumn("hte_readiness_rank", row_number().over(Window.partitionBy("zone_id").orderBy(
                        col("hte_criteria_failed").asc(), col("hte_shortfall_total").asc(), col("hte_criteria_met").desc(),
                        col("credit_code"))))
                .withColumn("sme_readiness_rank", row_number().over(Window.partitionBy("zone_id").orderBy(
                        col("sme_criteria_failed").asc(), col("sme_shortfall_total").asc(), col("sme_criteria_met").desc(),
                        col("credit_code"))))
                .withColumn("caveat", lit(CAVEAT));

        List<Column> out = new ArrayList<>(List.of(col("zone_id"), col("credit_code"), col("name"), col("industry_division"),
                col("established_date"), col("is_hte_valid"), col("hte_expiring_within_12m"), col("is_tech_sme_latest"),
                col("financial_year"), col("years_registered"), col("valid_patents"), col("staff_share"), col("rd_share_3y"),
                col("hightech_revenue_share")));
        for (String c : hte) {
            out.add(col(c + "_status"));
            out.add(col(c + "_shortfall"));
        }
        out.add(col("hte_rd_threshold"));
        out.addAll(List.of(col("hte_criteria_met"), col("hte_criteria_failed"), col("hte_criteria_unknown"), col("hte_readiness_rank")));
        for (String c : sme) {
            out.add(col(c + "_status"));
        }
        out.addAll(List.of(col("sme_staff_points"), col("sme_rd_points"), col("sme_ip_points"), col("sme_score"),
                col("sme_score_shortfall"), col("sme_criteria_met"), col("sme_criteria_failed"), col("sme_criteria_unknown"),
                col("sme_readiness_rank"), col("caveat")));
        // Rows: firms that are not valid HTEs, and valid ones whose certificate ends within a year (renewal risk).
        return d.filter(col("is_hte_valid").unary_$bang().or(col("hte_expiring_within_12m")))
                .select(out.toArray(Column[]::new));
    }

    /** Last-year figures and three-year R&D and revenue sums from the financials of years last−2 .. last. */
    static Dataset<Row> financialYears(Dataset<Row> f, int last) {
        Dataset<Row> window = f.filter(col("year").between(last - 2, last));
        Dataset<Row> threeYear = window.filter(col("rd_expense_cny_10k").isNotNull().and(col("revenue_cny_10k").isNotNull()))
                .groupBy(col("credit_code").as("fin_code"))
                .agg(sum(col("rd_expense_cny_10k").cast("double")).as("rd3"), sum(col("revenue_cny_10k").cast("double")).as("revenue3"));
        Dataset<Row> lastYear = window.filter(col("year").equalTo(last)).select(col("credit_code").as("fin_code"),
                col("revenue_cny_10k").cast("double").as("revenue"), col("rd_expense_cny_10k").cast("double").as("rd"),
                col("hightech_revenue_cny_10k").cast("double").as("hightech_revenue"),
                col("total_assets_cny_10k").cast("double").as("total_assets"),
                col("employees").cast("double").as("fin_employees"), col("rd_staff").cast("double").as("rd_staff"));
        return lastYear.join(threeYear, "fin_code", "full_outer");
    }

    private static Column status(Column value, Column passes) {
        return when(value.isNull(), UNKNOWN).when(passes, PASS).otherwise(FAIL);
    }

    private static Column shortfall(Column value, Column threshold) {
        return when(value.isNotNull(), greatest(lit(0.0), try_divide(threshold.minus(value), threshold)));
    }

    private static Column staffPoints(Column share) {
        return when(share.isNull(), lit(null).cast("int")).when(share.geq(0.30), 20).when(share.geq(0.25), 16)
                .when(share.geq(0.20), 12).when(share.geq(0.15), 8).when(share.geq(0.10), 4).otherwise(0);
    }

    private static Column rdPoints(Column share) {
        return when(share.isNull(), lit(null).cast("int")).when(share.geq(0.06), 50).when(share.geq(0.05), 40)
                .when(share.geq(0.04), 30).when(share.geq(0.03), 20).when(share.geq(0.02), 10).otherwise(0);
    }

    /** criteria_met / failed / unknown and the summed shortfall of the failed criteria. */
    private static Dataset<Row> tally(Dataset<Row> d, String prefix, List<String> criteria) {
        Column met = lit(0);
        Column failed = lit(0);
        Column unknown = lit(0);
        Column shortfall = lit(0.0);
        for (String c : criteria) {
            Column s = col(c + "_status");
            met = met.plus(when(s.equalTo(PASS), 1).otherwise(0));
            failed = failed.plus(when(s.equalTo(FAIL), 1).otherwise(0));
            unknown = unknown.plus(when(s.equalTo(UNKNOWN), 1).otherwise(0));
            String sf = c.equals("sme_employees") || c.equals("sme_revenue") || c.equals("sme_assets") ? null : c + "_shortfall";
            if (sf != null) {
                shortfall = shortfall.plus(when(s.equalTo(FAIL), coalesce(col(sf), lit(0.0))).otherwise(0.0));
            }
        }
        return d.withColumn(prefix + "_criteria_met", met).withColumn(prefix + "_criteria_failed", failed)
                .withColumn(prefix + "_criteria_unknown", unknown).withColumn(prefix + "_shortfall_total", shortfall);
    }
}
