package io.clusterbench.benchmark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/** published_figures: the optional input passed through with the run's value of the same metric beside it. */
public final class PublishedFigures {
    /** The table's shape, also used to publish it empty when the input has no published figures. */
    public static final org.apache.spark.sql.types.StructType SCHEMA = org.apache.spark.sql.types.DataTypes.createStructType(
            java.util.stream.Stream.of("zone_id:string", "metric:string", "year:int", "value:double", "qualifier:string",
                    "source:string", "note:string", "computed_value:double").map(f -> {
                String[] p = f.split(":");
                return org.apache.spark.sql.types.DataTypes.createStructField(p[0],
                        org.apache.spark.sql.types.DataType.fromDDL(p[1]), true);
            }).toList());

    private PublishedFigures() {
    }

    public static Dataset<Row> compute(Dataset<Row> staged, Dataset<Row> zoneYearMetrics, Set<String> metricColumns) {
        List<String> metrics = new ArrayList<>();
        for (Row r : staged.select("metric").distinct().collectAsList()) { // a handful of metric names
            if (metricColumns.contains(r.getString(0)) && !r.getString(0).equals("zone_id") && !r.getString(0).equals("year")) {
                metrics.add(r.getString(0));
            }
        }
        Dataset<Row> computed = metrics.isEmpty() ? null
                : MetricSeries.longForm(zoneYearMetrics, metrics).select(col("zone_id").as("c_zone"), col("year").as("c_year"),
                col("metric").as("c_metric"), col("value").as("computed_value"));
        Dataset<Row> out = staged.select(col("zone_id"), col("metric"), col("year"), col("value").cast("double").as("value"),
                col("qualifier"), col("source"), col("note"));
        if (computed == null) {
            return out.withColumn("computed_value", org.apache.spark.sql.functions.lit(null).cast("double"));
        }
        return out.join(computed, out.col("zone_id").equalTo(computed.col("c_zone"))
                        .and(out.col("year").equalTo(computed.col("c_year")))
                        .and(out.col("metric").equalTo(computed.col("c_metric"))), "left")
                .drop("c_zone", "c_year", "c_metric");
    }
}
