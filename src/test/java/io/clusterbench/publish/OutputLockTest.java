package io.clusterbench.publish;

import io.clusterbench.config.ConfigException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One holder per output directory, however many runs try at the same moment. */
class OutputLockTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void fourConcurrentAcquirersGetExactlyOneHolderInEveryRound() throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        Path output = new Path(dir.toUri());
        Files.createDirectories(dir.resolve(SnapshotPublisher.STAGING));
        int rounds = 200;
        int contenders = 4;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            int exactlyOne = 0;
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier start = new CyclicBarrier(contenders);
                List<Future<OutputLock>> tries = new ArrayList<>();
                for (int c = 0; c < contenders; c++) {
                    String runId = "20240630T000000Z-" + Integer.toHexString(round * contenders + c);
                    tries.add(pool.submit(() -> {
                        start.await();
                        try {
                            return OutputLock.acquire(fs, output, runId);
                        } catch (ConfigException busy) {
                            assertTrue(busy.getMessage().startsWith("another clusterbench run"), busy.getMessage());
                            return null;
                        }
                    }));
                }
                List<OutputLock> holders = new ArrayList<>();
                for (Future<OutputLock> t : tries) {
                    OutputLock l = t.get();
                    if (l != null) {
                        holders.add(l);
                    }
                }
                if (holders.size() == 1) {
                    exactlyOne++;
                }
                holders.forEach(OutputLock::close);
            }
            assertEquals(rounds, exactlyOne, "rounds with exactly one holder");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHolderIsNamedWhileHeldAndTheLockIsFreeAfterwards() throws IOException {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        Path output = new Path(dir.toUri());
        Files.createDirectories(dir.resolve(SnapshotPublisher.STAGING));
        try (OutputLock held = OutputLock.acquire(fs, output, "20240630T000000Z-a")) {
            String holder = Files.readString(dir.resolve("_staging/.lock"));
            assertTrue(holder.contains(" " + ProcessHandle.current().pid() + " 20240630T000000Z-a "), holder);
            ConfigException busy = assertThrows(ConfigException.class,
                    () -> OutputLock.acquire(fs, output, "20240630T000000Z-b"));
            assertTrue(busy.getMessage().contains("pid " + ProcessHandle.current().pid()), busy.getMessage());
        }
        OutputLock.acquire(fs, output, "20240630T000000Z-c").close();
    }
}
