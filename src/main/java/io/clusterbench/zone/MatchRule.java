package io.clusterbench.zone;

import io.clusterbench.config.ConfigException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One rule of a zone's {@code match_patterns}: conditions joined by {@code &} (all must hold). Rules separated
 * by {@code ;} are OR'ed. A rule's kind (its placement label) is the kind of its first condition.
 */
public record MatchRule(List<Condition> conditions) implements Serializable {

    public enum Kind { ADDRESS, AUTHORITY, DIVISION }

    public record Condition(Kind kind, String value) implements Serializable {
    }

    public Kind kind() {
        return conditions.get(0).kind();
    }

    public static List<MatchRule> parseAll(String zoneId, String patterns) {
        List<MatchRule> rules = new ArrayList<>();
        if (patterns == null || patterns.isBlank()) {
            return rules;
        }
        for (String ruleText : patterns.split("[;；]")) {
            if (ruleText.isBlank()) {
                continue;
            }
            List<Condition> conds = new ArrayList<>();
            for (String c : ruleText.split("&")) {
                String t = c.strip();
                int colon = t.indexOf(':') >= 0 ? t.indexOf(':') : t.indexOf('：');
                if (colon <= 0) {
                    throw new ConfigException("zone " + zoneId + ": match_patterns condition '" + t
                            + "' must be address:TEXT, authority:TEXT or division:CODE");
                }
                String kindText = t.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
                String value = io.clusterbench.value.Text.compactNfkc(t.substring(colon + 1));
                Kind kind = switch (kindText) {
                    case "address" -> Kind.ADDRESS;
                    case "authority" -> Kind.AUTHORITY;
                    case "division" -> Kind.DIVISION;
                    default -> throw new ConfigException("zone " + zoneId + ": match_patterns kind '" + kindText
                            + "' is not address, authority or division");
                };
                if (value.isEmpty()) {
                    throw new ConfigException("zone " + zoneId + ": match_patterns condition '" + t + "' has no value");
                }
                if (kind == Kind.DIVISION && !value.matches("\\d{1,6}")) {
                    throw new ConfigException("zone " + zoneId + ": division:" + value
                            + " must be digits of an administrative division code (up to 6)");
                }
                conds.add(new Condition(kind, value));
            }
            rules.add(new MatchRule(List.copyOf(conds)));
        }
        return rules;
    }
}
