package io.clusterbench.cli;

import io.clusterbench.ProgramVersion;
import io.clusterbench.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;

/** Entry point for spark-submit and for embedded local runs. Exit 0 on success, 2 on a user error, 1 otherwise. */
@Command(name = "clusterbench", mixinStandardHelpOptions = true, versionProvider = ClusterbenchCli.Version.class,
        description = "Industry-cluster analysis of science and high-tech zones on Apache Spark.",
        subcommands = {RunCommand.class, ReportCommand.class, DigestCommand.class, KillCheckCommand.class,
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
        boolean helpOrVersion = args.length > 0 && Set.of("--help", "-h", "--version", "-V", "help").contains(args[0]);
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
            err.println("clusterbench: failed: " + ex);
            ex.printStackTrace(err);
            return EXIT_FAILED;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("clusterbench: error: " + ex.getMessage() + " (see --help)");
            return EXIT_USAGE;
        });
        return cli.execute(args);
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
