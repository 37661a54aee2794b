package io.clusterbench.place;

import io.clusterbench.zone.Zone;
import io.clusterbench.zone.ZoneTree;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The roll-up: a zone contains the firms of all its descendants. Each placed zone maps to itself and every
 * ancestor, so joining firms to this small table (broadcast) counts each firm once in each containing zone.
 */
public final class ZoneRollup {
    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("placed_zone_id", DataTypes.StringType, false),
            DataTypes.createStructField("container_zone_id", DataTypes.StringType, false)));

    private ZoneRollup() {
    }

    public static Dataset<Row> containers(SparkSession spark, ZoneTree tree) {
        List<Row> rows = new ArrayList<>();
        for (Zone z : tree.zones()) {
            rows.add(RowFactory.create(z.zoneId(), z.zoneId()));
            for (String a : tree.ancestors(z.zoneId())) {
                rows.add(RowFactory.create(z.zoneId(), a));
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }
}
