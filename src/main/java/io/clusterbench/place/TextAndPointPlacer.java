package io.clusterbench.place;

import io.clusterbench.zone.MatchRule;
import io.clusterbench.zone.Zone;
import io.clusterbench.zone.ZoneTree;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Placement steps 2 and 3 of metrics.md for firms that no known zone_id places: point in zone boundary, then
 * the zones' match_patterns. Broadcast to executors once; the spatial index is built lazily on each.
 */
public final class TextAndPointPlacer implements Serializable {
    public static final String COORDINATES = "coordinates";

    private record ZoneKey(String zoneId, double area, int depth, String wkt, List<MatchRule> rules) implements Serializable {
    }

    private final List<ZoneKey> zones;
    private transient STRtree index;
    private transient GeometryFactory geometryFactory;

    public TextAndPointPlacer(ZoneTree tree) {
        List<ZoneKey> keys = new ArrayList<>();
        for (Zone z : tree.zones()) {
            keys.add(new ZoneKey(z.zoneId(), z.areaKm2(), tree.depth(z.zoneId()), z.boundaryWkt(), z.rules()));
        }
        this.zones = List.copyOf(keys);
    }

    /** @return {zone_id, placement} or null when neither coordinates nor text rules place the firm */
    public String[] place(Double lon, Double lat, String address, String authority, String division) {
        if (lon != null && lat != null) {
            String z = byPoint(lon, lat);
            if (z != null) {
                return new String[]{z, COORDINATES};
            }
        }
        return byRules(address, authority, division);
    }

    /** Among boundaries containing the point (boundary inclusive): smallest area, deepest, smallest id. */
    String byPoint(double lon, double lat) {
        STRtree idx = index();
        if (idx.size() == 0) {
            return null;
        }
        Point p = geometryFactory.createPoint(new Coordinate(lon, lat));
        ZoneKey best = null;
        for (Object o : idx.query(p.getEnvelopeInternal())) {
            @SuppressWarnings("unchecked")
            var entry = (java.util.Map.Entry<ZoneKey, PreparedGeometry>) o;
            if (entry.getValue().covers(p)) {
                ZoneKey k = entry.getKey();
                if (best == null || POINT_ORDER.compare(k, best) < 0) {
                    best = k;
                }
            }
        }
        return best == null ? null : best.zoneId();
    }

    private static final Comparator<ZoneKey> POINT_ORDER = Comparator.comparingDouble(ZoneKey::area)
            .thenComparing(Comparator.comparingInt(ZoneKey::depth).reversed())
            .thenComparing(ZoneKey::zoneId);

    private static final Comparator<ZoneKey> RULE_ORDER = Comparator.comparingInt(ZoneKey::depth).reversed()
            .thenComparingDouble(ZoneKey::area)
            .thenComparing(ZoneKey::zoneId);

    /** Among zones with a matching rule: deepest, smallest area, smallest id; labelled by the best rule kind. */
    String[] byRules(String address, String authority, String division) {
        ZoneKey best = null;
        MatchRule.Kind bestKind = null;
        for (ZoneKey z : zones) {
            MatchRule.Kind kind = null;
            for (MatchRule r : z.rules()) {
                if (matches(r, address, authority, division) && (kind == null || r.kind().ordinal() < kind.ordinal())) {
                    kind = r.kind();
                }
            }
            if (kind != null && (best == null || RULE_ORDER.compare(z, best) < 0)) {
                best = z;
                bestKind = kind;
            }
        }
        return best == null ? null : new String[]{best.zoneId(), bestKind.name().toLowerCase(java.util.Locale.ROOT)};
    }

    private static boolean matches(MatchRule rule, String address, String authority, String division) {
        for (MatchRule.Condition c : rule.conditions()) {
            boolean ok = switch (c.kind()) {
                case ADDRESS -> address != null && address.contains(c.value());
                case AUTHORITY -> authority != null && authority.contains(c.value());
                case DIVISION -> division != null && division.startsWith(c.value());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private STRtree index() {
        if (index == null) {
            geometryFactory = new GeometryFactory();
            STRtree t = new STRtree();
            for (ZoneKey z : zones) {
                if (z.wkt() != null) {
                    Geometry g = ZoneTree.parseBoundary(new Zone(z.zoneId(), null, null, null, null, null, null,
                            z.area(), null, z.wkt(), null, List.of(), null));
                    t.insert(g.getEnvelopeInternal(), java.util.Map.entry(z, PreparedGeometryFactory.prepare(g)));
                }
            }
            t.build();
            index = t;
        }
        return index;
    }
}
