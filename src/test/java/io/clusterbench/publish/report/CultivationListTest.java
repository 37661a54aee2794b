package io.clusterbench.publish.report;

import io.clusterbench.SparkTestBase;
import io.clusterbench.zone.ZoneRole;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The working list over nested home zones, worked by hand: home-a1 lies inside home-a, so a firm of home-a1 is a
 * candidate row of both (as the cultivation_candidates table holds it) and must be listed once in the family
 * home-a, under its finest zone home-a1; home-b is a family of its own. Groups and their order: ready, near
 * (smallest summed shortfall first), missing, renewal; ties by SME score, highest first.
 */
class CultivationListTest extends SparkTestBase {
    private static final Map<String, ReportData.ZoneInfo> ZONES = new LinkedHashMap<>();

    static {
        zone("home-a", ZoneRole.HOME, null);
        zone("home-a1", ZoneRole.HOME, "home-a");
        zone("home-b", ZoneRole.HOME, null);
        zone("bench", ZoneRole.BENCHMARK, null);
    }

    private static void zone(String id, String role, String parent) {
        ZONES.put(id, new ReportData.ZoneInfo(id, id, id, role, parent, parent == null ? 0 : 1,
                parent == null ? List.of() : List.of(parent), 1.0));
    }

    /** One candidate row: firm, zone, group-deciding fields; every criterion passes unless named in {@code fails} or {@code unknown}. */
    private static Row candidate(String code, String zone, boolean valid, String fails, double shortfall, String unknown,
                                 Integer sme) {
        List<Object> v = new ArrayList<>(List.of(zone, code, "企业" + code, "27", valid));
        int failed = 0;
        int unknowns = 0;
        for (String c : Criteria.HTE) {
            String status = c.equals(fails) ? "fail" : unknown != null && unknown.contains(c) ? "unknown" : "pass";
            failed += status.equals("fail") ? 1 : 0;
            unknowns += status.equals("unknown") ? 1 : 0;
            v.add(status);
            v.add(status.equals("fail") ? shortfall : null);
        }
        v.addAll(java.util.Arrays.asList(failed, unknowns, 0.05, sme, sme == null ? "unknown" : "pass", false, valid, 2023));
        return RowFactory.create(v.toArray());
    }

    private static Dataset<Row> candidates(List<Row> rows) {
        List<StructField> f = new ArrayList<>();
        add(f, DataTypes.StringType, "zone_id", "credit_code", "name", "industry_division");
        add(f, DataTypes.BooleanType, "is_hte_valid");
        for (String c : Criteria.HTE) {
            add(f, DataTypes.StringType, "hte_" + c + "_status");
            add(f, DataTypes.DoubleType, "hte_" + c + "_shortfall");
        }
        add(f, DataTypes.IntegerType, "hte_criteria_failed", "hte_criteria_unknown");
        add(f, DataTypes.DoubleType, "hte_rd_threshold");
        add(f, DataTypes.IntegerType, "sme_score");
        add(f, DataTypes.StringType, "sme_score_status");
        add(f, DataTypes.BooleanType, "is_tech_sme_latest", "hte_expiring_within_12m");
        add(f, DataTypes.IntegerType, "financial_year");
        return spark().createDataFrame(rows, new StructType(f.toArray(StructField[]::new)));
    }

    private static void add(List<StructField> fields, DataType type, String... names) {
        for (String n : names) {
            fields.add(DataTypes.createStructField(n, type, true));
        }
    }

    @Test
    void aFirmOfANestedHomeZoneIsListedOnceInItsFamilyUnderItsFinestZone() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String zone : List.of("home-a1", "home-a")) { // a firm of home-a1 is a candidate of both
            rows.add(candidate("F1", zone, false, null, 0, null, 60));
            rows.add(candidate("F3", zone, false, "rd", 0.005, null, 50));
            rows.add(candidate("F7", zone, false, null, 0, null, 80));
        }
        rows.add(candidate("F2", "home-a", false, "rd", 0.01, null, 90));
        rows.add(candidate("F4", "home-a", false, null, 0, "staff,rd", 70));
        rows.add(candidate("F5", "home-a", true, null, 0, null, null));
        rows.add(candidate("F6", "home-b", false, null, 0, null, null));
        CultivationList list = CultivationList.of(candidates(rows), ZONES);
        assertThrows(IllegalStateException.class, () -> list.count("home-a", "ready"), "read before it is streamed");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.writeCsv(out, (id, lang) -> "Z:" + id, (code, lang) -> "D:" + code);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertEquals('\uFEFF', csv.charAt(0));
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
        List<String> lines = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            // family, zone shown, credit code (kept as text by a leading tab), group
            lines.add(r.get(0) + " " + r.get(1) + " " + r.get(3).strip() + " " + r.get(6));
        }
        String ready = CultivationList.groupName("ready", Lang.ZH);
        String near = CultivationList.groupName("near", Lang.ZH);
        assertEquals(List.of(
                "Z:home-a Z:home-a1 F7 " + ready, // sme 80 before 60
                "Z:home-a Z:home-a1 F1 " + ready,
                "Z:home-a Z:home-a1 F3 " + near, // shortfall 0.005 before 0.01
                "Z:home-a Z:home-a F2 " + near,
                "Z:home-a Z:home-a F4 " + CultivationList.groupName("missing", Lang.ZH),
                "Z:home-a Z:home-a F5 " + CultivationList.groupName("renewal", Lang.ZH),
                "Z:home-b Z:home-b F6 " + ready), lines);

        assertEquals(2, list.count("home-a", "ready"));
        assertEquals(2, list.count("home-a", "near"));
        assertEquals(1, list.count("home-a", "missing"));
        assertEquals(1, list.count("home-a", "renewal"));
        assertEquals(1, list.count("home-b", "ready"));
        assertEquals(0, list.count("home-a1", "ready"), "a nested home zone is no family of its own");
        assertEquals(List.of("home-a", "home-b"), List.copyOf(list.shown().keySet()));
        assertEquals(List.of("F7", "F1"), list.shown().get("home-a").get("ready").stream()
                .map(CultivationList.Firm::creditCode).toList());
        // across families: all criteria met first, then by credit code
        assertEquals(List.of("F1", "F6", "F7"), list.nearest(3).stream().map(CultivationList.Firm::creditCode).toList());
    }
}
