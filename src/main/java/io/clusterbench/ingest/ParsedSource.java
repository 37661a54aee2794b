package io.clusterbench.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The parsed rows of one source as a Spark DataSource V2 source (Spark's public connector API, stable across the
 * Spark 3.5 and 4 lines): {@code TableProvider → Table → ScanBuilder → Scan → Batch}, one input partition per
 * byte range of a file ({@link SplitPlanner}: one per file unless a file is larger than {@code split_size}), each
 * row with its exact line number in its file, read by {@link ParsedFileReader}.
 */
public final class ParsedSource implements TableProvider {

    /** The parsed rows ({@link SourceParser#parsedSchema()}) of {@code files}, one Spark task per range. */
    static Dataset<Row> read(SparkSession spark, SourceParser parser, List<SourceFile> files, List<String> slots) {
        return spark.read().format(ParsedSource.class.getName())
                .schema(parser.parsedSchema())
                .option(ParsedSourcePlan.OPTION, new ParsedSourcePlan(parser, files, slots).encode())
                .load();
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return ParsedSourcePlan.decode(options.get(ParsedSourcePlan.OPTION)).parser().parsedSchema();
    }

    @Override
    public boolean supportsExternalMetadata() {
        return true; // read() passes the schema, so Spark need not decode the plan to infer it
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new ParsedTable(ParsedSourcePlan.decode(properties.get(ParsedSourcePlan.OPTION)));
    }

    /** Table, scan builder, scan and batch in one: the source has no pushdown and one way to be read. */
    private static final class ParsedTable implements SupportsRead, ScanBuilder, Scan, Batch {
        private final ParsedSourcePlan plan;

        ParsedTable(ParsedSourcePlan plan) {
            this.plan = plan;
        }

        @Override
        public String name() {
            return "clusterbench_parsed_" + plan.parser().spec().name();
        }

        @Override
        @SuppressWarnings("deprecation") // Spark 4 prefers columns(), whose default derives from schema()
        public StructType schema() {
            return plan.parser().parsedSchema();
        }

        @Override
        public Set<TableCapability> capabilities() {
            return Set.of(TableCapability.BATCH_READ);
        }

        @Override
        public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
            return this;
        }

        @Override
        public Scan build() {
            return this;
        }

        @Override
        public StructType readSchema() {
            return schema();
        }

        @Override
        public String description() {
            return name() + " (" + plan.files().size() + " files, "
                    + plan.files().stream().mapToInt(f -> f.ranges().size()).sum() + " ranges)";
        }

        @Override
        public Batch toBatch() {
            return this;
        }

        @Override
        public InputPartition[] planInputPartitions() {
            return IntStream.range(0, plan.files().size())
                    .boxed()
                    .flatMap(i -> plan.files().get(i).ranges().stream()
                            .map(r -> new ParsedFileReader.RangePartition(plan.files().get(i), i, r)))
                    .toArray(InputPartition[]::new);
        }

        @Override
        public PartitionReaderFactory createReaderFactory() {
            return new ParsedFileReader.Factory(plan.parser(), plan.slots());
        }
    }
}
