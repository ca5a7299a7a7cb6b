"""Generate the synthetic 2024 final-account document (万元) from exact amounts in 元.

Every printed cell is the exact amount rounded on its own, half up, to 0.01 万元 — exactly how real
final accounts come to be off by 0.01 between a printed total and the sum of its printed parts.
`python3 generate.py` rewrites the CSV files of this directory; the tests only read them.
"""
import csv
import io
from decimal import ROUND_HALF_UP, Decimal as D

def wan(x):
    return (D(x) / 10000).quantize(D("0.01"), rounding=ROUND_HALF_UP)

def cell(x):
    return "" if x is None else f"{wan(x):,}"

# Functional leaves: code -> (name, basic, project) in 元, general-public-budget appropriations (F5).
LEAVES = {
    "2010601": ("行政运行", D("3456789.45"), None),
    "2010602": ("一般行政管理事务", None, D("1234567.35")),
    "2080501": ("行政单位离退休", D("512345.55"), None),
    "2080505": ("机关事业单位基本养老保险缴费支出", D("298765.45"), None),
    "2080506": ("机关事业单位职业年金缴费支出", D("149382.75"), None),
    "2101101": ("行政单位医疗", D("187654.35"), None),
    "2210201": ("住房公积金", D("224466.65"), None),
    "2210203": ("购房补贴", D("135791.55"), None),
}
# All funds (F3) = appropriations + a project paid from 事业收入 under 2010602.
EXTRA_PROJECT = {"2010602": D("88888.85")}
NAMES = {
    "201": "一般公共服务支出", "20106": "财政事务",
    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
    "210": "卫生健康支出", "21011": "行政事业单位医疗",
    "221": "住房保障支出", "22102": "住房改革支出",
}

def tree(leaves):
    """Exact (basic, project) at every 类, 款 and 项, and the total."""
    nodes = {}
    for code, (_, b, p) in leaves.items():
        for c in (code[:3], code[:5], code):
            nb, np_ = nodes.get(c, (None, None))
            if b is not None:
                nb = (nb or 0) + b
            if p is not None:
                np_ = (np_ or 0) + p
            nodes[c] = (nb, np_)
    return nodes

def add(*xs):
    xs = [x for x in xs if x is not None]
    return sum(xs, D(0)) if xs else None

