package io.clusterbench.config;

import java.io.Serializable;
import java.util.Map;

/**
 * Per-source reading options of the job file.
 *
 * @param encoding   {@code null} to detect per file (valid UTF-8, else GB18030), or a declared charset name
 * @param separator  field separator character
 * @param coordSystem coordinate system of lon/lat columns: wgs84, gcj02 or bd09
 * @param moneyUnits plain-number unit per money column (column name to {@link MoneyUnit})
 */
public record SourceOptions(String encoding, char separator, String coordSystem, Map<String, MoneyUnit> moneyUnits)
        implements Serializable {

    public static final SourceOptions DEFAULT = new SourceOptions(null, ',', "wgs84", Map.of());

    public SourceOptions {
        moneyUnits = Map.copyOf(moneyUnits);
    }

    public MoneyUnit moneyUnit(String column) {
        return moneyUnits.getOrDefault(column, MoneyUnit.CNY_10K);
    }
}
