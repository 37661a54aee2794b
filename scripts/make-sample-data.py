#!/usr/bin/env python3
"""Writes sample-data/: a small, synthetic but realistic input in the contract's format (deterministic).

Zones and their areas are the ones the Weinan benchmarking study cites (ZONES below); published_figures.csv (the
figures the study quotes) is kept as it is; firms, dates, certificates and listings are invented. Rerun with:
python3 scripts/make-sample-data.py
"""
import csv, gzip, io, os, random, sys, zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-data")
rnd = random.Random(20240630)
ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(prefix, division):
    body = prefix + division + "".join(rnd.choice(ALPHA) for _ in range(9))
    s = sum(ALPHA.index(c) * w for c, w in zip(body, W))
    return body + ALPHA[(31 - s % 31) % 31]


def box(lon, lat, d):
    return f"POLYGON(({lon-d} {lat-d}, {lon+d} {lat-d}, {lon+d} {lat+d}, {lon-d} {lat+d}, {lon-d} {lat-d}))"


ZONES = [
    # zone_id, name_zh, name_en, city, province, role, parent, area, basis, wkt, patterns, torch
    ("weinan-htz", "渭南高新技术产业开发区", "Weinan High-tech Zone", "渭南", "陕西", "home", "", "49",
     "administered (planned control area 31 km²)", box(109.45, 34.50, 0.03), "address:渭南高新区;division:610502&address:高新", "86"),
    ("zhangjiang-htz", "上海张江高新技术产业开发区", "Shanghai Zhangjiang National High-tech Zone", "上海", "上海", "benchmark", "", "420",
     "built-up area of the 1区22园 zone (approx.)", "", "authority:上海市浦东新区市场监督管理局", "2"),
    ("zhangjiang-sc", "张江科学城", "Zhangjiang Science City", "上海", "上海", "benchmark", "zhangjiang-htz", "95",
     "planned 2017", box(121.60, 31.20, 0.04), "address:张江科学城;address:张江高科技园区", ""),
    ("zhangjiang-drug", "张江创新药产业基地", "Zhangjiang Innovative Drug Base", "上海", "上海", "benchmark", "zhangjiang-sc", "3.1",
     "planned", box(121.61, 31.19, 0.008), "address:张江创新药产业基地", ""),
    ("sip", "苏州工业园区", "Suzhou Industrial Park", "苏州", "江苏", "benchmark", "", "278",
     "administrative area (China-Singapore cooperation zone 80 km²)", box(120.74, 31.30, 0.06), "division:320594;address:苏州工业园区", "4"),
    ("hefei-htz", "合肥高新技术产业开发区", "Hefei High-tech Zone", "合肥", "安徽", "benchmark", "", "179",
     "after taking over part of 小庙镇 on 2021-04-30 (128 km² before)", box(117.13, 31.83, 0.05), "address:合肥高新区", "7"),
    ("xian-htz", "西安高新技术产业开发区", "Xi'an High-tech Zone", "西安", "陕西", "peer", "", "307",
     "approximate, for the sample only", "", "address:西安高新区", "3"),
    ("baoji-htz", "宝鸡高新技术产业开发区", "Baoji High-tech Zone", "宝鸡", "陕西", "peer", "", "98",
     "approximate, for the sample only", "", "address:宝鸡高新区", "38"),
]

