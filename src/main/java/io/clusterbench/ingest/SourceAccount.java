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

    /**
     * One file as the run summary shows it.
     *
     * @param linesAgainst      lines that voted for the encoding not chosen ({@link EncodingVote})
     * @param ranges            Spark tasks that parsed the file
     * @param singleRangeReason why a file large enough to split was parsed by one task, else null
     */
    public record FileEncoding(String file, String encoding, boolean detected, long linesAgainst, int ranges,
                               String singleRangeReason) implements Serializable {

        static FileEncoding of(SourceFile f) {
            return new FileEncoding(f.relative(), f.encoding().encoding(), f.encoding().detected(),
                    f.encoding().linesAgainst(), f.ranges().size(), f.singleRangeReason());
        }
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
