package io.clusterbench.place;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

/**
 * Patents to firms (metrics.md "Patents"). Applicants are exploded once, repeated names within a patent keep
 * their first occurrence (and its code), each is resolved to a firm, and applicants resolving to the same firm
 * count once; {@code n} counts the distinct applicants, matched or not. Current owners, where given, are
 * resolved the same way and carry the invention stock.
 */
public final class PatentAttribution {
    public static final String APPLICANT = "applicant";
    public static final String OWNER = "owner";

    private PatentAttribution() {
    }

    /** @return one row per distinct (patent, role, reference) with its match method, matched_code and n */
    public static Dataset<Row> references(Dataset<Row> patents, FirmMatcher matcher) {
        Dataset<Row> applicants = patents.select(col("application_no"), lit(APPLICANT).as("role"),
                posexplode(col("applicants_norm")).as(new String[]{"pos", "ref_name"}),
                col("applicant_codes"));
        applicants = applicants.withColumn("ref_code", element_at(col("applicant_codes"), col("pos").plus(1)))
                .drop("applicant_codes");
        Dataset<Row> owners = patents.filter(col("current_owners_norm").isNotNull().and(size(col("current_owners_norm")).gt(0)))
                .select(col("application_no"), lit(OWNER).as("role"),
                        posexplode(col("current_owners_norm")).as(new String[]{"pos", "ref_name"}))
                .withColumn("ref_code", lit(null).cast("string"));
        // Repeated names keep their first occurrence (and its code).
        Dataset<Row> distinctNames = applicants.unionByName(owners)
                .withColumn("_nth", row_number().over(Window.partitionBy("application_no", "role", "ref_name").orderBy("pos")))
                .filter(col("_nth").equalTo(1)).drop("_nth");
        Dataset<Row> resolved = matcher.resolve(distinctNames);
        Column entity = coalesce(col("matched_code"), concat(lit("name:"), col("ref_name")));
        return resolved.withColumn("_entity", entity)
                .withColumn("n", countDistinctOver(col("_entity")))
                .drop("_entity");
    }

    /** @return one row per (patent, role, matched firm): application_no, role, credit_code, n */
    public static Dataset<Row> firmLinks(Dataset<Row> references) {
        return references.filter(col("matched_code").isNotNull())
                .select(col("application_no"), col("role"), col("matched_code").as("credit_code"), col("n"))
                .distinct();
    }

    /** Distinct entities per (patent, role), via a window: size(collect_set) over the partition. */
    private static Column countDistinctOver(Column c) {
        return size(org.apache.spark.sql.functions.collect_set(c).over(Window.partitionBy("application_no", "role")));
    }

    /** Patents with at least one ambiguous applicant or owner name (flag AMBIGUOUS_NAME on the patent row). */
    public static long ambiguousRows(Dataset<Row> references) {
        return references.filter(col("match_method").equalTo(FirmMatcher.AMBIGUOUS))
                .select("application_no").distinct().count();
    }

}
