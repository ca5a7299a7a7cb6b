import datetime
import json
from decimal import Decimal

import pytest

import sunlit
from conftest import DATA, read_table

TABLES = DATA / "tables"


def read_document(directory, replace=None):
    tables = []
    for row in read_table(f"tables/{directory}/document.csv"):
        file = replace[1] if replace and replace[0] == row["kind"] else row["file"]
        tables.append(sunlit.PublishedTable.read_csv(TABLES / directory / file, unit=row["unit"], kind=row["kind"]))
    return tables


def errors(findings):
    return [f for f in findings if f.severity == "error"]


def test_read_csv_exactly_as_the_issue_says():
    t = sunlit.PublishedTable.read_csv(TABLES / "chengguan_2026" / "t5_general_functional.csv", unit="元")
    assert t.kind is None  # the file name is not a title; kind and title are optional
    assert t.columns == ["合计", "基本支出", "项目支出"] and t.unit == "元"
    rows = t.rows()
    assert rows[0]["code"] == "208" and rows[0]["cells"]["合计"] == Decimal("6397096")
    assert rows[1]["cells"]["项目支出"] is None  # blank stays blank
    assert rows[-1]["code"] is None and rows[-1]["name"] == "合计"
    assert t.check() == []
    wan = sunlit.PublishedTable.read_csv(TABLES / "chengguan_2026" / "t9_three_public.csv", unit="万元")
    assert wan.unit == "万元" and wan.rows()[0]["cells"]["合计"] == Decimal("114.22")


def test_chengguan_document_has_no_errors():
    doc = sunlit.DisclosureDocument(tables=read_document("chengguan_2026"))
    assert len(doc) == 4 and doc.phase == "budget"
    findings = doc.check()
    assert errors(findings) == []
    assert [(f.rule, f.severity, f.code) for f in findings] == [
        ("tables.granularity", "warning", c) for c in ["301", "302", "303", "310"]
    ]
    assert (findings[0].expected, findings[0].actual) == (Decimal(5), Decimal(3))
    assert doc.check(granularity=False) == []


def test_every_corrupted_copy_raises_exactly_its_findings():
    cases = read_table("tables/corrupted/cases.csv")
    files = sorted({c["file"] for c in cases})
    assert len(files) == 5
    for file in files:
        want = [c for c in cases if c["file"] == file]
        t = sunlit.PublishedTable.read_csv(TABLES / "corrupted" / file, unit=want[0]["unit"], kind=want[0]["kind"])
        got = errors(t.check())
        assert [(f.rule, f.severity, f.code, f.column, f.expected, f.actual) for f in got] == [
            (
                c["rule"],
                c["severity"],
                c["code"],
                c["column"],
                Decimal(c["expected"]) if c["expected"] else None,
                Decimal(c["actual"]) if c["actual"] else None,
            )
            for c in want
        ], file
        for f in got:
            assert f.expected is None or isinstance(f.expected, Decimal)
            assert f.message_zh and f.message_en


def test_rounded_final_accounts_pass_and_a_real_error_is_found():
    doc = sunlit.DisclosureDocument(tables=read_document("synthetic_final_2024"))
    assert doc.phase == "final"
    assert errors(doc.check()) == []
    assert len(errors(doc.check(tolerance=sunlit.Tolerance.exact()))) >= 5
    broken = sunlit.DisclosureDocument(tables=read_document("synthetic_final_2024", ("final_summary", "f1_summary_error.csv")))
    (f,) = errors(broken.check())
    assert (f.rule, f.code, f.expected, f.actual, f.difference) == (
        "tables.summary_balance",
        "收入总计",
        Decimal("664.72"),
        Decimal("664.67"),
        Decimal("-0.05"),
    )


