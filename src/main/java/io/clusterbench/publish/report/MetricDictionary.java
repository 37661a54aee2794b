package io.clusterbench.publish.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure the report shows, by its column identifier: its name and unit in Chinese and English and how its
 * value reads. The one place a metric gets a human name; the report's labels, axes and table headers, the
 * dictionary appendix and the documentation's metric dictionary (development.md tells how it is regenerated)
 * all come from here, so an identifier never has to appear in the visible text.
 */
public final class MetricDictionary {
    /** How a value is written: a count of things, a decimal quantity, money, a 0–1 share shown as %, an index. */
    public enum Kind { COUNT, DECIMAL, MONEY, SHARE, INDEX, RANK, TEXT }

    /** One metric: names and units in both languages. An empty unit means the name says it all. */
    public record Metric(String id, String zh, String en, String unitZh, String unitEn, Kind kind, String noteEn) {
        public String name(Lang lang) {
            return lang == Lang.ZH ? zh : en;
        }

        public String unit(Lang lang) {
            return lang == Lang.ZH ? unitZh : unitEn;
        }

        /** "企业密度（家/平方公里）" / "Firm density (firms per km²)". */
        public String label(Lang lang) {
            String u = unit(lang);
            if (u.isEmpty()) {
                return name(lang);
            }
            return lang == Lang.ZH ? zh + "（" + u + "）" : en + " (" + u + ")";
        }

        /** A value with its unit: "12.3 家/平方公里", "45.0 %", "1,234 万元". */
        public String withUnit(Object value, Lang lang) {
            String v = Numbers.format(value, kind, lang);
            if (value == null || kind == Kind.SHARE || unit(lang).isEmpty()) {
                return v;
            }
            return v + " " + unit(lang);
        }
    }

    private static final Map<String, Metric> METRICS = new LinkedHashMap<>();

