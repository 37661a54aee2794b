package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

/**
 * Employment, R&D and productivity per zone and year (metrics.md, Torch-aligned): employees (financials first,
 * else the registry, per firm), and over the active enterprise firms with a financials row for the year: how
 * many, revenue and R&D totals, R&D intensity, the high-tech revenue share and revenue per employee. A total over
 * firms that all lack the value is null, not 0; each ratio is taken over the firms that have both of its values.
 */
public final class Workforce {
    private Workforce() {
    }

    /**
     * @param firmZones enterprise firms × containing zones with active years and registry employees
     * @param finRows   their active firm-years with a financials row ({@link IndustryStructure#firmYearFinancials}),
     *                  or null when the financials source is absent (then every financials column is null)
     * @return (zone_id, year, employees, financials_firms, revenue_cny_10k, rd_expense_cny_10k, rd_intensity,
     * hightech_revenue_share, revenue_per_employee_cny_10k) for the (zone, year)s with an active firm
     */
    static Dataset<Row> perZoneYear(Dataset<Row> firmZones, Dataset<Row> finRows, JobConfig config) {
        Dataset<Row> employees = IndustryStructure.employees(firmZones, new String[]{"zone_id"}, finRows, config);
        if (finRows == null) {
            return employees;
        }
        Column revenue = col("revenue_cny_10k");
        Column rd = col("rd_expense_cny_10k");
        Column hightech = col("hightech_revenue_cny_10k");
        Column people = col("fin_employees");
        Dataset<Row> totals = finRows.groupBy("zone_id", "year").agg(
                count("*").as("financials_firms"),
                MoneyTotals.orNull(sum(revenue)).as("revenue_cny_10k"),
                MoneyTotals.orNull(sum(rd)).as("rd_expense_cny_10k"),
                ratio(sum(when(revenue.isNotNull(), rd)), sum(when(rd.isNotNull(), revenue))).as("rd_intensity"),
                ratio(sum(when(revenue.isNotNull(), hightech)), sum(when(hightech.isNotNull(), revenue)))
                        .as("hightech_revenue_share"),
                ratio(sum(when(people.isNotNull(), revenue)), sum(when(revenue.isNotNull(), people)))
                        .as("revenue_per_employee_cny_10k"));
        return employees.join(totals, new String[]{"zone_id", "year"}, "left");
    }

    /** A ratio of two totals as a double; null when either is null or the divisor is 0. */
    private static Column ratio(Column numerator, Column denominator) {
        return try_divide(numerator.cast(DataTypes.DoubleType), denominator.cast(DataTypes.DoubleType));
    }
}
