package io.clusterbench.metrics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.try_divide;

/**
 * zone_year_metrics: the grid of every (zone, year) joined with each metric family's per-(zone, year) sums;
 * running totals turn events into yearly states, and the derived ratios follow metrics.md. A metric whose
 * source or column is absent from the input stays null (metrics.md "Null and zero").
 */
public final class ZoneYearMetrics {
    /** An input a metric family needs (a source's column, or the financials source); without it the family is null. */
    public enum Input {
        TECH_SME_YEARS, HTE_CERTIFICATES, LISTING_BOARD, LISTING_DATE, EXIT_DATE, OWNERSHIP, INDUSTRY, GRANT_DATE,
        LEGAL_STATUS, FUNDING_AMOUNT, FINANCIALS
    }

    /** The inputs present in a run (whether a patents or funding source is present is its dataset being given). */
    public record Availability(Set<Input> present) {
        public Availability {
            present = Set.copyOf(present);
        }

        public static Availability of(Input... present) {
            return new Availability(Set.of(present));
        }

        /** The inputs whose condition holds. */
        public static Availability where(Map<Input, Boolean> conditions) {
            return new Availability(conditions.entrySet().stream().filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()));
        }

        public boolean has(Input input) {
            return present.contains(input);
        }

        /** The invention stock counts granted inventions valid on as_of: it needs grant dates and legal status. */
        public boolean inventionStock() {
            return has(Input.GRANT_DATE) && has(Input.LEGAL_STATUS);
        }
    }

    private ZoneYearMetrics() {
    }

    /**
     * @param structure per (zone, year): the industry indices
     * @param workforce per (zone, year): employees and the financials totals ({@link Workforce}), or null
     * @param inputs    the inputs present in the run
     */
    public static Dataset<Row> assemble(Dataset<Row> grid, Dataset<Row> firmEvents, Dataset<Row> patents,
                                        Dataset<Row> funding, Dataset<Row> structure, Dataset<Row> workforce,
                                        Availability inputs) {
        WindowSpec byZone = Window.partitionBy("zone_id").orderBy("year");
        WindowSpec upToYear = byZone.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        String[] key = {"zone_id", "year"};
        Dataset<Row> d = grid.join(firmEvents, key, "left");
        if (patents != null) {
            d = d.join(patents, key, "left");
        }
        if (funding != null) {
            d = d.join(funding, key, "left");
        }
        d = d.join(structure, key, "left");
        if (workforce != null) {
            d = d.join(workforce, key, "left");
        }

        Map<String, Column> m = new LinkedHashMap<>();
        m.put("firms_active", running("active", upToYear));
        m.put("firms_new", zero("new"));
        // exits are dated by deregistered_date: without that column in any file, exits per year are unknown
        m.put("firms_exited", when(lit(inputs.has(Input.EXIT_DATE)), zero("exited")));
        m.put("tech_sme_count", when(lit(inputs.has(Input.TECH_SME_YEARS)), zero("sme")));
        m.put("tech_sme_first_registered", when(lit(inputs.has(Input.TECH_SME_YEARS)), zero("sme_first")));
        m.put("hte_count", when(lit(inputs.has(Input.HTE_CERTIFICATES)), zero("hte")));
        m.put("listed_count", when(lit(inputs.has(Input.LISTING_BOARD)), running("listed", upToYear)));
        // listings are dated by listing_date: boards alone say who is listed on as_of, not who listed in which year
        m.put("listed_new", when(lit(inputs.has(Input.LISTING_BOARD) && inputs.has(Input.LISTING_DATE)), zero("listed_new")));
        m.put("listed_star_count", when(lit(inputs.has(Input.LISTING_BOARD)), running("star", upToYear)));
        m.put("_precise", running("precise", upToYear));
        m.put("firms_active_private", when(lit(inputs.has(Input.OWNERSHIP)), running("private", upToYear)));
        m.put("firms_active_state", when(lit(inputs.has(Input.OWNERSHIP)), running("state", upToYear)));
        m.put("firms_active_foreign", when(lit(inputs.has(Input.OWNERSHIP)), running("foreign", upToYear)));
        m.put("_ownership_known", when(lit(inputs.has(Input.OWNERSHIP)), running("known", upToYear)));
        m.put("firms_new_private", when(lit(inputs.has(Input.OWNERSHIP)), zero("new_private")));
        if (workforce != null && inputs.has(Input.FINANCIALS)) {
            m.put("financials_firms", zero("financials_firms"));
        }
        if (patents != null) {
            m.put("patents_applied", zero("patents_applied"));
            m.put("patents_applied_frac", coalesce(col("patents_applied_frac"), lit(0).cast(PatentMetrics.FRAC)));
            m.put("invention_applied", zero("invention_applied"));
            m.put("patents_academic_coapplied", zero("patents_academic_coapplied"));
            m.put("invention_granted", when(lit(inputs.has(Input.GRANT_DATE)), zero("invention_granted")));
            m.put("invention_granted_frac", when(lit(inputs.has(Input.GRANT_DATE)),
                    coalesce(col("invention_granted_frac"), lit(0).cast(PatentMetrics.FRAC))));
            m.put("invention_stock", when(lit(inputs.inventionStock()), running("stock_added", upToYear)));
        }
        if (funding != null) {
            m.put("funding_events", zero("funding_events"));
            m.put("funding_amount_cny_10k", when(lit(inputs.has(Input.FUNDING_AMOUNT)),
                    coalesce(col("funding_amount_cny_10k"), lit(0).cast("decimal(20,4)"))));
            m.put("funding_undisclosed_events", zero("funding_undisclosed_events"));
        }
        if (!inputs.has(Input.INDUSTRY)) {
            for (String c : new String[]{"hhi_industry", "krugman_specialisation", "top_division", "top_division_lq"}) {
                m.put(c, lit(null));
            }
        }
        // One withColumns per layer: chained withColumn re-analyses the whole plan each time.
        d = d.withColumns(m);
        Column firms = col("firms_active");
        Map<String, Column> derived = new LinkedHashMap<>();
        derived.put("firm_density_per_km2", try_divide(firms, col("area_km2")));
        derived.put("hte_density_per_km2", try_divide(col("hte_count"), col("area_km2")));
        derived.put("hte_net_new", col("hte_count").minus(lag(col("hte_count"), 1).over(byZone)));
        derived.put("placement_coverage", when(firms.gt(0), try_divide(col("_precise"), firms)));
        derived.put("ownership_known_share", when(firms.gt(0), try_divide(col("_ownership_known"), firms)));
        derived.put("private_share", when(col("_ownership_known").gt(0),
                try_divide(col("firms_active_private"), col("_ownership_known"))));
        if (patents != null) {
            derived.put("invention_stock_per_100_firms", when(firms.gt(0), try_divide(col("invention_stock").multiply(100), firms)));
            derived.put("invention_stock_per_km2", try_divide(col("invention_stock"), col("area_km2")));
            if (workforce != null) {
                derived.put("invention_stock_per_10k_employees", when(col("employees").gt(0),
                        try_divide(col("invention_stock").multiply(10_000).cast("double"), col("employees"))));
            }
        }
        return ZoneYearMetricsTable.conform(d.withColumns(derived));
    }

    private static Column running(String delta, WindowSpec upToYear) {
        return sum(coalesce(col(delta), lit(0L))).over(upToYear);
    }

    private static Column zero(String c) {
        return coalesce(col(c), lit(0L));
    }
}
