package io.clusterbench.link;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/** Per firm: patents as applicant, inventions granted as applicant, valid patents it holds (owners first). */
public final class FirmPatentCounts {
    private FirmPatentCounts() {
    }

    /**
     * @param links firm links carrying the {@link PatentFacts}
     * @return pc_code, patents_total, invention_patents_granted, invention_patents_valid, other_patents_valid
     */
    public static Dataset<Row> of(Dataset<Row> links) {
        Column granted = col("grant_year").isNotNull();
        Column asApplicant = col("role").equalTo(PatentAttribution.APPLICANT);
        Column holder = PatentFacts.heldByLink();
        // links hold one row per (patent, role, firm), and a firm is the holder in one role only, so plain
        // conditional counts are distinct counts (countDistinct would expand every row four times).
        return links.groupBy(col("credit_code").as("pc_code")).agg(
                countIf(asApplicant).as("patents_total"),
                countIf(asApplicant.and(col("is_invention")).and(granted)).as("invention_patents_granted"),
                countIf(holder.and(col("is_invention")).and(granted).and(col("is_valid")))
                        .as("invention_patents_valid"),
                countIf(holder.and(col("is_invention").unary_$bang()).and(granted).and(col("is_valid")))
                        .as("other_patents_valid"));
    }

    private static Column countIf(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }
}
