package io.clusterbench.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

/** Everything downstream stages read: the zone tree and the typed staging datasets, never raw text. */
public record IngestResult(ZoneLoader.Loaded zones, StagedSource enterprises) {

    public List<StagedSource> staged() {
        return List.of(enterprises);
    }

    public Dataset<Row> rejects() {
        Dataset<Row> all = null;
        for (StagedSource s : staged()) {
            all = all == null ? s.rejects() : all.unionByName(s.rejects());
        }
        return all;
    }
}
