package io.clusterbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a YAML job file into a {@link JobConfig}. Unknown keys and bad values are errors naming the key,
 * so a typo never silently falls back to a default.
 */
public final class JobConfigLoader {

    private static final Set<String> TOP_KEYS = Set.of("input", "output", "as_of", "first_year", "sources",
            "headline_metrics", "score_weights", "currency_rates", "cagr_window", "min_cell_firms", "split_size");
    private static final Set<String> SOURCE_NAMES = Set.of("zones", "enterprises", "financials", "patents",
            "funding", "published_figures");
    private static final Set<String> SOURCE_KEYS = Set.of("encoding", "separator", "coord_system", "money_units");
    private static final Set<String> COORD_SYSTEMS = Set.of("wgs84", "gcj02", "bd09");

    /** Values given on the command line; each non-null one overrides the job file. */
    public record Overrides(String input, String output, String asOf) {
        public static final Overrides NONE = new Overrides(null, null, null);
    }

    private JobConfigLoader() {
    }

    public static JobConfig load(Path jobFile, Overrides overrides) {
        JsonNode root = jobFile == null ? null : readYaml(jobFile);
        return build(root, overrides, LocalDate.now());
    }

    static JobConfig build(JsonNode root, Overrides o, LocalDate today) {
        if (root != null && !root.isObject()) {
            throw new ConfigException("job file: the top level must be a mapping of keys such as input, output, as_of");
        }
        if (root != null) {
            rejectUnknownKeys(root, TOP_KEYS, "");
        }
        String input = o.input() != null ? o.input() : text(root, "input");
        String output = o.output() != null ? o.output() : text(root, "output");
        if (input == null || input.isBlank()) {
            throw new ConfigException("no input directory: give --input DIR or set 'input' in the job file");
        }
        if (output == null || output.isBlank()) {
            throw new ConfigException("no output directory: give --output DIR or set 'output' in the job file");
        }
        String asOfText = o.asOf() != null ? o.asOf() : text(root, "as_of");
        LocalDate asOf = asOfText == null ? today : parseAsOf(asOfText, o.asOf() != null ? "--as-of" : "as_of");
        int firstYear = intValue(root, "first_year", JobConfig.DEFAULT_FIRST_YEAR);
        if (firstYear < 1949 || firstYear > asOf.getYear()) {
            throw new ConfigException("first_year: " + firstYear + " must lie between 1949 and the year of as_of ("
                    + asOf.getYear() + ")");
        }
        int cagrWindow = intValue(root, "cagr_window", JobConfig.DEFAULT_CAGR_WINDOW);
        if (cagrWindow < 1) {
            throw new ConfigException("cagr_window: must be a whole number of years >= 1, got " + cagrWindow);
        }
        int minCellFirms = intValue(root, "min_cell_firms", JobConfig.DEFAULT_MIN_CELL_FIRMS);
        if (minCellFirms < 1) {
            throw new ConfigException("min_cell_firms: must be a whole number of firms >= 1, got " + minCellFirms);
        }
        return new JobConfig(input, output, asOf, firstYear, sources(root),
                stringList(root, "headline_metrics", JobConfig.DEFAULT_HEADLINE_METRICS),
                numberMap(root, "score_weights", JobConfig.DEFAULT_SCORE_WEIGHTS, false),
                numberMap(root, "currency_rates", JobConfig.DEFAULT_CURRENCY_RATES, true),
                cagrWindow, minCellFirms, splitSize(text(root, "split_size")));
    }

