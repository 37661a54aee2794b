package io.clusterbench.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The DuckDB reference of scripts/bench.sh: what an analyst on one machine would otherwise write — plain SQL over
 * the same CSV files, through DuckDB's JDBC driver — for the core zone-year figures: active firms per zone and
 * year with the roll-up, firm density, and patents applied (whole counting). It follows metrics.md literally and
 * shares no code with the pipeline, so agreement is evidence.
 *
 * <p>It relies on the generator's shape where plain SQL cannot follow the contract in general: zone boundaries
 * are rectangles (bounding-box test), names carry no whitespace or full-width characters, and bad rows are of
 * kinds SQL detects (empty or malformed keys, unparseable dates, short rows). It is a check of the pipeline on
 * generated data, not a second implementation of the contract.
 *
 * <pre>
 *   compute INPUT_DIR AS_OF FIRST_YEAR OUT.csv     → the reference figures
 *   compare REFERENCE.csv PIPELINE_OUTPUT_DIR AS_OF → differences against zone_year_metrics; exit 1 if any
 * </pre>
 */
public final class DuckDbReference {
    private DuckDbReference() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            if (args[0].equals("compute")) {
                compute(s, args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
            } else {
                System.exit(compare(s, args[1], args[2], args[3]));
            }
        }
    }

    private static void compute(Statement s, String input, String asOf, int firstYear, Path out) throws SQLException, IOException {
        String in = Path.of(input).toAbsolutePath().toString();
        String csv = "header = true, all_varchar = true, null_padding = true, delim = ',', quote = '\"'";
        String date = "COALESCE(try_strptime(%1$s, '%%Y-%%m-%%d'), try_strptime(%1$s, '%%Y/%%m/%%d'),"
                + " try_strptime(%1$s, '%%Y年%%m月%%d日'))::DATE";
        String asOfDate = "DATE '" + asOf + "'";
        int asOfYear = Integer.parseInt(asOf.substring(0, 4));
        List<String> steps = List.of(
                "CREATE TABLE zones AS SELECT zone_id, NULLIF(parent_zone_id, '') AS parent, CAST(area_km2 AS DOUBLE) AS area,"
                        + " boundary_wkt, match_patterns FROM read_csv('" + in + "/zones.csv', " + csv + ")",
                // every zone with each of its ancestors (itself included) and its depth in the tree
                "CREATE TABLE zone_ancestors AS WITH RECURSIVE a(zone_id, ancestor) AS ("
                        + " SELECT zone_id, zone_id FROM zones UNION ALL"
                        + " SELECT a.zone_id, z.parent FROM a JOIN zones z ON z.zone_id = a.ancestor WHERE z.parent IS NOT NULL)"
                        + " SELECT * FROM a",
                "CREATE TABLE zone_depth AS SELECT zone_id, count(*) - 1 AS depth FROM zone_ancestors GROUP BY zone_id",
                "CREATE TABLE zone_box AS SELECT zone_id, list_min(xs) AS x0, list_max(xs) AS x1, list_min(ys) AS y0, list_max(ys) AS y1"
                        + " FROM (SELECT zone_id, list_transform(list_filter(n, (v, i) -> i % 2 = 1), v -> CAST(v AS DOUBLE)) AS xs,"
                        + " list_transform(list_filter(n, (v, i) -> i % 2 = 0), v -> CAST(v AS DOUBLE)) AS ys"
                        + " FROM (SELECT zone_id, regexp_extract_all(boundary_wkt, '-?[0-9]+(?:\\.[0-9]+)?') AS n FROM zones"
                        + " WHERE boundary_wkt IS NOT NULL AND boundary_wkt <> ''))",
                // one row per condition of every rule: rules OR'ed (;), conditions AND'ed (&)
                "CREATE TABLE zone_conditions AS SELECT zone_id, rule_no, split_part(cond, ':', 1) AS kind,"
                        + " substr(cond, length(split_part(cond, ':', 1)) + 2) AS val FROM ("
                        + " SELECT zone_id, rule_no, unnest(string_split(rule, '&')) AS cond FROM ("
                        + " SELECT zone_id, generate_subscripts(string_split(match_patterns, ';'), 1) AS rule_no,"
                        + " unnest(string_split(match_patterns, ';')) AS rule FROM zones WHERE match_patterns <> ''))",
                // accepted enterprise rows: a well-formed code, a readable establishment date on or before as_of;
                // verbatim duplicates collapse to one row
                "CREATE TABLE firms AS SELECT DISTINCT ON (code) * FROM ("
                        + " SELECT upper(trim(credit_code)) AS code, name, enterprise_type, NULLIF(zone_id, '') AS zone_id,"
                        + " TRY_CAST(lon AS DOUBLE) AS lon, TRY_CAST(lat AS DOUBLE) AS lat, address, authority, status,"
                        + " " + String.format(date, "established_date") + " AS est, " + String.format(date, "deregistered_date") + " AS exit"
                        + " FROM read_csv('" + in + "/enterprises/*.csv', " + csv + "))"
                        + " WHERE regexp_full_match(code, '[0-9A-HJ-NPQRTUWXY]{18}') AND est IS NOT NULL AND est <= " + asOfDate,
                "ALTER TABLE firms ADD COLUMN enterprise BOOLEAN",
                "UPDATE firms SET enterprise = starts_with(code, '91') AND NOT (name LIKE '%分公司' OR name LIKE '%分厂'"
                        + " OR name LIKE '%办事处' OR name LIKE '%分店' OR coalesce(enterprise_type, '') LIKE '%分公司%')",
                // placement, first that applies: zone_id; point in boundary; text rules
                "CREATE TABLE by_zone_id AS SELECT code, CASE WHEN zone_id IN (SELECT zone_id FROM zones) THEN zone_id END AS zone"
                        + " FROM firms WHERE zone_id IS NOT NULL",
                "CREATE TABLE by_point AS SELECT code, arg_min(b.zone_id, (z.area, -d.depth, b.zone_id)) AS zone"
                        + " FROM firms f JOIN zone_box b ON f.lon BETWEEN b.x0 AND b.x1 AND f.lat BETWEEN b.y0 AND b.y1"
                        + " JOIN zones z ON z.zone_id = b.zone_id JOIN zone_depth d ON d.zone_id = b.zone_id"
                        + " WHERE f.zone_id IS NULL GROUP BY code",
                "CREATE TABLE by_text AS SELECT code, arg_min(zone_id, (-depth, area, zone_id)) AS zone FROM ("
                        + " SELECT f.code, c.zone_id, c.rule_no FROM firms f CROSS JOIN zone_conditions c"
                        + " WHERE f.zone_id IS NULL AND f.code NOT IN (SELECT code FROM by_point)"
                        + " GROUP BY f.code, c.zone_id, c.rule_no"
                        + " HAVING bool_and(CASE c.kind WHEN 'address' THEN contains(coalesce(f.address, ''), c.val)"
                        + " WHEN 'authority' THEN contains(coalesce(f.authority, ''), c.val)"
                        + " WHEN 'division' THEN starts_with(substr(f.code, 3, 6), c.val) ELSE false END)) m"
                        + " JOIN zones USING (zone_id) JOIN zone_depth USING (zone_id) GROUP BY code",
                "CREATE TABLE placed AS SELECT f.code, coalesce(i.zone, p.zone, t.zone) AS zone FROM firms f"
                        + " LEFT JOIN by_zone_id i USING (code) LEFT JOIN by_point p USING (code) LEFT JOIN by_text t USING (code)"
                        + " WHERE f.enterprise AND (i.code IS NOT NULL AND i.zone IS NOT NULL"
                        + " OR i.code IS NULL AND coalesce(p.zone, t.zone) IS NOT NULL)",
                // a firm counts in its zone and every ancestor
                "CREATE TABLE firm_zone AS SELECT p.code, a.ancestor AS zone_id FROM placed p JOIN zone_ancestors a ON a.zone_id = p.zone",
                "CREATE TABLE years AS SELECT y::INTEGER AS year, least(make_date(y::INTEGER, 12, 31), " + asOfDate + ") AS cutoff"
                        + " FROM range(" + firstYear + ", " + (asOfYear + 1) + ") t(y)",
                "CREATE TABLE active AS SELECT fz.zone_id, y.year, count(*) AS firms_active FROM firm_zone fz"
                        + " JOIN firms f ON f.code = fz.code JOIN years y ON f.est <= y.cutoff"
                        + " AND (CASE WHEN f.exit > " + asOfDate + " THEN NULL ELSE f.exit END IS NULL"
                        + " OR CASE WHEN f.exit > " + asOfDate + " THEN NULL ELSE f.exit END > y.cutoff)"
                        + " AND NOT (y.year = " + asOfYear + " AND (f.exit IS NULL OR f.exit > " + asOfDate + ")"
                        + " AND f.status IN ('注销', 'deregistered', '吊销', '吊销,未注销', '撤销', 'revoked', '迁出', 'moved_out'))"
                        + " GROUP BY ALL",
                // patents: a well-formed number, a readable application date on or before as_of; one per application
                "CREATE TABLE patents AS SELECT DISTINCT ON (app_no) * FROM ("
                        + " SELECT \"申请号\" AS app_no, try_strptime(\"申请日\", '%Y-%m-%d')::DATE AS applied,"
                        + " string_split(\"申请(专利权)人\", ';') AS names, string_split(\"申请人统一社会信用代码\", ';') AS codes"
                        + " FROM read_csv('" + in + "/patents/*.csv', " + csv + "))"
                        + " WHERE regexp_full_match(app_no, '[0-9]{12}\\.[0-9X]') AND applied IS NOT NULL AND applied <= " + asOfDate,
                // an applicant with a code is matched by the code only, else by its name
                "CREATE TABLE applicants AS SELECT app_no, year(applied) AS year, trim(names[i]) AS name,"
                        + " NULLIF(trim(codes[i]), '') AS code FROM (SELECT *, generate_subscripts(names, 1) AS i FROM patents)",
                "CREATE TABLE applicant_firms AS"
                        + " SELECT a.app_no, a.year, f.code FROM applicants a JOIN firms f ON f.code = upper(a.code) WHERE a.code IS NOT NULL"
                        + " UNION ALL"
                        + " SELECT a.app_no, a.year, f.code FROM applicants a JOIN firms f ON f.name = a.name WHERE a.code IS NULL",
                "CREATE TABLE applied AS SELECT fz.zone_id, af.year, count(DISTINCT af.app_no) AS patents_applied"
                        + " FROM applicant_firms af JOIN firm_zone fz ON fz.code = af.code GROUP BY ALL",
                "CREATE TABLE reference AS SELECT z.zone_id, y.year, coalesce(a.firms_active, 0) AS firms_active,"
                        + " coalesce(a.firms_active, 0) / z.area AS firm_density_per_km2, coalesce(p.patents_applied, 0) AS patents_applied"
                        + " FROM zones z CROSS JOIN years y LEFT JOIN active a ON a.zone_id = z.zone_id AND a.year = y.year"
                        + " LEFT JOIN applied p ON p.zone_id = z.zone_id AND p.year = y.year");
        for (String sql : steps) {
            s.execute(sql);
        }
        try (ResultSet r = s.executeQuery("SELECT * FROM reference ORDER BY zone_id, year");
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println("zone_id,year,firms_active,firm_density_per_km2,patents_applied");
            while (r.next()) {
                w.println(r.getString(1) + "," + r.getInt(2) + "," + r.getLong(3) + "," + r.getDouble(4) + "," + r.getLong(5));
            }
        }
    }

    /** Row-for-row comparison with the pipeline's zone_year_metrics (exact, doubles included); returns the exit code. */
    private static int compare(Statement s, String referenceCsv, String output, String asOf) throws SQLException {
        String zym = Path.of(output).toAbsolutePath() + "/zone_year_metrics/as_of=" + asOf + "/*.parquet";
        s.execute("CREATE TABLE ref AS SELECT * FROM read_csv('" + referenceCsv + "', header = true,"
                + " columns = {'zone_id': 'VARCHAR', 'year': 'INTEGER', 'firms_active': 'BIGINT',"
                + " 'firm_density_per_km2': 'DOUBLE', 'patents_applied': 'BIGINT'})");
        s.execute("CREATE TABLE pipe AS SELECT zone_id, year::INTEGER AS year, firms_active, firm_density_per_km2, patents_applied"
                + " FROM read_parquet('" + zym + "')");
        long rows = scalar(s, "SELECT count(*) FROM ref");
        long differing = scalar(s, "SELECT count(*) FROM (SELECT * FROM ref EXCEPT ALL SELECT * FROM pipe"
                + " UNION ALL (SELECT * FROM pipe EXCEPT ALL SELECT * FROM ref))");
        if (differing > 0) {
            try (ResultSet r = s.executeQuery("SELECT 'reference' AS side, * FROM (SELECT * FROM ref EXCEPT ALL SELECT * FROM pipe)"
                    + " UNION ALL SELECT 'pipeline', * FROM (SELECT * FROM pipe EXCEPT ALL SELECT * FROM ref) ORDER BY 2, 3, 1 LIMIT 20")) {
                while (r.next()) {
                    System.out.println("  " + r.getString(1) + ": " + r.getString(2) + " " + r.getInt(3) + " firms_active="
                            + r.getLong(4) + " density=" + r.getDouble(5) + " patents_applied=" + r.getLong(6));
                }
            }
        }
        long firms = scalar(s, "SELECT coalesce(sum(firms_active), 0) FROM ref");
        long patents = scalar(s, "SELECT coalesce(sum(patents_applied), 0) FROM ref");
        System.out.printf("core figures: %d zone-years (firms_active, firm_density_per_km2, patents_applied; Σ firms_active %,d,"
                + " Σ patents_applied %,d): %s%n", rows, firms, patents,
                differing == 0 ? "pipeline and DuckDB agree exactly" : differing + " rows differ");
        return differing == 0 ? 0 : 1;
    }

    private static long scalar(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
