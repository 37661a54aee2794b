package io.clusterbench.ingest;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Streams one file range's records through its source's parser, inside a Spark task: one parsed row per record. */
final class ParsedFileReader implements PartitionReader<InternalRow> {

    /** One byte range of one file of the source; {@code fileNo} makes row ids unique within the source. */
    record RangePartition(SourceFile file, int fileNo, SourceFile.Range range) implements InputPartition {
    }

    record Factory(SourceParser parser, List<String> slots) implements PartitionReaderFactory {
        @Override
        public PartitionReader<InternalRow> createReader(InputPartition partition) {
            RangePartition p = (RangePartition) partition;
            try {
                return new ParsedFileReader(new CsvRecordReader(p.file(), p.fileNo(), p.range(), slots), parser);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + p.file().relative(), e);
            }
        }
    }

    private final CsvRecordReader records;
    private final SourceParser parser;
    private InternalRow current;

    private ParsedFileReader(CsvRecordReader records, SourceParser parser) {
        this.records = records;
        this.parser = parser;
    }

    @Override
    public boolean next() {
        if (!records.hasNext()) {
            return false;
        }
        current = parser.parse(records.next());
        return true;
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