# zone -> (count, admin division, industry mix, address stem, tech intensity, lon/lat centre)
PROFILE = {
    "weinan-htz": (22, "610502", ["C26", "C35", "C33", "C27", "C38", "F51", "E48"], "陕西省渭南市高新区", 0.20, (109.45, 34.50)),
    "zhangjiang-htz": (110, "310115", ["I65", "C39", "M73", "C27", "L72"], "上海市浦东新区", 0.45, None),
    "zhangjiang-sc": (70, "310115", ["I65", "C39", "M73", "C27", "I64"], "上海市浦东新区张江科学城", 0.60, (121.60, 31.20)),
    "zhangjiang-drug": (40, "310115", ["C27", "M73", "C27", "F51"], "上海市浦东新区张江创新药产业基地", 0.70, (121.61, 31.19)),
    "sip": (150, "320594", ["C39", "C38", "M73", "C34", "I65", "C27"], "江苏省苏州市苏州工业园区", 0.55, (120.74, 31.30)),
    "hefei-htz": (115, "340104", ["C38", "C39", "I65", "C35", "M73"], "安徽省合肥市合肥高新区", 0.50, (117.13, 31.83)),
    "xian-htz": (40, "610131", ["I65", "C39", "C36"], "陕西省西安市西安高新区", 0.45, None),
    "baoji-htz": (15, "610302", ["C33", "C36", "C35"], "陕西省宝鸡市宝鸡高新区", 0.25, None),
}
STEMS = ["华", "科", "瑞", "恒", "博", "创", "联", "智", "康", "源", "达", "信", "微", "芯", "新", "泰", "盛", "云", "海", "天"]
TAILS = {"C27": "生物医药", "C26": "化工", "C35": "机械", "C33": "金属制品", "C38": "电气", "C39": "电子", "I65": "软件",
         "I64": "网络科技", "M73": "生物技术研究", "L72": "咨询", "F51": "贸易", "E48": "建设", "C34": "精密机械", "C36": "汽车零部件"}
BOARDS = [("STAR", "688"), ("CHINEXT", "300"), ("SSE_MAIN", "603"), ("SZSE_MAIN", "002"), ("NEEQ", "83"), ("HKEX", "")]
STATUS_ZH = {"active": ["存续", "在业", "开业"], "deregistered": ["注销"], "revoked": ["吊销，未注销"], "suspended": ["停业"]}


# 企业类型 as registries write it, weighted per region: the home and western zones lean on state ownership, the
# Yangtze River Delta zones on private and foreign firms. Chosen by a hash of the credit code, so adding this
# column draws nothing from the random stream and every other value of the sample stays as it was.
OWNERSHIP_TYPES = {
    "west": [("有限责任公司（自然人投资或控股）", 40), ("有限责任公司（国有独资）", 12), ("有限责任公司(国有控股)", 10),
             ("有限责任公司（非自然人投资或控股的法人独资）", 15), ("集体所有制", 4), ("个人独资企业", 5),
             ("有限责任公司（外商投资企业法人独资）", 3), ("其他有限责任公司", 6), ("股份有限公司(非上市、国有控股)", 5)],
    "delta": [("有限责任公司（自然人投资或控股）", 45), ("有限责任公司（非自然人投资或控股的法人独资）", 15),
              ("有限责任公司(外国法人独资)", 10), ("有限责任公司（台港澳法人独资）", 5), ("中外合资经营企业", 5),
              ("有限责任公司（国有控股）", 4), ("普通合伙企业", 3), ("其他有限责任公司", 6),
              ("股份有限公司(非上市、自然人投资或控股)", 5), ("股份有限公司(上市、国有控股)", 2)],
}


def enterprise_type(zone, code):
    types = OWNERSHIP_TYPES["west" if zone in ("weinan-htz", "xian-htz", "baoji-htz") else "delta"]
    pick = zlib.crc32(code.encode()) % sum(w for _, w in types)
    for t, w in types:
        if pick < w:
            return t
        pick -= w


