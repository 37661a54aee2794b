package io.clusterbench.ingest;

import java.io.Serializable;

/**
 * One file of a source, with what the up-front probe found: the charset it is read with and how its header
 * maps to the contract.
 *
 * @param path          fully qualified Hadoop path (file:, hdfs:, s3a: …)
 * @param relative      path relative to the input directory, as shown in rejects and the run summary
 * @param encoding      charset used to read it
 * @param encodingDetected true when the run chose the charset (nothing declared in the job)
 */
public record SourceFile(String path, String relative, String encoding, boolean encodingDetected, char separator,
                         HeaderMatcher.Mapping mapping) implements Serializable {
}
