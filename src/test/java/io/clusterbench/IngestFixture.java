package io.clusterbench;

import io.clusterbench.spark.Intermediates;

import io.clusterbench.config.JobConfig;
import io.clusterbench.config.JobConfigLoader;
import io.clusterbench.ingest.IngestResult;
import io.clusterbench.ingest.IngestStage;
import io.clusterbench.ingest.SourceAccount;
import io.clusterbench.ingest.StagedSource;
import org.apache.spark.sql.Row;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs only the ingest stage over a test input directory, with an optional job file. */
public final class IngestFixture {
    private IngestFixture() {
    }

    public static IngestResult ingest(Path input, String jobYaml, String asOf) {
        return ingest(input, jobYaml, asOf, Intermediates.inMemory());
    }

    /** As above, keeping the parsed datasets where {@code keep} says (tests watch what was parsed). */
    public static IngestResult ingest(Path input, String jobYaml, String asOf, Intermediates keep) {
        Path job = TestInputs.write(input.resolveSibling(input.getFileName() + "-job.yaml"),
                "input: " + input + "\noutput: " + input.resolveSibling("unused-out") + "\nas_of: " + asOf + "\n"
                        + (jobYaml == null ? "" : jobYaml));
        JobConfig config = JobConfigLoader.load(job, JobConfigLoader.Overrides.NONE);
        return IngestStage.run(SparkTestBase.spark(), config, IngestStage.prepare(SparkTestBase.spark(), config), keep);
    }

    /** Rejects as "source|file|line|reason" strings, sorted. */
    public static List<String> rejects(IngestResult r) {
        return r.rejects().collectAsList().stream()
                .map(x -> x.getString(0) + "|" + x.getString(1) + "|" + x.getLong(2) + "|" + x.getString(3))
                .sorted().toList();
    }

    public static void assertAccounted(StagedSource s) {
        SourceAccount a = s.account();
        assertEquals(a.read(), a.accepted() + a.rejected() + a.afterAsOf(), a.source());
        assertEquals(a.accepted(), s.staging().count(), a.source() + " staging rows");
        assertEquals(a.rejected(), s.rejects().count(), a.source() + " reject rows");
        long byReason = a.rejectedByReason().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(a.rejected(), byReason, a.source() + " rejects by reason");
        Map<String, Long> stagedFlags = new java.util.TreeMap<>();
        for (Row r : s.staging().select(org.apache.spark.sql.functions.explode(
                org.apache.spark.sql.functions.col("flags"))).groupBy("col").count().collectAsList()) {
            stagedFlags.put(r.getString(0), r.getLong(1));
        }
        assertEquals(stagedFlags, a.flags(), a.source() + " flags of the accepted rows");
    }

    public static Row only(List<Row> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }
}