def firm_rows():
    rows, used = [], set()
    for zone, (n, div, mix, addr, tech, centre) in PROFILE.items():
        for i in range(n):
            ind = rnd.choice(mix)
            name = "".join(rnd.sample(STEMS, 2)) + TAILS[ind]
            city = addr[3:5] if addr.startswith("陕西") or addr.startswith("江苏") or addr.startswith("安徽") else "上海"
            legal = rnd.choice(["股份有限公司", "有限公司", "有限责任公司"])
            full = f"{city}{name}{legal}"
            while full in used:
                full = f"{city}{name}{rnd.choice(STEMS)}{legal}"
            used.add(full)
            est_year = rnd.choice(range(2003, 2025)) if zone != "weinan-htz" else rnd.choice(range(2008, 2025))
            est = f"{est_year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            if est_year == 2024 and est > "2024-06-30":
                est = f"2024-0{rnd.randint(1, 6)}-{rnd.randint(1, 28):02d}"
            status, dereg = "active", ""
            r = rnd.random()
            if r < 0.10 and est_year < 2023:
                status = "deregistered"
                dy = rnd.randint(max(est_year + 1, 2016), 2024)
                dereg = f"{dy}-{rnd.randint(1, 6):02d}-{rnd.randint(1, 28):02d}"
            elif r < 0.12:
                status = "suspended"
            elif r < 0.13 and est_year < 2020:
                status = "revoked"  # no exit date: EXIT_DATE_MISSING
            code = credit_code("91", div)
            # How the row is placed: mostly zone_id; some by coordinates, some only by text rules.
            how = rnd.random()
            zone_id, lon, lat, address = zone, "", "", addr + f"{rnd.choice(['科技', '创新', '高新', '锦业', '祖冲之'])}路{rnd.randint(1, 999)}号"
            if centre and how < 0.15:
                zone_id = ""
                d = 0.006 if zone == "zhangjiang-drug" else 0.02
                lon, lat = f"{centre[0] + rnd.uniform(-d, d):.6f}", f"{centre[1] + rnd.uniform(-d, d):.6f}"
            elif how < 0.25:
                zone_id = ""
            employees = int(rnd.lognormvariate(3.5 if tech < 0.3 else 4.2, 1.0))
            capital = rnd.choice([f"{rnd.randint(50, 5000)}", f"{rnd.randint(50, 5000)}万元", f"{rnd.randint(1, 20) / 10}亿元",
                                  f"{rnd.randint(100, 2000)}万美元", f"{rnd.randint(100, 5000)}万元人民币(认缴)"])
            sme = sorted({y for y in range(max(est_year, 2017), 2025) if rnd.random() < tech})
            hte = []
            if rnd.random() < tech * 0.8 and est_year < 2023:
                y0 = rnd.randint(max(est_year + 1, 2012), 2023)
                while y0 <= 2024:
                    hte.append(f"{y0}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}")
                    y0 += 3
                hte = [d for d in hte if d <= "2024-06-30"]
            board = stock = listing = ""
            if rnd.random() < tech * 0.12 and est_year < 2021:
                board, prefix = rnd.choice(BOARDS)
                ly = rnd.randint(max(est_year + 2, 2010), 2024)
                listing = f"{ly}-{rnd.randint(1, 6):02d}-{rnd.randint(1, 28):02d}"
                stock = (prefix + "".join(rnd.choice("0123456789") for _ in range(6 - len(prefix)))) if prefix else f"0{rnd.randint(1000, 9999)}"
                if board in ("STAR", "SSE_MAIN"):
                    stock += ".SH"
                elif board in ("CHINEXT", "SZSE_MAIN"):
                    stock += ".SZ"
            rows.append(dict(credit_code=code, name=full, former_names="", enterprise_type=enterprise_type(zone, code), zone_id=zone_id,
                             lon=lon, lat=lat, address=address, authority="", industry_code=ind + str(rnd.randint(10, 99)),
                             established_date=est, status=status, deregistered_date=dereg, registered_capital=capital,
                             employees=str(employees), listing_board=board, stock_code=stock, listing_date=listing,
                             delisting_date="", tech_sme_years=";".join(map(str, sme)), hte_cert_dates=";".join(hte),
                             legal_representative=rnd.choice(["张伟", "王芳", "李娜", "刘洋"]), phone=f"1{rnd.randint(3, 9)}{rnd.randint(100000000, 999999999)}"))
    # Non-enterprise entities that appear in firms but count nowhere.
    for kind, prefix, suffix in [("individual", "92", "个体店"), ("coop", "93", "农民专业合作社"), ("branch", "91", "渭南分公司")]:
        for i in range(3):
            rows.append(dict(credit_code=credit_code(prefix, "610502"), name=f"渭南{rnd.choice(STEMS)}{rnd.choice(STEMS)}{suffix}",
                             former_names="", enterprise_type="分公司" if kind == "branch" else "", zone_id="weinan-htz",
                             lon="", lat="", address="陕西省渭南市高新区朝阳大街", authority="", industry_code="F52",
                             established_date=f"201{i}-05-01", status="active", deregistered_date="", registered_capital="",
                             employees="3", listing_board="", stock_code="", listing_date="", delisting_date="",
                             tech_sme_years="", hte_cert_dates="", legal_representative="赵敏", phone="13800000000"))
    # Firms placed by the registration authority rule only (Pudong authority → the Zhangjiang zone itself).
    for i in range(4):
        rows.append(dict(credit_code=credit_code("91", "310115"), name=f"上海{rnd.choice(STEMS)}{rnd.choice(STEMS)}信息技术有限公司",
                         former_names="", enterprise_type="", zone_id="", lon="", lat="", address="上海市浦东新区川沙路",
                         authority="上海市浦东新区市场监督管理局", industry_code="I6510", established_date=f"201{5 + i}-03-01",
                         status="存续", deregistered_date="", registered_capital="100", employees="12", listing_board="",
                         stock_code="", listing_date="", delisting_date="", tech_sme_years="2023", hte_cert_dates="",
                         legal_representative="陈静", phone="13900000000"))
    # Unplaced firms elsewhere in China, and one naming an unknown zone.
    for i in range(6):
        rows.append(dict(credit_code=credit_code("91", "440300"), name=f"深圳{rnd.choice(STEMS)}{rnd.choice(STEMS)}电子有限公司",
                         former_names="", enterprise_type="", zone_id="nanshan-htz" if i == 0 else "", lon="", lat="",
                         address="广东省深圳市南山区", authority="", industry_code="C3914", established_date=f"2012-0{i + 1}-15",
                         status="active", deregistered_date="", registered_capital="1000", employees="80", listing_board="",
                         stock_code="", listing_date="", delisting_date="", tech_sme_years="", hte_cert_dates="",
                         legal_representative="黄磊", phone="13700000000"))
    return rows


