package io.clusterbench.link;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * The per-patent facts every patent count needs. They are added to staging patents once and travel with each
 * applicant and owner reference, so no count joins the patents again.
 */
public final class PatentFacts {
    public static final List<String> FACTS = List.of("is_invention", "applied_year", "grant_year", "is_valid",
            "has_owners");

    private PatentFacts() {
    }

    /** Adds the {@link #FACTS}: is_invention, applied_year, grant_year, is_valid, has_owners. */
    public static Dataset<Row> withFacts(Dataset<Row> patents) {
        return patents.withColumns(Map.of(
                "is_invention", col("patent_type").equalTo("invention"),
                "applied_year", year(col("application_date")),
                "grant_year", year(col("grant_date")),
                "is_valid", col("legal_status").equalTo("valid"),
                "has_owners", size(col("current_owners_norm")).gt(0)));
    }

    /**
     * True on the link of the patent's holder: its current owners when the patent names any, else its
     * applicants (metrics.md "Patents", the invention stock).
     */
    public static Column heldByLink() {
        return col("role").equalTo(when(col("has_owners"), lit(PatentAttribution.OWNER))
                .otherwise(lit(PatentAttribution.APPLICANT)));
    }

    /** A granted invention valid on as_of: what the stock counts and what can be transferred. */
    public static Column validGrantedInvention() {
        return col("is_invention").and(col("is_valid")).and(col("grant_year").isNotNull());
    }
}
