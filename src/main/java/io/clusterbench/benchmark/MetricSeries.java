package io.clusterbench.benchmark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** zone_year_metrics in long form, (zone_id, year, is_partial_year, metric, value), for the chosen metrics. */
public final class MetricSeries {
    /** metrics.md "Benchmarking": flow metrics get no CAGR or years to close in a partial year. */
    public static final Set<String> FLOWS = Set.of("firms_new", "firms_exited", "patents_applied", "patents_applied_frac",
            "invention_applied", "invention_granted", "invention_granted_frac", "funding_events", "funding_amount_cny_10k",
            "funding_undisclosed_events", "listed_new", "tech_sme_first_registered", "hte_net_new", "firms_new_private",
            "patents_academic_coapplied", "revenue_cny_10k", "rd_expense_cny_10k");

    private MetricSeries() {
    }

    public static Dataset<Row> longForm(Dataset<Row> zoneYearMetrics, List<String> metrics) {
        Dataset<Row> out = null;
        for (String m : metrics) {
            Dataset<Row> one = zoneYearMetrics.select(col("zone_id"), col("year"), col("is_partial_year"),
                    lit(m).as("metric"), col(m).cast("double").as("value"), lit(FLOWS.contains(m)).as("is_flow"));
            out = out == null ? one : out.unionByName(one);
        }
        return out;
    }
}