EN_HEADER = ["credit_code", "name", "former_names", "enterprise_type", "zone_id", "lon", "lat", "address", "authority",
             "industry_code", "established_date", "status", "deregistered_date", "registered_capital", "employees",
             "listing_board", "stock_code", "listing_date", "delisting_date", "tech_sme_years", "hte_cert_dates",
             "legal_representative", "phone"]
ZH_HEADER = ["统一社会信用代码", "企业名称", "曾用名", "企业类型", "园区代码", "经度", "纬度", "注册地址", "登记机关", "国标行业代码",
             "成立日期", "登记状态", "注销日期", "注册资本", "参保人数", "上市板块", "股票代码", "上市日期", "退市日期",
             "科技型中小企业入库年份", "高新技术企业认定日期", "法定代表人", "联系电话"]


def zh_row(r):
    out = dict(r)
    out["status"] = rnd.choice(STATUS_ZH.get(r["status"], [r["status"]]))
    out["established_date"] = r["established_date"].replace("-", "/", 2) if rnd.random() < 0.5 else r["established_date"]
    board_zh = {"STAR": "科创板", "CHINEXT": "创业板", "SSE_MAIN": "上交所主板", "SZSE_MAIN": "深交所主板", "NEEQ": "新三板", "HKEX": "港交所"}
    out["listing_board"] = board_zh.get(r["listing_board"], r["listing_board"])
    return [out[k] for k in EN_HEADER]


