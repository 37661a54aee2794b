package io.clusterbench.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One file of a source, with what the up-front scan found: the charset it is read with, how its header maps to
 * the contract, and the byte ranges its parse is split into.
 *
 * @param path          fully qualified Hadoop path (file:, hdfs:, s3a: …)
 * @param relative      path relative to the input directory, as shown in rejects and the run summary
 * @param encoding      the charset the file is read with, declared or voted ({@link EncodingVote})
 * @param ranges        the parse's byte ranges, each one Spark task, in file order
 * @param singleRangeReason why a file large enough to split is read by one task, else null
 */
public record SourceFile(String path, String relative, EncodingVote encoding, char separator,
                         HeaderMatcher.Mapping mapping, List<Range> ranges, String singleRangeReason)
        implements Serializable {

    /**
     * Bytes {@code [start, end)} of the file ({@code end} -1: to its end), whose first record starts on physical line
     * {@code firstLine}. Only the range at byte 0 holds the header.
     */
    public record Range(long start, long end, long firstLine) implements Serializable {
        public static final Range WHOLE = new Range(0, -1, 1);
    }

    public SourceFile {
        ranges = List.copyOf(ranges);
    }
}