    static {
        // zone_year_metrics, in the table's order
        add("area_km2", "面积", "Area", "平方公里", "km²", Kind.DECIMAL, "the zone's area as cited in the zones input");
        add("firms_active", "在营企业数", "Active firms", "家", "firms", Kind.COUNT, "enterprise firms active at the year's end (at as_of in the partial year)");
        add("firms_new", "新设企业数", "New firms", "家", "firms", Kind.COUNT, "firms established in the year");
        add("firms_exited", "退出企业数", "Exited firms", "家", "firms", Kind.COUNT, "firms deregistered or revoked in the year");
        add("firm_density_per_km2", "企业密度", "Firm density", "家/平方公里", "firms per km²", Kind.DECIMAL, "active firms per km² of the cited area");
        add("tech_sme_count", "科技型中小企业数", "Tech-based SMEs", "家", "firms", Kind.COUNT, "active firms registered as tech-based SMEs (科技型中小企业) that year");
        add("tech_sme_first_registered", "首次入库科技型中小企业数", "Tech-based SMEs registered for the first time", "家", "firms", Kind.COUNT, "");
        add("hte_count", "高新技术企业数", "High-tech enterprises", "家", "firms", Kind.COUNT, "active firms with a valid high-tech enterprise certificate (高新技术企业)");
        add("hte_net_new", "高新技术企业净增数", "High-tech enterprises, net change", "家", "firms", Kind.COUNT, "");
        add("hte_density_per_km2", "高企密度", "High-tech enterprise density", "家/平方公里", "firms per km²", Kind.DECIMAL, "");
        add("listed_count", "上市企业数", "Listed firms", "家", "firms", Kind.COUNT, "firms listed on an A-share, Hong Kong or overseas board (NEEQ excluded)");
        add("listed_new", "新上市企业数", "Newly listed firms", "家", "firms", Kind.COUNT, "");
        add("listed_star_count", "科创板上市企业数", "Firms listed on the STAR Market", "家", "firms", Kind.COUNT, "");
        add("patents_applied", "专利申请量", "Patent applications", "件", "patents", Kind.COUNT, "applications of all types filed in the year, each counted once per zone");
        add("patents_applied_frac", "专利申请量（分数计数）", "Patent applications, fractional count", "件", "patents", Kind.DECIMAL, "each application split among its applicants");
        add("invention_applied", "发明专利申请量", "Invention applications", "件", "patents", Kind.COUNT, "understated for the last two years (publication lag)");
        add("invention_granted", "发明专利授权量", "Inventions granted", "件", "patents", Kind.COUNT, "");
        add("invention_granted_frac", "发明专利授权量（分数计数）", "Inventions granted, fractional count", "件", "patents", Kind.DECIMAL, "");
        add("invention_stock", "发明专利拥有量", "Valid inventions held", "件", "patents", Kind.COUNT, "inventions granted by the year's end whose legal status on as_of is valid, held by the zone's firms");
        add("invention_stock_per_100_firms", "每百家企业发明专利拥有量", "Valid inventions per 100 firms", "件/百家企业", "per 100 firms", Kind.DECIMAL, "");
        add("invention_stock_per_km2", "每平方公里发明专利拥有量", "Valid inventions per km²", "件/平方公里", "per km²", Kind.DECIMAL, "");
        add("funding_events", "融资事件数", "Funding events", "起", "events", Kind.COUNT, "");
        add("funding_amount_cny_10k", "融资金额", "Funding amount", "万元", "10,000 CNY", Kind.MONEY, "disclosed amounts only, converted to CNY");
        add("funding_undisclosed_events", "未披露金额的融资事件数", "Funding events with no disclosed amount", "起", "events", Kind.COUNT, "");
        add("hhi_industry", "产业集中度（赫芬达尔指数）", "Industry concentration (Herfindahl index)", "0–1", "0–1", Kind.INDEX, "1 = all firms in one division");
        add("krugman_specialisation", "克鲁格曼专业化指数", "Krugman specialisation index", "0–2", "0–2", Kind.INDEX, "0 = the same industry mix as the reference economy");
        add("top_division", "第一大行业", "Largest industry division", "", "", Kind.TEXT, "");
        add("top_division_lq", "第一大行业区位熵", "Location quotient of the largest division", "", "", Kind.INDEX, "");
        add("placement_coverage", "精确定位覆盖率", "Placement coverage", "%", "%", Kind.SHARE, "share of the zone's firms placed by zone_id or coordinates rather than by text rules");
        add("firms_active_private", "在营民营企业数", "Active private firms", "家", "firms", Kind.COUNT, "");
        add("firms_active_state", "在营国有企业数", "Active state-owned firms", "家", "firms", Kind.COUNT, "");
        add("firms_active_foreign", "在营外资企业数", "Active foreign-invested firms", "家", "firms", Kind.COUNT, "");
        add("ownership_known_share", "所有制可识别比例", "Share of firms with a known ownership", "%", "%", Kind.SHARE, "");
        add("private_share", "民营企业占比", "Private firms' share", "%", "%", Kind.SHARE, "among firms whose ownership is known");
        add("firms_new_private", "新设民营企业数", "New private firms", "家", "firms", Kind.COUNT, "");
        add("patents_academic_coapplied", "产学研合作专利申请量", "Patents co-applied with universities and institutes", "件", "patents", Kind.COUNT, "");
        add("employees", "从业人员", "Employees", "人", "persons", Kind.COUNT, "financials first, else the registry, per firm");
        add("invention_stock_per_10k_employees", "每万名从业人员发明专利拥有量", "Valid inventions per 10,000 employees", "件/万人", "per 10,000 employees", Kind.DECIMAL, "");
        add("financials_firms", "报送财务数据企业数", "Firms with financials", "家", "firms", Kind.COUNT, "");
        add("revenue_cny_10k", "营业收入", "Revenue", "万元", "10,000 CNY", Kind.MONEY, "of the firms with financials");
        add("rd_expense_cny_10k", "研发费用", "R&D expense", "万元", "10,000 CNY", Kind.MONEY, "");
        add("rd_intensity", "研发投入强度", "R&D intensity", "%", "%", Kind.SHARE, "R&D expense ÷ revenue of the firms reporting both");
        add("hightech_revenue_share", "高新技术产品收入占比", "High-tech product revenue share", "%", "%", Kind.SHARE, "");
        add("revenue_per_employee_cny_10k", "人均营业收入", "Revenue per employee", "万元/人", "10,000 CNY per employee", Kind.MONEY, "");
        // other tables
        add("score", "综合评分", "Composite score", "0–100分", "0–100", Kind.DECIMAL, "comparable across years");
        add("rank", "排名", "Rank", "", "", Kind.RANK, "");
        add("lq", "区位熵", "Location quotient", "", "", Kind.INDEX, "> 1: more specialised than the reference economy");
        add("share_in_zone", "占园区企业比重", "Share of the zone's firms", "%", "%", Kind.SHARE, "");
        add("relatedness_density", "关联密度", "Relatedness density", "0–100", "0–100", Kind.DECIMAL, "how related the division is to the zone's current specialisations");
        add("benchmark_lq_max", "对标园区最高区位熵", "Highest benchmark location quotient", "", "", Kind.INDEX, "");
        add("inventions_transferred_in", "受让发明专利", "Inventions transferred in", "件", "patents", Kind.COUNT, "");
        add("patents_coapplied", "合作申请专利", "Patents co-applied", "件", "patents", Kind.COUNT, "");
        add("sme_score", "科技型中小企业评价得分", "Tech-based SME score", "分", "points", Kind.COUNT, "60 points pass");
        // published-only figures of the sample's published_figures input
        add("torch_rank", "国家高新区综合排名", "National high-tech zone ranking", "名", "", Kind.RANK, "the Torch Centre's ranking");
        add("sci_tech_innovation_firms", "科技创新企业数", "Science and technology innovation firms", "家", "firms", Kind.COUNT, "");
        add("biomedical_innovative_firms", "生物医药创新企业数", "Innovative biomedical firms", "家", "firms", Kind.COUNT, "");
        add("drugs_in_research", "在研药物数", "Drugs in research", "个", "drugs", Kind.COUNT, "");
    }

