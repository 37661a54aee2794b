package io.clusterbench.publish;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * An order-independent fingerprint of every table of one snapshot: row count and the sum of a 64-bit hash of
 * each row. Two runs agree iff every table's fingerprint agrees. Run-specific columns of run_summary (its id,
 * times and JSON copy) are left out; doubles are rounded to 9 decimals so that summation order cannot flip a
 * last bit.
 */
public final class SnapshotDigest {
    private static final Set<String> RUN_SPECIFIC = Set.of("run_id", "started_at", "finished_at", "summary_json");

    private SnapshotDigest() {
    }

    /** Table name → "rows:hash-sum"; absent tables are absent from the map. */
    public static Map<String, String> of(SparkSession spark, String outputDir, LocalDate asOf) {
        Map<String, String> out = new TreeMap<>();
        try {
            Path root = new Path(outputDir);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (FileStatus t : fs.listStatus(root)) {
                String table = t.getPath().getName();
                Path part = new Path(t.getPath(), "as_of=" + asOf);
                if (table.startsWith("_") || !fs.exists(part)) {
                    continue;
                }
                out.put(table, table.equals("report") ? fileDigest(fs, new Path(part, "index.html"))
                        : tableDigest(spark.read().parquet(part.toString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String tableDigest(Dataset<Row> d) {
        List<Column> cols = new ArrayList<>();
        for (StructField f : d.schema().fields()) {
            if (RUN_SPECIFIC.contains(f.name())) {
                continue;
            }
            Column c = col("`" + f.name() + "`");
            if (f.dataType().equals(DataTypes.DoubleType)) {
                c = round(c, 9);
            } else if (f.dataType() instanceof MapType m && !containsMap(m.valueType())) {
                // maps cannot be hashed, and their entry order is not part of their value
                c = org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.array_sort(
                        org.apache.spark.sql.functions.map_entries(c)));
            } else if (containsMap(f.dataType())) {
                // maps inside arrays, structs or maps (run_summary's per-source counts) are hashed as their JSON,
                // their entries in the order the writer put them (a fixed order for the run summary's counts)
                c = org.apache.spark.sql.functions.to_json(c);
            }
            cols.add(c);
        }
        Column hash = cols.isEmpty() ? lit(0L) : xxhash64(cols.toArray(Column[]::new));
        Row r = d.agg(count(lit(1)), sum(hash.cast("decimal(38,0)"))).first();
        return r.getLong(0) + ":" + (r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString());
    }

    private static boolean containsMap(DataType t) {
        if (t instanceof MapType) {
            return true;
        } else if (t instanceof ArrayType a) {
            return containsMap(a.elementType());
        } else if (t instanceof StructType st) {
            for (StructField f : st.fields()) {
                if (containsMap(f.dataType())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String fileDigest(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(md.digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
