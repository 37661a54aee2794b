package io.clusterbench.cli;

import io.clusterbench.Pipeline;
import io.clusterbench.spark.SparkSessions;
import io.clusterbench.config.JobConfig;
import io.clusterbench.config.JobConfigLoader;
import io.clusterbench.ingest.SourceAccount;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code run}: the whole pipeline for one snapshot. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Ingest the input directory, place firms, compute the metrics and publish one snapshot.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--job", paramLabel = "FILE", description = "Job configuration (YAML), e.g. jobs/sample.yaml.")
    Path job;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Snapshot date (default: the job's as_of, else today).")
    String asOf;

    @Option(names = "--input", paramLabel = "DIR", description = "Input directory (overrides the job file).")
    String input;

    @Option(names = "--output", paramLabel = "DIR", description = "Output directory (overrides the job file).")
    String output;

    @Override
    public Integer call() {
        JobConfig config = JobConfigLoader.load(job, new JobConfigLoader.Overrides(input, output, asOf));
        SparkSession spark = SparkSessions.create();
        Pipeline.Result result = Pipeline.run(spark, config);
        printSummary(System.out, config, result);
        return ClusterbenchCli.EXIT_OK;
    }

    static void printSummary(PrintStream out, JobConfig config, Pipeline.Result r) {
        String where = r.output().startsWith("file:") ? r.output().substring("file:".length()) : r.output();
        out.println();
        out.println("clusterbench: snapshot as_of=" + config.asOf() + " published under " + where);
        out.printf(Locale.ROOT, "  %-18s %10s %10s %10s %12s%n", "source", "read", "accepted", "rejected", "after_as_of");
        for (SourceAccount a : r.summary().sources()) {
            out.printf(Locale.ROOT, "  %-18s %10d %10d %10d %12d%n", a.source(), a.read(), a.accepted(), a.rejected(), a.afterAsOf());
        }
        out.println("  placement: " + r.summary().placement());
        out.printf(Locale.ROOT, "  zones: %d; figures for %d%s:%n", r.latestZoneFigures().size(), config.asOfYear(),
                config.asOfYearIsPartial() ? " (partial year, as of " + config.asOf() + ")" : "");
        out.printf(Locale.ROOT, "  %-22s %12s %14s %10s %10s%n", "zone_id", "firms_active", "firms_per_km2", "new", "exited");
        for (Row z : r.latestZoneFigures()) {
            // exits are null when the registry has no exit-date column
            out.printf(Locale.ROOT, "  %-22s %12d %14.2f %10d %10s%n", z.getString(0), z.getLong(1), z.getDouble(2),
                    z.getLong(3), z.isNullAt(4) ? "—" : String.valueOf(z.getLong(4)));
        }
        out.println("  tables: " + String.join(", ", r.tables().keySet()));
        out.println("  run summary: " + where + "/_runs/as_of=" + config.asOf() + "/run_summary.json");
        out.println("  gap report: " + where + "/report/as_of=" + config.asOf() + "/index.html (English: index.en.html; firms to cultivate: cultivation.csv)");
        out.println("  read it with DuckDB: SELECT * FROM read_parquet('" + where
                + "/zone_year_metrics/**/*.parquet', hive_partitioning = true);");
    }
}