def test_tolerance_is_configurable():
    t = sunlit.Tolerance()
    assert t.step("万元") == Decimal("0.01") and t.step("元") == 0
    assert t.sum_allowed("万元", 3) == Decimal("0.02")
    assert t.allowed("万元", 2) == Decimal("0.01") and t.sum_allowed("万元", 8) == Decimal("0.045")
    with pytest.raises(sunlit.ArithmeticOverflowError):
        sunlit.Tolerance(wan_yuan="79228162514264337593543950335").sum_allowed("万元", 3)
    loose = sunlit.Tolerance(wan_yuan=Decimal("0.1"))
    broken = sunlit.DisclosureDocument(tables=read_document("synthetic_final_2024", ("final_summary", "f1_summary_error.csv")))
    assert errors(broken.check(tolerance=loose)) == []
    with pytest.raises(sunlit.InputError):
        sunlit.Tolerance(wan_yuan=0.01)  # a float is refused


def test_table_to_ledger_and_back():
    t = sunlit.PublishedTable.read_csv(TABLES / "chengguan_2026" / "t5_general_functional.csv", kind="budget_general_functional")
    ledger = t.to_ledger(2026, "上海市普陀区城市管理行政执法局")
    golden = sunlit.Ledger.read_csv(DATA / "budget" / "chengguan_2026_ledger.csv")
    assert len(ledger) == len(golden) == 10  # leaves only: subtotals are not lines
    assert ledger.rollup().total() == Decimal("47483458")
    checked = t.to_ledger(2026, "u", subtotals=True).rollup(subtotals="check")
    assert checked.findings() == [] and checked.total() == Decimal("47483458")
    broken = sunlit.PublishedTable.read_csv(TABLES / "corrupted" / "class_total_changed.csv", kind="budget_general_functional")
    (f,) = broken.to_ledger(2026, "u", subtotals=True).rollup(subtotals="check").findings()
    assert (f.rule, f.code, f.expected, f.actual) == ("budget.subtotal_mismatch", "208", Decimal(6103096), Decimal(6103196))
    back = sunlit.PublishedTable.from_ledger(ledger, kind="budget_general_functional")
    assert [(r["code"], r["name"], r["cells"]) for r in back.rows()] == [(r["code"], r["name"], r["cells"]) for r in t.rows()]
    wan = sunlit.PublishedTable.from_ledger(ledger, unit="万元")
    assert wan.rows()[0]["cells"]["合计"] == Decimal("639.71")
    with pytest.raises(sunlit.FieldError):
        sunlit.PublishedTable.read_csv(
            TABLES / "chengguan_2026" / "t5_general_functional.csv", kind="budget_expenditure"
        ).to_ledger(2026, "u")  # all funds: which book?


def test_from_ledger_never_mixes_books_or_units():
    line = {"year": 2026, "book": "general", "phase": "budget", "unit": "城管执法局", "functional": "2120104"}
    ledger = sunlit.Ledger.from_records(
        [
            {**line, "nature": "basic", "amount": Decimal(100)},
            {**line, "book": "fund", "nature": "project", "amount": Decimal(50)},
            {**line, "unit": "绿化市容局", "nature": "basic", "amount": Decimal(7)},
        ]
    )
    with pytest.raises(sunlit.FieldError) as e:  # not a 一般公共预算 table showing 157
        sunlit.PublishedTable.from_ledger(ledger, kind="budget_general_functional")
    assert (e.value.field, e.value.value) == ("book", "fund")
    with pytest.raises(sunlit.MixedDimensionError) as e:
        sunlit.PublishedTable.from_ledger(ledger, kind="budget_general_functional", skip_other_books=True)
    assert (e.value.dimension, e.value.values) == ("unit", ["城管执法局", "绿化市容局"])
    one = ledger.select(unit="城管执法局")
    t5 = sunlit.PublishedTable.from_ledger(one, kind="budget_general_functional", skip_other_books=True)
    assert t5.rows()[-1]["cells"]["合计"] == Decimal(100)
    t3 = sunlit.PublishedTable.from_ledger(one, kind="budget_expenditure")
    assert t3.rows()[-1]["cells"]["合计"] == Decimal(150)


