package io.clusterbench.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a realistic input directory in the contract's format at any size (scripts/gen-data.sh), deterministic
 * by seed whatever the number of threads: every firm, patent and event is a pure function of (seed, its index),
 * so a patent can name firm j without holding the registry in memory. Sources are written as directories of
 * chunk files, as real exports arrive. The zones are the sample's (rectangular boundaries), so that a plain SQL
 * reference can place points with a bounding-box test.
 *
 * <p>Designed so that the core figures can be recomputed independently (scripts/bench.sh's DuckDB reference):
 * firm names are unique by construction (a bijection of the index), bad rows are of kinds plain SQL detects
 * (empty or malformed key, unparseable date, truncated row), and duplicates are verbatim repeats (enterprises)
 * or a second publication of the same application (patents). Half a percent of the firms placed by zone_id have
 * a quoted address spanning two lines, so that splitting a file into byte ranges meets quoted line breaks.
 */
public final class GenerateInput {
    static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    /** Share of the firms placed by zone_id whose address is quoted and spans two lines. */
    static final double MULTI_LINE_ADDRESS_SHARE = 0.005;
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] APP_WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    /** 60 characters → 3,600 two-character words; two words give 12.96 M distinct name stems. */
    private static final String NAME_CHARS = "华信达科博瑞通联智创芯源天海恒泰鼎盛宏远中新汇凯德康明光辰星云启航嘉元丰安宁和兴立诚金银睿思维拓普益峰晟宸禾澜朗舜卓越捷";
    private static final long STEMS = 3600L * 3600L;
    private static final long ORG_SPACE = 26_439_622_160_671L; // 31^9

    /** A zone as the generator uses it: where its firms are, what their addresses and codes look like. */
    private record Zone(String id, double weight, String city, String division, String addressPart, String authority,
                        double[] box, String[] industries) {
    }

    private static final String[] GENERIC_INDUSTRIES = {"C3914", "C3985", "I6510", "I6520", "M7320", "C3825",
            "C3511", "F5179", "L7212", "C2927", "C3360", "E4813", "G5432", "K7010", "M7512"};
    private static final List<Zone> ZONES = List.of(
            new Zone("weinan-htz", 0.06, "渭南", "610502", "渭南高新区", "渭南市市场监督管理局高新分局",
                    new double[]{109.42, 34.47, 109.48, 34.53}, new String[]{"C2614", "C2661", "C3511", "C3360", "C3825", "M7320"}),
            new Zone("zhangjiang-htz", 0.10, "上海", "310115", "浦东新区祖冲之路", "上海市浦东新区市场监督管理局",
                    null, new String[]{"I6510", "I6520", "C3963", "M7340", "L7212"}),
            new Zone("zhangjiang-sc", 0.10, "上海", "310115", "张江科学城", "上海市浦东新区市场监督管理局",
                    new double[]{121.56, 31.16, 121.64, 31.24}, new String[]{"I6510", "I6513", "C3973", "C3963", "M7340", "C2710"}),
            new Zone("zhangjiang-drug", 0.02, "上海", "310115", "张江创新药产业基地", "上海市浦东新区市场监督管理局",
                    new double[]{121.602, 31.182, 121.618, 31.198}, new String[]{"C2710", "C2720", "C2761", "M7340", "C2770"}),
            new Zone("sip", 0.18, "苏州", "320594", "苏州工业园区", "苏州工业园区市场监督管理局",
                    new double[]{120.68, 31.24, 120.80, 31.36}, new String[]{"C3973", "C3976", "C3825", "I6510", "M7340", "C2770"}),
            new Zone("hefei-htz", 0.14, "合肥", "340104", "合肥高新区", "合肥市市场监督管理局高新分局",
                    new double[]{117.08, 31.78, 117.18, 31.88}, new String[]{"C3973", "C3921", "C3841", "I6510", "C3511"}),
            new Zone("xian-htz", 0.12, "西安", "610131", "西安高新区", "西安市市场监督管理局高新分局",
                    null, new String[]{"C3973", "I6510", "C3744", "M7320", "C3825"}),
            new Zone("baoji-htz", 0.04, "宝鸡", "610301", "宝鸡高新区", "宝鸡市市场监督管理局高新分局",
                    null, new String[]{"C3311", "C3412", "C3734", "C3825"}),
            new Zone(null, 0.24, null, null, null, null, null, GENERIC_INDUSTRIES));
    private static final String[][] ELSEWHERE = {
            {"北京", "110108", "北京市海淀区中关村大街", "北京市海淀区市场监督管理局"},
            {"深圳", "440305", "深圳市南山区科技园", "深圳市市场监督管理局南山监管局"},
            {"杭州", "330106", "杭州市西湖区文三路", "杭州市西湖区市场监督管理局"},
            {"成都", "510107", "成都市武侯区天府大道", "成都市武侯区市场监督管理局"},
            {"武汉", "420111", "武汉市洪山区光谷大道", "武汉市洪山区市场监督管理局"},
            {"渭南", "610502", "渭南市临渭区朝阳大街", "渭南市临渭区市场监督管理局"},
            {"上海", "310104", "上海市徐汇区漕河泾", "上海市徐汇区市场监督管理局"}};
    private static final String[] STREETS = {"高新路", "科技路", "创新路", "锦业路", "星湖街", "科学大道", "望江西路", "祥科路"};
    private static final String[] TRADES = {"科技", "生物医药", "电子科技", "信息技术", "新材料", "智能装备", "半导体", "软件", "新能源", "医疗器械"};
    private static final String[] FORMS = {"有限公司", "有限公司", "股份有限公司", "有限责任公司"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "杰", "军", "涛"};
    private static final String[] UNIVERSITIES = {"复旦大学", "上海交通大学", "同济大学", "华东理工大学", "苏州大学",
            "中国科学技术大学", "合肥工业大学", "西安交通大学", "西北工业大学", "西安电子科技大学", "陕西科技大学",
            "中国科学院上海药物研究所", "中国科学院合肥物质科学研究院", "渭南师范学院", "长安大学"};
    private static final String[] ROUNDS = {"天使轮", "A轮", "A+轮", "Pre-A轮", "B轮", "C轮", "战略投资", "政府引导基金", "种子轮", "定增"};
    private static final String[] INVESTORS = {"红杉中国", "高瓴资本", "IDG资本", "深创投", "元禾控股", "合肥产投",
            "国投创业", "陕西投资集团", "君联资本", "启明创投", "经纬创投", "中金资本"};
    private static final String[] LEGAL = {"有效", "实质审查", "公开", "失效", "驳回", "授权"};
    private static final String[] IPC = {"A61K31/4439", "G06F16/27", "H01L21/02", "C07D401/14", "G06N3/08",
            "H04W72/04", "B23K26/38", "C12N15/11", "G01N33/68", "H01M10/0525"};
    /** Firms 0–49 are large groups: they file thousands of patents at 10 M, the skew the applicant join must bear. */
    private static final int LARGE_GROUPS = 50;

    private final long seed;
    private final long firms;
    private final double badShare;

    GenerateInput(long seed, long firms, double badShare) {
        this.seed = seed;
        this.firms = firms;
        this.badShare = badShare;
    }

    public static void main(String[] args) throws Exception {
        long firms = -1;
        Path out = null;
        long seed = 20240630L;
        double bad = 0.01;
        int chunkRows = 250_000;
        Path zones = Path.of("sample-data/zones.csv");
        Path figures = Path.of("sample-data/published_figures.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--firms" -> firms = parseCount(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--bad-share" -> bad = Double.parseDouble(args[++i]);
                case "--chunk-rows" -> chunkRows = (int) parseCount(args[++i]);
                case "--zones" -> zones = Path.of(args[++i]);
                case "--figures" -> figures = Path.of(args[++i]);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (firms <= 0 || out == null) {
            usage("--firms N and --out DIR are required");
        }
        if (firms > 10_000_000L) {
            usage("--firms: at most 10M (application numbers and name stems are unique up to that size)");
        }
        GenerateInput g = new GenerateInput(seed, firms, bad);
        Files.createDirectories(out);
        Files.copy(zones, out.resolve("zones.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(figures, out.resolve("published_figures.csv"), StandardCopyOption.REPLACE_EXISTING);
        long started = System.nanoTime();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> jobs = new ArrayList<>();
        jobs.addAll(g.chunks(pool, out.resolve("enterprises"), firms, chunkRows, Source.ENTERPRISES));
        jobs.addAll(g.chunks(pool, out.resolve("patents"), firms, chunkRows, Source.PATENTS));
        jobs.addAll(g.chunks(pool, out.resolve("funding"), Math.max(1, firms / 10), chunkRows, Source.FUNDING));
        jobs.addAll(g.chunks(pool, out.resolve("financials"), Math.max(1, firms / 20), chunkRows, Source.FINANCIALS));
        long rows = 0;
        for (Future<Long> f : jobs) {
            rows += f.get();
        }
        pool.shutdown();
        System.out.printf("gen-data: %,d firms → %,d rows in %s (%.1f s, seed %d, bad share %.3f)%n", firms, rows, out,
                (System.nanoTime() - started) / 1e9, seed, bad);
    }

    private static long parseCount(String s) {
        String t = s.trim().toLowerCase();
        long mult = t.endsWith("k") ? 1_000L : t.endsWith("m") ? 1_000_000L : 1L;
        return Math.round(Double.parseDouble(mult == 1 ? t : t.substring(0, t.length() - 1)) * mult);
    }

    private static void usage(String message) {
        System.err.println("gen-data: " + message);
        System.err.println("usage: gen-data.sh --firms N --out DIR [--seed S] [--bad-share 0.01] [--chunk-rows 250000]");
        System.exit(2);
    }

    enum Source { ENTERPRISES, PATENTS, FUNDING, FINANCIALS }

    private List<Future<Long>> chunks(ExecutorService pool, Path dir, long count, int chunkRows, Source source)
            throws IOException {
        Files.createDirectories(dir);
        List<Future<Long>> jobs = new ArrayList<>();
        for (long from = 0, part = 0; from < count; from += chunkRows, part++) {
            long lo = from;
            long hi = Math.min(count, from + chunkRows);
            Path file = dir.resolve(String.format("part-%05d.csv", part));
            jobs.add(pool.submit(() -> writeChunk(file, source, lo, hi)));
        }
        return jobs;
    }

    private long writeChunk(Path file, Source source, long from, long to) {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
            StringBuilder line = new StringBuilder(512);
            long rows = 0;
            w.write(switch (source) {
                case ENTERPRISES -> "credit_code,name,enterprise_type,zone_id,lon,lat,address,authority,industry_code,"
                        + "established_date,status,deregistered_date,registered_capital,employees,listing_board,stock_code,"
                        + "listing_date,tech_sme_years,hte_cert_dates,legal_representative,phone\n";
                case PATENTS -> "申请号,专利类型,申请日,公开(公告)号,授权日,申请(专利权)人,申请人统一社会信用代码,当前专利权人,IPC主分类号,法律状态,发明人\n";
                case FUNDING -> "事件ID,统一社会信用代码,融资企业,融资日期,轮次,融资金额,投资方\n";
                case FINANCIALS -> "credit_code,year,revenue,rd_expense,hightech_revenue,total_assets,employees,rd_staff,legal_representative,email\n";
            });
            for (long i = from; i < to; i++) {
                SplittableRandom r = new SplittableRandom(mix(seed, source.ordinal(), i));
                rows += switch (source) {
                    case ENTERPRISES -> enterprise(i, r, line, w);
                    case PATENTS -> patent(i, r, line, w);
                    case FUNDING -> funding(i, r, line, w);
                    case FINANCIALS -> financials(i, r, line, w);
                };
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- firms: every attribute a pure function of (seed, index) ----

    /** The attributes of firm i that other sources refer to. */
    record Firm(long index, String code, String name, Zone zone, String[] elsewhere, LocalDate established, int bad,
                boolean duplicated) {
    }

    Firm firm(long i) {
        SplittableRandom r = new SplittableRandom(mix(seed, 99, i));
        Zone zone = pick(r.nextDouble());
        String[] elsewhere = zone.id() == null ? ELSEWHERE[r.nextInt(ELSEWHERE.length)] : null;
        String city = zone.id() != null ? zone.city() : elsewhere[0];
        String division = zone.id() != null ? zone.division() : elsewhere[1];
        double kind = r.nextDouble();
        String prefix = kind < 0.015 ? "92" : kind < 0.02 ? "93" : "91";
        long stem = Math.floorMod(i * 7_368_787L + 1_234_567L, STEMS);
        int a = (int) (stem / 3600);
        int b = (int) (stem % 3600);
        String trade = TRADES[r.nextInt(TRADES.length)];
        String name = city + word(a) + word(b) + trade + FORMS[r.nextInt(FORMS.length)];
        if (prefix.equals("91") && kind > 0.99) {
            name = name + "西安分公司"; // a branch: counts nowhere, and is not its parent
        }
        String body = prefix + division + base31(Math.floorMod(i * 1_000_003L + 777_777L, ORG_SPACE));
        String code = body + checkChar(body);
        if (r.nextDouble() < 0.003) {
            code = body + CODE_ALPHABET.charAt((CODE_ALPHABET.indexOf(checkChar(body)) + 1) % 31); // flag only
        }
        LocalDate est = established(r);
        double badRoll = r.nextDouble();
        int bad = badRoll < badShare ? 1 + r.nextInt(4) : 0;
        boolean duplicated = r.nextDouble() < 0.002;
        return new Firm(i, code, name, zone, elsewhere, est, bad, duplicated);
    }

    private long enterprise(long i, SplittableRandom r, StringBuilder s, BufferedWriter w) throws IOException {
        Firm f = firm(i);
        Zone z = f.zone();
        s.setLength(0);
        String code = switch (f.bad()) {
            case 1 -> "";                                   // MISSING_REQUIRED
            case 2 -> f.code().substring(0, 17);            // BAD_CREDIT_CODE (17 characters)
            default -> f.code();
        };
        s.append(code).append(',').append(f.name()).append(',')
                .append(f.name().endsWith("股份有限公司") ? "股份有限公司" : "有限责任公司").append(',');
        double how = r.nextDouble();
        String address;
        String authority;
        if (z.id() != null) {
            authority = z.authority();
            boolean placedByText = how >= 0.75 || (how >= 0.60 && z.box() == null);
            address = z.city() + "市" + (placedByText ? z.addressPart() : "") + STREETS[r.nextInt(STREETS.length)] + (1 + r.nextInt(999)) + "号";
            if (how < 0.005) {
                s.append("zone-retired,,,");                // an unknown zone_id: kept, unplaced
            } else if (how < 0.60) {
                s.append(z.id()).append(",,,");
            } else if (how < 0.75 && z.box() != null) {
                double[] b = z.box();
                double lon = b[0] + (0.05 + 0.9 * r.nextDouble()) * (b[2] - b[0]);
                double lat = b[1] + (0.05 + 0.9 * r.nextDouble()) * (b[3] - b[1]);
                s.append(',').append(String.format("%.6f,%.6f", lon, lat)).append(',');
            } else {
                s.append(",,,");
            }
            if (z.id().equals("weinan-htz") && placedByText && how > 0.9) {
                address = "渭南市高新技术开发区" + STREETS[r.nextInt(STREETS.length)] + (1 + r.nextInt(999)) + "号"; // division:610502&address:高新
            }
        } else {
            address = f.elsewhere()[2] + (1 + r.nextInt(999)) + "号";
            authority = f.elsewhere()[3];
            if (how < 0.1) {
                s.append(',').append(String.format("%.6f,%.6f", 100 + 20 * r.nextDouble(), 25 + 10 * r.nextDouble())).append(',');
            } else {
                s.append(",,,");
            }
        }
        if (z.id() != null && how >= 0.005 && how < 0.60 && f.bad() == 0
                && new SplittableRandom(mix(seed, 77, i)).nextDouble() < MULTI_LINE_ADDRESS_SHARE) {
            // an address with a line break, quoted, as registry exports carry them: the record spans two lines
            // (only where the zone_id places the firm, so no placement depends on it; its own random stream, so no
            // other value changes)
            address = "\"" + address + "\n" + (1 + i % 30) + "号楼\"";
        }
        s.append(address).append(',').append(authority).append(',');
        String[] ind = z.industries();
        s.append(ind[r.nextInt(ind.length)]).append(',');
        if (f.bad() == 4) {                                 // MALFORMED_ROW: the export cut the row short
            w.write(s.append('\n').toString());
            return 1;
        }
        s.append(f.bad() == 3 ? "2019-13-45" : date(f.established(), r)).append(',');   // BAD_DATE
        double st = r.nextDouble();
        LocalDate exit = null;
        String status = "存续";
        if (st < 0.12) {
            status = r.nextBoolean() ? "注销" : "deregistered";
            exit = between(r, f.established().plusDays(30), AS_OF);
        } else if (st < 0.13) {
            status = "迁出";
            exit = between(r, f.established().plusDays(30), AS_OF);
        } else if (st < 0.145) {
            status = "吊销";                                // no exit date: EXIT_DATE_MISSING
        } else if (st < 0.16) {
            status = "停业";
        }
        if (exit != null && exit.isBefore(f.established().plusDays(30))) {
            exit = null;
            status = "存续";
        }
        s.append(status).append(',').append(exit == null ? "" : exit.toString()).append(',');
        double cap = r.nextDouble();
        s.append(cap < 0.6 ? (10 + r.nextInt(5000)) + "万元" : cap < 0.85 ? String.valueOf(50 + r.nextInt(3000))
                : cap < 0.95 ? String.format("%.1f亿元", 1 + 9 * r.nextDouble()) : (100 + r.nextInt(900)) + "万美元").append(',');
        s.append(r.nextDouble() < 0.1 ? "" : String.valueOf(1 + (int) Math.exp(r.nextDouble() * 7))).append(',');
        double l = r.nextDouble();
        if (l < 0.004 && f.established().getYear() < 2020) {
            String[][] boards = {{"科创板", "688"}, {"创业板", "300"}, {"上交所主板", "600"}, {"深交所主板", "000"}, {"新三板", "430"}};
            String[] bd = boards[r.nextInt(boards.length)];
            s.append(bd[0]).append(',').append(bd[1]).append(String.format("%03d", r.nextInt(1000))).append(',')
                    .append(between(r, f.established().plusYears(3), AS_OF)).append(',');
        } else {
            s.append(",,,");
        }
        if (r.nextDouble() < 0.08) {
            int y0 = Math.max(2015, f.established().getYear());
            StringBuilder ys = new StringBuilder();
            for (int y = y0; y <= 2024; y++) {
                if (r.nextDouble() < 0.6) {
                    ys.append(ys.length() > 0 ? ";" : "").append(y);
                }
            }
            s.append(ys);
        }
        s.append(',');
        if (r.nextDouble() < 0.04) {
            LocalDate d = between(r, f.established().plusYears(1).isAfter(LocalDate.of(2015, 1, 1)) ? f.established().plusYears(1)
                    : LocalDate.of(2015, 1, 1), AS_OF);
            s.append(d);
            if (r.nextBoolean() && d.plusYears(3).isBefore(AS_OF)) {
                s.append(';').append(d.plusYears(3).plusDays(r.nextInt(60)));
            }
        }
        s.append(',').append(person(r)).append(',').append("1").append(30 + r.nextInt(60)).append(String.format("%08d", r.nextInt(100_000_000))).append('\n');
        String row = s.toString();
        w.write(row);
        if (f.duplicated()) {
            w.write(row);                                   // a verbatim repeat, as overlapping export chunks give
            return 2;
        }
        return 1;
    }

    // ---- patents ----

    private long patent(long k, SplittableRandom r, StringBuilder s, BufferedWriter w) throws IOException {
        s.setLength(0);
        int year = 2012 + r.nextInt(14);                    // 2012–2025: the last ones fall after as_of
        LocalDate applied = LocalDate.of(year, 1, 1).plusDays(r.nextInt(year == 2025 ? 180 : 365));
        double t = r.nextDouble();
        char type = t < 0.45 ? '1' : t < 0.85 ? '2' : '3';
        String digits = year + String.valueOf(type) + String.format("%07d", Math.floorMod(k * 3_571_429L + 12_345L, 10_000_000L));
        String appNo = digits + "." + appCheck(digits);
        int bad = r.nextDouble() < badShare ? 1 + r.nextInt(4) : 0;
        s.append(switch (bad) {
            case 1 -> "";                                   // MISSING_REQUIRED
            case 2 -> digits.substring(0, 9) + "." + appCheck(digits); // BAD_APPLICATION_NO: too short
            default -> appNo;
        }).append(",,");
        if (bad == 4) {
            w.write(s.append('\n').toString());            // MALFORMED_ROW: the export cut the row short
            return 1;
        }
        s.append(bad == 3 ? "2019-02-30" : applied.toString()).append(',');   // BAD_DATE
        int n = r.nextDouble() < 0.7 ? 1 : r.nextDouble() < 0.75 ? 2 : 3;
        List<String> names = new ArrayList<>(n);
        List<String> codes = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            double kind = r.nextDouble();
            if (kind < 0.10) {
                names.add(UNIVERSITIES[r.nextInt(UNIVERSITIES.length)]);
                codes.add("");
            } else if (kind < 0.15) {
                names.add(person(r));
                codes.add("");
            } else {
                long j = r.nextDouble() < 0.05 ? r.nextInt((int) Math.min(LARGE_GROUPS, firms)) : r.nextLong(firms);
                Firm f = firm(j);
                names.add(f.name());
                codes.add(f.code());
            }
        }
        boolean withCodes = r.nextDouble() < 0.5;
        boolean granted = type != '1' ? r.nextDouble() < 0.8 : r.nextDouble() < 0.4;
        LocalDate grant = granted ? applied.plusDays(120 + r.nextInt(type == '1' ? 1100 : 300)) : null;
        if (grant != null && grant.isAfter(AS_OF)) {
            grant = null;
        }
        // A granted patent now and then belongs to another firm today (transferred): its current owner.
        String owner = grant != null && r.nextDouble() < 0.06 ? firm(r.nextLong(firms)).name() : "";
        String pubBase = "CN1" + String.format("%08d", Math.floorMod(k * 7_919L + 11L, 100_000_000L));
        String tail = "," + String.join(";", names) + "," + (withCodes ? String.join(";", codes) : "") + "," + owner + ","
                + IPC[r.nextInt(IPC.length)] + "," + (grant != null ? (type == '1' ? "有效" : LEGAL[r.nextInt(LEGAL.length)])
                : LEGAL[1 + r.nextInt(2)]) + "," + person(r) + ";" + person(r) + "\n";
        String head = s.toString();
        long rows = 1;
        if (grant != null && r.nextDouble() < 0.3) {        // CNIPA repeats an application per publication
            w.write(head + pubBase + "A,," + tail.substring(1));
            rows++;
        }
        w.write(head + pubBase + (grant != null ? "B" : "A") + "," + (grant == null ? "" : grant.toString()) + tail);
        return rows;
    }

    // ---- funding and financials ----

    private long funding(long k, SplittableRandom r, StringBuilder s, BufferedWriter w) throws IOException {
        s.setLength(0);
        Firm f = firm(r.nextLong(firms));
        boolean byCode = r.nextDouble() < 0.6;
        LocalDate d = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3650));
        double a = r.nextDouble();
        String amount = a < 0.35 ? (100 + r.nextInt(9900)) + "万元" : a < 0.55 ? String.format("%.1f亿元", 1 + 20 * r.nextDouble())
                : a < 0.65 ? "USD " + (1 + r.nextInt(50)) + "M" : a < 0.8 ? "数千万" : a < 0.9 ? "未披露" : String.valueOf(500 + r.nextInt(20000));
        boolean bad = r.nextDouble() < badShare;
        s.append("EV").append(String.format("%09d", k)).append(',').append(byCode ? f.code() : "").append(',')
                .append(f.name()).append(',').append(bad ? "20xx-01-01" : date(d, r)).append(',')
                .append(ROUNDS[r.nextInt(ROUNDS.length)]).append(',').append(amount).append(',')
                .append(INVESTORS[r.nextInt(INVESTORS.length)]).append('、').append(INVESTORS[r.nextInt(INVESTORS.length)]).append('\n');
        w.write(s.toString());
        return 1;
    }

    private long financials(long k, SplittableRandom r, StringBuilder s, BufferedWriter w) throws IOException {
        Firm f = firm(k * 20 + r.nextInt(20));
        long rows = 0;
        for (int year = 2021; year <= 2023; year++) {
            if (f.established().getYear() > year) {
                continue;
            }
            s.setLength(0);
            double revenue = 100 + 100_000 * Math.pow(r.nextDouble(), 3);
            s.append(f.code()).append(',').append(year).append(',').append(String.format("%.2f", revenue)).append(',')
                    .append(String.format("%.2f", revenue * (0.01 + 0.1 * r.nextDouble()))).append(',')
                    .append(r.nextDouble() < 0.3 ? "" : String.format("%.2f", revenue * r.nextDouble())).append(',')
                    .append(String.format("%.2f", revenue * (0.5 + 2 * r.nextDouble()))).append(',')
                    .append(5 + r.nextInt(500)).append(',').append(r.nextInt(60)).append(',').append(person(r))
                    .append(",cfo").append(k).append("@example.com\n");
            w.write(s.toString());
            rows++;
        }
        return rows;
    }

    // ---- values ----

    private static Zone pick(double u) {
        double acc = 0;
        for (Zone z : ZONES) {
            acc += z.weight();
            if (u < acc) {
                return z;
            }
        }
        return ZONES.get(ZONES.size() - 1);
    }

    /** Establishment: 1995–2024, more of them recently; about 1.5 % after as_of (outside the snapshot). */
    private static LocalDate established(SplittableRandom r) {
        if (r.nextDouble() < 0.015) {
            return AS_OF.plusDays(1 + r.nextInt(300));
        }
        double u = Math.sqrt(r.nextDouble());
        LocalDate from = LocalDate.of(1995, 1, 1);
        return from.plusDays((long) (u * (AS_OF.toEpochDay() - from.toEpochDay())));
    }

    /** The formats registries use: mostly ISO, some slashes, some Chinese. */
    private static String date(LocalDate d, SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.85 ? d.toString() : u < 0.95 ? d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth()
                : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static LocalDate between(SplittableRandom r, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? to : from.plusDays(r.nextLong(days + 1));
    }

    private static String person(SplittableRandom r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }

    private static String word(int w) {
        return "" + NAME_CHARS.charAt(w / 60) + NAME_CHARS.charAt(w % 60);
    }

    private static String base31(long v) {
        char[] c = new char[9];
        for (int p = 8; p >= 0; p--) {
            c[p] = CODE_ALPHABET.charAt((int) (v % 31));
            v /= 31;
        }
        return new String(c);
    }

    static char checkChar(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_ALPHABET.indexOf(body17.charAt(i)) * CODE_WEIGHTS[i];
        }
        return CODE_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    static char appCheck(String digits12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits12.charAt(i) - '0') * APP_WEIGHTS[i];
        }
        int m = sum % 11;
        return m == 10 ? 'X' : (char) ('0' + m);
    }

    /** SplitMix64 finaliser over (seed, stream, index): independent streams per row, whatever the chunking. */
    private static long mix(long seed, long stream, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
