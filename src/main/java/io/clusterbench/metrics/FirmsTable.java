package io.clusterbench.metrics;

import io.clusterbench.place.FirmActivity;
import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

/** The {@code firms} mart: one row per accepted enterprise row, placed, with its state on as_of. No personal data. */
public final class FirmsTable {
    private FirmsTable() {
    }

    /**
     * @param placed      staged enterprises with {@code placed_zone_id}, {@code placement}, {@code active_from/to}
     * @param patentCounts per credit_code: patents_total, invention_patents_granted, invention_patents_valid
     * @param hasStock     whether the patents carry grant dates and legal status (else the valid count is null)
     */
    public static Dataset<Row> build(Dataset<Row> placed, Dataset<Row> patentCounts, boolean hasStock, JobConfig config) {
        Column asOf = to_date(lit(config.asOf().toString()));
        Column activeAtAsOf = FirmActivity.activeIn(config.asOfYear());
        // A certificate is valid on as_of when d <= as_of < d + 3 years (dates after as_of were dropped at ingest).
        // Some certificate is valid exactly when the latest one is (add_months is monotone). array_max keeps the
        // projection in whole-stage generated code, which a lambda (exists) rules out for every row.
        Column hteValid = activeAtAsOf.and(coalesce(add_months(array_max(col("hte_cert_dates")), 36).gt(asOf), lit(false)));
        Column techSmeLatest = activeAtAsOf.and(coalesce(
                array_contains(col("tech_sme_years"), config.asOfYear()), lit(false)));
        return placed.join(patentCounts, placed.col("credit_code").equalTo(patentCounts.col("pc_code")), "left").select(
                col("credit_code"), col("name"), col("entity_kind"),
                col("placed_zone_id").as("zone_id"), col("placement"),
                col("industry_section"), col("industry_division"), col("industry_code"),
                col("established_date"), col("status"), col("deregistered_date"),
                col("registered_capital_cny_10k"), col("employees"),
                col("listing_board"), col("listing_date"),
                techSmeLatest.as("is_tech_sme_latest"), hteValid.as("is_hte_valid"),
                coalesce(col("patents_total"), lit(0L)).as("patents_total"),
                coalesce(col("invention_patents_granted"), lit(0L)).as("invention_patents_granted"),
                (hasStock ? coalesce(col("invention_patents_valid"), lit(0L)) : lit(null).cast(DataTypes.LongType))
                        .as("invention_patents_valid"),
                col("ownership"));
    }
}
