package io.clusterbench.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything downstream stages read: the zone tree and the typed staging datasets, never raw text.
 * Optional sources absent from the input are null.
 */
public record IngestResult(ZoneLoader.Loaded zones, StagedSource enterprises, StagedSource patents,
                           StagedSource financials, StagedSource funding, StagedSource publishedFigures) {

    /** The sources present, in the contract's order. */
    public List<StagedSource> staged() {
        return Stream.of(enterprises, patents, financials, funding, publishedFigures).filter(Objects::nonNull).toList();
    }

    public Dataset<Row> rejects() {
        Dataset<Row> all = null;
        for (StagedSource s : staged()) {
            all = all == null ? s.rejects() : all.unionByName(s.rejects());
        }
        return all;
    }
}
