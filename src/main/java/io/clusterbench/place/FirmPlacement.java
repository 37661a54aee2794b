package io.clusterbench.place;

import io.clusterbench.zone.Zone;
import io.clusterbench.zone.ZoneTree;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * Places each firm in its finest zone with the contract's precedence: a known zone_id; an unknown one leaves
 * the firm unplaced as unknown_zone; then the point in the zone boundaries; then match_patterns; else unplaced.
 */
public final class FirmPlacement {
    public static final String ZONE_ID = "zone_id";
    public static final String UNKNOWN_ZONE = "unknown_zone";
    public static final String UNPLACED = "unplaced";

    private static final StructType PLACED = DataTypes.createStructType(List.of(
            DataTypes.createStructField("zone_id", DataTypes.StringType, true),
            DataTypes.createStructField("placement", DataTypes.StringType, true)));

    private FirmPlacement() {
    }

    /** Adds {@code placed_zone_id} and {@code placement} to the staged enterprises. */
    public static Dataset<Row> place(SparkSession spark, Dataset<Row> enterprises, ZoneTree tree) {
        List<String> ids = new ArrayList<>(tree.zones().stream().map(Zone::zoneId).toList());
        Broadcast<TextAndPointPlacer> placer = spark.sparkContext().broadcast(new TextAndPointPlacer(tree),
                scala.reflect.ClassTag$.MODULE$.apply(TextAndPointPlacer.class));
        UserDefinedFunction byPointOrText = udf((UDF5<Double, Double, String, String, String, Row>) (lon, lat, addr, auth, div) -> {
            String[] p = placer.value().place(lon, lat, addr, auth, div);
            return p == null ? null : RowFactory.create(p[0], p[1]);
        }, PLACED);

        Column given = col("zone_id").isNotNull();
        Column known = col("zone_id").isin(ids.toArray());
        Column fallback = byPointOrText.apply(col("lon"), col("lat"), col("address_norm"), col("authority_norm"),
                col("admin_division"));
        return enterprises
                .withColumn("_fallback", when(given, lit(null).cast(PLACED)).otherwise(fallback))
                .withColumn("placed_zone_id", when(known, col("zone_id"))
                        .when(given, lit(null).cast(DataTypes.StringType))
                        .otherwise(col("_fallback.zone_id")))
                .withColumn("placement", when(known, lit(ZONE_ID))
                        .when(given, lit(UNKNOWN_ZONE))
                        .when(col("_fallback").isNotNull(), col("_fallback.placement"))
                        .otherwise(lit(UNPLACED)))
                .drop("_fallback");
    }
}
