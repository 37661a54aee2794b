package io.clusterbench.benchmark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.try_divide;

/**
 * The composite innovation-cluster score (metrics.md "Composite score"): each component min-max normalised
 * over all zones and years of the run (so scores compare across years), a null value normalised to 0, a
 * component null everywhere dropped with the remaining weights renormalised, score = 100 × Σ w·n / Σ w rounded
 * half-up to 6 decimals, rank = 1 + zones with a strictly higher score that year.
 */
public final class CompositeScore {
    /** @param components zone_score_components; @param scores zone_scores */
    public record Result(Dataset<Row> components, Dataset<Row> scores) {
    }

    private CompositeScore() {
    }

    public static Result compute(Dataset<Row> zoneYearMetrics, Map<String, Double> weights) {
        Dataset<Row> series = MetricSeries.longForm(zoneYearMetrics, new ArrayList<>(weights.keySet()))
                .withColumnRenamed("metric", "component").withColumnRenamed("value", "raw_value");
        // Components with at least one value anywhere; the others leave the score and its weights.
        List<String> present = new ArrayList<>();
        for (Row r : series.groupBy("component").agg(count("raw_value").as("n")).filter(col("n").gt(0)).collectAsList()) {
            present.add(r.getString(0));
        }
        double total = weights.entrySet().stream().filter(e -> present.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        Map<String, Double> renormalised = new LinkedHashMap<>();
        weights.forEach((k, w) -> {
            if (present.contains(k)) {
                renormalised.put(k, total > 0 ? w / total : 0.0);
            }
        });
        Column weight = lit(0.0);
        for (Map.Entry<String, Double> e : renormalised.entrySet()) {
            weight = when(col("component").equalTo(e.getKey()), lit(e.getValue())).otherwise(weight);
        }
        WindowSpec allOfComponent = Window.partitionBy("component");
        Column lo = min("raw_value").over(allOfComponent);
        Column hi = max("raw_value").over(allOfComponent);
        Dataset<Row> components = series.filter(col("component").isin(present.toArray()))
                .withColumn("weight", weight)
                .withColumn("_lo", lo).withColumn("_hi", hi)
                .withColumn("normalised_value", when(col("raw_value").isNull().or(col("_hi").equalTo(col("_lo"))), lit(0.0))
                        .otherwise(try_divide(col("raw_value").minus(col("_lo")), col("_hi").minus(col("_lo")))))
                .select("zone_id", "year", "component", "weight", "raw_value", "normalised_value");
        Dataset<Row> scores = components.groupBy("zone_id", "year")
                .agg(round(sum(col("weight").multiply(col("normalised_value"))).multiply(100), 6).as("score"))
                .withColumn("score", coalesce(col("score"), lit(0.0)))
                .withColumn("rank", rank().over(Window.partitionBy("year").orderBy(col("score").desc())))
                .select("zone_id", "year", "score", "rank");
        return new Result(components, scores);
    }
}
