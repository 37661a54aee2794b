package io.clusterbench.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The run summary's view of one source: where its rows went. {@code read == accepted + rejected + afterAsOf}
 * is checked when the account is built.
 *
 * @param files          each file with the charset it was read with
 * @param flags          accepted rows carrying each flag (a row counts once per flag)
 */
public record SourceAccount(String source, List<FileEncoding> files, long read, long accepted, long rejected,
                            long afterAsOf, Map<String, Long> rejectedByReason, Map<String, Long> flags,
                            List<String> unknownColumns) implements Serializable {

    public record FileEncoding(String file, String encoding, boolean detected) implements Serializable {
    }

    public SourceAccount {
        if (read != accepted + rejected + afterAsOf) {
            throw new IllegalStateException("row accounting broken for " + source + ": read " + read + " != accepted "
                    + accepted + " + rejected " + rejected + " + after_as_of " + afterAsOf);
        }
    }

    /** A copy with further flags added (flags decided after ingest, such as UNKNOWN_ZONE at placement). */
    public SourceAccount withFlag(String flag, long count) {
        if (count == 0) {
            return this;
        }
        Map<String, Long> f = new java.util.TreeMap<>(flags);
        f.merge(flag, count, Long::sum);
        return new SourceAccount(source, files, read, accepted, rejected, afterAsOf, rejectedByReason, f, unknownColumns);
    }
}
