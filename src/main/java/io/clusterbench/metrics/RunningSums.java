package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

/**
 * Interval states summed per key and year (active firms per division, listed firms per board, registry
 * employees): each row adds its values to every year of its interval [from, to], written as +values in the year
 * it starts and −values in the year after it ends, summed per key and year, then cumulatively over the run's
 * years. The work grows with the rows and the keys × years, never with rows × years.
 */
final class RunningSums {
    private RunningSums() {
    }

    /**
     * @param rows    the rows carrying an interval and values
     * @param keyRows the rows whose distinct keys get a row for every year of the run (a key without any interval in
     *                the run's years gets zeros)
     * @param from    first year of a row's interval (clamped here to the first year of the run)
     * @param to      last year of a row's interval (inclusive; an interval ending before it starts adds nothing)
     * @param values  per output column, the row's value (summed as long)
     * @return the keys, year and one running sum per value, for every key of {@code keyRows} and year of the run
     */
    static Dataset<Row> perKeyYear(Dataset<Row> rows, Dataset<Row> keyRows, String[] keys, Column from, Column to,
                                   Map<String, Column> values, JobConfig config) {
        Column start = greatest(from, lit(config.firstYear()));
        Column[] keyCols = Arrays.stream(keys).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        List<Column> opens = new ArrayList<>(List.of(start.as("year")));
        List<Column> closes = new ArrayList<>(List.of(to.plus(1).as("year")));
        List<Column> deltas = new ArrayList<>();
        values.forEach((name, v) -> {
            opens.add(v.cast("long").as(name));
            closes.add(v.cast("long").multiply(-1).as(name));
            deltas.add(sum("e." + name).as(name));
        });
        Dataset<Row> events = rows.filter(to.geq(start))
                .select(with(keyCols, explode(array(struct(opens.toArray(Column[]::new)),
                        struct(closes.toArray(Column[]::new)))).as("e")))
                .filter(col("e.year").between(config.firstYear(), config.asOfYear()))
                .groupBy(with(keyCols, col("e.year").as("year")))
                .agg(deltas.get(0), deltas.subList(1, deltas.size()).toArray(Column[]::new));
        Dataset<Row> keyYears = keyRows.select(keyCols).distinct().select(with(keyCols, YearSequence.explodeYears(config)));
        WindowSpec upToYear = Window.partitionBy(keyCols).orderBy("year")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        String[] joinKeys = Arrays.copyOf(keys, keys.length + 1);
        joinKeys[keys.length] = "year";
        Map<String, Column> running = new LinkedHashMap<>();
        values.keySet().forEach(name -> running.put(name, sum(coalesce(col(name), lit(0L))).over(upToYear)));
        return keyYears.join(events, joinKeys, "left").withColumns(running);
    }

    private static Column[] with(Column[] keys, Column extra) {
        Column[] out = Arrays.copyOf(keys, keys.length + 1);
        out[keys.length] = extra;
        return out;
    }
}
