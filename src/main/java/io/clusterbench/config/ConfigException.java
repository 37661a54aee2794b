package io.clusterbench.config;

/**
 * A problem the user can fix (bad job file, bad option, missing input, bad zone row).
 * The command line prints its message on one line and exits 2, never with a stack trace.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The first line of an exception's message (its class name when it has none), for a one-line error: some
     * libraries' messages run on with a stack trace or a dump of their input.
     */
    public static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** {@link #firstLine} of the exception's cause when it has one: a wrapper's own message says less. */
    public static String firstLineOfCause(Throwable e) {
        return firstLine(e.getCause() != null ? e.getCause() : e);
    }
}
