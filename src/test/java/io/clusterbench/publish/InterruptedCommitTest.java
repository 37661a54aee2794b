package io.clusterbench.publish;

import io.clusterbench.SparkTestBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A commit stopped after each of its steps, as a crash in the publish step would stop it: readers see every
 * table either whole as it was, whole as it is now, or absent (never a mix), no _SUCCESS until the end, and the
 * next run repairs the snapshot. scripts/kill-test.sh does the same with SIGKILL on the whole JVM.
 */
class InterruptedCommitTest extends SparkTestBase {
    private static final List<String> TABLES = List.of("a", "b", "c");
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    @TempDir
    Path dir;

    private void publish(Path out, String version, SnapshotPublisher.CommitSteps steps) {
        try (SnapshotPublisher p = SnapshotPublisher.open(out.toString(), new Configuration(), AS_OF, SnapshotPublisher.runId(java.time.Instant.now()))) {
            for (String t : TABLES) {
                Dataset<Row> rows = spark().range(3).selectExpr("'" + version + "' AS version", "id");
                p.stage(t, rows, 1);
            }
            p.commit(TABLES, "{\"version\": \"" + version + "\"}", steps);
        }
    }

    private List<String> visibleVersions(Path out) {
        List<String> seen = new ArrayList<>();
        for (String t : TABLES) {
            Path part = out.resolve(t).resolve("as_of=" + AS_OF);
            if (!Files.exists(part)) {
                seen.add("absent");
                continue;
            }
            List<String> versions = spark().read().parquet(part.toString()).select("version").distinct()
                    .as(Encoders.STRING()).collectAsList();
            assertEquals(1, versions.size(), t + " mixes versions " + versions);
            assertEquals(3, spark().read().parquet(part.toString()).count(), t + " is partial");
            seen.add(versions.get(0));
        }
        return seen;
    }

    @Test
    void aCommitStoppedAtAnyStepNeverShowsAPartialSnapshot() {
        List<String> steps = new ArrayList<>(List.of("success removed"));
        TABLES.forEach(t -> steps.add("swapped " + t));
        steps.add("summary written");
        for (String stopAt : steps) {
            Path out = dir.resolve("out-" + steps.indexOf(stopAt));
            publish(out, "v1", s -> { });
            assertThrows(IllegalStateException.class, () -> publish(out, "v2", s -> {
                if (s.equals(stopAt)) {
                    throw new IllegalStateException("stopped after " + s);
                }
            }));
            List<String> seen = visibleVersions(out);
            assertTrue(seen.stream().allMatch(v -> v.equals("v1") || v.equals("v2")), stopAt + ": " + seen);
            assertFalse(Files.exists(out.resolve("_runs/as_of=" + AS_OF + "/_SUCCESS")), stopAt + ": _SUCCESS before the end");

            publish(out, "v3", s -> { });
            assertEquals(List.of("v3", "v3", "v3"), visibleVersions(out), "the next run repairs the snapshot");
            assertTrue(Files.exists(out.resolve("_runs/as_of=" + AS_OF + "/_SUCCESS")));
        }
    }
}
