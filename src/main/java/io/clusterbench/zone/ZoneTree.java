package io.clusterbench.zone;

import io.clusterbench.config.ConfigException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated zone hierarchy. Every check of inputs.md "zones" runs here, before any Spark job, and a
 * failure names the zone and what to change.
 */
public final class ZoneTree implements Serializable {
    private final Map<String, Zone> zones;
    private final Map<String, List<String>> ancestors;

    private ZoneTree(Map<String, Zone> zones, Map<String, List<String>> ancestors) {
        this.zones = zones;
        this.ancestors = ancestors;
    }

    public static ZoneTree of(List<Zone> rows) {
        Map<String, Zone> byId = new LinkedHashMap<>();
        for (Zone z : rows) {
            if (byId.putIfAbsent(z.zoneId(), z) != null) {
                throw new ConfigException("zone " + z.zoneId() + ": duplicate zone_id");
            }
        }
        for (Zone z : rows) {
            if (z.parentZoneId() != null && !byId.containsKey(z.parentZoneId())) {
                throw new ConfigException("zone " + z.zoneId() + ": parent_zone_id '" + z.parentZoneId() + "' names no zone");
            }
            if (z.boundaryWkt() != null) {
                checkBoundary(z);
            }
        }
        Map<String, List<String>> anc = new LinkedHashMap<>();
        for (Zone z : rows) {
            List<String> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            seen.add(z.zoneId());
            for (String p = z.parentZoneId(); p != null; p = byId.get(p).parentZoneId()) {
                if (!seen.add(p)) {
                    throw new ConfigException("zone " + z.zoneId() + ": parent_zone_id forms a cycle through " + p);
                }
                chain.add(p);
            }
            anc.put(z.zoneId(), Collections.unmodifiableList(chain));
        }
        return new ZoneTree(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(anc));
    }

    public static Geometry parseBoundary(Zone z) {
        try {
            return new WKTReader().read(z.boundaryWkt());
        } catch (ParseException | IllegalArgumentException e) {
            // JTS refuses a ring that is not closed with an IllegalArgumentException rather than a ParseException
            throw new ConfigException("zone " + z.zoneId() + ": boundary_wkt is not valid WKT: "
                    + ConfigException.firstLine(e));
        }
    }

    private static void checkBoundary(Zone z) {
        Geometry g = parseBoundary(z);
        if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
            throw new ConfigException("zone " + z.zoneId() + ": boundary_wkt must be a POLYGON or MULTIPOLYGON, got " + g.getGeometryType());
        }
        for (var c : g.getCoordinates()) {
            if (!Double.isFinite(c.getX()) || !Double.isFinite(c.getY())) {
                throw new ConfigException("zone " + z.zoneId() + ": boundary_wkt has a coordinate that is not a number ("
                        + c.getX() + " " + c.getY() + ")");
            }
        }
        boolean valid;
        try {
            valid = !g.isEmpty() && g.isValid();
        } catch (IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new ConfigException("zone " + z.zoneId() + ": boundary_wkt is not a valid polygon (self-intersecting or empty)");
        }
        var env = g.getEnvelopeInternal();
        if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
            throw new ConfigException("zone " + z.zoneId() + ": boundary_wkt must be WGS84 lon lat (degrees)");
        }
    }

    public List<Zone> zones() {
        return List.copyOf(zones.values());
    }

    /** Parent first, root last; empty for a root. */
    public List<String> ancestors(String zoneId) {
        return ancestors.get(zoneId);
    }

    public int depth(String zoneId) {
        return ancestors.get(zoneId).size();
    }
}
