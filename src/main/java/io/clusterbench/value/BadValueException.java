package io.clusterbench.value;

/** A cell that cannot be read as its type; the row parser decides whether it rejects or flags. */
public class BadValueException extends Exception {
    public BadValueException(String message) {
        super(message, null, false, false);
    }
}
