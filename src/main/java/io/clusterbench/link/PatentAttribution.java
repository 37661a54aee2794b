package io.clusterbench.link;

import io.clusterbench.spark.SortKeys;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
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
     * @return one row per distinct (patent, role, reference name) with its position {@code pos}, match method,
     *         matched_code, n, the carried columns, {@code firm_first}: true on the first reference of each
     *         matched firm, {@code academic_name}: the name when it is an institution's, and
     *         {@code with_academic}: whether the same role's list holds an institution (the other names and the
     *         codes are left behind)
     */
    public static Dataset<Row> references(Dataset<Row> patents, FirmMatcher matcher, List<String> carried) {
        List<Column> common = new ArrayList<>(List.of(col("application_no")));
        carried.forEach(c -> common.add(col(c)));
        Dataset<Row> applicants = patents.select(columns(common, lit(APPLICANT).as("role"),
                        posexplode(col("applicants_norm")).as(new String[]{"pos", "ref_name"}),
                        col("applicants_norm").as("_names"), col("applicant_codes")))
                .withColumn("ref_code", try_element_at(col("applicant_codes"), col("pos").plus(1)))
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
        // Past the match, the names and codes themselves are not read again: only whether a name was given (for
        // n), so they are not carried through the shuffle by patent.
        // The one name kept is an institution's (metrics.md "Technology transfer"): a name that reads as a
        // university's or institute's and did not match an enterprise firm. Persons' names are never kept.
        // (the matched test first: it is a boolean, the name test searches text)
        Column institution = coalesce(col("matched_enterprise"), lit(false)).unary_$bang()
                .and(AcademicNames.matches(col("ref_name")));
        Dataset<Row> resolved = matcher.resolve(distinctNames)
                .withColumn("academic_name", when(institution, col("ref_name")))
                .withColumn("_named", col("ref_name").isNotNull())
                .drop("ref_name", "ref_code", "matched_enterprise");
        // One shuffle by patent and one sort by (patent, role, matched_code, pos) serve both windows: a firm's
        // first reference is the first row of its code's run, and n needs only the whole partition. The patent's
        // hash, computed once, leads the keys so that the sort compares longs (SortKeys).
        Column matched = col("matched_code");
        Column[] patentRole = {col("_patent_hash"), col("application_no"), col("role")};
        Column firmFirst = matched.isNotNull().and(coalesce(lag(matched, 1).over(Window.partitionBy(patentRole)
                .orderBy(matched.asc_nulls_first(), col("pos").asc())).notEqual(matched), lit(true)));
        // n = distinct entities: each matched firm once (its first reference) plus each unmatched name (names
        // are distinct within a patent's list). An empty normalised name counts only when its code matched.
        Column entity = col("firm_first").or(matched.isNull().and(col("_named")));
        // n and with_academic in one step: Spark then evaluates them in one window pass over the patent's rows
        // instead of buffering every patent twice.
        WindowSpec patent = Window.partitionBy(patentRole);
        Map<String, Column> perPatent = new LinkedHashMap<>();
        perPatent.put("n", sum(when(entity, 1).otherwise(0)).over(patent).cast("int"));
        perPatent.put("with_academic", max(col("academic_name").isNotNull()).over(patent));
        return resolved.withColumn("_patent_hash", xxhash64(col("application_no")))
                .withColumn("firm_first", firmFirst)
                .withColumns(perPatent)
                .drop("_patent_hash", "_named");
    }

    /**
     * @param references {@link #references} with the carried columns
     * @return one row per (patent, role, matched firm): application_no, role, credit_code, n, with_academic and
     *         the carried columns
     */
    public static Dataset<Row> firmLinks(Dataset<Row> references, List<String> carried) {
        List<Column> columns = new ArrayList<>(List.of(col("application_no"), col("role"),
                col("matched_code").as("credit_code"), col("n"), col("with_academic")));
        carried.forEach(c -> columns.add(col(c)));
        return references.filter(col("firm_first")).select(columns.toArray(Column[]::new));
    }

    private static Column[] columns(List<Column> head, Column... tail) {
        List<Column> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(Column[]::new);
    }

    /**
     * The firm links placed in zones: one row per (patent, role, firm, containing zone) with the link's columns
     * and the firm's zone columns ({@link FirmMatcher#enterpriseZones}). Joined once; every patent metric reads it.
     */
    public static Dataset<Row> zoneLinks(Dataset<Row> links, Dataset<Row> enterpriseZones) {
        return links.join(enterpriseZones, SortKeys.equal(links.col("credit_code"), enterpriseZones.col("matched_code")))
                .drop("matched_code");
    }

    /** Patents with at least one ambiguous applicant or owner name (flag AMBIGUOUS_NAME on the patent row). */
    public static long ambiguousRows(Dataset<Row> references) {
        return references.filter(col("match_method").equalTo(FirmMatcher.AMBIGUOUS))
                .select("application_no").distinct().count();
    }

}
