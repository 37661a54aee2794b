package io.clusterbench.policy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.try_divide;

/**
 * Relatedness of industries from the co-occurrence of specialisations across zones (the product-space method):
 * C_ij = zones specialised in both i and j (i ≠ j, diagonal removed), s_i = Σ_j C_ij, T = Σ_i s_i,
 * association strength (C_ij/T) / ((s_i/T)(s_j/T)); i and j are related when it exceeds 1.
 * Relatedness density of industry i for zone z = 100 · Σ_k M[z,k]·R[k,i] / Σ_k R[k,i] (null when i is related
 * to nothing).
 */
public final class Relatedness {
    private Relatedness() {
    }

    /** @param specialised one row per (zone_id, industry) where the zone is specialised (M = 1) */
    public static Dataset<Row> strengths(Dataset<Row> specialised) {
        Dataset<Row> a = specialised.select(col("zone_id"), col("industry").as("i"));
        Dataset<Row> b = specialised.select(col("zone_id"), col("industry").as("j"));
        Dataset<Row> c = a.join(b, "zone_id").filter(col("i").notEqual(col("j")))
                .groupBy("i", "j").agg(count(lit(1)).as("c"));
        Dataset<Row> total = c.agg(sum("c").as("t")); // one row: T, broadcast to every pair
        Dataset<Row> withS = c.withColumn("s_i", sum("c").over(Window.partitionBy("i")))
                .withColumn("s_j", sum("c").over(Window.partitionBy("j")))
                .crossJoin(org.apache.spark.sql.functions.broadcast(total));
        return withS.withColumn("strength", try_divide(col("c").multiply(col("t")), col("s_i").multiply(col("s_j"))))
                .select("i", "j", "strength");
    }

    /**
     * @param specialised (zone_id, industry) with M = 1
     * @param strengths   (i, j, strength)
     * @return (zone_id, industry, relatedness_density) for every zone of {@code zones} and every industry that is
     *         related to at least one other
     */
    public static Dataset<Row> density(Dataset<Row> specialised, Dataset<Row> strengths, Dataset<Row> zones) {
        Dataset<Row> related = strengths.filter(col("strength").gt(1)).select(col("i").as("k"), col("j").as("industry"));
        Dataset<Row> denominators = related.groupBy("industry").agg(count(lit(1)).as("related"));
        Dataset<Row> hits = specialised.select(col("zone_id"), col("industry").as("k"))
                .join(related, "k")
                .groupBy("zone_id", "industry").agg(count(lit(1)).as("hits"));
        return zones.select("zone_id").crossJoin(denominators)
                .join(hits, new String[]{"zone_id", "industry"}, "left")
                .withColumn("relatedness_density", when(col("related").gt(0),
                        try_divide(lit(100.0).multiply(org.apache.spark.sql.functions.coalesce(col("hits"), lit(0L))), col("related"))))
                .select("zone_id", "industry", "relatedness_density");
    }
}
