package io.clusterbench.cli;

import io.clusterbench.config.ConfigException;
import io.clusterbench.config.JobConfig;
import io.clusterbench.config.JobConfigLoader;
import io.clusterbench.publish.SnapshotComparison;
import io.clusterbench.spark.SparkSessions;
import io.clusterbench.zone.ZoneRole;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;

/** {@code compare}: what changed between two published snapshots of one output directory. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two published snapshots: headline figures of each one's latest complete year, and "
                + "past-year figures the later snapshot revised, with the reasons found.")
public final class CompareCommand implements Callable<Integer> {
    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory holding both snapshots.")
    String output;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "The later snapshot's date.")
    String asOf;

    @Option(names = "--against", paramLabel = "YYYY-MM-DD",
            description = "The earlier snapshot's date (default: the latest published snapshot before --as-of).")
    String against;

    @Option(names = "--job", paramLabel = "FILE", description = "Job configuration (YAML) whose headline metrics are shown (default: the contract's).")
    Path job;

    @Override
    public Integer call() {
        LocalDate after = date("--as-of", asOf);
        // the loader gives the job's headline metrics, or the defaults; the input directory is not read
        JobConfig config = JobConfigLoader.load(job, new JobConfigLoader.Overrides(job == null ? "-" : null, output, asOf));
        SparkSession spark = SparkSessions.create();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        if (!SnapshotComparison.isPublished(conf, output, after)) {
            throw new ConfigException("no published snapshot as_of=" + after + " under " + output
                    + " (its _runs/as_of=" + after + "/_SUCCESS is missing)");
        }
        LocalDate before;
        if (against != null) {
            before = date("--against", against);
            if (!before.isBefore(after)) {
                throw new ConfigException("--against " + before + " must be before --as-of " + after);
            }
            if (!SnapshotComparison.isPublished(conf, output, before)) {
                throw new ConfigException("no published snapshot as_of=" + before + " under " + output
                        + " (its _runs/as_of=" + before + "/_SUCCESS is missing)");
            }
        } else {
            before = SnapshotComparison.previousSnapshot(conf, output, after).orElseThrow(() -> new ConfigException(
                    "no published snapshot before as_of=" + after + " under " + output + " to compare with"));
        }
        SnapshotComparison.Tables a = SnapshotComparison.publishedTables(spark, output, after);
        SnapshotComparison.Tables b = SnapshotComparison.publishedTables(spark, output, before);
        Map<String, String> label = new LinkedHashMap<>();
        List<String> compared = new ArrayList<>();
        for (Tables t : List.of(new Tables(b, false), new Tables(a, true))) {
            Dataset<Row> zones = t.tables().apply("zones");
            if (zones == null) {
                continue;
            }
            for (Row z : zones.select(col("zone_id"), col("name_zh"), col("role")).orderBy("zone_id").collectAsList()) {
                label.put(z.getString(0), z.getString(0) + (z.isNullAt(1) ? "" : " " + z.getString(1)));
                if (t.later() && !ZoneRole.PEER.equals(z.getString(2))) {
                    compared.add(z.getString(0));
                }
            }
        }
        SnapshotComparison.Result r = SnapshotComparison.compare(a, after, b, before, config.headlineMetrics(), compared);
        print(System.out, r, label);
        return ClusterbenchCli.EXIT_OK;
    }

    private record Tables(SnapshotComparison.Tables tables, boolean later) {
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigException(option + ": '" + value + "' is not a date in the form YYYY-MM-DD");
        }
    }

    static void print(PrintStream out, SnapshotComparison.Result r, Map<String, String> label) {
        out.println("Snapshot as_of=" + r.asOfAfter() + " compared with as_of=" + r.asOfBefore());
        out.println();
        out.println("Headline figures (latest complete year)");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"zone", "metric", "before", "after", "change"});
        for (SnapshotComparison.HeadlineChange h : r.headline()) {
            rows.add(new String[]{label.getOrDefault(h.zoneId(), h.zoneId()), h.metric(),
                    number(h.before()) + " (" + h.yearBefore() + ")", number(h.after()) + " (" + h.yearAfter() + ")",
                    change(h.before(), h.after())});
        }
        table(out, rows);
        out.println();
        out.println("Revised past-year figures");
        if (r.revisions().isEmpty()) {
            out.println("  none: no figure of a year complete on " + r.asOfBefore() + " differs in the later snapshot");
            return;
        }
        rows = new ArrayList<>();
        rows.add(new String[]{"zone", "metric", "year", "before", "after", "reasons"});
        for (SnapshotComparison.Revision v : r.revisions()) {
            List<String> why = new ArrayList<>();
            v.reasons().forEach((code, n) -> why.add(SnapshotComparison.phrase(code, n)));
            rows.add(new String[]{label.getOrDefault(v.zoneId(), v.zoneId()), v.metric(), Integer.toString(v.year()),
                    number(v.before()), number(v.after()), why.isEmpty() ? "unexplained" : String.join("; ", why)});
        }
        table(out, rows);
    }

    static String number(Double v) {
        if (v == null) {
            return "null";
        }
        if (v.isNaN() || v.isInfinite()) {
            return v.toString();
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    static String change(Double before, Double after) {
        if (before == null && after == null) {
            return "—";
        }
        if (before == null || after == null) {
            return "n/a";
        }
        if (Objects.equals(number(before), number(after))) {
            return "unchanged";
        }
        String diff = (after - before > 0 ? "+" : "") + number(after - before);
        return before == 0 ? diff : diff + String.format(Locale.ROOT, " (%+.1f %%)", 100 * (after - before) / Math.abs(before));
    }

    /** Left-aligned columns, padded by display width (CJK characters take two columns in a terminal). */
    private static void table(PrintStream out, List<String[]> rows) {
        int n = rows.get(0).length;
        int[] w = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(w[i], width(r[i]));
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < n; i++) {
                String c = rows.get(k)[i];
                line.append(c);
                if (i < n - 1) {
                    line.append(" ".repeat(w[i] - width(c) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
            if (k == 0) {
                StringBuilder rule = new StringBuilder("  ");
                for (int i = 0; i < n; i++) {
                    rule.append("-".repeat(w[i])).append(i < n - 1 ? "  " : "");
                }
                out.println(rule);
            }
        }
    }

    static int width(String s) {
        return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
