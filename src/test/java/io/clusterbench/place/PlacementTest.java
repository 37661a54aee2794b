package io.clusterbench.place;

import io.clusterbench.Pipeline;
import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.clusterbench.TestInputs.code;
import static io.clusterbench.TestInputs.lines;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each placement path and tie-break of metrics.md "Placing firms in zones", and the roll-up of nested zones. */
class PlacementTest extends SparkTestBase {
    @TempDir
    static Path dir;
    static Map<String, String[]> placed = new HashMap<>();
    static Pipeline.Marts result;

    static String box(double lon0, double lat0, double lon1, double lat1) {
        return "\"POLYGON((" + lon0 + " " + lat0 + ", " + lon1 + " " + lat0 + ", " + lon1 + " " + lat1 + ", " + lon0 + " "
                + lat1 + ", " + lon0 + " " + lat0 + "))\"";
    }

    @BeforeAll
    static void run() {
        Path in = dir.resolve("in");
        TestInputs.write(in.resolve("zones.csv"), lines(TestInputs.ZONES_HEADER,
                "zj,张江高新区,,上海,上海,benchmark,,420,,,,",
                "sc,张江科学城,,上海,上海,benchmark,zj,95,," + box(121.55, 31.15, 121.65, 31.25) + ",,",
                "drug,张江创新药产业基地,,上海,上海,benchmark,sc,3.1,," + box(121.60, 31.18, 121.62, 31.20) + ",,",
                "ta,甲区,,某市,某省,peer,,5,," + box(110.0, 30.0, 110.1, 30.1) + ",,",
                "tb,乙区,,某市,某省,peer,,5,," + box(110.0, 30.0, 110.1, 30.1) + ",,",
                "pa,共享园,,某市,某省,peer,,5,,,address:共享路,",
                "pb,共享分园,,某市,某省,peer,pa,8,,,address:共享路,",
                "wn,渭南高新区,,渭南,陕西,home,,49,,,division:152201&address:高新;authority:渭南市市场监督管理局,",
                "z2,测试区,,某市,某省,peer,,20,,,authority:测试局;address:测试路,"));
        TestInputs.write(in.resolve("enterprises.csv"), lines(
                "credit_code,name,zone_id,lon,lat,address,authority,established_date,status",
                code(7) + ",F7,drug,,,,,2018-01-01,存续",
                code(8) + ",F8,,121.61,31.19,,,2018-01-01,存续",               // in drug and sc: smaller area wins
                code(9) + ",F9,,121.56,31.16,,,2018-01-01,存续",               // sc only
                code(10) + ",F10,,110.05,30.05,,,2018-01-01,存续",             // ta and tb: same area and depth → smaller id
                code(11) + ",F11,,,,上海市共享路1号,,2018-01-01,存续",          // pa and pb: deepest wins despite larger area
                code(0) + ",F0,,,,渭南高新区,渭南市市场监督管理局,2018-01-01,存续", // division rule and authority rule: authority
                code(1) + ",F1,,,,渭南市高新路,,2018-01-01,存续",               // division:152201&address:高新 → division
                code(12) + ",F12,,,,测试路8号,测试局,2018-01-01,存续",           // address beats authority
                code(13) + ",F13,z2,121.61,31.19,,,2018-01-01,存续",           // zone_id beats coordinates
                code(14) + ",F14,ghost,121.61,31.19,,,2018-01-01,存续",        // unknown zone: no fallback
                code(15) + ",F15,,,,,,2018-01-01,存续",                         // nothing applies
                code(16) + ",F16,,100.5,30.5,共享路2号,,2018-01-01,存续",        // outside every boundary, then text
                code(17) + ",F17,,121.62,31.20,,,2018-01-01,存续"));            // on drug's corner: inside
        TestInputs.write(in.resolve("patents.csv"), lines("application_no,application_date,applicants"));
        result = marts(TestInputs.config(in, dir.resolve("out"), "2024-06-30"), dir.resolve("scratch"));
        for (Row r : result.metrics().firms().collectAsList()) {
            placed.put(r.getAs("name"), new String[]{r.getAs("zone_id"), r.getAs("placement")});
        }
    }

    private static void assertPlaced(String firm, String zone, String how) {
        assertEquals(zone + "/" + how, placed.get(firm)[0] + "/" + placed.get(firm)[1], firm);
    }

    @Test
    void byZoneId() {
        assertPlaced("F7", "drug", "zone_id");
        assertPlaced("F13", "z2", "zone_id");
    }

    @Test
    void byCoordinatesWithTieBreaks() {
        assertPlaced("F8", "drug", "coordinates");
        assertPlaced("F9", "sc", "coordinates");
        assertPlaced("F10", "ta", "coordinates");
        assertPlaced("F17", "drug", "coordinates");
    }

    @Test
    void byTextRulesWithTieBreaksAndLabels() {
        assertPlaced("F11", "pb", "address");
        assertPlaced("F0", "wn", "authority");
        assertPlaced("F1", "wn", "division");
        assertPlaced("F12", "z2", "address");
        assertPlaced("F16", "pb", "address");
    }

    @Test
    void unknownZoneAndUnplaced() {
        assertPlaced("F14", "null", "unknown_zone");
        assertPlaced("F15", "null", "unplaced");
        assertEquals(Map.of("zone_id", 2L, "coordinates", 4L, "address", 3L, "authority", 1L, "division", 1L,
                "unknown_zone", 1L, "unplaced", 1L), result.placed().placement());
    }

    @Test
    void aFirmInTheDrugBaseCountsOnceInEachEnclosingZone() {
        // drug: F7, F8, F17; sc adds F9; zj has none of its own. Each counted once per zone, 2018–2024.
        List<Row> rows = result.metrics().zoneYearMetrics()
                .filter(col("year").equalTo(2024).and(col("zone_id").isin("drug", "sc", "zj")))
                .select("zone_id", "firms_active", "firm_density_per_km2").orderBy("zone_id").collectAsList();
        assertEquals("[[drug,3], [sc,4], [zj,4]]",
                rows.stream().map(r -> "[" + r.get(0) + "," + r.get(1) + "]").toList().toString());
        assertEquals(3 / 3.1, rows.get(0).getDouble(2), 1e-12);
        assertEquals(4 / 95.0, rows.get(1).getDouble(2), 1e-12);
        assertEquals(4 / 420.0, rows.get(2).getDouble(2), 1e-12);
    }
}
