package io.clusterbench.publish.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zone boundaries as GeoJSON for the report's map (and for GIS users: the report directory keeps them as
 * zones.geojson, which the {@code report} command reads back, since the zones table keeps no boundary).
 */
public final class GeoJson {
    public static final String FILE = "zones.geojson";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJson() {
    }

    /** A Polygon or MultiPolygon (the zones input allows no other) as a GeoJSON geometry, lon/lat. */
    public static JsonNode geometry(Geometry g) {
        ObjectNode out = JSON.createObjectNode();
        if (g instanceof Polygon p) {
            out.put("type", "Polygon");
            out.set("coordinates", rings(p));
        } else if (g instanceof MultiPolygon mp) {
            out.put("type", "MultiPolygon");
            ArrayNode polys = out.putArray("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                polys.add(rings((Polygon) mp.getGeometryN(i)));
            }
        } else {
            throw new IllegalArgumentException("not a polygon: " + g.getGeometryType());
        }
        return out;
    }

    private static ArrayNode rings(Polygon p) {
        ArrayNode rings = JSON.createArrayNode();
        rings.add(ring(p.getExteriorRing()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(ring(p.getInteriorRingN(i)));
        }
        return rings;
    }

    private static ArrayNode ring(LineString l) {
        ArrayNode a = JSON.createArrayNode();
        for (Coordinate c : l.getCoordinates()) {
            a.addArray().add(c.x).add(c.y);
        }
        return a;
    }

    /** The zones with a boundary as one FeatureCollection, zone_id in each feature's properties. */
    public static String featureCollection(Map<String, JsonNode> boundaries) {
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        boundaries.forEach((id, geom) -> {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.putObject("properties").put("zone_id", id);
            f.set("geometry", geom);
        });
        try {
            return JSON.writeValueAsString(fc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads back what {@link #featureCollection} wrote. */
    public static Map<String, JsonNode> read(String featureCollection) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try {
            for (JsonNode f : JSON.readTree(featureCollection).path("features")) {
                out.put(f.path("properties").path("zone_id").asText(), f.get("geometry"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
