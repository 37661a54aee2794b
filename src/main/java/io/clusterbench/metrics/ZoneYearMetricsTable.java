package io.clusterbench.metrics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The published columns of zone_year_metrics (outputs.md), in order, with their types. A column no stage has
 * computed yet is published as a typed null, so the table's shape never changes under a reader.
 */
public final class ZoneYearMetricsTable {
    private static final DataType FRAC = DataTypes.createDecimalType(20, 6);
    private static final DataType MONEY = DataTypes.createDecimalType(20, 4);

    public static final Map<String, DataType> COLUMNS = columns(
            "zone_id", DataTypes.StringType,
            "year", DataTypes.IntegerType,
            "is_partial_year", DataTypes.BooleanType,
            "area_km2", DataTypes.DoubleType,
            "firms_active", DataTypes.LongType,
            "firms_new", DataTypes.LongType,
            "firms_exited", DataTypes.LongType,
            "firm_density_per_km2", DataTypes.DoubleType,
            "tech_sme_count", DataTypes.LongType,
            "tech_sme_first_registered", DataTypes.LongType,
            "hte_count", DataTypes.LongType,
            "hte_net_new", DataTypes.LongType,
            "hte_density_per_km2", DataTypes.DoubleType,
            "listed_count", DataTypes.LongType,
            "listed_new", DataTypes.LongType,
            "listed_star_count", DataTypes.LongType,
            "patents_applied", DataTypes.LongType,
            "patents_applied_frac", FRAC,
            "invention_applied", DataTypes.LongType,
            "invention_granted", DataTypes.LongType,
            "invention_granted_frac", FRAC,
            "invention_stock", DataTypes.LongType,
            "invention_stock_per_100_firms", DataTypes.DoubleType,
            "invention_stock_per_km2", DataTypes.DoubleType,
            "funding_events", DataTypes.LongType,
            "funding_amount_cny_10k", MONEY,
            "funding_undisclosed_events", DataTypes.LongType,
            "hhi_industry", DataTypes.DoubleType,
            "krugman_specialisation", DataTypes.DoubleType,
            "top_division", DataTypes.StringType,
            "top_division_lq", DataTypes.DoubleType,
            "placement_coverage", DataTypes.DoubleType,
            "firms_active_private", DataTypes.LongType,
            "firms_active_state", DataTypes.LongType,
            "firms_active_foreign", DataTypes.LongType,
            "ownership_known_share", DataTypes.DoubleType,
            "private_share", DataTypes.DoubleType,
            "firms_new_private", DataTypes.LongType,
            "patents_academic_coapplied", DataTypes.LongType,
            "employees", DataTypes.LongType,
            "invention_stock_per_10k_employees", DataTypes.DoubleType,
            "financials_firms", DataTypes.LongType,
            "revenue_cny_10k", MONEY,
            "rd_expense_cny_10k", MONEY,
            "rd_intensity", DataTypes.DoubleType,
            "hightech_revenue_share", DataTypes.DoubleType,
            "revenue_per_employee_cny_10k", DataTypes.DoubleType);

    private ZoneYearMetricsTable() {
    }

    /** Selects the contract's columns in order, casting computed ones and filling the rest with typed nulls. */
    public static Dataset<Row> conform(Dataset<Row> computed) {
        List<String> have = List.of(computed.columns());
        List<Column> cols = new ArrayList<>();
        COLUMNS.forEach((name, type) -> cols.add(
                (have.contains(name) ? col(name) : lit(null)).cast(type).as(name)));
        return computed.select(cols.toArray(Column[]::new));
    }

    private static Map<String, DataType> columns(Object... kv) {
        Map<String, DataType> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (DataType) kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
