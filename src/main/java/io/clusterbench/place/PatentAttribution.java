package io.clusterbench.place;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

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

    /**
     * @param patents staging patents, plus the {@code carried} columns
     * @param carried per-patent columns copied onto every reference (the facts the patent counts need), so that
     *                the firm links never join the patents again
     * @return one row per distinct (patent, role, reference name) with its match method, matched_code, n, the
     *         carried columns and {@code firm_first}: true on the first reference of each matched firm
     */
    public static Dataset<Row> references(Dataset<Row> patents, FirmMatcher matcher, List<String> carried) {
        List<Column> common = new ArrayList<>(List.of(col("application_no")));
        carried.forEach(c -> common.add(col(c)));
        Dataset<Row> applicants = patents.select(columns(common, lit(APPLICANT).as("role"),
                        posexplode(col("applicants_norm")).as(new String[]{"pos", "ref_name"}),
                        col("applicants_norm").as("_names"), col("applicant_codes")))
                .withColumn("ref_code", element_at(col("applicant_codes"), col("pos").plus(1)))
                .drop("applicant_codes");
        Dataset<Row> owners = patents.filter(col("current_owners_norm").isNotNull().and(size(col("current_owners_norm")).gt(0)))
                .select(columns(common, lit(OWNER).as("role"),
                        posexplode(col("current_owners_norm")).as(new String[]{"pos", "ref_name"}),
                        col("current_owners_norm").as("_names")))
                .withColumn("ref_code", lit(null).cast("string"));
        // A name repeated within a patent keeps its first occurrence (and its code): a test on the patent's own
        // list, so no shuffle. An empty normalised name (null) likewise keeps its first position only.
        Column first = when(col("ref_name").isNull(),
                array_position(transform(col("_names"), Column::isNull), lit(true)))
                .otherwise(array_position(col("_names"), col("ref_name")));
        Dataset<Row> distinctNames = applicants.unionByName(owners)
                .filter(first.equalTo(col("pos").plus(1))).drop("_names");
        Dataset<Row> resolved = matcher.resolve(distinctNames);
        Column entity = coalesce(col("matched_code"), concat(lit("name:"), col("ref_name")));
        // Both windows partition by the patent and role (the second's keys include the first's): one shuffle. The
        // patent's hash, one column computed once, leads the keys so that the sort compares longs (SortKeys).
        return resolved.withColumn("_entity", entity)
                .withColumn("_patent_hash", xxhash64(col("application_no")))
                .withColumn("n", countDistinctOver(col("_entity")))
                .withColumn("firm_first", col("matched_code").isNotNull().and(row_number()
                        .over(Window.partitionBy(col("_patent_hash"), col("application_no"), col("role"), col("matched_code"))
                        .orderBy("pos")).equalTo(1)))
                .drop("_entity", "_patent_hash");
    }

    /**
     * @param references {@link #references} with the carried columns
     * @return one row per (patent, role, matched firm): application_no, role, credit_code, n and the carried columns
     */
    public static Dataset<Row> firmLinks(Dataset<Row> references, List<String> carried) {
        List<Column> columns = new ArrayList<>(List.of(col("application_no"), col("role"),
                col("matched_code").as("credit_code"), col("n")));
        carried.forEach(c -> columns.add(col(c)));
        return references.filter(col("firm_first")).select(columns.toArray(Column[]::new));
    }

    private static Column[] columns(List<Column> head, Column... tail) {
        List<Column> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(Column[]::new);
    }

    /** Distinct entities per (patent, role), via a window: size(collect_set) over the partition. */
    private static Column countDistinctOver(Column c) {
        return size(org.apache.spark.sql.functions.collect_set(c).over(Window.partitionBy(col("_patent_hash"), col("application_no"), col("role"))));
    }

    /** Patents with at least one ambiguous applicant or owner name (flag AMBIGUOUS_NAME on the patent row). */
    public static long ambiguousRows(Dataset<Row> references) {
        return references.filter(col("match_method").equalTo(FirmMatcher.AMBIGUOUS))
                .select("application_no").distinct().count();
    }

}
