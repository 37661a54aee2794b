package io.clusterbench.place;

import io.clusterbench.Intermediates;
import io.clusterbench.SortKeys;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

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
        Dataset<Row> current = enterprises.select(col("name_norm").as("_name"), col("credit_code").as("_code"),
                lit(true).as("_current"));
        Dataset<Row> former = enterprises.select(explode(col("former_names_norm")).as("_name"),
                col("credit_code").as("_code"), lit(false).as("_current"));
        this.names = keep.keep("int_firm_names", current.unionByName(former).filter(col("_name").isNotNull())
                .groupBy("_name")
                // one firm or several is all the match needs: min = max code (no distinct-count aggregation)
                .agg(min("_code").as("_code"), max("_code").as("_max_code"),
                        max(col("_current").cast("int")).as("_by_current"))
                .withColumn("_firms", when(col("_code").equalTo(col("_max_code")), lit(1)).otherwise(lit(2)))
                .drop("_max_code"));
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

    private static Dataset<Row> resolve(Dataset<Row> refs, Dataset<Row> codes, Dataset<Row> names) {
        Column hasCode = col("ref_code").isNotNull();
        Dataset<Row> byCode = refs.filter(hasCode)
                .join(codes, SortKeys.equal(col("ref_code"), col("_firm_code")), "left")
                .withColumn("matched_code", col("_firm_code"))
                .withColumn("match_method", when(col("_firm_code").isNotNull(), lit(BY_CODE)).otherwise(lit(UNMATCHED)))
                .drop("_firm_code");
        Dataset<Row> byName = refs.filter(hasCode.unary_$bang())
                .join(names, SortKeys.equal(col("ref_name"), col("_name")), "left")
                .withColumn("matched_code", when(col("_firms").equalTo(1), col("_code")))
                .withColumn("match_method", when(col("_firms").isNull(), lit(UNMATCHED))
                        .when(col("_firms").gt(1), lit(AMBIGUOUS))
                        .when(col("_by_current").equalTo(1), lit(BY_NAME))
                        .otherwise(lit(BY_FORMER_NAME)))
                .drop("_name", "_firms", "_code", "_by_current");
        return byCode.unionByName(byName);
    }

    /** The zones a matched firm counts in: enterprise firms only, one row per containing zone. */
    public static Dataset<Row> enterpriseZones(Dataset<Row> firmZones) {
        return firmZones.select(col("credit_code").as("matched_code"), col("zone_id"), col("industry_division"));
    }
}
