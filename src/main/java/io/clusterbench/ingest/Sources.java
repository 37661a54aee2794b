package io.clusterbench.ingest;

import java.util.List;

import static io.clusterbench.ingest.ColumnSpec.optional;
import static io.clusterbench.ingest.ColumnSpec.personal;
import static io.clusterbench.ingest.ColumnSpec.required;

/** The sources of inputs.md with their canonical columns and Chinese aliases. */
public final class Sources {
    private Sources() {
    }

    private static final ColumnSpec[] PERSONAL = {
            personal("legal_representative", "法定代表人"),
            personal("phone", "联系电话", "电话"),
            personal("email", "邮箱"),
            personal("inventors", "发明人", "发明(设计)人"),
            personal("shareholders", "股东"),
    };

    public static final SourceSpec ZONES = spec("zones", true,
            required("zone_id", "园区代码"),
            required("name_zh", "园区名称"),
            optional("name_en", "英文名称", "园区英文名称"),
            required("city", "城市"),
            required("province", "省份"),
            required("role", "角色"),
            optional("parent_zone_id", "上级园区"),
            required("area_km2", "面积"),
            optional("area_basis", "面积口径", "面积说明"),
            optional("boundary_wkt", "边界"),
            optional("match_patterns", "匹配规则"),
            optional("torch_rank", "火炬排名"));

    /** 注销日期 and 吊销日期 both feed deregistered_date (the earliest wins), so 吊销日期 gets its own slot. */
    public static final SourceSpec ENTERPRISES = spec("enterprises", true,
            required("credit_code", "统一社会信用代码"),
            required("name", "企业名称"),
            optional("former_names", "曾用名"),
            optional("enterprise_type", "企业类型", "公司类型"),
            optional("zone_id", "园区代码"),
            optional("lon", "经度"),
            optional("lat", "纬度"),
            optional("address", "注册地址", "住所"),
            optional("authority", "登记机关"),
            optional("industry_code", "行业代码", "国标行业代码"),
            required("established_date", "成立日期"),
            required("status", "登记状态", "经营状态"),
            optional("deregistered_date", "注销日期"),
            ColumnSpec.alsoFeeds("deregistered_date", "_revoked_date", "吊销日期"),
            optional("registered_capital", "注册资本"),
            optional("employees", "参保人数", "从业人数"),
            optional("listing_board", "上市板块"),
            optional("stock_code", "股票代码"),
            optional("listing_date", "上市日期"),
            optional("delisting_date", "退市日期"),
            optional("tech_sme_years", "科技型中小企业入库年份"),
            optional("hte_cert_dates", "高新技术企业认定日期"));

    public static final SourceSpec FINANCIALS = spec("financials", false,
            required("credit_code", "统一社会信用代码"),
            required("year", "年度"),
            optional("revenue", "营业收入"),
            optional("rd_expense", "研发费用"),
            optional("hightech_revenue", "高新技术产品收入"),
            optional("total_assets", "资产总额"),
            optional("employees", "职工人数"),
            optional("rd_staff", "科技人员数"));

    public static final SourceSpec PATENTS = spec("patents", true,
            required("application_no", "申请号"),
            optional("patent_type", "专利类型"),
            required("application_date", "申请日"),
            optional("publication_no", "公开(公告)号", "公开号"),
            optional("grant_date", "授权日", "授权公告日"),
            required("applicants", "申请(专利权)人", "申请人"),
            optional("applicant_codes", "申请人统一社会信用代码"),
            optional("current_owners", "专利权人", "当前专利权人", "当前申请(专利权)人"),
            optional("ipc_main", "IPC主分类号", "主分类号"),
            optional("legal_status", "法律状态", "当前法律状态"));

    public static final SourceSpec FUNDING = spec("funding", false,
            optional("event_id", "事件ID"),
            optional("credit_code", "统一社会信用代码"),
            optional("company_name", "企业名称", "融资企业"),
            required("date", "融资日期", "日期"),
            optional("round", "轮次"),
            optional("amount", "金额", "融资金额"),
            optional("investors", "投资方")).needingOneOf("company_name", "credit_code");

    public static final SourceSpec PUBLISHED_FIGURES = spec("published_figures", false,
            required("zone_id"),
            required("metric"),
            required("year"),
            required("value"),
            optional("qualifier"),
            optional("source"),
            optional("note"));

    public static final List<SourceSpec> ALL = List.of(ZONES, ENTERPRISES, FINANCIALS, PATENTS, FUNDING, PUBLISHED_FIGURES);

    private static SourceSpec spec(String name, boolean required, ColumnSpec... columns) {
        List<ColumnSpec> all = new java.util.ArrayList<>(List.of(columns));
        all.addAll(List.of(PERSONAL));
        return new SourceSpec(name, required, List.copyOf(all), List.of());
    }
}
