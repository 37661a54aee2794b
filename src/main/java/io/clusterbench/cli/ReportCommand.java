package io.clusterbench.cli;

import io.clusterbench.Pipeline;
import io.clusterbench.spark.SparkSessions;
import io.clusterbench.config.JobConfig;
import io.clusterbench.config.JobConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code report}: rebuilds the gap report of a published snapshot from its tables, recomputing nothing. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild OUTPUT/report/as_of=…/index.html from an existing snapshot.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--job", paramLabel = "FILE", description = "Job configuration (YAML); its output and headline metrics are used.")
    Path job;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Snapshot date (default: the job's as_of, else today).")
    String asOf;

    @Option(names = "--output", paramLabel = "DIR", description = "Output directory holding the snapshot.")
    String output;

    @Override
    public Integer call() {
        // The input directory is not read; the loader only needs a value.
        JobConfig config = JobConfigLoader.load(job, new JobConfigLoader.Overrides(job == null ? "-" : null, output, asOf));
        String where = Pipeline.rebuildReport(SparkSessions.create(), config);
        System.out.println("clusterbench: gap report rebuilt at " + (where.startsWith("file:") ? where.substring(5) : where));
        return ClusterbenchCli.EXIT_OK;
    }
}
