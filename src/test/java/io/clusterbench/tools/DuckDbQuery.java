package io.clusterbench.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * One SQL query through DuckDB's JDBC driver, its rows printed one per line with values joined by commas: how
 * the scripts read published Parquet the way an analyst would (scripts/lib/duckdb-query.sh).
 */
public final class DuckDbQuery {
    private DuckDbQuery() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(args[0])) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "," : "").append(rs.getString(i));
                }
                System.out.println(b);
            }
        }
    }
}
