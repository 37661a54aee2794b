package io.clusterbench.link;

import io.clusterbench.spark.Intermediates;
import io.clusterbench.spark.SortKeys;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Resolves names and codes found in patents and funding events to firms (inputs.md "Identifiers"): a reference
 * with a credit code matches that code only; one without matches a normalised current or former firm name,
 * and a name shared by two or more firms is ambiguous, never guessed. Equi-joins only: no pairwise comparison.
 */
public final class FirmMatcher {
    public static final String BY_CODE = "by_code";
    public static final String BY_NAME = "by_name";
    public static final String BY_FORMER_NAME = "by_former_name";
    public static final String AMBIGUOUS = "ambiguous";
    public static final String UNMATCHED = "unmatched";

    /**
     * One index of code rows and name rows, keyed by kind ({@code _by_code}) and key: a reference with a code
     * looks up codes only, one without looks up names only, and the references are read and shuffled once.
     */
    private final Dataset<Row> index;

    /**
     * @param enterprises every accepted firm (staging): credit_code, entity_kind, name_norm, former_names_norm; credit codes
     *                    are unique there (ingest resolved duplicates), so they need no distinct
     * @param keep        where the name index, read for patents and funding alike, is kept
     */
    public FirmMatcher(Dataset<Row> enterprises, Intermediates keep) {
        Column enterprise = coalesce(col("entity_kind").equalTo("enterprise"), lit(false)).cast("int");
        Dataset<Row> codes = enterprises.select(lit(true).as("_by_code"), col("credit_code").as("_key"),
                col("credit_code").as("_code"), lit(1).as("_firms"), lit(null).cast("int").as("_by_current"),
                enterprise.as("_enterprise"));
        // One scan: the current name is position 0 of the firm's names, the former names follow.
        Column allNames = concat(array(col("name_norm")),
                coalesce(col("former_names_norm"), array().cast("array<string>")));
        Dataset<Row> names = keep.keep("int_firm_names", enterprises
                .select(col("credit_code").as("_code"), enterprise.as("_enterprise"),
                        posexplode(allNames).as(new String[]{"_pos", "_name"}))
                .filter(col("_name").isNotNull())
                .withColumn("_current", col("_pos").equalTo(0))
                // min/max of a text code have no fixed-width buffer, so Spark aggregates by sorting: the name's
                // hash leads the grouping keys so that the sort compares longs, not names sharing a city's prefix
                .groupBy(xxhash64(col("_name")).as("_name_hash"), col("_name"))
                // one firm or several is all the match needs: min = max code (no distinct-count aggregation)
                .agg(min("_code").as("_code"), max("_code").as("_max_code"),
                        max(col("_current").cast("int")).as("_by_current"), max("_enterprise").as("_enterprise"))
                .withColumn("_firms", when(col("_code").equalTo(col("_max_code")), lit(1)).otherwise(lit(2)))
                .drop("_name_hash", "_max_code"));
        this.index = codes.unionByName(names.select(lit(false).as("_by_code"), col("_name").as("_key"), col("_code"),
                col("_firms"), col("_by_current"), col("_enterprise")));
    }

    /**
     * Reference sets up to this many rows (funding events, typically) pick the index rows they can match with a
     * broadcast semi-join on kind and key first, so the firm-sized index is scanned instead of shuffled.
     */
    private static final long NARROW_INDEX_REFS = 2_000_000;

    /**
     * Adds {@code matched_code}, {@code match_method} and {@code matched_enterprise} (whether the matched firm is
     * an {@code enterprise}; null when nothing matched) to references carrying {@code ref_code} (may be null)
     * and {@code ref_name} (normalised).
     *
     * @param refCount how many references there are (known from the source's account): a small set matches
     *                 against only the index rows it names
     */
    public Dataset<Row> resolve(Dataset<Row> refs, long refCount) {
        Dataset<Row> keyed = withKey(refs);
        Dataset<Row> named = keyed.select(col("_ref_by_code").as("_by_code"), col("_ref_key").as("_key"));
        return resolve(keyed, refCount <= NARROW_INDEX_REFS ? pick(index, named, "_by_code", "_key") : index);
    }

    /** {@link #resolve(Dataset, long)} for a reference set of any size: the index is joined whole. */
    public Dataset<Row> resolve(Dataset<Row> refs) {
        return resolve(withKey(refs), index);
    }

    /** The reference's kind and key in the index: its code when it has one, else its normalised name. */
    private static Dataset<Row> withKey(Dataset<Row> refs) {
        Column hasCode = col("ref_code").isNotNull();
        return refs.withColumn("_ref_by_code", hasCode)
                .withColumn("_ref_key", when(hasCode, col("ref_code")).otherwise(col("ref_name")));
    }

    private static Dataset<Row> resolve(Dataset<Row> keyed, Dataset<Row> index) {
        return keyed.join(index, SortKeys.equal(col("_ref_key"), col("_key"))
                        .and(col("_ref_by_code").equalTo(col("_by_code"))), "left")
                .withColumn("matched_code", when(col("_firms").equalTo(1), col("_code")))
                .withColumn("matched_enterprise", when(col("_firms").equalTo(1), col("_enterprise").equalTo(1)))
                .withColumn("match_method", when(col("_ref_by_code"),
                                when(col("_firms").isNotNull(), lit(BY_CODE)).otherwise(lit(UNMATCHED)))
                        .when(col("_firms").isNull(), lit(UNMATCHED))
                        .when(col("_firms").gt(1), lit(AMBIGUOUS))
                        .when(col("_by_current").equalTo(1), lit(BY_NAME))
                        .otherwise(lit(BY_FORMER_NAME)))
                .drop("_ref_by_code", "_ref_key", "_by_code", "_key", "_code", "_firms", "_by_current", "_enterprise");
    }

    /** The rows of {@code rows} whose {@code columns} occur in the (small) {@code keys}: a broadcast semi-join. */
    private static Dataset<Row> pick(Dataset<Row> rows, Dataset<Row> keys, String... columns) {
        return rows.join(broadcast(keys), scala.collection.JavaConverters.asScalaBuffer(List.of(columns)).toSeq(),
                "left_semi");
    }

    /**
     * The zones a matched firm counts in: enterprise firms only, one row per containing zone, {@code own_zone}
     * true on the firm's own (finest) zone.
     */
    public static Dataset<Row> enterpriseZones(Dataset<Row> firmZones) {
        return firmZones.select(col("credit_code").as("matched_code"), col("zone_id"), col("own_zone"),
                col("industry_division"));
    }

    /**
     * The {@link #enterpriseZones} rows a resolved reference set can join. A small set (as in
     * {@link #resolve(Dataset, long)}) picks the rows of the firms it matched by a broadcast semi-join, so the
     * firm-sized zone rows are scanned instead of shuffled for the join.
     */
    public static Dataset<Row> zonesOfMatched(Dataset<Row> enterpriseZones, Dataset<Row> resolved, long refCount) {
        if (refCount > NARROW_INDEX_REFS) {
            return enterpriseZones;
        }
        return pick(enterpriseZones, resolved.filter(col("matched_code").isNotNull()).select("matched_code"),
                "matched_code");
    }
}
