package io.clusterbench.zone;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;

/** A zone's part in the comparison: the home zone(s) under study, the benchmarks they are measured against, peers. */
public final class ZoneRole {
    public static final String HOME = "home";
    public static final String BENCHMARK = "benchmark";
    public static final String PEER = "peer";

    private ZoneRole() {
    }

    /** The zone_id of every zone of the zones table with that role. */
    public static Dataset<Row> ids(Dataset<Row> zones, String role) {
        return zones.filter(col("role").equalTo(role)).select("zone_id");
    }
}
