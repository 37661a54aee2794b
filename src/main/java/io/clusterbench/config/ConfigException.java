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
}