def write(path, header, rows, encoding="utf-8"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(buf.getvalue())


UNIVERSITIES = [("西北大学", None), ("复旦大学", None), ("中国科学技术大学", None), ("苏州大学", None),
                ("上海交通大学", None), ("渭南师范学院", None)]
# A firm co-applies with the universities and institutes of its own region: the draw above picks a slot, this
# table the region's institution in that slot (so the random stream, and every other value, stays as it was).
REGIONAL_UNIVERSITIES = {
    "shaanxi": ["西北大学", "西安交通大学", "西北工业大学", "西安电子科技大学", "陕西科技大学", "渭南师范学院"],
    "shanghai": ["复旦大学", "上海交通大学", "中国科学院上海药物研究所", "同济大学", "华东理工大学", "上海科技大学"],
    "suzhou": ["苏州大学", "西交利物浦大学", "中国科学院苏州纳米技术与纳米仿生研究所", "东南大学", "苏州大学", "南京大学"],
    "hefei": ["中国科学技术大学", "合肥工业大学", "中国科学院合肥物质科学研究院", "安徽大学", "中国科学技术大学", "合肥工业大学"],
}
REGION = {"weinan-htz": "shaanxi", "xian-htz": "shaanxi", "baoji-htz": "shaanxi", "zhangjiang-htz": "shanghai",
          "zhangjiang-sc": "shanghai", "zhangjiang-drug": "shanghai", "sip": "suzhou", "hefei-htz": "hefei"}
IPC = {"C27": "A61K31/4439", "M73": "C12N15/11", "C39": "H01L21/02", "C38": "H01M10/05", "I65": "G06F16/24",
       "I64": "H04L67/10", "C35": "B23Q3/06", "C26": "C07D401/04", "C33": "B21D28/00", "C34": "F16C33/10",
       "C36": "B60R16/02", "F51": "G06Q30/06", "E48": "E04G21/14", "L72": "G06Q10/06"}
TYPE_ZH = {"1": "发明", "2": "实用新型", "3": "外观设计"}
LEGAL_ZH = {"valid": ["有效", "专利权维持"], "pending": ["实质审查", "公开"], "invalid": ["未缴年费", "视为撤回", "驳回"]}
ROUNDS = ["天使轮", "A轮", "A+轮", "B轮", "C轮", "战略投资", "Pre-IPO", "种子轮", "定增", "政府引导基金"]
INVESTORS = ["红杉中国", "高瓴资本", "深创投", "元禾控股", "国投创新", "合肥产投", "陕西投资集团", "张江科投", "君联资本", "IDG资本"]


def with_check(body):
    """A CNIPA application number: its 12 digits, a point and the check character."""
    r = sum(int(d) * x for d, x in zip(body, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5])) % 11
    return body + "." + ("X" if r == 10 else str(r))


def app_no(year, type_digit):
    return with_check(f"{year}{type_digit}{rnd.randint(0, 9999999):07d}")


def patent_rows(firms):
    rows = []
    enterprises = [f for f in firms if f["credit_code"].startswith("91") and not f["name"].endswith("分公司")]
    for f in enterprises:
        zone = f["zone_id"] or next((z for z in PROFILE if PROFILE[z][3] in f["address"]), None)
        tech = PROFILE.get(zone, (0, 0, 0, 0, 0.1))[4]
        n = int(rnd.expovariate(1 / (tech * 12))) if tech > 0.15 else rnd.choice([0, 0, 1])
        est = int(f["established_date"][:4])
        ind = f["industry_code"][:3]
        for _ in range(n):
            year = rnd.randint(max(est, 2012), 2024)
            t = rnd.choices("123", weights=[0.45 + tech / 2, 0.45, 0.1])[0]
            no = app_no(year, t)
            applied = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            if applied > "2024-06-30":
                applied = f"2024-0{rnd.randint(1, 6)}-{rnd.randint(1, 28):02d}"
            lag = {"1": rnd.randint(500, 1400), "2": rnd.randint(150, 400), "3": rnd.randint(100, 300)}[t]
            gy = year + lag // 365
            grant = f"{gy}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}" if rnd.random() < 0.75 and gy <= 2024 else ""
            if grant and (grant <= applied or grant > "2024-06-30"):
                grant = ""
            status = "valid" if grant and rnd.random() < 0.85 else ("pending" if not grant and year >= 2022 else rnd.choice(["invalid", "valid" if grant else "invalid"]))
            applicants, codes = [f["name"]], [f["credit_code"] if rnd.random() < 0.6 else ""]
            if rnd.random() < 0.25:
                co = rnd.choice(enterprises)
                if co is not f:
                    applicants.append(co["name"]); codes.append(co["credit_code"] if rnd.random() < 0.5 else "")
            if rnd.random() < 0.2:
                slot = UNIVERSITIES.index(rnd.choice(UNIVERSITIES))
                u = REGIONAL_UNIVERSITIES[REGION.get(zone, "shaanxi")][slot]
                applicants.append(u); codes.append("")
            owners = ""
            if grant and rnd.random() < 0.05:
                owners = rnd.choice(enterprises)["name"]
            rows.append({"申请号": ("CN" + no) if rnd.random() < 0.3 else no, "专利类型": TYPE_ZH[t] if rnd.random() < 0.8 else "",
                         "申请日": applied, "公开(公告)号": f"CN{rnd.randint(100000000, 119999999)}{'B' if grant else 'A'}",
                         "授权日": grant, "申请(专利权)人": ";".join(applicants), "申请人统一社会信用代码": ";".join(codes),
                         "当前专利权人": owners, "IPC主分类号": IPC.get(ind, "G06F17/00"),
                         "法律状态": rnd.choice(LEGAL_ZH[status]), "发明人": rnd.choice(["王磊;李静", "张伟", "刘洋;陈晨;杨帆"])})
    return rows


