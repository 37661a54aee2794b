package io.clusterbench.publish;

import io.clusterbench.config.ConfigException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Publishes one snapshot so that readers never see half of it (outputs.md): every table is first written whole
 * under {@code OUTPUT/_staging/RUN_ID/}, then the snapshot's {@code _SUCCESS} is removed, each table's
 * {@code as_of=} partition is swapped in by directory renames, and the run summary and {@code _SUCCESS} come
 * last. A killed run leaves at most an unreferenced staging directory, which later runs ignore.
 */
public final class SnapshotPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPublisher.class);
    public static final String RUNS = "_runs";
    public static final String STAGING = "_staging";
    public static final String SUCCESS = "_SUCCESS";
    public static final String SUMMARY_FILE = "run_summary.json";

    /** The names of runs' staging directories: the only directories under _staging that a run ever removes. */
    private static final Pattern RUN_DIRECTORY = Pattern.compile("(\\d{8}T\\d{6}Z|report)-[0-9a-f]{1,16}");
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final FileSystem fs;
    private final Path output;
    private final String partition;
    private final Path staging;
    private OutputLock lock;
    /** Set when a failed commit could not put every table back: the replaced partitions stay in staging. */
    private boolean keepStaging;

    private SnapshotPublisher(FileSystem fs, Path output, LocalDate asOf, String runId) {
        this.fs = fs;
        this.output = output;
        this.partition = "as_of=" + asOf;
        this.staging = new Path(new Path(output, STAGING), runId);
    }

    /** A pipeline run's id (and staging directory name): its start time, then a random suffix. */
    public static String runId(Instant started) {
        return RUN_TIME.format(started) + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    /** The id of a run that only rebuilds the report. */
    public static String reportRunId() {
        return "report-" + Long.toHexString(System.nanoTime());
    }

    /**
     * Refuses an input directory inside the output directory: a run removes what it finds of earlier runs under
     * the output, and nothing a user put there may be mistaken for that.
     */
    public static void refuseInputInside(String inputDir, String outputDir, Configuration conf) {
        try {
            Path in = new Path(inputDir);
            Path out = new Path(outputDir);
            FileSystem inFs = in.getFileSystem(conf);
            FileSystem outFs = out.getFileSystem(conf);
            String i = inFs.makeQualified(in).toString();
            String o = outFs.makeQualified(out).toString();
            if (i.equals(o) || i.startsWith(o.endsWith("/") ? o : o + "/")) {
                throw new ConfigException("input " + inputDir + " lies inside the output directory " + outputDir
                        + "; move the input, or write the output elsewhere");
            }
        } catch (IOException e) {
            throw new ConfigException("cannot resolve the input or output path: " + ConfigException.firstLine(e));
        }
    }

    /** Checks up front, before any Spark job, that the output directory can be written. */
    public static SnapshotPublisher open(String outputDir, Configuration conf, LocalDate asOf, String runId) {
        if (!RUN_DIRECTORY.matcher(runId).matches()) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        try {
            Path p = new Path(outputDir);
            FileSystem fs = p.getFileSystem(conf);
            Path output = fs.makeQualified(p);
            if (fs.exists(output) && !fs.getFileStatus(output).isDirectory()) {
                throw new ConfigException("output " + outputDir + " exists and is not a directory");
            }
            SnapshotPublisher pub = new SnapshotPublisher(fs, output, asOf, runId);
            if (!fs.mkdirs(pub.staging.getParent())) {
                throw new ConfigException("output directory " + outputDir + " is not writable");
            }
            pub.lock = OutputLock.acquire(fs, output, runId);
            try {
                pub.removeLeftoverStaging();
                fs.mkdirs(pub.staging);
                Path probe = new Path(pub.staging, ".write-check");
                fs.create(probe, true).close();
                fs.delete(probe, false);
            } catch (IOException | RuntimeException e) {
                pub.close();
                throw e;
            }
            return pub;
        } catch (IOException e) {
            throw new ConfigException("output directory " + outputDir + " is not writable: " + ConfigException.firstLine(e));
        }
    }

    /**
     * Staging areas of earlier runs that were killed; safe to remove once this run holds the lock. Only
     * directories named as runs name them are removed: anything else under _staging is not ours to delete.
     */
    private void removeLeftoverStaging() throws IOException {
        for (var st : fs.listStatus(staging.getParent())) {
            String name = st.getPath().getName();
            if (st.isDirectory() && RUN_DIRECTORY.matcher(name).matches()) {
                if (fs.exists(new Path(st.getPath(), KEPT_MARKER))) {
                    LOG.warn("{} holds partitions a failed commit could not put back; left alone: inspect it and"
                            + " remove it by hand", st.getPath());
                    continue;
                }
                LOG.info("removing leftover staging {} of an interrupted run", name);
                fs.delete(st.getPath(), true);
            } else if (st.isDirectory()) {
                LOG.warn("{} under {} is not a run's staging directory; left alone", name, staging.getParent());
            }
        }
    }

    /**
     * Removes this run's staging directory (after a commit, or a run that stopped: nothing of it is kept) and
     * releases the output directory's lock.
     */
    @Override
    public void close() {
        if (lock != null) {
            removeStaging();
            lock.close();
            lock = null;
        }
    }

    public Path output() {
        return output;
    }

    /** Writes one table whole into the staging area; nothing is visible to readers yet. */
    public void stage(String table, Dataset<Row> data, int files) {
        long t0 = System.nanoTime();
        data.coalesce(Math.max(1, files)).write().mode(SaveMode.Overwrite).parquet(new Path(staging, table).toString());
        LOG.info("staged {} in {} ms", table, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Writes one file of a non-Parquet output (the report) into staging, the writer filling it. */
    public void stageFile(String table, String fileName, FileWriter writer) {
        try (FSDataOutputStream out = fs.create(new Path(new Path(staging, table), fileName), true)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + table + "/" + fileName, e);
        }
    }

    @FunctionalInterface
    public interface FileWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    /** A file of a published non-Parquet output of this snapshot (the report's), if present. */
    public java.util.Optional<String> readPublishedFile(String table, String fileName) {
        Path p = new Path(new Path(new Path(output, table), partition), fileName);
        try {
            if (!fs.exists(p)) {
                return java.util.Optional.empty();
            }
            try (var in = fs.open(p)) {
                return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }


    /**
     * Replaces one table's partition of an already published snapshot (the {@code report} command): staged,
     * then swapped in whole, then the staging area removed.
     */
    public void replaceOne(String table) {
        Progress done = new Progress();
        try {
            swapIn(table, done);
        } catch (IOException e) {
            if (done.stranded != null) {
                keepStaging = true;
                markKept();
                throw new ConfigException("cannot publish " + table + " under " + output + " (" + ConfigException.firstLine(e)
                        + "); its previous partition could not be put back and is kept under " + staging);
            }
            throw new ConfigException("cannot publish " + table + " under " + output + " (" + ConfigException.firstLine(e)
                    + "); the published " + table + " is unchanged");
        }
    }

    /** Reads a table of the published snapshot of this as_of. */
    public Dataset<Row> readPublished(org.apache.spark.sql.SparkSession spark, String table) {
        return spark.read().parquet(new Path(new Path(output, table), partition).toString());
    }

    /** Whether this as_of has a complete published snapshot. */
    public boolean published() {
        try {
            return fs.exists(new Path(new Path(new Path(output, RUNS), partition), SUCCESS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published run summary of this as_of. */
    public String publishedSummary() {
        try (var in = fs.open(new Path(new Path(new Path(output, RUNS), partition), SUMMARY_FILE))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where this run keeps its staging and intermediate datasets (never published): inside the run's staging
     * area, so that a commit removes them and a killed run's are removed with its leftover staging.
     */
    public String workDir() {
        return new Path(staging, "_work").toString();
    }

    /** Reads a staged table back, so later stages build on the written result instead of recomputing it. */
    public Dataset<Row> readStaged(org.apache.spark.sql.SparkSession spark, String table) {
        return spark.read().parquet(new Path(staging, table).toString());
    }

    /** Makes the staged tables the snapshot of this as_of, then writes the summary and _SUCCESS. */
    public void commit(Iterable<String> tables, String summaryJson) {
        commit(tables, summaryJson, observers());
    }

    /**
     * Whoever watches the steps of a commit: the {@link CommitSteps} implementations on the class path
     * (ServiceLoader), none in a normal run. The kill test puts one on the class path that holds the commit
     * at a chosen step so that its SIGKILL lands exactly there (scripts/kill-test.sh; the class lives in the
     * test tree).
     */
    private static CommitSteps observers() {
        List<CommitSteps> found = new ArrayList<>();
        java.util.ServiceLoader.load(CommitSteps.class).forEach(found::add);
        return step -> found.forEach(o -> o.after(step));
    }

    /** Called after each step of a commit (1: _SUCCESS removed, one per table swapped in, the summary written). */
    public interface CommitSteps {
        void after(String step);
    }

    /** Thrown by a test's {@link CommitSteps} to stop a commit as a crash would: nothing runs after it. */
    static final class CommitStopped extends RuntimeException {
        CommitStopped(String step) {
            super("stopped after " + step);
        }
    }

    /** What a commit has changed so far, so that a failure can put it back. */
    private static final class Progress {
        final Deque<String> swapped = new ArrayDeque<>();
        /** A table whose own swap failed and could not be put back: its old partition is only in staging. */
        String stranded;
        boolean summaryAside;
    }

    void commit(Iterable<String> tables, String summaryJson, CommitSteps steps) {
        Path runs = new Path(new Path(output, RUNS), partition);
        Path success = new Path(runs, SUCCESS);
        boolean wasComplete;
        try {
            fs.mkdirs(runs);
            wasComplete = fs.exists(success);
            // the first step must verifiably take the snapshot's completeness away, or nothing may change
            if (wasComplete && !(fs.delete(success, false) && !fs.exists(success))) {
                throw new IOException("cannot remove " + success);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot publish " + partition + " under " + output + " (" + ConfigException.firstLine(e)
                    + "); the published snapshot is unchanged; is " + runs + " writable?");
        }
        LOG.info("publish: {} has no _SUCCESS until every table is swapped in", partition);
        steps.after("success removed");
        Progress done = new Progress();
        try {
            for (String table : tables) {
                swapIn(table, done);
                done.swapped.push(table);
                LOG.info("publish: swapped in {}", table);
                steps.after("swapped " + table);
            }
            writeSummary(runs, summaryJson, done);
            LOG.info("publish: wrote the run summary");
            steps.after("summary written");
            // written beside the tables first, then moved: a _SUCCESS is either absent or whole
            Path ready = new Path(staging, SUCCESS);
            fs.create(ready, true).close();
            move(ready, success);
        } catch (CommitStopped e) {
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            // a full disk reaches here as Hadoop's FSError, an Error: the rollback must run for it too
            String state = rollBack(done, runs, success, wasComplete);
            throw new ConfigException("cannot publish " + partition + " under " + output + " (" + ConfigException.firstLine(e)
                    + "); " + state, e);
        }
        removeStaging();
        LOG.info("published snapshot {} under {}", partition, output);
    }

    private void removeStaging() {
        if (keepStaging) {
            LOG.warn("the partitions replaced before the failed commit are kept under {}", staging);
            return;
        }
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            LOG.warn("the staging directory {} could not be removed ({}); the next run removes it",
                    staging, ConfigException.firstLine(e));
        }
    }

    /** Puts what the commit changed back as it was; says what state the snapshot is left in. */
    private String rollBack(Progress done, Path runs, Path success, boolean wasComplete) {
        int back = 0;
        for (String table : done.swapped) {
            try {
                Path target = new Path(new Path(output, table), partition);
                move(target, new Path(staging, table));
                Path old = new Path(staging, REPLACED + table);
                if (fs.exists(old)) {
                    move(old, target);
                }
                back++;
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not put {} back as it was ({})", table, ConfigException.firstLine(e));
            }
        }
        boolean summaryBack = true;
        try {
            Path summary = new Path(runs, SUMMARY_FILE);
            if (done.summaryAside) {
                if (fs.exists(summary)) {
                    fs.delete(summary, false);
                }
                move(new Path(staging, REPLACED + SUMMARY_FILE), summary);
            }
            if (!wasComplete && fs.exists(success)) {
                fs.delete(success, false);
            }
        } catch (IOException | RuntimeException e) {
            summaryBack = false;
            LOG.warn("could not put the run summary back as it was ({})", ConfigException.firstLine(e));
        }
        int failed = done.swapped.size() - back + (done.stranded == null ? 0 : 1);
        if (failed > 0 || !summaryBack) {
            keepStaging = true;
            markKept();
            return "the snapshot is left without _SUCCESS (incomplete: " + failed + " table(s) could not be put"
                    + " back; the replaced partitions are kept under " + staging + "); rerun once the cause is fixed";
        }
        if (!wasComplete) {
            return "nothing was published";
        }
        try {
            fs.create(success, true).close();
            return "the previous snapshot is restored whole";
        } catch (IOException | RuntimeException e) {
            return "the previous snapshot's tables are restored, but without _SUCCESS; rerun once the cause is fixed";
        }
    }

    /** Marks this staging directory as holding the only copy of replaced partitions: later runs leave it alone. */
    private void markKept() {
        try {
            fs.create(new Path(staging, KEPT_MARKER), true).close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not mark {} as kept ({})", staging, ConfigException.firstLine(e));
        }
    }

    private static final String REPLACED = "_replaced_";
    /** In a staging directory kept after a failed commit: the next run does not remove it. */
    static final String KEPT_MARKER = "KEPT_AFTER_FAILED_COMMIT";

    /** Replaces a table's partition whole: the old one is moved aside, the new one moved into its place. */
    private void swapIn(String table, Progress done) throws IOException {
        Path target = new Path(new Path(output, table), partition);
        fs.mkdirs(target.getParent());
        Path old = new Path(staging, REPLACED + table);
        boolean hadOld = fs.exists(target);
        if (hadOld) {
            move(target, old);
        }
        try {
            move(new Path(staging, table), target);
        } catch (IOException | RuntimeException e) {
            if (hadOld) {
                try {
                    move(old, target); // this table stays as it was; the caller restores the others
                } catch (IOException | RuntimeException again) {
                    done.stranded = table;
                    LOG.warn("could not put {} back as it was ({})", table, ConfigException.firstLine(again));
                }
            }
            throw e;
        }
    }

    /** The new summary is written in staging; the old one is moved aside (a rollback puts it back), the new one in. */
    private void writeSummary(Path runs, String summaryJson, Progress done) throws IOException {
        Path tmp = new Path(staging, SUMMARY_FILE);
        try (FSDataOutputStream out = fs.create(tmp, true)) {
            out.write(summaryJson.getBytes(StandardCharsets.UTF_8));
        }
        Path summary = new Path(runs, SUMMARY_FILE);
        if (fs.exists(summary)) {
            move(summary, new Path(staging, REPLACED + SUMMARY_FILE));
            done.summaryAside = true;
        }
        move(tmp, summary);
    }

    /**
     * Renames a directory or file, or fails leaving both sides as they were. Hadoop's local file system falls back
     * to copy-then-delete when a rename is refused, which leaves a half-deleted source (an immutable parent emptied
     * the old partition); on a local disk the move is the OS's atomic rename instead. HDFS renames atomically.
     */
    private void move(Path from, Path to) throws IOException {
        if ("file".equals(fs.getUri().getScheme())) {
            java.nio.file.Path src = java.nio.file.Paths.get(fs.makeQualified(from).toUri());
            java.nio.file.Path dst = java.nio.file.Paths.get(fs.makeQualified(to).toUri());
            Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
            java.nio.file.Path crc = src.resolveSibling("." + src.getFileName() + ".crc");
            if (Files.exists(crc)) { // a file's checksum travels with it, as Hadoop's own rename does
                Files.move(crc, dst.resolveSibling("." + dst.getFileName() + ".crc"),
                        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }

    /** The published tables and summary of this as_of, for the command that prints where they went. */
    public Map<String, String> locations(Iterable<String> tables) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String t : tables) {
            m.put(t, new Path(new Path(output, t), partition).toString());
        }
        return m;
    }
}
