package io.clusterbench.place;

import io.clusterbench.zone.ZoneTree;

import io.clusterbench.spark.Intermediates;
import io.clusterbench.config.JobConfig;
import io.clusterbench.ingest.IngestResult;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

/** Place: firms into their finest zone, then into every containing zone (the roll-up). */
public final class PlaceStage {
    private static final List<String> LABELS = List.of("zone_id", "coordinates", "address", "authority", "division",
            FirmPlacement.UNKNOWN_ZONE, FirmPlacement.UNPLACED);

    /**
     * @param firms      every accepted firm, placed, with its active years (int_firms_placed)
     * @param firmZones  one row per (enterprise firm, containing zone), {@code zone_id} the container and
     *                   {@code own_zone} true on the firm's own zone (int_firm_zones)
     * @param placement  firms per placement label, every label present
     */
    public record Result(Dataset<Row> firms, Dataset<Row> firmZones, Map<String, Long> placement) {
    }

    /**
     * What the marts read of a placed firm (the firms table, the zone roll-up, the industry reference). The
     * columns only ingest, matching and placement read (former and normalised names, address, authority,
     * coordinates, the capital as written) stay in staging, so the placed copy is about half as wide.
     */
    private static final Column[] KEPT = java.util.stream.Stream.of("credit_code", "name", "entity_kind",
            "ownership", "placed_zone_id", "placement", "industry_section", "industry_division", "industry_code",
            "established_date", "status", "deregistered_date", "active_from", "active_to",
            "registered_capital_cny_10k", "employees", "listing_board", "listing_date", "delisting_date",
            "tech_sme_years", "hte_cert_dates").map(org.apache.spark.sql.functions::col).toArray(Column[]::new);

    /**
     * What the later stages read of a firm in a containing zone. The rolled-up rows (a firm once per containing
     * zone) are kept with these columns only, not with the whole registry row.
     */
    private static final Column[] FIRM_ZONE_COLUMNS = java.util.stream.Stream.of("credit_code", "zone_id",
                    "own_zone", "placement", "industry_division", "active_from", "active_to", "established_date",
                    "deregistered_date", "employees", "listing_board", "listing_date", "delisting_date",
                    "tech_sme_years", "hte_cert_dates", "ownership")
            .map(org.apache.spark.sql.functions::col).toArray(Column[]::new);

    private PlaceStage() {
    }

    public static Result run(SparkSession spark, IngestResult ingest, JobConfig config, Intermediates keep) {
        ZoneTree tree = ingest.zones().tree();
        Dataset<Row> placed = keep.keep("int_firms_placed", FirmActivity.withActiveYears(
                FirmPlacement.place(spark, ingest.enterprises().staging(), tree), config).select(KEPT));
        Map<String, Long> counts = new LinkedHashMap<>();
        LABELS.forEach(l -> counts.put(l, 0L));
        for (Row r : placed.groupBy("placement").count().collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        Dataset<Row> firmZones = keep.keep("int_firm_zones", placed
                .filter(col("entity_kind").equalTo("enterprise").and(col("placed_zone_id").isNotNull()))
                .join(broadcast(ZoneRollup.containers(spark, tree)), "placed_zone_id")
                .withColumn("zone_id", col("container_zone_id"))
                .withColumn("own_zone", col("container_zone_id").equalTo(col("placed_zone_id")))
                .select(FIRM_ZONE_COLUMNS));
        return new Result(placed, firmZones, counts);
    }
}
