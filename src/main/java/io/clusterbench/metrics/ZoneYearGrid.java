package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
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
 * Every (zone, year) from the first year to the year of as_of, with the zone's area and whether the year is
 * partial: zones × years is small (hundreds × tens), so it is built on the driver.
 */
public final class ZoneYearGrid {
    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("zone_id", DataTypes.StringType, false),
            DataTypes.createStructField("year", DataTypes.IntegerType, false),
            DataTypes.createStructField("is_partial_year", DataTypes.BooleanType, false),
            DataTypes.createStructField("area_km2", DataTypes.DoubleType, false)));

    private ZoneYearGrid() {
    }

    public static Dataset<Row> build(SparkSession spark, ZoneTree tree, JobConfig config) {
        List<Row> rows = new ArrayList<>();
        for (Zone z : tree.zones()) {
            for (int y = config.firstYear(); y <= config.asOfYear(); y++) {
                rows.add(RowFactory.create(z.zoneId(), y, y == config.asOfYear() && config.asOfYearIsPartial(), z.areaKm2()));
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }
}
