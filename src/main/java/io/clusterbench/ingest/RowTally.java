package io.clusterbench.ingest;

import io.clusterbench.spark.Intermediates;
import org.apache.spark.sql.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * A source's row accounting — rows per outcome, rejected rows per reason code, accepted rows per flag — taken
 * as aggregates observed while its parsed rows are kept ({@code Dataset.observe}), so no job of its own reads
 * the rows again. Reason codes and flags are fixed enums: each is one named sum. Duplicate keys are resolved
 * after parsing; their losers, accepted rows that become DUPLICATE_KEY rejects, are moved across with
 * {@link #withDuplicateLosers}.
 */
record RowTally(long accepted, long rejected, long afterAsOf, Map<String, Long> byReason, Map<String, Long> flags) {
    private static final String[] OUTCOMES = {RowVerdict.Outcome.ACCEPTED, RowVerdict.Outcome.REJECTED,
            RowVerdict.Outcome.AFTER_AS_OF};

    long read() {
        return accepted + rejected + afterAsOf;
    }

    /** The aggregates to observe over a source's parsed rows. */
    static Column[] ofParsedRows() {
        List<Column> m = new ArrayList<>();
        for (String o : OUTCOMES) {
            m.add(countWhere(col(SourceParser.OUTCOME).equalTo(o), "outcome_" + o));
        }
        for (ReasonCode r : ReasonCode.values()) {
            m.add(countWhere(col(SourceParser.REASON).equalTo(r.name()), "reason_" + r.name()));
        }
        m.addAll(List.of(flagCounts(col(SourceParser.OUTCOME).equalTo(RowVerdict.Outcome.ACCEPTED))));
        return m.toArray(Column[]::new);
    }

    /** The aggregates to observe over the losers of duplicate keys (all of them accepted rows): rows and flags. */
    static Column[] ofDuplicateLosers() {
        List<Column> m = new ArrayList<>(List.of(Intermediates.Observed.rowCount()));
        m.addAll(List.of(flagCounts(lit(true))));
        return m.toArray(Column[]::new);
    }

    private static Column[] flagCounts(Column where) {
        List<Column> m = new ArrayList<>();
        for (Flag f : Flag.values()) {
            m.add(countWhere(where.and(array_contains(col(SourceParser.FLAGS), f.name())), "flag_" + f.name()));
        }
        return m.toArray(Column[]::new);
    }

    private static Column countWhere(Column condition, String name) {
        return sum(when(condition, 1L).otherwise(0L)).as(name);
    }

    /** The tally observed over the parsed rows; reasons and flags that never occurred are left out. */
    static RowTally of(Intermediates.Observed parsed) {
        Map<String, Long> reasons = new TreeMap<>();
        for (ReasonCode r : ReasonCode.values()) {
            putIfAny(reasons, r.name(), parsed.count("reason_" + r.name()));
        }
        return new RowTally(parsed.count("outcome_" + RowVerdict.Outcome.ACCEPTED),
                parsed.count("outcome_" + RowVerdict.Outcome.REJECTED),
                parsed.count("outcome_" + RowVerdict.Outcome.AFTER_AS_OF), reasons, observedFlags(parsed));
    }

    /** The losers of duplicate keys leave the accepted rows, their flags with them, and become DUPLICATE_KEY rejects. */
    RowTally withDuplicateLosers(Intermediates.Observed losers) {
        long n = losers.rows();
        if (n == 0) {
            return this;
        }
        Map<String, Long> reasons = new TreeMap<>(byReason);
        reasons.merge(ReasonCode.DUPLICATE_KEY.name(), n, Long::sum);
        Map<String, Long> left = new TreeMap<>(flags);
        observedFlags(losers).forEach((flag, k) -> left.merge(flag, -k, Long::sum));
        left.values().removeIf(k -> k == 0);
        return new RowTally(accepted - n, rejected + n, afterAsOf, reasons, left);
    }

    private static Map<String, Long> observedFlags(Intermediates.Observed observed) {
        Map<String, Long> flags = new TreeMap<>();
        for (Flag f : Flag.values()) {
            putIfAny(flags, f.name(), observed.count("flag_" + f.name()));
        }
        return flags;
    }

    private static void putIfAny(Map<String, Long> m, String key, long n) {
        if (n != 0) {
            m.put(key, n);
        }
    }
}
