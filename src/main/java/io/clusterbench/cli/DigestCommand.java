package io.clusterbench.cli;

import io.clusterbench.spark.SparkSessions;
import io.clusterbench.config.ConfigException;
import io.clusterbench.publish.SnapshotDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code digest}: an order-independent fingerprint per table of one snapshot, to compare two runs. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Print rows and an order-independent hash per table of one snapshot (compare runs with diff).")
public final class DigestCommand implements Callable<Integer> {
    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory holding the snapshot.")
    String output;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "Snapshot date.")
    String asOf;

    @Override
    public Integer call() {
        LocalDate date;
        try {
            date = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new ConfigException("--as-of: '" + asOf + "' is not a date in the form YYYY-MM-DD");
        }
        Map<String, String> d = SnapshotDigest.of(SparkSessions.create(), output, date);
        d.forEach((table, digest) -> System.out.println(table + " " + digest));
        return ClusterbenchCli.EXIT_OK;
    }
}