# Technology transfer (成果转化): granted inventions of a region's universities and institutes now owned by firms
# of a zone, some filed together with a person. Drawn from a stream of their own, so no other value changes.
TRANSFERS = {"weinan-htz": (["西安交通大学", "西北工业大学"], 9), "zhangjiang-sc": (["复旦大学", "中国科学院上海药物研究所"], 8),
             "zhangjiang-drug": (["中国科学院上海药物研究所", "复旦大学"], 6), "hefei-htz": (["中国科学技术大学"], 10),
             "sip": (["苏州大学", "中国科学院苏州纳米技术与纳米仿生研究所"], 5), "xian-htz": (["西安电子科技大学"], 4)}
PERSONS = ["李建国", "王秀英", "赵志强"]


def transfer_rows(firms):
    t = random.Random(20261203)
    rows = []
    for zone, (sources, count) in TRANSFERS.items():
        stem = PROFILE[zone][3]
        owners = [f for f in firms if f["credit_code"].startswith("91") and f["status"] == "active"
                  and not f["name"].endswith("分公司") and (f["zone_id"] == zone or (not f["zone_id"] and stem in f["address"]))]
        for k in range(count):
            owner = owners[t.randrange(len(owners))]
            year = t.randint(2015, 2020)
            applied = f"{year}-{t.randint(1, 12):02d}-{t.randint(1, 28):02d}"
            grant = f"{year + t.randint(2, 3)}-{t.randint(1, 12):02d}-{t.randint(1, 28):02d}"
            applicants = [sources[k % len(sources)]] + ([PERSONS[k % len(PERSONS)]] if k % 4 == 3 else [])
            rows.append({"申请号": with_check(f"{year}1{t.randint(0, 9999999):07d}"), "专利类型": "发明",
                         "申请日": applied, "公开(公告)号": f"CN{t.randint(100000000, 119999999)}B",
                         "授权日": grant, "申请(专利权)人": ";".join(applicants), "申请人统一社会信用代码": ";" * (len(applicants) - 1),
                         "当前专利权人": owner["name"], "IPC主分类号": IPC.get(owner["industry_code"][:3], "G06F17/00"),
                         "法律状态": t.choice(LEGAL_ZH["valid"]), "发明人": t.choice(["王磊;李静", "张伟", "刘洋;陈晨;杨帆"])})
    return rows


