package io.clusterbench.cli;

import io.clusterbench.ProgramVersion;
import io.clusterbench.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Entry point for spark-submit and for embedded local runs. Exit 0 on success, 2 on a user error, 1 otherwise. */
@Command(name = "clusterbench", mixinStandardHelpOptions = true, versionProvider = ClusterbenchCli.Version.class,
        description = "Industry-cluster analysis of science and high-tech zones on Apache Spark.",
        subcommands = {RunCommand.class, ReportCommand.class, DigestCommand.class, CompareCommand.class,
                CommandLine.HelpCommand.class})
public final class ClusterbenchCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, or --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter errors, String... args) {
        // help and version need no Spark, so they answer on any runtime (also as `run --help`)
        boolean helpOrVersion = Arrays.stream(args).anyMatch(Set.of("--help", "-h", "--version", "-V")::contains)
                || (args.length > 0 && args[0].equals("help"));
        Optional<String> wrongSpark = helpOrVersion ? Optional.empty() : SparkLineCheck.problem();
        if (wrongSpark.isPresent()) {
            errors.println("clusterbench: error: " + wrongSpark.get());
            return EXIT_USAGE;
        }
        CommandLine cli = new CommandLine(new ClusterbenchCli());
        cli.setErr(errors);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            Throwable cause = ex;
            while (cause != null && !(cause instanceof ConfigException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                err.println("clusterbench: error: " + cause.getMessage());
                return EXIT_USAGE;
            }
            Optional<String> full = diskFull(ex);
            if (full.isPresent()) {
                err.println("clusterbench: error: " + diskFullMessage(full.get()));
                return EXIT_USAGE;
            }
            err.println("clusterbench: failed: " + ex);
            ex.printStackTrace(err);
            return EXIT_FAILED;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("clusterbench: error: " + ex.getMessage() + " (see --help)");
            return EXIT_USAGE;
        });
        try {
            return cli.execute(args);
        } catch (Error e) {
            // Hadoop's local file system reports a full disk as FSError, an Error that passes picocli's handler
            if (diskFull(e).isPresent()) {
                errors.println("clusterbench: error: " + diskFullMessage(diskFull(e).get()));
                return EXIT_USAGE;
            }
            throw e;
        }
    }

    private static String diskFullMessage(String what) {
        return "a disk is full (" + what + "): free space under the output directory or Spark's local directories"
                + " (spark.local.dir) and rerun; the published snapshot is unchanged";
    }

    /** A full disk (anywhere in the cause chain, as Spark wraps it) is the user's to fix, not a program error. */
    static Optional<String> diskFull(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return Optional.of(m.contains("Disk quota") ? "Disk quota exceeded" : "No space left on device");
            }
        }
        return Optional.empty();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"clusterbench " + ProgramVersion.get() + " for Spark " + ProgramVersion.sparkLine()
                    + " (built against Spark " + ProgramVersion.sparkVersion() + ", Scala "
                    + ProgramVersion.scalaBinaryVersion() + "; Java " + System.getProperty("java.specification.version")
                    + "): " + ProgramVersion.jarName(ProgramVersion.sparkLine())};
        }
    }
}
