package io.clusterbench.metrics;

import io.clusterbench.config.JobConfig;
import io.clusterbench.ingest.Ownership;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * The firm-state families of metrics.md as dated events, so scans of the (firm, zone) rows (the fixed events,
 * the tech-SME years, the HTE certificate years) and one aggregation over (zone, year) yield every count.
 * Interval states (active, listed) emit +1 where they start and −1 after they end, summed cumulatively later;
 * point states (tech SME in Y, valid HTE certificate in Y) emit one event per year of the firm's own list,
 * never one per year of the run.
 */
public final class FirmYearEvents {
    /** Deltas summed cumulatively over years. */
    public static final List<String> RUNNING = List.of("active", "precise", "listed", "star",
            "private", "state", "foreign", "known");
    /** Counts of the year itself. */
    public static final List<String> FLOWS = List.of("new", "exited", "listed_new", "sme_first", "sme", "hte",
            "new_private");

    private FirmYearEvents() {
    }

    /** @param firmZones enterprise firms with {@code zone_id} (containing zone), {@code active_from}, {@code active_to} */
    public static Dataset<Row> perZoneYear(Dataset<Row> firmZones, JobConfig config) {
        int first = config.firstYear();
        int last = config.asOfYear();
        Column from = greatest(col("active_from"), lit(first));
        Column everActive = col("active_to").geq(from);
        Column precise = col("placement").isin("zone_id", "coordinates");

        // Listed in Y: an exchange board (not NEEQ), listing_date <= cutoff(Y) and no delisting <= cutoff(Y);
        // a board without a listing date counts in the as_of year only.
        Column exchange = col("listing_board").isNotNull().and(col("listing_board").notEqual("NEEQ"));
        Column listedFrom = ListingYears.first(config);
        Column listedTo = ListingYears.last(config);
        Column listedStart = greatest(listedFrom, lit(first));
        Column everListed = exchange.and(listedTo.geq(listedStart));
        Column star = col("listing_board").equalTo("STAR");

        // The active interval carries the firm's ownership class with it (metrics.md "Ownership").
        Column own = col("ownership");
        List<Column> events = new ArrayList<>();
        events.add(when(everActive, event(from, activeDeltas(1, precise, own))));
        events.add(when(everActive, event(col("active_to").plus(1), activeDeltas(-1, precise, own))));
        events.add(event(year(col("established_date")), Map.of("new", lit(1),
                "new_private", when(own.equalTo(Ownership.PRIVATE), 1).otherwise(0))));
        events.add(when(col("deregistered_date").isNotNull(), event(year(col("deregistered_date")), Map.of("exited", lit(1)))));
        events.add(when(everListed, event(listedStart, Map.of("listed", lit(1), "star", when(star, 1).otherwise(0)))));
        events.add(when(everListed, event(listedTo.plus(1), Map.of("listed", lit(-1), "star", when(star, -1).otherwise(0)))));
        events.add(when(exchange.and(col("listing_date").isNotNull()), event(year(col("listing_date")), Map.of("listed_new", lit(1)))));
        events.add(when(col("tech_sme_years").isNotNull(), event(array_min(col("tech_sme_years")), Map.of("sme_first", lit(1)))));

        // Three event streams, so that only the certificate years need lambdas: Spark runs an explode whose
        // expression holds a lambda (transform, filter) interpreted, and the fixed events are most of the work.
        Column active = col("y").between(col("active_from"), col("active_to"));
        Dataset<Row> fixed = firmZones.select(col("zone_id"), explode(array(events.toArray(Column[]::new))).as("e"));
        Dataset<Row> sme = firmZones.filter(col("tech_sme_years").isNotNull())
                .select(col("zone_id"), col("active_from"), col("active_to"), explode(col("tech_sme_years")).as("y"))
                .filter(active)
                .select(col("zone_id"), event(col("y"), Map.of("sme", lit(1))).as("e"));
        Dataset<Row> hte = firmZones.filter(col("hte_cert_dates").isNotNull())
                .select(col("zone_id"), col("active_from"), col("active_to"), explode(hteValidYears(config)).as("y"))
                .filter(active)
                .select(col("zone_id"), event(col("y"), Map.of("hte", lit(1))).as("e"));

        Map<String, Column> sums = new LinkedHashMap<>();
        for (String f : RUNNING) {
            sums.put(f, sum("e." + f).as(f));
        }
        for (String f : FLOWS) {
            sums.put(f, sum("e." + f).as(f));
        }
        Column[] aggs = sums.values().toArray(Column[]::new);
        return fixed.unionByName(sme).unionByName(hte)
                .filter(col("e").isNotNull().and(col("e.year").between(first, last)))
                .groupBy(col("zone_id"), col("e.year").as("year"))
                .agg(aggs[0], java.util.Arrays.copyOfRange(aggs, 1, aggs.length));
    }

    /** The running states that start (+1) or end (−1) with a firm's active interval. */
    private static Map<String, Column> activeDeltas(int sign, Column precise, Column ownership) {
        Map<String, Column> m = new LinkedHashMap<>();
        m.put("active", lit(sign));
        m.put("precise", when(precise, sign).otherwise(0));
        for (String o : List.of(Ownership.PRIVATE, Ownership.STATE, Ownership.FOREIGN)) {
            m.put(o, when(ownership.equalTo(o), sign).otherwise(0));
        }
        m.put("known", when(ownership.notEqual(Ownership.UNKNOWN), sign).otherwise(0));
        return m;
    }

    /**
     * Years in which some certificate is valid at cutoff(Y): d <= cutoff(Y) < d + 3 years. Before the as_of
     * year that is year(d) .. year(d + 3y) − 1; in the as_of year it is as_of < d + 3y. Overlapping
     * certificates merge because the years are made distinct.
     */
    static Column hteValidYears(JobConfig config) {
        int last = config.asOfYear();
        Column asOf = to_date(lit(config.asOf().toString()));
        Column dates = coalesce(col("hte_cert_dates"), emptyDates());
        Column before = flatten(transform(dates, d -> {
            Column end = least(year(add_months(d, 36)).minus(1), lit(last - 1));
            return when(end.geq(year(d)), sequence(year(d), end)).otherwise(emptyInts());
        }));
        Column inAsOfYear = filter(dates, d -> add_months(d, 36).gt(asOf));
        return array_distinct(concat(before,
                when(org.apache.spark.sql.functions.size(inAsOfYear).gt(0), array(lit(last))).otherwise(emptyInts())));
    }

    private static Column event(Column year, Map<String, Column> values) {
        List<Column> fields = new ArrayList<>();
        fields.add(year.cast("int").as("year"));
        for (String f : RUNNING) {
            fields.add(values.getOrDefault(f, lit(0)).cast("long").as(f));
        }
        for (String f : FLOWS) {
            fields.add(values.getOrDefault(f, lit(0)).cast("long").as(f));
        }
        return struct(fields.toArray(Column[]::new));
    }

    private static Column emptyInts() {
        return array().cast("array<int>");
    }

    private static Column emptyDates() {
        return array().cast("array<date>");
    }
}