def write(name, header, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    with open(name, "w", encoding="utf-8") as f:
        f.write(out.getvalue())

def functional_rows(leaves):
    nodes = tree(leaves)
    rows = []
    for code in sorted(nodes, key=lambda c: c.ljust(7, "0") + str(len(c))):
        b, p = nodes[code]
        name = leaves[code][0] if code in leaves else NAMES[code]
        rows.append([code, name, cell(add(b, p)), cell(b), cell(p)])
    tb = add(*[v[1] for v in leaves.values()])
    tp = add(*[v[2] for v in leaves.values()])
    rows.append(["", "合计", cell(add(tb, tp)), cell(tb), cell(tp)])
    return rows, nodes, tb, tp

def main():
    f5_rows, f5_nodes, basic, f5_project = functional_rows(LEAVES)
    write("f5_general_functional.csv", ["code", "name", "合计", "基本支出", "项目支出"], f5_rows)

    all_funds = dict(LEAVES)
    for code, extra in EXTRA_PROJECT.items():
        n, b, p = all_funds[code]
        all_funds[code] = (n, b, add(p, extra))
    f3_rows, f3_nodes, _, f3_project = functional_rows(all_funds)
    write("f3_expenditure.csv", ["code", "name", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
          [r + ["", "", ""] for r in f3_rows])

    # Basic expenditure by economic nature (F6): the same exact total as F5 基本支出.
    econ = {
        "30101": ("基本工资", D("1234567.15")),
        "30102": ("津贴补贴", D("987654.35")),
        "30108": ("机关事业单位基本养老保险缴费", D("298765.45")),
        "30109": ("职业年金缴费", D("149382.75")),
        "30110": ("职工基本医疗保险缴费", D("187654.35")),
        "30113": ("住房公积金", D("224466.65")),
        "30201": ("办公费", D("456789.35")),
        "30211": ("差旅费", D("123456.75")),
        "30302": ("退休费", D("512345.55")),
    }
    rest = basic - sum(v for _, v in econ.values())
    econ["30229"] = ("福利费", rest)
    econ_names = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助"}
    f6 = []
    for lei in sorted(econ_names):
        kuans = sorted(c for c in econ if c.startswith(lei))
        f6.append([lei, econ_names[lei], cell(sum(econ[c][1] for c in kuans))])
        f6 += [[c, econ[c][0], cell(econ[c][1])] for c in kuans]
    personnel = sum(v for c, (_, v) in econ.items() if c[:3] in ("301", "303"))
    public = sum(v for c, (_, v) in econ.items() if c[:3] == "302")
    f6 += [["", "人员经费合计", cell(personnel)], ["", "公用经费合计", cell(public)]]
    write("f6_general_basic.csv", ["code", "name", "决算数"], f6)

    # "三公" (F7): 预算数 and 决算数.
    f7 = []
    for label, (abroad, buy, run, reception) in [
        ("预算数", (D("0"), D("250000"), D("183456.35"), D("12345.65"))),
        ("决算数", (D("0"), D("248765.45"), D("176543.45"), D("9876.55"))),
    ]:
        cars = buy + run
        f7.append(["", label, cell(abroad + cars + reception), cell(abroad), cell(cars), cell(buy), cell(run), cell(reception)])
    write("f7_three_public.csv", ["code", "name", "合计", "因公出国（境）费", "公务用车购置及运行维护费", "购置费", "运行维护费", "公务接待费"], f7)

    # Summary (F1): income by source, expenditure by 类, balanced exactly in 元.
    general = add(basic, f5_project)
    operating = sum(EXTRA_PROJECT.values())
    other = D("12345.55")
    income = general + operating + other
    opening = D("345678.45")
    expenditure = sum(add(*f3_nodes[c]) for c in f3_nodes if len(c) == 3)
    closing = income + opening - expenditure
    f1 = [
        ["", "一般公共预算财政拨款收入", cell(general)],
        ["", "政府性基金预算财政拨款收入", ""],
        ["", "国有资本经营预算财政拨款收入", ""],
        ["", "上级补助收入", ""],
        ["", "事业收入", cell(operating)],
        ["", "经营收入", ""],
        ["", "附属单位上缴收入", ""],
        ["", "其他收入", cell(other)],
        ["", "本年收入合计", cell(income)],
        ["", "使用非财政拨款结余（含专用结余）", ""],
        ["", "年初结转和结余", cell(opening)],
        ["", "收入总计", cell(income + opening)],
    ]
    f1 += [[c, NAMES[c], cell(add(*f3_nodes[c]))] for c in sorted(f3_nodes) if len(c) == 3]
    f1 += [
        ["", "本年支出合计", cell(expenditure)],
        ["", "结余分配", ""],
        ["", "年末结转和结余", cell(closing)],
        ["", "支出总计", cell(expenditure + closing)],
    ]
    write("f1_summary.csv", ["code", "name", "决算数"], f1)

    # Appropriations summary (F4): general-public-budget appropriations only (no fund or state
    # capital money), the balances carried in and out broken down by book under their rows.
    opening_app = D("56789.45")
    f5_total = add(basic, f5_project)
    closing_app = general + opening_app - f5_total
    books = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    by_book = lambda general_amount: [["", b, cell(general_amount) if i == 0 else "", "", "", ""] for i, b in enumerate(books)]
    f4 = by_book(general)
    f4 += [["", "本年收入合计", cell(general), "", "", ""], ["", "年初财政拨款结转和结余", cell(opening_app), "", "", ""]]
    f4 += by_book(opening_app)
    f4 += [["", "收入总计", cell(general + opening_app), "", "", ""]]
    f4 += [[c, NAMES[c], cell(add(*f5_nodes[c])), cell(add(*f5_nodes[c])), "", ""] for c in sorted(f5_nodes) if len(c) == 3]
    f4 += [
        ["", "本年支出合计", cell(f5_total), cell(f5_total), "", ""],
        ["", "年末财政拨款结转和结余", cell(closing_app), cell(closing_app), "", ""],
    ]
    f4 += by_book(closing_app)
    f4 += [["", "支出总计", cell(f5_total + closing_app), cell(f5_total + closing_app), "", ""]]
    write("f4_appropriation.csv", ["code", "name", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"], f4)

    # The same summary with one real error of 0.05 万元 in 年初结转和结余.
    broken = [list(r) for r in f1]
    for r in broken:
        if r[1] == "年初结转和结余":
            r[2] = f"{wan(opening) + D('0.05'):,}"
    write("f1_summary_error.csv", ["code", "name", "决算数"], broken)

    write("document.csv", ["file", "kind", "unit"], [
        ["f1_summary.csv", "final_summary", "万元"],
        ["f3_expenditure.csv", "final_expenditure", "万元"],
        ["f4_appropriation.csv", "final_appropriation", "万元"],
        ["f5_general_functional.csv", "final_general_functional", "万元"],
        ["f6_general_basic.csv", "final_general_basic", "万元"],
        ["f7_three_public.csv", "final_three_public", "万元"],
    ])

if __name__ == "__main__":
    main()
