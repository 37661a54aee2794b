package io.clusterbench.publish;

import io.clusterbench.config.ConfigException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One run at a time per output directory, through {@code OUTPUT/_staging/.lock}, which names its holder so that a
 * second run can say who holds it.
 *
 * <p>On a local file system the lock is the operating system's exclusive lock on that file: taking it is atomic,
 * and it is released when the holder's process ends however it ends, so a killed run never blocks the next one.
 * The file itself stays (deleting it would let a process that opened it before the deletion lock a file no one
 * else sees). On a distributed file system (HDFS) the lock is the file's creation without overwrite, atomic on
 * the name node; a lock left by a run killed on this host (its process is gone) is taken over.
 */
public abstract class OutputLock implements AutoCloseable {

    public static OutputLock acquire(FileSystem fs, Path output, String runId) {
        Path lock = new Path(new Path(output, SnapshotPublisher.STAGING), ".lock");
        String me = host() + " " + ProcessHandle.current().pid() + " " + runId + " " + Instant.now();
        if ("file".equals(fs.getUri().getScheme())) {
            return Local.acquire(new File(fs.makeQualified(lock).toUri()), output, me);
        }
        return Created.acquire(fs, lock, output, me);
    }

    @Override
    public abstract void close();

    private static ConfigException busy(String holder, Object output, Object lock, boolean stillAlive) {
        String[] h = holder == null ? new String[0] : holder.split(" ");
        return new ConfigException("another clusterbench run (pid " + field(h, 1) + " on " + field(h, 0)
                + ", started " + field(h, 3) + ") is writing to " + output + "; wait for it to finish"
                + (stillAlive ? "" : ", or delete " + lock + " if that run is dead"));
    }

    /** The operating system's lock on a local file. */
    private static final class Local extends OutputLock {
        private final FileChannel channel;
        private final FileLock held;

        private Local(FileChannel channel, FileLock held) {
            this.channel = channel;
            this.held = held;
        }

        static OutputLock acquire(File file, Path output, String me) {
            FileChannel channel;
            try {
                channel = FileChannel.open(file.toPath(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                // read-only, immutable, or owned by someone else: the run could not write its output either
                throw new ConfigException("output directory " + output + " is not writable (cannot open " + file + ": "
                        + e.getClass().getSimpleName() + ")");
            }
            FileLock held = null;
            try {
                try {
                    held = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    held = null; // another run in this very JVM holds it
                }
                if (held == null) {
                    throw busy(read(file), output, file, true);
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
                return new Local(channel, held);
            } catch (IOException e) {
                close(channel, held);
                throw new ConfigException("cannot take the lock " + file + " of the output directory: " + e.getMessage());
            } catch (RuntimeException e) {
                close(channel, held);
                throw e;
            }
        }

        private static String read(File file) {
            try {
                return Files.readString(file.toPath(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return null;
            }
        }

        private static void close(FileChannel channel, FileLock held) {
            try {
                if (held != null) {
                    held.release();
                }
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel
            }
        }

        @Override
        public void close() {
            try {
                channel.truncate(0); // no holder named while no one holds it
            } catch (IOException ignored) {
                // only the holder's name is left behind
            }
            close(channel, held);
        }
    }

    /** A file created without overwrite (atomic on HDFS's name node). */
    private static final class Created extends OutputLock {
        private final FileSystem fs;
        private final Path lock;

        private Created(FileSystem fs, Path lock) {
            this.fs = fs;
            this.lock = lock;
        }

        static OutputLock acquire(FileSystem fs, Path lock, Path output, String me) {
            for (int attempt = 0; attempt < 2; attempt++) {
                try (FSDataOutputStream out = fs.create(lock, false)) {
                    out.write(me.getBytes(StandardCharsets.UTF_8));
                    return new Created(fs, lock);
                } catch (IOException exists) {
                    String holder = read(fs, lock);
                    if (holder != null && !stale(holder)) {
                        throw busy(holder, output, lock, false);
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

        private static String read(FileSystem fs, Path lock) {
            try (var in = fs.open(lock)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return null; // vanished between create and read: the next attempt will tell
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
}
