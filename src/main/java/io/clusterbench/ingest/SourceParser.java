package io.clusterbench.ingest;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.clusterbench.config.JobConfig;
import io.clusterbench.config.SourceOptions;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw rows of one source into typed rows of its staging schema, plus the bookkeeping columns every
 * parsed source carries ({@code _file}, {@code _line}, {@code _outcome}, {@code _reason}, {@code _detail},
 * {@code _raw}, {@code _flags}, {@code _row}). Runs inside Spark tasks, so it holds only serialisable configuration.
 */
public abstract class SourceParser implements Serializable {
    public static final String FILE = "_file";
    public static final String LINE = "_line";
    public static final String OUTCOME = "_outcome";
    public static final String REASON = "_reason";
    public static final String DETAIL = "_detail";
    public static final String RAW = "_raw";
    public static final String FLAGS = "_flags";
    /** Unique within the source ({@link RawRecord#rowId}): what a row is joined on after parsing. */
    public static final String ROW = "_row";

    private static final List<StructField> META = List.of(
            DataTypes.createStructField(FILE, DataTypes.StringType, false),
            DataTypes.createStructField(LINE, DataTypes.LongType, false),
            DataTypes.createStructField(OUTCOME, DataTypes.StringType, false),
            DataTypes.createStructField(REASON, DataTypes.StringType, true),
            DataTypes.createStructField(DETAIL, DataTypes.StringType, true),
            DataTypes.createStructField(RAW, DataTypes.StringType, true),
            DataTypes.createStructField(FLAGS, DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField(ROW, DataTypes.LongType, false));

    private final SourceSpec spec;
    private final StructType stagingSchema;
    /** The snapshot date: a date after it is unknown on as_of (inputs.md "Rows after as_of"). */
    protected final LocalDate asOf;
    /** The job's settings for this source (separator, encoding, money units, coordinate system). */
    protected final SourceOptions options;

    /** Every parser: its source, the typed columns it stages, and the job's settings for that source. */
    protected SourceParser(SourceSpec spec, StructType stagingSchema, JobConfig config) {
        this.spec = spec;
        this.stagingSchema = stagingSchema;
        this.asOf = config.asOf();
        this.options = config.source(spec.name());
    }

    public final SourceSpec spec() {
        return spec;
    }

    /** The typed columns of the staging dataset. */
    public final StructType stagingSchema() {
        return stagingSchema;
    }

    /**
     * Reads the typed values of a well-formed row from its cells, reporting failures and flags to {@code verdict}.
     * Values of a rejected row are discarded.
     */
    protected abstract Object[] parseValues(Cells cells, RowVerdict verdict);

    private transient StructType parsedSchema;

    public final StructType parsedSchema() {
        if (parsedSchema != null) {
            return parsedSchema;
        }
        List<StructField> fields = new ArrayList<>(List.of(stagingSchema().fields()));
        fields.addAll(META);
        parsedSchema = DataTypes.createStructType(fields);
        return parsedSchema;
    }

    public final InternalRow parse(RawRecord rec) {
        RowVerdict v = new RowVerdict();
        Object[] values = null;
        if (rec.malformed() != null) {
            v.reject(ReasonCode.MALFORMED_ROW, rec.malformed());
        } else {
            if (rec.encodingError()) {
                v.reject(ReasonCode.ENCODING_ERROR, "bytes invalid in the file's encoding (fix them, or declare the"
                        + " right encoding for this source in the job file)");
            }
            try {
                values = parseValues(new Cells(rec, v), v);
            } catch (RuntimeException e) {
                // Bad input must never crash a Spark task: the row is rejected, naming no value.
                v.reject(ReasonCode.MALFORMED_ROW, "row could not be parsed (" + e.getClass().getSimpleName() + ")");
            }
        }
        int n = stagingSchema().size();
        Object[] out = new Object[n + META.size()];
        if (!v.rejected() && values != null) {
            for (int i = 0; i < n; i++) {
                out[i] = values[i];
            }
        }
        out[n] = rec.file();
        out[n + 1] = rec.lineNo();
        out[n + 2] = v.outcome();
        out[n + 3] = v.reason() == null ? null : v.reason().name();
        out[n + 4] = v.detail();
        out[n + 5] = rec.rawText(); // kept for every row: a losing duplicate becomes a reject later
        out[n + 6] = v.rejected() ? List.of() : v.flagNames();
        out[n + 7] = rec.rowId();
        return InternalRows.row(out, parsedSchema());
    }
}