def test_to_ledger_takes_the_tolerance():
    wan = sunlit.PublishedTable.from_csv(
        "code,name,合计,基本支出,项目支出\n2080505,x,1.02,0.50,0.50\n", unit="万元", kind="final_general_functional"
    )
    with pytest.raises(sunlit.InputError) as e:  # 0.02 off: more than 0.005 × 3
        wan.to_ledger(2024, "u")
    assert (e.value.line, e.value.column) == (2, "合计")
    assert len(wan.to_ledger(2024, "u", tolerance=sunlit.Tolerance(wan_yuan="0.02"))) == 2
    one_cent = sunlit.PublishedTable.from_csv(
        "code,name,合计,基本支出,项目支出\n2080505,x,1.01,0.50,0.50\n", unit="万元", kind="final_general_functional"
    )
    assert len(one_cent.to_ledger(2024, "u")) == 2
    with pytest.raises(sunlit.InputError):
        one_cent.to_ledger(2024, "u", tolerance=sunlit.Tolerance.exact())


def test_json_and_titles():
    t = sunlit.PublishedTable.read_csv(TABLES / "chengguan_2026" / "t8_basic_economic.csv", kind="budget_basic_economic")
    again = sunlit.PublishedTable.from_json(t.to_json())
    assert again.kind == "budget_basic_economic" and again.to_csv() == t.to_csv()
    assert json.loads(t.to_json())["rows"][0]["cells"]["公用经费"] is None
    assert sunlit.table_kind_of("2024年度财政拨款“三公”经费支出决算表") == "final_three_public"
    assert sunlit.table_kind_of("项目支出绩效目标表") is None
    # The most specific title wins: 财政拨款收支总表 is 预算表四, not 收支总表 (预算表一).
    assert sunlit.table_kind_of("2026年部门财政拨款收支总表") == "budget_appropriation"
    assert sunlit.table_kind_of("财政拨款收支总表") == "budget_appropriation"
    assert sunlit.table_kind_of("收支总表") == "budget_summary"
    assert sunlit.table_kind_of("部门财政拨款收入支出决算总表") == "final_appropriation"
    titled = sunlit.PublishedTable.from_csv("code,name,合计\n,合计,1\n", title="部门支出预算总表")
    assert titled.kind == "budget_expenditure" and titled.kind_name == "部门支出预算总表"


def test_bad_tables_raise_located_errors():
    with pytest.raises(sunlit.InputError) as e:
        sunlit.PublishedTable.from_csv("code,name,合计,基本指出\n208,x,1,1\n")
    assert (e.value.line, e.value.column) == (1, "基本指出")
    with pytest.raises(sunlit.InputError) as e:
        sunlit.PublishedTable.from_csv("code,name,合计\n208,x,1\n20805a,y,2\n")
    assert (e.value.line, e.value.column, e.value.value) == (3, "code", "20805a")
    with pytest.raises(sunlit.InputError) as e:
        sunlit.PublishedTable.from_csv("类,款,项,name,合计\n208,05,05,x,1e5\n")
    assert (e.value.line, e.value.column, e.value.value) == (2, "合计", "1e5")
    # A bad split code names the column of its bad part, not always 类.
    for row, column in [("20,05,05", "类"), ("208,5,05", "款"), ("208,05,5a", "项"), ("208,,05", "款")]:
        with pytest.raises(sunlit.InputError) as e:
            sunlit.PublishedTable.from_csv(f"类,款,项,name,合计\n{row},x,1\n")
        assert (e.value.line, e.value.column, e.value.value) == (2, column, row.replace(",", "|")), row
    with pytest.raises(sunlit.FieldError):
        sunlit.PublishedTable.from_csv("code,name,合计\n", unit="美元")
    with pytest.raises(sunlit.FieldError):
        sunlit.DisclosureDocument(tables=[sunlit.PublishedTable.from_csv("code,name,合计\n")])  # no kind


