package io.clusterbench.ingest;

import java.util.EnumSet;
import java.util.List;

/**
 * What happens to one row while it is parsed: the first failing reject rule in contract order, the flags it
 * collects, and whether its defining date lies after as_of.
 */
public final class RowVerdict {
    private ReasonCode reason;
    private String detail;
    private boolean afterAsOf;
    private final EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);

    /** Keeps the failure whose rule comes first in the contract's reject table. */
    public void reject(ReasonCode code, String why) {
        if (reason == null || code.ordinal() < reason.ordinal()) {
            reason = code;
            detail = why;
        }
    }

    public void flag(Flag f) {
        flags.add(f);
    }

    public void afterAsOf() {
        afterAsOf = true;
    }

    public boolean rejected() {
        return reason != null;
    }

    public String outcome() {
        return reason != null ? Outcome.REJECTED : afterAsOf ? Outcome.AFTER_AS_OF : Outcome.ACCEPTED;
    }

    public ReasonCode reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    public List<String> flagNames() {
        return flags.stream().map(Enum::name).toList();
    }

    /** Outcome values of the {@code _outcome} column of a parsed source. */
    public static final class Outcome {
        public static final String ACCEPTED = "accepted";
        public static final String REJECTED = "rejected";
        public static final String AFTER_AS_OF = "after_as_of";

        private Outcome() {
        }
    }
}
