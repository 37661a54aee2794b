package io.clusterbench.ingest;

import io.clusterbench.config.JobConfig;
import io.clusterbench.value.EnumMappings;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.util.List;

import static org.apache.spark.sql.types.DataTypes.createStructField;

/** published_figures.csv → stg_published_figures: official or press figures shown beside computed ones. */
public final class PublishedFigureParser extends SourceParser {
    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            createStructField("zone_id", DataTypes.StringType, true),
            createStructField("metric", DataTypes.StringType, true),
            createStructField("year", DataTypes.IntegerType, true),
            createStructField("value", DataTypes.createDecimalType(38, 6), true),
            createStructField("qualifier", DataTypes.StringType, true),
            createStructField("source", DataTypes.StringType, true),
            createStructField("note", DataTypes.StringType, true)));

    private static final SourceSpec SPEC = Sources.PUBLISHED_FIGURES;
    private static final int ZONE_ID = SPEC.slot("zone_id");
    private static final int METRIC = SPEC.slot("metric");
    private static final int YEAR = SPEC.slot("year");
    private static final int VALUE = SPEC.slot("value");
    private static final int QUALIFIER = SPEC.slot("qualifier");
    private static final int SOURCE = SPEC.slot("source");
    private static final int NOTE = SPEC.slot("note");

    public PublishedFigureParser(JobConfig config) {
        super(SPEC, SCHEMA, config);
    }



    @Override
    protected Object[] parseValues(Cells c, RowVerdict v) {
        String zone = c.text(ZONE_ID);
        if (zone == null) {
            v.reject(ReasonCode.MISSING_REQUIRED, "zone_id is empty");
        }
        String metric = c.text(METRIC);
        if (metric == null) {
            v.reject(ReasonCode.MISSING_REQUIRED, "metric is empty");
        }
        Integer year = c.requiredInt(YEAR, "year");
        BigDecimal value = c.number(VALUE, "value", true, true); // a published figure may be a negative change
        String qualifierText = c.text(QUALIFIER);
        String qualifier = EnumMappings.map(EnumMappings.QUALIFIER, qualifierText);
        if (qualifierText != null && qualifier == null) {
            v.flag(Flag.BAD_OPTIONAL_VALUE);
        }
        return new Object[]{zone, metric, year, value, qualifier,
                c.text(SOURCE), c.text(NOTE)};
    }
}