def test_narrative_figures_are_checked():
    tables = read_document("chengguan_2026")
    good = sunlit.NarrativeFigure("budget_summary", "收入总计", Decimal("4748.35"), unit="万元", text="收入预算4748.35万元")
    bad = sunlit.NarrativeFigure("budget_summary", "212", "3378.56")
    doc = sunlit.DisclosureDocument(tables=tables, narrative=[good, bad])
    (f,) = [f for f in doc.check() if f.rule == "tables.narrative"]
    assert (f.code, f.expected, f.actual) == ("212", Decimal("3377.5592"), Decimal("3378.56"))


def test_special_fund_checks():
    d = datetime.date
    fund = sunlit.SpecialFund(
        "交通建设专项资金",
        "省交通运输厅",
        2016,
        Decimal("12.5"),
        unit="亿元",
        stages={"申报": d(2016, 1, 10), "审批": d(2016, 3, 1), "分配": d(2016, 3, 10), "公开": d(2016, 3, 15)},
        allocations=[sunlit.Allocation("甲市", Decimal("7.5"), region="甲市"), sunlit.Allocation("乙市", 5)],
    )
    assert fund.check() == [] and fund.allocated() == Decimal("12.5")
    assert fund.stages[1] == ("approval", d(2016, 3, 1))
    late = sunlit.SpecialFund("x", "d", 2016, 10, stages=[("approval", d(2016, 3, 1)), ("disclosure", d(2016, 4, 1))])
    (f,) = late.check()
    assert (f.rule, f.expected, f.actual) == ("special_fund.late_disclosure", Decimal(20), Decimal(31))
    assert late.check(disclosure_days=31) == []
    pending = sunlit.SpecialFund("y", "d", 2016, 10, stages={"approval": d(2016, 3, 1)})
    assert [f.rule for f in pending.check(as_of=d(2016, 3, 30))] == ["special_fund.not_disclosed"]
    messy = sunlit.SpecialFund(
        "z", "d", 2016, 10, stages={"approval": d(2016, 3, 1), "application": d(2016, 3, 5)},
        allocations=[sunlit.Allocation("r", 11, date=d(2016, 2, 1))],
    )
    assert sorted(f.rule for f in messy.check()) == [
        "special_fund.allocation_before_approval",
        "special_fund.over_allocated",
        "special_fund.stage_order",
    ]
    with pytest.raises(sunlit.FieldError):
        sunlit.SpecialFund("x", "d", 2016, 10, stages={"立项": d(2016, 1, 1)})


def test_special_fund_dates_refuse_a_datetime():
    # A datetime.datetime would lose its time of day: every date argument wants a datetime.date.
    moment = datetime.datetime(2016, 3, 1, 23, 59)
    d = datetime.date(2016, 3, 1)
    calls = [
        lambda: sunlit.Allocation("甲市", 1, date=moment),
        lambda: sunlit.SpecialFund("x", "d", 2016, 10, stages={"approval": moment}),
        lambda: sunlit.SpecialFund("x", "d", 2016, 10, stages=[("approval", moment)]),
        lambda: sunlit.SpecialFund("x", "d", 2016, 10, stages={"approval": d}).check(as_of=moment),
        lambda: sunlit.SpecialFundList([sunlit.SpecialFund("x", "d", 2016, 10)]).check(as_of=moment),
        lambda: sunlit.SpecialFund("x", "d", 2016, 10, stages={"approval": "2016-03-01"}),
    ]
    for call in calls:
        with pytest.raises(sunlit.FieldError) as e:
            call()
        assert e.value.field in ("date", "stages", "as_of")
    assert sunlit.Allocation("甲市", 1, date=d).date == d
    pending = sunlit.SpecialFund("y", "d", 2016, 10, stages=[("approval", d)])
    assert [f.rule for f in pending.check(as_of=datetime.date(2016, 3, 30))] == ["special_fund.not_disclosed"]