    private MetricDictionary() {
    }

    private static void add(String id, String zh, String en, String unitZh, String unitEn, Kind kind, String note) {
        METRICS.put(id, new Metric(id, zh, en, unitZh, unitEn, kind, note));
    }

    public static Optional<Metric> find(String id) {
        return Optional.ofNullable(METRICS.get(id));
    }

    /** The metric, or a stand-in that shows the identifier itself (a published figure outside the dictionary). */
    public static Metric get(String id) {
        Metric m = METRICS.get(id);
        return m != null ? m : new Metric(id, id, id, "", "", Kind.DECIMAL, "");
    }

    public static Iterable<Metric> all() {
        return METRICS.values();
    }

    /** The documentation's dictionary table (src/site/markdown/metric-dictionary.md is this, checked by a test). */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Metric dictionary\n\n")
                .append("Every figure the gap report shows, by its column identifier, with the Chinese and English names and\n")
                .append("units the report prints. Generated from `MetricDictionary` in the code; a test fails when this page\n")
                .append("and the code differ (regenerate it as [development](development.md) says).\n\n")
                .append("| identifier | 中文 | unit | English | unit | note |\n|---|---|---|---|---|---|\n");
        for (Metric m : METRICS.values()) {
            b.append("| `").append(m.id()).append("` | ").append(m.zh()).append(" | ").append(m.unitZh()).append(" | ")
                    .append(m.en()).append(" | ").append(m.unitEn()).append(" | ").append(m.noteEn()).append(" |\n");
        }
        return b.toString();
    }

    /** Writes the documentation page: {@code java … MetricDictionary src/site/markdown/metric-dictionary.md}. */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), markdown());
    }
}
