package io.clusterbench.config;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

/**
 * The whole job configuration, built once (job file, then command-line overrides) and passed down.
 * Immutable: stages read it, none change it.
 */
public record JobConfig(
        String input,
        String output,
        LocalDate asOf,
        int firstYear,
        Map<String, SourceOptions> sources,
        List<String> headlineMetrics,
        Map<String, Double> scoreWeights,
        Map<String, Double> currencyRates,
        int cagrWindow,
        int minCellFirms,
        long splitBytes) implements Serializable {

    public static final int DEFAULT_FIRST_YEAR = 2015;
    public static final int DEFAULT_CAGR_WINDOW = 3;
    /** metrics.md "Small numbers": an LQ from fewer active firms is reported but not presented as a specialisation. */
    public static final int DEFAULT_MIN_CELL_FIRMS = 3;
    /** Bytes per parse range of an uncompressed input file (job key {@code split_size}): 128 MiB, as HDFS blocks. */
    public static final long DEFAULT_SPLIT_BYTES = 128L << 20;

    public static final List<String> DEFAULT_HEADLINE_METRICS = List.of(
            "firms_active", "firm_density_per_km2", "tech_sme_count", "hte_count", "hte_density_per_km2",
            "listed_count", "patents_applied", "invention_granted", "invention_stock",
            "invention_stock_per_100_firms", "funding_amount_cny_10k");

    /** metrics.md "Composite score"; insertion order kept for stable output. */
    public static final Map<String, Double> DEFAULT_SCORE_WEIGHTS = orderedMap(
            "firm_density_per_km2", 0.15, "hte_density_per_km2", 0.20, "invention_stock_per_100_firms", 0.20,
            "listed_count", 0.15, "funding_amount_cny_10k", 0.15, "tech_sme_count", 0.15);

    /** inputs.md "Money": CNY per unit of foreign currency when the job sets none. */
    public static final Map<String, Double> DEFAULT_CURRENCY_RATES = orderedMap(
            "CNY", 1.0, "USD", 7.2, "HKD", 0.92, "EUR", 7.8, "JPY", 0.048);

    public JobConfig {
        sources = Map.copyOf(sources);
        headlineMetrics = List.copyOf(headlineMetrics);
        scoreWeights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scoreWeights));
        currencyRates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(currencyRates));
    }

    public SourceOptions source(String name) {
        return sources.getOrDefault(name, SourceOptions.DEFAULT);
    }

    public int asOfYear() {
        return asOf.getYear();
    }

    /** The year of as_of is partial unless as_of is Dec 31 (metrics.md "Time"). */
    public boolean asOfYearIsPartial() {
        return isPartialYear(asOf);
    }

    /** The last whole year on as_of: the year of as_of when as_of is Dec 31, else the year before. */
    public int latestCompleteYear() {
        return latestCompleteYear(asOf);
    }

    /** The rule for any snapshot date (a published snapshot's, too): partial unless Dec 31. */
    public static boolean isPartialYear(java.time.LocalDate date) {
        return !MonthDay.from(date).equals(MonthDay.of(12, 31));
    }

    public static int latestCompleteYear(java.time.LocalDate date) {
        return isPartialYear(date) ? date.getYear() - 1 : date.getYear();
    }

    private static Map<String, Double> orderedMap(Object... kv) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
