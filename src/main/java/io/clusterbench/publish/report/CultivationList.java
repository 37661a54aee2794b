package io.clusterbench.publish.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * The cultivation candidates as a working list: each firm once per home-zone family (a home zone with the home
 * zones nested in it), shown under its finest home zone, sorted into groups a field officer acts on — ready
 * (every high-tech-enterprise criterion met), near (all known, some missed: smallest shortfall first), data
 * missing (some criterion cannot be checked), renewal due (certified, certificate ends within 12 months).
 * The report shows the first firms of each group; the spreadsheet beside it holds them all.
 */
public final class CultivationList {
    public static final String FILE = "cultivation.csv";
    static final int SHOWN_PER_GROUP = 10;
    public static final List<String> GROUPS = List.of("ready", "near", "missing", "renewal");
    private static final List<String> VALUES = List.of("years_registered", "valid_patents", "staff_share", "rd_share_3y",
            "hightech_revenue_share");

    /** One firm as the report and spreadsheet show it. */
    public record Firm(String family, String zone, String name, String creditCode, String division, String group,
                       Map<String, String> status, Map<String, Double> shortfall, Map<String, Double> value,
                       Double rdThreshold, int failed, int unknown, Integer smeScore, String smeStatus,
                       boolean techSme, boolean expiring, Integer financialYear) {
    }

    /** Every firm of the list in the spreadsheet's order: family, group, then the group's own ranking. */
    private final Dataset<Row> ordered;
    /** family → group → the first firms of that group; filled while the spreadsheet is written. */
    private final Map<String, Map<String, List<Firm>>> shown = new LinkedHashMap<>();
    /** family → group → number of firms; filled while the spreadsheet is written. */
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private boolean streamed;

    private CultivationList(Dataset<Row> ordered) {
        this.ordered = ordered;
    }

    /**
     * The list, not yet read: one sort of the candidates, whose rows are streamed once by {@link #writeCsv},
     * which also keeps the first firms and the size of each group for the page. (Ranking each group with a
     * window and reading the ranked rows three times cost about 10 s for the 470,000 candidates of the 10 M
     * benchmark input; the sort alone serves all three.)
     */
    static CultivationList of(Dataset<Row> candidates, Map<String, ReportData.ZoneInfo> zones) {
        // a snapshot from before the measured values existed: the columns read as null
        for (String c : VALUES) {
            if (!Arrays.asList(candidates.columns()).contains(c)) {
                candidates = candidates.withColumn(c, lit(null).cast("double"));
            }
        }
        List<Row> families = new ArrayList<>();
        Map<String, Integer> familySizes = new LinkedHashMap<>();
        for (ReportData.ZoneInfo z : zones.values()) {
            if (!z.isHome()) {
                continue;
            }
            String family = family(z, zones);
            families.add(RowFactory.create(z.id(), family, z.depth()));
            familySizes.merge(family, 1, Integer::sum);
        }
        StructType schema = DataTypes.createStructType(List.of(DataTypes.createStructField("zone_id", DataTypes.StringType, false),
                DataTypes.createStructField("family", DataTypes.StringType, false),
                DataTypes.createStructField("zone_depth", DataTypes.IntegerType, false)));
        Dataset<Row> fam = SparkSession.active().createDataFrame(families, schema);
        Column failedShortfall = lit(0.0);
        for (String c : List.of("hte_registered_1y", "hte_ip", "hte_staff", "hte_rd", "hte_hightech_revenue")) {
            failedShortfall = failedShortfall.plus(when(col(c + "_status").equalTo("fail"), coalesce(col(c + "_shortfall"), lit(0.0))).otherwise(0.0));
        }
        Column group = when(col("is_hte_valid"), "renewal").when(col("hte_criteria_unknown").gt(0), "missing")
                .when(col("hte_criteria_failed").equalTo(0), "ready").otherwise("near");
        Dataset<Row> once = candidates.join(broadcast(fam), "zone_id");
        // A firm of a nested home zone is a candidate of each home zone containing it: shown once per family,
        // under its finest zone. Only nested home zones make a family of more than one zone; without them each
        // row already is its firm's only one in its family, and the wide rows need no shuffle for this.
        if (familySizes.values().stream().anyMatch(n -> n > 1)) {
            once = once.withColumn("_finest", row_number().over(Window.partitionBy("family", "credit_code")
                            .orderBy(col("zone_depth").desc(), col("zone_id"))))
                    .filter(col("_finest").equalTo(1));
        }
        once = once.withColumn("group", group)
                .withColumn("group_order", when(col("group").equalTo("ready"), 0).when(col("group").equalTo("near"), 1)
                        .when(col("group").equalTo("missing"), 2).otherwise(3))
                .withColumn("failed_shortfall", failedShortfall);
        return new CultivationList(once.orderBy(col("family"), col("group_order"),
                col("hte_criteria_unknown"), col("hte_criteria_failed"), col("failed_shortfall"),
                col("sme_score").desc_nulls_last(), col("credit_code")));
    }

