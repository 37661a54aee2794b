package io.clusterbench.ingest;

import io.clusterbench.config.ConfigException;
import io.clusterbench.config.SourceOptions;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first pass of ingest, before any source is parsed: every file of every present source is cut into byte
 * ranges ({@code split_size} each; a .gz file is one range) and each range is scanned by one Spark task where its
 * bytes live ({@link ByteRangeScanner}). On the driver, per file, the scans decide the charset (a vote of lines),
 * give the header, which is checked against the contract, and plan the parse's ranges ({@link SplitPlanner}). A
 * broken header of any source stops the run here, in seconds, naming the file, the charset and the columns found.
 */
public final class InputScan {
    private InputScan() {
    }

    /** One range of one file to scan. */
    private record Request(String source, String path, int range, long start, long end, char separator,
                           boolean headerOnly) implements Serializable {
        RangeScan scan() {
            return ByteRangeScanner.scan(path, range, start, end, separator, headerOnly);
        }
    }

    /** Scans and checks the files of the given sources; returns each source's files by name, in the layout's order. */
    public static Map<String, List<SourceFile>> scanAll(SparkSession spark, InputLayout layout,
                                                        Map<SourceSpec, SourceOptions> sources, long splitBytes) {
        List<Request> requests = new ArrayList<>();
        sources.forEach((spec, options) -> layout.files(spec).forEach(path ->
                requests.addAll(ranges(spec.name(), path, layout.size(path), options, splitBytes))));
        List<RangeScan> collected = List.of();
        if (!requests.isEmpty()) {
            try {
                collected = JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(requests, requests.size())
                        .map(Request::scan)
                        .collect();
            } catch (Exception e) {
                // Spark's checked SparkException reaches Java undeclared: caught here too
                throw new ConfigException("cannot read an input file: " + SourceIngest.rootMessage(e));
            }
        }
        List<RangeScan> scans = collected;
        Map<String, List<SourceFile>> bySource = new LinkedHashMap<>();
        sources.forEach((spec, options) -> {
            List<SourceFile> files = new ArrayList<>();
            for (String path : layout.files(spec)) {
                List<RangeScan> own = new ArrayList<>();
                for (int i = 0; i < requests.size(); i++) {
                    if (requests.get(i).source().equals(spec.name()) && requests.get(i).path().equals(path)) {
                        own.add(scans.get(i));
                    }
                }
                files.add(resolve(spec, path, layout.relative(path), options, own));
            }
            bySource.put(spec.name(), List.copyOf(files));
        });
        return bySource;
    }

    /** Scans one small file whole on the driver (the zones, read before any Spark job). */
    static SourceFile scanOnDriver(SourceSpec spec, String path, String relative, SourceOptions options) {
        return scanHere(spec, path, relative, options, Long.MAX_VALUE);
    }

    /** As a run scans one file, but range after range in this thread (the zones; the tests of splitting). */
    static SourceFile scanHere(SourceSpec spec, String path, String relative, SourceOptions options, long splitBytes) {
        List<RangeScan> scans = ranges(spec.name(), path, size(path), options, splitBytes).stream()
                .map(Request::scan).toList();
        return resolve(spec, path, relative, options, scans);
    }

    /**
     * The file's ranges: {@code splitBytes} each, the last running to the end; a .gz file or a small one is one. A
     * file read whole in a declared encoding needs only its header from this pass.
     */
    private static List<Request> ranges(String source, String path, long size, SourceOptions options, long splitBytes) {
        char sep = options.separator();
        List<Request> out = new ArrayList<>();
        if (path.endsWith(".gz") || size <= splitBytes) {
            out.add(new Request(source, path, 0, 0, -1, sep, options.encoding() != null));
            return out;
        }
        long n = (size + splitBytes - 1) / splitBytes;
        for (int k = 0; k < n; k++) {
            long start = k * splitBytes;
            out.add(new Request(source, path, k, start, k == n - 1 ? -1 : start + splitBytes, sep, false));
        }
        return out;
    }

    private static long size(String path) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(CsvFiles.hadoopConf());
            return fs.getFileStatus(p).getLen();
        } catch (IOException e) {
            throw new ConfigException("cannot read " + path + ": " + ConfigException.firstLine(e));
        }
    }

    /** One file's scans as a checked {@link SourceFile}, or the one-line error that stops the run. */
    static SourceFile resolve(SourceSpec spec, String path, String rel, SourceOptions options, List<RangeScan> scans) {
        String where = spec.name() + ": file " + rel;
        for (RangeScan s : scans) {
            if (s.unreadable() != null) {
                throw new ConfigException(where + " cannot be read (" + s.unreadable() + "); is it truncated?");
            }
        }
        RangeScan first = scans.get(0);
        if (first.header() == null && !first.headerTooLong() && scans.size() > 1) {
            // blank lines fill the whole first range: the header lies further on (read here, on the driver)
            RangeScan headerScan = ByteRangeScanner.scan(path, 0, 0, -1, options.separator(), true);
            if (headerScan.unreadable() != null) {
                throw new ConfigException(where + " cannot be read (" + headerScan.unreadable() + "); is it truncated?");
            }
            first = new RangeScan(0, first.start(), first.end(), first.oddQuotes(), first.lineBreaks(), first.starts(),
                    first.linesUtf8(), first.linesNotUtf8(), first.bom(), headerScan.header(), headerScan.headerEnd(),
                    headerScan.headerTooLong(), null);
            scans = new ArrayList<>(scans);
            scans.set(0, first);
        }
        if (first.headerTooLong()) {
            throw new ConfigException(where + ": the header is a record longer than "
                    + CsvRecordReader.MAX_RECORD_CHARS + " characters; is this a CSV file?");
        }
        if (first.header() == null) {
            throw new ConfigException(where + " is empty; a header row is required");
        }
        EncodingVote vote = EncodingVote.decide(options.encoding(), scans, first.header());
        List<String> cells = HeaderCells.cells(first.header(), vote.encoding(), options.separator());
        String readAs = " (read as " + vote.encoding() + (vote.detected() ? ", detected" : ", declared") + ")";
        if (cells.isEmpty()) {
            throw new ConfigException(where + readAs + " has an unreadable header row (unbalanced quote?)");
        }
        String found = "; columns found: " + String.join(", ", cells.stream().map(c -> c.strip().replace("\uFEFF", "")).toList());
        if (!HeaderCells.decodes(first.header(), vote.encoding(), options.separator())) {
            throw new ConfigException(where + readAs + ": the header row does not decode in that encoding; declare the "
                    + "file's encoding in the job" + found);
        }
        HeaderMatcher.Mapping m = HeaderMatcher.match(spec, cells);
        if (!m.missingRequired().isEmpty()) {
            throw new ConfigException(where + readAs + " lacks the required column " + spec.describe(m.missingRequired().get(0))
                    + (m.fieldCount() == 1 && options.separator() != '\t' ? "; is the separator right?" : "") + found);
        }
        if (!spec.oneOf().isEmpty() && spec.oneOf().stream().noneMatch(m.recognised()::contains)) {
            throw new ConfigException(where + readAs + " has none of "
                    + String.join(" and ", spec.oneOf().stream().map(spec::describe).toList())
                    + ": it needs at least one of them" + found);
        }
        SplitPlanner.Plan plan = SplitPlanner.plan(scans, m.fieldCount(), first.headerEnd());
        return new SourceFile(path, rel, vote, options.separator(), m, plan.ranges(), plan.singleRangeReason());
    }
}
