package io.clusterbench.publish;

import io.clusterbench.config.ConfigException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One run at a time per output directory: {@code OUTPUT/_staging/.lock} is created atomically (create without
 * overwrite) and names its holder. A second run refuses with a message saying who holds it. A lock left by a
 * run that was killed on this host (its process is gone) is taken over, so a scheduler's retry just works.
 */
public final class OutputLock implements AutoCloseable {
    private final FileSystem fs;
    private final Path lock;

    private OutputLock(FileSystem fs, Path lock) {
        this.fs = fs;
        this.lock = lock;
    }

    public static OutputLock acquire(FileSystem fs, Path output, String runId) {
        Path lock = new Path(new Path(output, SnapshotPublisher.STAGING), ".lock");
        String me = host() + " " + ProcessHandle.current().pid() + " " + runId + " " + Instant.now();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (FSDataOutputStream out = fs.create(lock, false)) {
                out.write(me.getBytes(StandardCharsets.UTF_8));
                return new OutputLock(fs, lock);
            } catch (IOException exists) {
                String holder = read(fs, lock);
                if (holder != null && !stale(holder)) {
                    String[] h = holder.split(" ");
                    throw new ConfigException("another clusterbench run (pid " + field(h, 1) + " on " + field(h, 0)
                            + ", started " + field(h, 3) + ") is writing to " + output + "; wait for it to finish, or delete "
                            + lock + " if that run is dead");
                }
                try {
                    fs.delete(lock, false); // the holder is gone: take over
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new ConfigException("cannot take the lock " + lock + " of the output directory");
    }

    /** A lock whose holder ran on this host and whose process no longer exists (killed, crashed). */
    static boolean stale(String holder) {
        String[] h = holder.split(" ");
        if (h.length < 2 || !h[0].equals(host())) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(h[1])).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String read(FileSystem fs, Path lock) {
        try (var in = fs.open(lock)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null; // vanished between create and read: the next attempt will tell
        }
    }

    private static String field(String[] h, int i) {
        return i < h.length ? h[i] : "?";
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    @Override
    public void close() {
        try {
            fs.delete(lock, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