def funding_rows(firms):
    rows = []
    for i, f in enumerate(firms):
        zone = f["zone_id"] or next((z for z in PROFILE if PROFILE[z][3] in f["address"]), None)
        tech = PROFILE.get(zone, (0, 0, 0, 0, 0.1))[4]
        if not f["credit_code"].startswith("91") or rnd.random() > tech * 0.5:
            continue
        for k in range(rnd.choice([1, 1, 2, 3])):
            y = rnd.randint(max(int(f["established_date"][:4]), 2015), 2024)
            d = f"{y}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            if d > "2024-06-30":
                d = f"2024-0{rnd.randint(1, 6)}-{rnd.randint(1, 28):02d}"
            amount = rnd.choice([f"{rnd.randint(500, 9000)}万元", f"{rnd.randint(1, 30) / 10}亿元", f"{rnd.randint(100, 3000)}万美元",
                                 "数千万", "近亿", "未披露", f"{rnd.randint(1000, 20000)}"])
            by_code = rnd.random() < 0.6
            rows.append({"事件ID": f"EV{2024000 + len(rows):07d}", "统一社会信用代码": f["credit_code"] if by_code else "",
                         "融资企业": f["name"], "融资日期": d, "轮次": rnd.choice(ROUNDS), "融资金额": amount,
                         "投资方": "、".join(rnd.sample(INVESTORS, rnd.randint(1, 3)))})
    # Every zone gets some funding to show, even the small peers.
    for zone in PROFILE:
        local = [f for f in firms if f["zone_id"] == zone and f["credit_code"].startswith("91")][:2]
        for f in local:
            rows.append({"事件ID": f"EV{2024000 + len(rows):07d}", "统一社会信用代码": f["credit_code"],
                         "融资企业": f["name"], "融资日期": f"{rnd.randint(2019, 2023)}-0{rnd.randint(1, 9)}-15",
                         "轮次": "A轮", "融资金额": f"{rnd.randint(300, 3000)}万元", "投资方": rnd.choice(INVESTORS)})
    return rows


def financial_rows(firms):
    rows = []
    for f in firms:
        if not f["credit_code"].startswith("91") or f["status"] != "active" or rnd.random() > 0.5:
            continue
        emp = max(int(f["employees"] or 10), 5)
        for y in (2021, 2022, 2023):
            rev = round(rnd.lognormvariate(8.0, 1.2))        # 10,000 CNY
            rows.append({"credit_code": f["credit_code"], "year": y, "revenue": rev,
                         "rd_expense": round(rev * rnd.uniform(0.005, 0.12), 2),
                         "hightech_revenue": round(rev * rnd.uniform(0.2, 0.9), 2) if rnd.random() < 0.7 else "",
                         "total_assets": round(rev * rnd.uniform(0.8, 3.0)),
                         "employees": emp, "rd_staff": int(emp * rnd.uniform(0.02, 0.4)),
                         "legal_representative": "周杰", "email": "cfo@example.com"})
    return rows


def write_dicts(path, rows, header, encoding="utf-8", gz=False):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    data = buf.getvalue().encode(encoding)
    if gz:
        with gzip.GzipFile(path, "wb", mtime=0) as f:
            f.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


