package io.clusterbench.ingest;

import io.clusterbench.config.ConfigException;
import io.clusterbench.config.SourceOptions;
import io.clusterbench.value.EnumMappings;
import io.clusterbench.zone.MatchRule;
import io.clusterbench.zone.Zone;
import io.clusterbench.zone.ZoneTree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the zones source on the driver (a small reference table) into a validated {@link ZoneTree}. Zones are
 * configuration-like: any bad row stops the run with a message naming the zone, before anything is written.
 */
public final class ZoneLoader {
    /** One hectare: smaller than any zone with firms to count. */
    static final double MIN_AREA_KM2 = 0.01;
    /** Larger than any Chinese prefecture-level city: a zone is at most that. */
    static final double MAX_AREA_KM2 = 1_000_000;
    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("[-+]?\\d{1,9}(\\.\\d{1,12})?");

    private static final SourceSpec SPEC = Sources.ZONES;

    public record Loaded(ZoneTree tree, List<SourceAccount.FileEncoding> files, List<String> unknownColumns) {
        /** The zones in the run summary like any source: every row read is accepted (a bad one stops the run). */
        public SourceAccount account() {
            long n = tree.zones().size();
            return new SourceAccount(SPEC.name(), files, n, n, 0, 0, java.util.Map.of(), java.util.Map.of(), unknownColumns);
        }
    }

    private ZoneLoader() {
    }

    public static Loaded load(InputLayout layout, SourceOptions options) {
        List<Zone> zones = new ArrayList<>();
        List<SourceAccount.FileEncoding> encodings = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String path : layout.files(SPEC)) {
            String rel = layout.relative(path);
            SourceFile file = InputScan.scanOnDriver(SPEC, path, rel, options);
            encodings.add(SourceAccount.FileEncoding.of(file));
            file.mapping().unknownColumns().stream().filter(c -> !unknown.contains(c)).forEach(unknown::add);
            try (CsvRecordReader reader = new CsvRecordReader(file, SPEC.slots())) {
                while (reader.hasNext()) {
                    zones.add(toZone(reader.next()));
                }
            } catch (IOException e) {
                throw new ConfigException("zones: cannot read " + rel + ": " + e.getMessage());
            }
        }
        if (zones.isEmpty()) {
            throw new ConfigException("zones: no zone rows; at least one zone is needed");
        }
        return new Loaded(ZoneTree.of(zones), encodings, unknown);
    }

    static Zone toZone(RawRecord r) {
        String where = "zones: " + r.file() + " line " + r.lineNo();
        if (r.malformed() != null) {
            throw new ConfigException(where + ": " + r.malformed());
        }
        if (r.encodingError()) {
            throw new ConfigException(where + ": bytes invalid in the file's encoding");
        }
        String id = cell(r, "zone_id");
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw new ConfigException(where + ": zone_id '" + (id == null ? "" : id) + "' must match [a-z0-9-]+");
        }
        String zoneWhere = "zone " + id;
        String nameZh = required(r, "name_zh", zoneWhere);
        String city = required(r, "city", zoneWhere);
        String province = required(r, "province", zoneWhere);
        String roleText = required(r, "role", zoneWhere);
        String role = EnumMappings.map(EnumMappings.ROLE, roleText);
        if (role == null) {
            throw new ConfigException(zoneWhere + ": role '" + roleText + "' must be home, benchmark or peer");
        }
        String areaText = required(r, "area_km2", zoneWhere);
        // A plain decimal (Java would also take 0x1p3, 8d, NaN, Infinity), within plausible bounds: an area of
        // 4.9E-324 km² would make a density of Infinity and normalise every other zone's score component to 0.
        if (!PLAIN_DECIMAL.matcher(areaText.strip()).matches()) {
            throw new ConfigException(zoneWhere + ": area_km2 '" + areaText + "' is not a number (write e.g. 12.5)");
        }
        double area = Double.parseDouble(areaText.strip());
        if (area < MIN_AREA_KM2 || area > MAX_AREA_KM2) {
            throw new ConfigException(zoneWhere + ": area_km2 " + areaText.strip() + " is outside the plausible range "
                    + "of a zone, " + MIN_AREA_KM2 + " to " + (long) MAX_AREA_KM2 + " km²");
        }
        Integer torch = null;
        String torchText = cell(r, "torch_rank");
        if (torchText != null) {
            try {
                torch = Integer.parseInt(torchText);
            } catch (NumberFormatException e) {
                throw new ConfigException(zoneWhere + ": torch_rank '" + torchText + "' is not a whole number");
            }
        }
        String patterns = cell(r, "match_patterns");
        return new Zone(id, nameZh, cell(r, "name_en"), city, province, role, cell(r, "parent_zone_id"), area,
                cell(r, "area_basis"), cell(r, "boundary_wkt"), patterns, MatchRule.parseAll(id, patterns), torch);
    }

    private static String required(RawRecord r, String column, String where) {
        String v = cell(r, column);
        if (v == null) {
            throw new ConfigException(where + ": " + column + " is empty");
        }
        return v;
    }

    private static String cell(RawRecord r, String column) {
        String v = r.get(SPEC.slot(column));
        return v == null || v.isBlank() ? null : v.strip();
    }
}
