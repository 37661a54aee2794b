package io.clusterbench.place;

import io.clusterbench.Intermediates;
import io.clusterbench.SortKeys;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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

    private final Dataset<Row> codes;
    private final Dataset<Row> names;

    /**
     * @param enterprises every accepted firm (staging): credit_code, name_norm, former_names_norm; credit codes
     *                    are unique there (ingest resolved duplicates), so they need no distinct
     * @param keep        where the name index, read for patents and funding alike, is kept
     */
    public FirmMatcher(Dataset<Row> enterprises, Intermediates keep) {
        this.codes = enterprises.select(col("credit_code").as("_firm_code"));
        // One scan: the current name is position 0 of the firm's names, the former names follow.
        Column allNames = concat(array(col("name_norm")),
                coalesce(col("former_names_norm"), array().cast("array<string>")));
        this.names = keep.keep("int_firm_names", enterprises
                .select(col("credit_code").as("_code"), posexplode(allNames).as(new String[]{"_pos", "_name"}))
                .filter(col("_name").isNotNull())
                .withColumn("_current", col("_pos").equalTo(0))
                // min/max of a text code have no fixed-width buffer, so Spark aggregates by sorting: the name's
                // hash leads the grouping keys so that the sort compares longs, not names sharing a city's prefix
                .groupBy(xxhash64(col("_name")).as("_name_hash"), col("_name"))
                // one firm or several is all the match needs: min = max code (no distinct-count aggregation)
                .agg(min("_code").as("_code"), max("_code").as("_max_code"),
                        max(col("_current").cast("int")).as("_by_current"))
                .withColumn("_firms", when(col("_code").equalTo(col("_max_code")), lit(1)).otherwise(lit(2)))
                .drop("_name_hash", "_max_code"));
    }

    /**
     * Reference sets up to this many rows (funding events, typically) pick the index rows they can match with a
     * broadcast semi-join first, so the two firm-sized indexes are scanned instead of shuffled.
     */
    private static final long NARROW_INDEX_REFS = 2_000_000;

    /**
     * Adds {@code matched_code} and {@code match_method} to references carrying {@code ref_code} (may be null)
     * and {@code ref_name} (normalised).
     *
     * @param refCount how many references there are (known from the source's account): a small set matches
     *                 against only the index rows it names
     */
    public Dataset<Row> resolve(Dataset<Row> refs, long refCount) {
        Dataset<Row> codeIndex = codes;
        Dataset<Row> nameIndex = names;
        if (refCount <= NARROW_INDEX_REFS) {
            codeIndex = codes.join(broadcast(refs.select(col("ref_code").as("_firm_code"))), "_firm_code", "left_semi");
            nameIndex = names.join(broadcast(refs.select(col("ref_name").as("_name"))), "_name", "left_semi");
        }
        return resolve(refs, codeIndex, nameIndex);
    }

    /** {@link #resolve(Dataset, long)} for a reference set of any size: the indexes are joined whole. */
    public Dataset<Row> resolve(Dataset<Row> refs) {
        return resolve(refs, codes, names);
    }

    /**
     * One join against one index: the code rows and the name rows are keyed by kind and key, so a reference
     * with a code looks up codes only and one without looks up names only, and the references are read and
     * shuffled once.
     */
    private static Dataset<Row> resolve(Dataset<Row> refs, Dataset<Row> codes, Dataset<Row> names) {
        Dataset<Row> index = codes.select(lit(true).as("_by_code"), col("_firm_code").as("_key"),
                        col("_firm_code").as("_code"), lit(1).as("_firms"), lit(null).cast("int").as("_by_current"))
                .unionByName(names.select(lit(false).as("_by_code"), col("_name").as("_key"), col("_code"),
                        col("_firms"), col("_by_current")));
        Column hasCode = col("ref_code").isNotNull();
        Column key = when(hasCode, col("ref_code")).otherwise(col("ref_name"));
        return refs.withColumn("_ref_by_code", hasCode)
                .join(index, SortKeys.equal(key, col("_key")).and(col("_ref_by_code").equalTo(col("_by_code"))), "left")
                .withColumn("matched_code", when(col("_firms").equalTo(1), col("_code")))
                .withColumn("match_method", when(col("_ref_by_code"),
                                when(col("_firms").isNotNull(), lit(BY_CODE)).otherwise(lit(UNMATCHED)))
                        .when(col("_firms").isNull(), lit(UNMATCHED))
                        .when(col("_firms").gt(1), lit(AMBIGUOUS))
                        .when(col("_by_current").equalTo(1), lit(BY_NAME))
                        .otherwise(lit(BY_FORMER_NAME)))
                .drop("_ref_by_code", "_by_code", "_key", "_code", "_firms", "_by_current");
    }

    /** The zones a matched firm counts in: enterprise firms only, one row per containing zone. */
    public static Dataset<Row> enterpriseZones(Dataset<Row> firmZones) {
        return firmZones.select(col("credit_code").as("matched_code"), col("zone_id"), col("industry_division"));
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
        return enterpriseZones.join(broadcast(resolved.filter(col("matched_code").isNotNull()).select("matched_code")),
                "matched_code", "left_semi");
    }
}