def main():
    write(os.path.join(OUT, "zones.csv"),
          ["zone_id", "name_zh", "name_en", "city", "province", "role", "parent_zone_id", "area_km2", "area_basis",
           "boundary_wkt", "match_patterns", "torch_rank"], ZONES)
    rows = firm_rows()
    rnd.shuffle(rows)
    half = len(rows) // 2
    first = [[r[k] for k in EN_HEADER] for r in rows[:half]]
    # Deliberately bad rows, one per kind, so a sample run shows what rejects look like.
    good = rows[0]
    def bad(**kw):
        r = dict(good); r.update(kw); return [r[k] for k in EN_HEADER]
    first.append(bad(credit_code="91610500ABCDE1234", name="渭南坏代码科技有限公司"))          # BAD_CREDIT_CODE (17 chars)
    first.append(bad(credit_code=credit_code("91", "610502"), name="", ))                          # MISSING_REQUIRED
    first.append(bad(credit_code=credit_code("91", "610502"), established_date="2019-13-45"))      # BAD_DATE
    first.append(bad(credit_code=credit_code("91", "610502"), status="经营异常"))                   # BAD_ENUM
    first.append(bad(credit_code=credit_code("91", "610502"), zone_id="", lon="200.1", lat="34.5")) # BAD_GEOMETRY
    first.append(bad(credit_code=credit_code("91", "610502"), established_date="2020-05-01", deregistered_date="2018-01-01", status="deregistered"))  # DATE_ORDER
    first.append(bad(credit_code=credit_code("91", "610502"), employees="-5"))                     # NEGATIVE_VALUE
    first.append(bad(credit_code=credit_code("91", "610502"), established_date="2024-09-01"))      # after as_of
    first.append(bad())                                                                            # DUPLICATE_KEY of the first row
    write(os.path.join(OUT, "enterprises", "part-0001.csv"), EN_HEADER, first, "utf-8-sig")
    second = [zh_row(r) for r in rows[half:]]
    second.append(["91610502MA6Y0000X1", "渭南短行有限公司", "2019-01-01"])                          # MALFORMED_ROW (wrong field count)
    write(os.path.join(OUT, "enterprises", "part-0002.csv"), ZH_HEADER, second, "gbk")

    # Patents: Chinese headers (a CNIPA-style export), with one deliberately bad row per patent rule.
    prow = patent_rows(rows)
    ph = list(prow[0].keys())
    good_p = dict(prow[0])
    def badp(**kw):
        r = dict(good_p); r.update(kw); return r
    prow += [
        badp(申请号="201710601862.4"),                                                    # BAD_APPLICATION_NO (check digit)
        badp(申请号=app_no(2019, "2"), 专利类型="发明"),                                     # TYPE_CONFLICT
        badp(申请号=app_no(2018, "1"), 专利类型="", 申请日="2019-03-01"),                    # BAD_APPLICATION_DATE
        badp(申请号=app_no(2020, "1"), 申请日="2020-05-01", 授权日="2019-01-01"),           # DATE_ORDER
        badp(申请号=app_no(2021, "1"), 申请日="2021-05-01", 申请人统一社会信用代码=";;"),   # LIST_LENGTH_MISMATCH (3 codes)
        badp(申请号=app_no(2024, "1"), 申请日="2024-08-01", 授权日=""),                     # after as_of
        badp(授权日="", **{"公开(公告)号": "CN100000000A"}),                                  # DUPLICATE_KEY (A publication of a granted row)
    ]
    prow += transfer_rows(rows)
    write_dicts(os.path.join(OUT, "patents.csv"), prow, ph)

    # Funding: an investment-database export, declared UTF-8 in jobs/sample.yaml; one row carries GBK bytes.
    frow = funding_rows(rows)
    fh = list(frow[0].keys())
    good_f = dict(frow[0])
    frow += [dict(good_f, 事件ID="EV9000001", 融资金额="-500万元"),                        # NEGATIVE_VALUE
             dict(good_f, 事件ID="EV9000002", 融资日期="去年"),                             # BAD_DATE
             dict(good_f, 事件ID="EV9000003", 统一社会信用代码="", 融资企业=""),             # MISSING_REQUIRED
             dict(good_f, 事件ID=good_f["事件ID"])]                                        # DUPLICATE_KEY
    write_dicts(os.path.join(OUT, "funding.csv"), frow, fh)
    with open(os.path.join(OUT, "funding.csv"), "ab") as f:                                # ENCODING_ERROR
        f.write("EV9000004,,".encode() + "渭南某科技有限公司".encode("gbk") + ",2023-05-01,A轮,1000万元,深创投\n".encode())

    # Financials: English headers, gzipped; one row per firm and year 2021–2023 for about half the firms.
    nrow = financial_rows(rows)
    nh = list(nrow[0].keys())
    # Some rows lack a figure, as exports do: chosen by a hash of code and year, so no other value changes.
    for r in nrow:
        gap = zlib.crc32(f"{r['credit_code']}{r['year']}".encode()) % 25
        if gap < 3:
            r[["revenue", "rd_expense", "employees"][gap]] = ""
    nrow += [dict(nrow[0], year="二〇二二"),                                                # BAD_NUMBER
             dict(nrow[0], credit_code="91610502MA6Y00000I")]                              # BAD_CREDIT_CODE (I not allowed)
    write_dicts(os.path.join(OUT, "financials.csv.gz"), nrow, nh, gz=True)

    print(f"wrote {len(rows)} firms, {len(prow)} patents, {len(frow) + 1} funding events, {len(nrow)} financial rows to {OUT}")


if __name__ == "__main__":
    sys.exit(main())
