package io.clusterbench.ingest.hostile;

import io.clusterbench.SparkTestBase;
import io.clusterbench.TestInputs;
import io.clusterbench.spark.Intermediates;
import io.clusterbench.config.ConfigException;
import io.clusterbench.config.SourceOptions;
import io.clusterbench.ingest.EnterpriseParser;
import io.clusterbench.ingest.InputLayout;
import io.clusterbench.ingest.OneTaskRead;
import io.clusterbench.ingest.PatentParser;
import io.clusterbench.ingest.SourceAccount;
import io.clusterbench.ingest.SourceIngest;
import io.clusterbench.ingest.SourceParser;
import io.clusterbench.ingest.StagedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken files through ingest: each either stops with a clear error naming the file, or is read with every row
 * accounted for (read = accepted + rejected + after_as_of, staging and rejects agreeing, and as many rows as the
 * file read whole by one task gives, though the run cuts it into 97-byte ranges); never a crash inside Spark. The suite runs a fixed-seed sample; {@code -Dhostile.cases=1100} (scripts/hostile-corpus.sh) runs the
 * whole corpus.
 */
class HostileInputTest extends SparkTestBase {
    private static final long SPLIT_BYTES = 97;

    @TempDir
    Path dir;

    @Test
    void brokenFilesNeverCrashAndEveryRowIsAccountedFor() throws IOException {
        int count = Integer.getInteger("hostile.cases", 36);
        var config = TestInputs.config(dir, dir.resolve("out"), "2024-06-30");
        List<String> crashes = new ArrayList<>();
        long fileErrors = 0, readFiles = 0, rowsRead = 0, rowsAccounted = 0;
        for (HostileCorpus.Case c : HostileCorpus.generate(20241125L, count)) {
            Path in = dir.resolve("case-" + c.name());
            Path work = dir.resolve("work-" + c.name());
            Files.createDirectories(in);
            Files.write(in.resolve(c.source() + ".csv"), c.bytes());
            SourceParser parser = c.source().equals("patents") ? new PatentParser(config) : new EnterpriseParser(config);
            SourceOptions options = new SourceOptions(c.declaredEncoding(), ',', "wgs84", Map.of());
            long splitBytes = Math.max(SPLIT_BYTES, c.bytes().length / 32); // ≤ 32 ranges a file
            // Row for row (line, verdict, cells) or error for error, the cut file reads as the whole file does
            List<String> whole = OneTaskRead.rows(parser.spec(), in.resolve(c.source() + ".csv"), options);
            List<String> cut = OneTaskRead.rows(parser.spec(), in.resolve(c.source() + ".csv"), options, splitBytes);
            if (!whole.equals(cut)) {
                crashes.add(c.name() + ": cut into " + splitBytes + "-byte ranges it reads otherwise than whole");
            }
            try {
                // ranges of 97 bytes (fewer and larger for a huge file): boundaries fall everywhere
                StagedSource s = SourceIngest.ingest(spark(), InputLayout.open(in.toString(),
                        spark().sparkContext().hadoopConfiguration()), parser, options, null,
                        Intermediates.parquet(spark(), work.toString()), splitBytes); // kept as a run keeps them
                SourceAccount a = s.account();
                long staged = s.staging().count();
                long rejected = s.rejects().count();
                readFiles++;
                rowsRead += a.read();
                long oneTask = whole.size();
                if (staged == a.accepted() && rejected == a.rejected() && a.read() == a.accepted() + a.rejected() + a.afterAsOf()
                        && a.read() == oneTask) {
                    rowsAccounted += a.read();
                } else {
                    crashes.add(c.name() + ": accounting broken (" + oneTask + " rows read whole) " + a);
                }
            } catch (ConfigException e) {
                fileErrors++;
                if (!e.getMessage().contains(c.source() + ".csv") || e.getMessage().contains("\n")) {
                    crashes.add(c.name() + ": file-level error without the file's name: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                crashes.add(c.name() + ": " + e);
            }
            deleteTree(in);
            deleteTree(work);
        }
        String report = String.format("hostile corpus: files tried %d, read %d, stopped with a clear error %d, crashes %d, "
                        + "rows accounted for %d/%d (%.1f %%)", count, readFiles, fileErrors, crashes.size(), rowsAccounted,
                rowsRead, rowsRead == 0 ? 100.0 : 100.0 * rowsAccounted / rowsRead);
        System.out.println(report);
        Files.writeString(Path.of("target/hostile-corpus-report.txt"), report + "\n" + String.join("\n", crashes) + "\n");
        assertEquals(List.of(), crashes);
        assertEquals(rowsRead, rowsAccounted);
        assertTrue(readFiles > 0 && fileErrors > 0, "the corpus exercises both outcomes");
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return; // no work area when the file stopped with an error before parsing
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