    private static JsonNode readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("job file " + file + " does not exist or is not a file");
        }
        try {
            YAMLFactory yaml = new YAMLFactory();
            refuseAliases(yaml, file);
            JsonNode node = new ObjectMapper(yaml).readTree(file.toFile());
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            throw new ConfigException("job file " + file + " is not valid YAML: " + ConfigException.firstLine(e));
        }
    }

    /** Jackson reads a YAML alias ({@code *name}) as the text "name": refused, rather than silently wrong. */
    private static void refuseAliases(YAMLFactory yaml, Path file) throws IOException {
        try (YAMLParser p = (YAMLParser) yaml.createParser(file.toFile())) {
            while (p.nextToken() != null) {
                if (p.isCurrentAlias()) {
                    throw new ConfigException("job file " + file + " line " + p.currentLocation().getLineNr()
                            + ": YAML aliases (*" + p.getText() + ") are not supported; write the value out");
                }
            }
        }
    }

    private static final java.util.regex.Pattern SIZE =
            java.util.regex.Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** {@code split_size}: bytes per parse range of an uncompressed input file, e.g. {@code 128MB} (units of 1024). */
    static long splitSize(String text) {
        if (text == null) {
            return JobConfig.DEFAULT_SPLIT_BYTES;
        }
        java.util.regex.Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new ConfigException("split_size: '" + text + "' is not a size; write e.g. 128MB, 64MB or 512KB");
        }
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(java.util.Locale.ROOT);
        int shift = switch (unit) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 0;
        };
        long bytes = Long.parseLong(m.group(1)) << shift;
        if (bytes < 64 || bytes > (64L << 30)) {
            throw new ConfigException("split_size: " + text.strip() + " is outside 64 bytes to 64GB");
        }
        return bytes;
    }

    private static LocalDate parseAsOf(String text, String key) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ConfigException(key + ": '" + text + "' is not a date in the form YYYY-MM-DD");
        }
    }

    private static Map<String, SourceOptions> sources(JsonNode root) {
        Map<String, SourceOptions> out = new LinkedHashMap<>();
        JsonNode node = root == null ? null : root.get("sources");
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new ConfigException("sources: must be a mapping from source name to its options");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!SOURCE_NAMES.contains(name)) {
                throw new ConfigException("sources." + name + ": unknown source (known: " + sorted(SOURCE_NAMES) + ")");
            }
            out.put(name, sourceOptions("sources." + name, e.getValue()));
        }
        return out;
    }

    private static SourceOptions sourceOptions(String path, JsonNode n) {
        if (n == null || n.isNull()) {
            return SourceOptions.DEFAULT;
        }
        if (!n.isObject()) {
            throw new ConfigException(path + ": must be a mapping of " + sorted(SOURCE_KEYS));
        }
        rejectUnknownKeys(n, SOURCE_KEYS, path + ".");
        String encoding = text(n, "encoding");
        if (encoding != null && (encoding.isBlank() || encoding.equalsIgnoreCase("auto"))) {
            encoding = null;
        }
        if (encoding != null) {
            try {
                encoding = java.nio.charset.Charset.forName(encoding.trim()).name();
            } catch (RuntimeException e) {
                throw new ConfigException(path + ".encoding: '" + encoding + "' is not a known charset (use UTF-8, GBK, GB18030 or auto)");
            }
        }
        String sep = text(n, "separator");
        char separator = ',';
        if (sep != null) {
            String s = sep.equals("\\t") || sep.equalsIgnoreCase("tab") ? "\t" : sep;
            if (s.length() != 1 || s.equals("\"") || s.equals("\n") || s.equals("\r")) {
                throw new ConfigException(path + ".separator: must be one character such as ',' ';' or '\\t', got '" + sep + "'");
            }
            separator = s.charAt(0);
        }
        String coord = text(n, "coord_system");
        if (coord == null) {
            coord = "wgs84";
        }
        coord = coord.trim().toLowerCase(Locale.ROOT);
        if (!COORD_SYSTEMS.contains(coord)) {
            throw new ConfigException(path + ".coord_system: '" + coord + "' is not one of " + sorted(COORD_SYSTEMS));
        }
        Map<String, MoneyUnit> units = new LinkedHashMap<>();
        JsonNode mu = n.get("money_units");
        if (mu != null && !mu.isNull()) {
            if (!mu.isObject()) {
                throw new ConfigException(path + ".money_units: must map a money column to cny, cny_10k or cny_100m");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = mu.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    units.put(e.getKey(), MoneyUnit.valueOf(e.getValue().asText().trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException(path + ".money_units." + e.getKey() + ": '" + e.getValue().asText()
                            + "' is not one of cny, cny_10k, cny_100m");
                }
            }
        }
        return new SourceOptions(encoding, separator, coord, units);
    }

    private static void rejectUnknownKeys(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new ConfigException(prefix + k + ": unknown key in the job file (known: " + sorted(known) + ")");
            }
        }
    }

    private static String text(JsonNode root, String key) {
        if (root == null) {
            return null;
        }
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw new ConfigException(key + ": must be a single value");
        }
        return n.asText();
    }

    private static int intValue(JsonNode root, String key, int dflt) {
        JsonNode n = root == null ? null : root.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        String text = n.asText().trim();
        if ((n.isIntegralNumber() || n.isTextual()) && text.matches("\\d+")) {
            if (text.length() > 9) {
                throw new ConfigException(key + ": " + text + " is out of range");
            }
            return Integer.parseInt(text);
        }
        throw new ConfigException(key + ": must be a whole number, got '" + n.asText() + "'");
    }

    private static List<String> stringList(JsonNode root, String key, List<String> dflt) {
        JsonNode n = root == null ? null : root.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isArray() || n.isEmpty()) {
            throw new ConfigException(key + ": must be a non-empty list");
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Map<String, Double> numberMap(JsonNode root, String key, Map<String, Double> dflt, boolean merge) {
        JsonNode n = root == null ? null : root.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isObject()) {
            throw new ConfigException(key + ": must be a mapping of names to numbers");
        }
        Map<String, Double> out = new LinkedHashMap<>(merge ? dflt : Map.of());
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
                throw new ConfigException(key + "." + e.getKey() + ": must be a number >= 0, got '" + e.getValue().asText() + "'");
            }
            out.put(merge ? e.getKey().toUpperCase(Locale.ROOT) : e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", new java.util.TreeSet<>(s));
    }
}
