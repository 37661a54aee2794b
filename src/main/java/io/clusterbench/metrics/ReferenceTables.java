package io.clusterbench.metrics;

import io.clusterbench.spark.RowValues;
import io.clusterbench.value.IndustryCodes;
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

import static org.apache.spark.sql.types.DataTypes.createStructField;

/** The small published tables built on the driver: {@code zones} and {@code industry_divisions}. */
public final class ReferenceTables {
    private static final StructType ZONES = DataTypes.createStructType(List.of(
            createStructField("zone_id", DataTypes.StringType, false),
            createStructField("name_zh", DataTypes.StringType, false),
            createStructField("name_en", DataTypes.StringType, true),
            createStructField("city", DataTypes.StringType, false),
            createStructField("province", DataTypes.StringType, false),
            createStructField("role", DataTypes.StringType, false),
            createStructField("parent_zone_id", DataTypes.StringType, true),
            createStructField("area_km2", DataTypes.DoubleType, false),
            createStructField("area_basis", DataTypes.StringType, true),
            createStructField("has_boundary", DataTypes.BooleanType, false),
            createStructField("match_patterns", DataTypes.StringType, true),
            createStructField("torch_rank", DataTypes.IntegerType, true),
            createStructField("depth", DataTypes.IntegerType, false),
            createStructField("ancestors", DataTypes.createArrayType(DataTypes.StringType, false), false)));

    private static final StructType DIVISIONS = DataTypes.createStructType(List.of(
            createStructField("industry_division", DataTypes.StringType, false),
            createStructField("industry_section", DataTypes.StringType, false),
            createStructField("name_zh", DataTypes.StringType, false),
            createStructField("name_en", DataTypes.StringType, true)));

    private ReferenceTables() {
    }

    public static Dataset<Row> zones(SparkSession spark, ZoneTree tree) {
        List<Row> rows = new ArrayList<>();
        for (Zone z : tree.zones()) {
            rows.add(RowFactory.create(z.zoneId(), z.nameZh(), z.nameEn(), z.city(), z.province(), z.role(),
                    z.parentZoneId(), z.areaKm2(), z.areaBasis(), z.boundaryWkt() != null, z.matchPatterns(),
                    z.torchRank(), tree.depth(z.zoneId()), RowValues.external(tree.ancestors(z.zoneId()))));
        }
        return spark.createDataFrame(rows, ZONES);
    }

    public static Dataset<Row> industryDivisions(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (IndustryCodes.Division d : IndustryCodes.reference().divisions()) {
            rows.add(RowFactory.create(d.code(), d.section(), d.nameZh(), null));
        }
        return spark.createDataFrame(rows, DIVISIONS);
    }
}