    /** The outermost home zone containing z (z itself when no ancestor is a home zone). */
    private static String family(ReportData.ZoneInfo z, Map<String, ReportData.ZoneInfo> zones) {
        String top = z.id();
        for (String a : z.ancestors()) { // parent first, root last
            ReportData.ZoneInfo az = zones.get(a);
            if (az != null && az.isHome()) {
                top = a;
            }
        }
        return top;
    }

    private static Firm firm(Row r) {
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, Double> shortfall = new LinkedHashMap<>();
        for (String c : Criteria.HTE) {
            status.put(c, r.getAs("hte_" + c + "_status"));
            shortfall.put(c, r.getAs("hte_" + c + "_shortfall"));
        }
        Map<String, Double> value = new LinkedHashMap<>();
        for (String c : VALUES) {
            Object v = r.getAs(c);
            value.put(c, v == null ? null : ((Number) v).doubleValue());
        }
        Object sme = r.getAs("sme_score");
        Object fy = r.getAs("financial_year");
        return new Firm(r.getAs("family"), r.getAs("zone_id"), r.getAs("name"), r.getAs("credit_code"),
                r.getAs("industry_division"), r.getAs("group"), status, shortfall, value, r.getAs("hte_rd_threshold"),
                r.<Integer>getAs("hte_criteria_failed"), r.<Integer>getAs("hte_criteria_unknown"),
                sme == null ? null : ((Number) sme).intValue(), r.getAs("sme_score_status"),
                Boolean.TRUE.equals(r.getAs("is_tech_sme_latest")), Boolean.TRUE.equals(r.getAs("hte_expiring_within_12m")),
                fy == null ? null : ((Number) fy).intValue());
    }

    public Map<String, Map<String, List<Firm>>> shown() {
        requireStreamed();
        return shown;
    }

    private void requireStreamed() {
        if (!streamed) {
            throw new IllegalStateException("the cultivation list is read while its spreadsheet is written: write it first");
        }
    }

    private static double failedShortfall(Firm f) {
        double s = 0;
        for (String c : Criteria.HTE) {
            if ("fail".equals(f.status().get(c)) && f.shortfall().get(c) != null) {
                s += f.shortfall().get(c);
            }
        }
        return s;
    }

    public long count(String family, String group) {
        requireStreamed();
        return counts.getOrDefault(family, Map.of()).getOrDefault(group, 0L);
    }

    /**
     * The nearest firms to high-tech-enterprise status across the home families: ready first, then near, then
     * (when fewer than n) those with the fewest criteria that cannot be checked.
     */
    public List<Firm> nearest(int n) {
        requireStreamed();
        List<Firm> all = new ArrayList<>();
        for (Map<String, List<Firm>> byGroup : shown.values()) {
            for (String g : List.of("ready", "near", "missing")) {
                all.addAll(byGroup.getOrDefault(g, List.of()));
            }
        }
        // across the home families in the list's own order: unknown criteria, missed criteria, summed shortfall
        all.sort(java.util.Comparator.comparingInt(Firm::unknown).thenComparingInt(Firm::failed)
                .thenComparingDouble(CultivationList::failedShortfall).thenComparing(Firm::creditCode));
        return all.subList(0, Math.min(n, all.size()));
    }

