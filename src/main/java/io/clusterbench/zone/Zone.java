package io.clusterbench.zone;

import java.io.Serializable;
import java.util.List;

/** One zone row as the contract defines it, validated by {@link ZoneTree}. */
public record Zone(String zoneId, String nameZh, String nameEn, String city, String province, String role,
                   String parentZoneId, double areaKm2, String areaBasis, String boundaryWkt,
                   String matchPatterns, List<MatchRule> rules, Integer torchRank) implements Serializable {
}
