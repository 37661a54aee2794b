package io.clusterbench.policy;

import io.clusterbench.place.FirmActivity;
import io.clusterbench.zone.ZoneRole;
import io.clusterbench.config.JobConfig;
import io.clusterbench.ingest.IngestResult;
import io.clusterbench.link.LinkStage;
import io.clusterbench.metrics.MetricsStage;
import io.clusterbench.place.PlaceStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

/** The bureau's two asks: which firms to cultivate, which industries to concentrate on (and which are strong). */
public final class PolicyStage {
    public record Result(Dataset<Row> cultivationCandidates, Dataset<Row> industryOpportunities, Dataset<Row> strongClusters) {
    }

    private PolicyStage() {
    }

    /**
     * @param firms        the published firms table (read back from staging)
     * @param zoneIndustry the published zone_industry_metrics (read back from staging)
     */
    public static Result run(IngestResult ingest, PlaceStage.Result placed, LinkStage.Result links, MetricsStage.Result marts,
                             Dataset<Row> firms, Dataset<Row> zoneIndustry, JobConfig config) {
        int latestComplete = config.latestCompleteYear();
        Dataset<Row> homeZones = ZoneRole.ids(marts.zones(), ZoneRole.HOME);
        Dataset<Row> homeFirms = placed.firmZones()
                .filter(FirmActivity.activeIn(config.asOfYear()))
                .join(homeZones, "zone_id")
                .select(col("zone_id"), col("credit_code").as("_code"), col("hte_cert_dates"));
        // The home zones' active firms are few next to the whole registry: broadcast, so neither the registry nor
        // the patent counts are shuffled for them (the semi-join broadcasts their codes alone, a second and narrower
        // broadcast).
        Dataset<Row> home = broadcast(homeFirms);
        homeFirms = home.join(firms.select("credit_code", "name", "industry_division", "established_date",
                        "is_hte_valid", "is_tech_sme_latest", "employees"), col("_code").equalTo(col("credit_code")))
                .drop("_code");
        Dataset<Row> ip = links.patentCounts().join(home, col("pc_code").equalTo(col("_code")), "left_semi")
                .select(col("pc_code").as("ip_code"), col("invention_patents_valid").as("valid_inventions"),
                        col("other_patents_valid").as("valid_other_patents"));
        return new Result(
                CultivationCandidates.compute(homeFirms, ingest.financials() == null ? null : ingest.financials().staging(),
                        ip, config),
                IndustryOpportunities.compute(zoneIndustry.filter(col("year").equalTo(latestComplete)), marts.zones(),
                        marts.industryDivisions(), latestComplete),
                StrongClusters.compute(zoneIndustry));
    }
}