    /**
     * The whole list as a spreadsheet for field staff: UTF-8 with a byte-order mark (so Excel and WPS take it as
     * UTF-8), Chinese headers, every field quoted, CRLF line ends. Rows are streamed from Spark, never collected;
     * the first firms and the size of each group are kept on the way for the page.
     */
    public void writeCsv(OutputStream out, ReportData data) throws IOException {
        writeCsv(out, data::zoneName, data::divisionName);
    }

    /** As above, with the zones' and divisions' names from the given lookups (id or code, language → name). */
    void writeCsv(OutputStream out, java.util.function.BiFunction<String, Lang, String> zoneName,
                  java.util.function.BiFunction<String, Lang, String> divisionName) throws IOException {
        // buffered: the printer writes field by field, and each unbuffered write is encoded on its own
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF');
        Lang zh = Lang.ZH;
        List<String> header = new ArrayList<>(List.of("园区", "所在园区", "企业名称", "统一社会信用代码", "行业大类代码", "行业大类名称",
                "培育分组"));
        for (String c : Criteria.HTE) {
            header.add(zh.t("critv_" + c) + "（" + Criteria.unit(c, zh) + "）");
            header.add(Criteria.name(c, zh) + "·状态");
            header.add(Criteria.name(c, zh) + "·差距");
        }
        header.addAll(List.of("研发费用占比门槛（%）", "高企条件未满足数", "高企条件数据缺失数", "科技型中小企业评价得分（分）",
                "科技型中小企业评价状态", "已入库科技型中小企业", "高企证书12个月内到期", "财务数据年度", "提示"));
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setQuoteMode(org.apache.commons.csv.QuoteMode.ALL)
                .setRecordSeparator("\r\n").build());
        p.printRecord(header);
        Iterator<Row> it = ordered.toLocalIterator();
        while (it.hasNext()) {
            Firm f = firm(it.next());
            long before = counts.computeIfAbsent(f.family(), k -> new LinkedHashMap<>()).merge(f.group(), 1L, Long::sum) - 1;
            if (before < SHOWN_PER_GROUP) {
                shown.computeIfAbsent(f.family(), k -> new LinkedHashMap<>()).computeIfAbsent(f.group(), k -> new ArrayList<>()).add(f);
            }
            List<String> rec = new ArrayList<>(List.of(text(zoneName.apply(f.family(), zh)), text(zoneName.apply(f.zone(), zh)),
                    text(f.name()), asText(f.creditCode()), f.division() == null ? "" : asText(f.division()),
                    f.division() == null ? "" : divisionName.apply(f.division(), zh), groupName(f.group(), zh)));
            for (String c : Criteria.HTE) {
                Double v = Criteria.value(c, f);
                rec.add(v == null ? "" : Criteria.csvNumber(c, v));
                rec.add(Criteria.statusName(f.status().get(c), zh));
                rec.add("fail".equals(f.status().get(c)) ? Criteria.shortfallText(c, f, zh) : "");
            }
            rec.add(f.rdThreshold() == null ? "" : String.format(Locale.ROOT, "%.0f", 100 * f.rdThreshold()));
            rec.add(String.valueOf(f.failed()));
            rec.add(String.valueOf(f.unknown()));
            rec.add(f.smeScore() == null ? "" : String.valueOf(f.smeScore()));
            rec.add(Criteria.statusName(f.smeStatus(), zh));
            rec.add(f.techSme() ? "是" : "否");
            rec.add(f.expiring() ? "是" : "否");
            rec.add(f.financialYear() == null ? "" : String.valueOf(f.financialYear()));
            rec.add("依据登记、专利和财务数据的初步判断，不是认定结论");
            p.printRecord(rec);
        }
        p.flush();
        streamed = true;
    }

    /**
     * A code that must stay as written: Excel and WPS would turn an all-digit credit code into 9.16E+17 and
     * division 06 into 6, quoted or not; a leading tab keeps it text.
     */
    static String asText(String code) {
        return code == null ? "" : "\t" + code;
    }

    /**
     * A text cell a spreadsheet must not run: a value starting with = + - @ (or a tab or CR) would be taken
     * for a formula by Excel and WPS, so it gets a leading apostrophe (the cell then shows it, as text).
     */
    static String text(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        char c = v.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + v : v;
    }

    public static String groupName(String group, Lang lang) {
        return lang.t("cult_group_" + group);
    }
}