def test_fifty_funds_648_yi():
    funds = [sunlit.SpecialFund(f"专项{i}", "省财政厅", 2016, Decimal("12.96"), unit="亿元") for i in range(50)]
    assert sunlit.SpecialFundList(funds, total=648, unit="亿元", count=50).check() == []
    short = sunlit.SpecialFundList(funds[:49], total=648, count=50)
    assert sorted((f.rule, f.expected, f.actual) for f in short.check()) == [
        ("special_fund.list_count", Decimal(50), Decimal(49)),
        ("special_fund.list_total", Decimal(648), Decimal("635.04")),
    ]


def test_fiscal_data_package(tmp_path):
    ledger = sunlit.Ledger.read_csv(DATA / "budget" / "chengguan_2026_ledger.csv")
    path = ledger.to_fiscal_data_package(tmp_path / "fdp", name="chengguan-2026", title="城管执法局2026年部门预算")
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    assert descriptor["model"]["measures"]["approved"]["phase"] == "approved"
    assert descriptor["model"]["measures"]["approved"]["direction"] == "expenditure"
    attrs = descriptor["model"]["dimensions"]["functional-classification"]["attributes"]
    assert attrs["functional_xiang"]["parent"] == "functional_kuan"
    text = (tmp_path / "fdp" / "ledger.csv").read_text(encoding="utf-8")
    assert "208,社会保障和就业支出,20805,行政事业单位养老支出,2080505,机关事业单位基本养老保险缴费支出" in text
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_real_summary_tables_print_total_on_both_sides():
    # 中共上海市普陀区委社会工作部 2024 final accounts (tests/data/tables/SOURCES.md).
    assert sunlit.DisclosureDocument(tables=read_document("sgb_final_2024")).check() == []
    f1 = sunlit.PublishedTable.read_csv(TABLES / "sgb_final_2024" / "f1_summary.csv", unit="万元", kind="final_summary")
    totals = [(r["side"], r["cells"]["决算数"]) for r in f1.rows() if r["name"] == "总计"]
    assert totals == [("income", Decimal("307.82")), ("expenditure", Decimal("307.82"))]


def test_real_budget_lines_by_name_are_tied_to_their_class():
    # 上海市普陀区司法局 2026 budget: 预算表一 and 预算表四 print their 类 by name.
    assert sunlit.DisclosureDocument(tables=read_document("sfj_budget_2026")).check() == []
    assert sunlit.functional_class_of("一、公共安全支出") == "204"
    assert sunlit.functional_class_of("医疗卫生与计划生育支出", 2024) is None
    assert sunlit.functional_class_of("医疗卫生与计划生育支出") == "210"
    # +100万元 on the 公共安全支出 line of 预算表一 is caught against 预算表三.
    text = (TABLES / "sfj_budget_2026" / "t1_summary.csv").read_text(encoding="utf-8")
    changed = text.replace('一、公共安全支出,"87,267,272.44"', '一、公共安全支出,"88,267,272.44"')
    t1 = sunlit.PublishedTable.from_csv(changed, unit="元", kind="budget_summary")
    tables = read_document("sfj_budget_2026")
    tables[0] = t1
    found = [(f.rule, f.code) for f in sunlit.DisclosureDocument(tables=tables).check() if f.rule == "tables.summary_detail"]
    assert found == [("tables.summary_detail", "204")]


def test_real_personnel_and_public_layout_and_headings():
    t1 = sunlit.PublishedTable.read_csv(TABLES / "sfj_unit_budget_2026" / "t1_summary.csv", unit="元", kind="budget_summary")
    findings = t1.check()
    assert errors(findings) == []
    assert [(f.rule, f.severity) for f in findings] == [("tables.whole_yuan_rounding", "info")] * 2
    assert sunlit.heading_role_of("机关运行经费预算数") == "running_costs"
    assert sunlit.heading_role_of("行次") == "line_number"
    assert sunlit.heading_role_of("功能分类科目编码") == "code"
    assert sunlit.heading_role_of("备用列") is None
