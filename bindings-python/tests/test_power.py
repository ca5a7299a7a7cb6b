"""Power lists (权责清单) from Python, on the golden data in tests/data/power."""

import datetime
import json

import pytest

import sunlit
from conftest import DATA, read_table

V1 = DATA / "power" / "list_v1.csv"
V2 = DATA / "power" / "list_v2.csv"
HEADER = "序号,权力分类,事项名称,设定依据,行使层级,实施主体性质,法定办结时限,承诺办结时限,是否收费,风险环节,风险等级"
GOOD = "2,行政许可,乙,《行政许可法》第十二条,省级,法定机关,20个工作日,10个工作日,否,,"


def unescape(text):
    return text.replace("\\n", "\n")


def split(text):
    return text.split("|") if text else []


def test_v1_reads_every_category_from_aliased_headers():
    pl = sunlit.PowerList.read_csv(V1)
    assert len(pl) == 36
    categories = {item.category for item in pl.items}
    assert categories == {
        "general", "licensing", "penalty", "coercion", "levy", "payment", "inspection",
        "confirmation", "reward", "adjudication", "other", "public_service", "local",
    }
    first = pl.items[0]
    assert first.name == "公路建设项目施工许可"
    assert first.category_code == "01"
    assert first.procedure == ["受理", "审查", "决定", "送达"]
    assert str(first.statutory_limit) == "20个工作日"
    assert first.promised_limit.days == 10 and first.promised_limit.unit == "working_days"
    assert [r.grade for r in first.risk_points] == ["high", "medium"]
    assert first.extra == {"审核组意见": "同意"}
    split_item = pl.find("XK00102000")[0]
    assert split_item.sub_items == ["占用、挖掘公路许可", "跨越、穿越公路修建桥梁许可"]
    assert [(c.article, c.paragraph, c.item) for c in split_item.citations] == [(44, 2, None), (45, None, None), (27, None, 1)]


def test_check_gives_exactly_the_planted_findings():
    findings = sunlit.PowerList.read_csv(V1).check()
    expected = read_table("power/list_v1_findings.tsv", delimiter="\t")
    assert [(f.severity, f.rule, f.code, f.column) for f in findings] == [
        (r["severity"], r["rule"], r["code"], r["column"]) for r in expected
    ]
    late = next(f for f in findings if f.rule == "power.promised_exceeds_statutory")
    assert (late.expected, late.actual, late.difference) == (20, 25, 5)
    assert all(isinstance(f, sunlit.Finding) for f in findings)


def assert_changes(changes, table):
    expected = read_table(table, delimiter="\t")
    assert [
        (c.kind, c.code, c.name, [code for code, _ in c.old], [code for code, _ in c.new], [f.field for f in c.fields])
        for c in changes
    ] == [
        (r["kind"], r["code"], r["name"], split(r["old"]), split(r["new"]), split(r["fields"]))
        for r in expected
    ]


def test_diff_gives_exactly_the_expected_changes():
    old, new = sunlit.PowerList.read_csv(V1), sunlit.PowerList.read_csv(V2)
    changes = sunlit.PowerList.diff(old, new)
    assert_changes(changes, "power/diff_v1_v2.tsv")
    assert {c.kind for c in changes} == {"added", "cancelled", "delegated", "merged", "split", "changed"}
    promised = next(c for c in changes if c.name == "公路建设项目施工许可")
    assert [(f.field, f.column, f.old, f.new) for f in promised.fields] == [
        ("promised_limit", "承诺办结时限", "10个工作日", "7个工作日")
    ]
    assert sunlit.PowerList.diff(new, new) == []


def test_diff_finds_splits_and_merges_that_keep_a_code():
    old = sunlit.PowerList.read_csv(DATA / "power" / "regroup_v1.csv")
    new = sunlit.PowerList.read_csv(DATA / "power" / "regroup_v2.csv")
    assert_changes(sunlit.PowerList.diff(old, new), "power/diff_regroup.tsv")


def test_change_log_and_round_trips(tmp_path):
    old, new = sunlit.PowerList.read_csv(V1), sunlit.PowerList.read_csv(V2)
    log = sunlit.ChangeLog.from_changes(sunlit.PowerList.diff(old, new), document="示例府办发〔2025〕1号",
                                        effective=datetime.date(2025, 1, 1))
    assert len(log) == 12
    records = log.records()
    assert records[0]["kind"] == "added" and records[0]["effective"] == datetime.date(2025, 1, 1)
    assert sunlit.ChangeLog.from_csv(log.to_csv()).records() == records
    out = tmp_path / "v2.csv"
    new.write_csv(out)
    again = sunlit.PowerList.read_csv(out)
    assert sunlit.PowerList.diff(new, again) == []
    assert [i.to_dict() for i in again.items] == [i.to_dict() for i in new.items]
    dated = new.with_version(organ="示例市交通运输局", effective=datetime.date(2025, 1, 1))
    back = sunlit.PowerList.from_json(dated.to_json())
    assert (back.organ, back.effective) == ("示例市交通运输局", datetime.date(2025, 1, 1))
    assert [i.to_dict() for i in back.items] == [i.to_dict() for i in new.items]


def test_citations_parse_as_written():
    rows = read_table("power/citations.tsv", delimiter="\t")
    assert len(rows) >= 30
    num = lambda s: int(s) if s else None
    for row in rows:
        if row["ok"] == "yes":
            c = sunlit.parse_citation(row["text"])
            assert (c.law, c.note or "", c.article, c.paragraph, c.item) == (
                row["law"], row["note"], num(row["article"]), num(row["paragraph"]), num(row["item"])
            ), row["text"]
        else:
            with pytest.raises(sunlit.FieldError) as e:
                sunlit.parse_citation(row["text"])
            assert (e.value.field, e.value.value) == ("citation", row["text"])


def test_legal_basis_cells():
    for row in read_table("power/bases.tsv", delimiter="\t"):
        b = sunlit.parse_legal_basis(unescape(row["text"]))
        expected = row["citations"].split(" | ") if row["citations"] else []
        assert [c.canonical() for c in b.citations] == expected, row["text"]
        assert b.unparsed == (row["unparsed"].split(" | ") if row["unparsed"] else []), row["text"]


def test_credit_code_check_characters():
    rows = read_table("power/credit_codes.tsv", delimiter="\t")
    assert len(rows) >= 15
    for row in rows:
        code = row["code"]
        assert sunlit.is_valid_credit_code(code) == (row["valid"] == "yes"), code
        if row["check"]:
            assert sunlit.credit_code_check_char(code.strip()[:17]) == row["check"], code
    with pytest.raises(sunlit.FieldError):
        sunlit.credit_code_check_char("1244150019672024I")


def test_numerals():
    assert sunlit.parse_numeral("一百零五") == 105
    assert sunlit.chinese_numeral(1010) == "一千零一十"
    with pytest.raises(sunlit.FieldError):
        sunlit.parse_numeral("一百五")


def test_every_bad_row_names_line_column_and_value():
    cases = read_table("power/bad_rows.tsv", delimiter="\t")
    assert len(cases) >= 15
    for case in cases:
        if case["header"]:
            text = case["header"] + "\n"
        else:
            text = f"{HEADER}\n{GOOD}\n{unescape(case['row'])}\n"
        with pytest.raises(sunlit.InputError) as e:
            sunlit.PowerList.from_csv(text)
        assert (e.value.line, e.value.column, e.value.value) == (
            int(case["line"]), case["column"], unescape(case["value"])
        ), case["name"]


def test_missing_file_is_a_file_error(tmp_path):
    with pytest.raises(sunlit.FileError):
        sunlit.PowerList.read_csv(tmp_path / "missing.csv")


def dated_v2():
    return sunlit.PowerList.read_csv(V2, effective=datetime.date(2025, 1, 1))


def test_disclosure_duties_of_v2_are_exactly_the_expected_ones():
    old, new = sunlit.PowerList.read_csv(V1), dated_v2()
    log = sunlit.ChangeLog.from_changes(sunlit.PowerList.diff(old, new), document="示例府办发〔2025〕1号")
    duties = new.disclosure_duties(changes=log, change_workdays=3)
    iso = lambda d: d.isoformat() if d else ""
    assert [(d.kind, d.code or "", str(d.workdays), iso(d.start), iso(d.due)) for d in duties] == [
        (r["kind"], r["code"], r["workdays"], r["start"], r["due"])
        for r in read_table("power/duties_v2.tsv", delimiter="\t")
    ]
    # The same changes, from the previous version directly.
    assert new.disclosure_duties(previous=old, change_workdays=3) == duties
    rules = next(d for d in duties if d.kind == "enforcement_rules")
    assert rules.articles == ["art. 20(6)", "art. 26"]


def test_list_change_duties_cite_the_source_of_their_period():
    old, new = sunlit.PowerList.read_csv(V1), dated_v2()
    rule = "示例市行政权力清单管理办法（批准后3个工作日内公开）"
    for workdays, basis, expected in [
        (3, None, ["period set by the caller"]),
        (3, rule, [rule]),
        (20, None, ["art. 26"]),
        (20, rule, ["art. 26", rule]),
    ]:
        duties = new.disclosure_duties(previous=old, change_workdays=workdays, change_basis=basis)
        changes = [d for d in duties if d.kind == "list_change"]
        assert len(changes) == 12
        assert all(d.articles == expected for d in changes), (workdays, basis)


def test_decision_deadlines_follow_the_holiday_calendar():
    duties = dated_v2().disclosure_duties(cal=sunlit.WorkCalendar.china())
    for row in read_table("power/decision_deadlines.tsv", delimiter="\t"):
        mine = [d for d in duties if d.code == row["code"]]
        duty = next((d for d in mine if d.kind == "decision_publicity"), mine[0])
        decided = datetime.date.fromisoformat(row["decided"])
        if row["due"]:
            deadline = duty.decision_deadline(decided)
            assert (deadline.due.isoformat(), deadline.workdays, deadline.start) == (row["due"], 7, decided), row
        else:
            with pytest.raises(sunlit.SunlitError):
                duty.decision_deadline(decided)


def test_a_datetime_is_not_an_effective_date():
    with pytest.raises(sunlit.FieldError):
        sunlit.PowerList.read_csv(V1, effective=datetime.datetime(2025, 1, 1, 9, 30))


def test_real_list_with_local_column_names():
    # 克拉玛依市医疗保障局2024年权责清单 (tests/data/power/karamay_medical_2024/SOURCE.md).
    lst = sunlit.PowerList.read_csv(DATA / "power" / "karamay_medical_2024" / "list.csv")
    assert len(lst) == 17
    assert all(f.rule != "power.missing_responsibility" for f in lst.check())
    assert all(f.severity != "error" for f in lst.check())


def test_list_cells_survive_every_round_trip():
    """Issue 11 defect 3: entries that begin with numbers, hold ；, arrows, quotes, line breaks
    or nothing at all come back exactly from JSON and CSV, however often."""
    entries = ["2.②", ") (1)；", "", " a ", "受理→审查", '"q"', "x\ny", "[1]"]
    item = {"name": "x", "category": "行政许可", "sub_items": entries, "procedure": entries,
            "responsibilities": entries, "accountability": ["2.②", ") (1)；"]}
    pl = sunlit.PowerList.from_json(json.dumps([item]))
    assert pl.items[0].sub_items == entries and pl.items[0].procedure == entries
    for _ in range(3):
        pl = sunlit.PowerList.from_json(pl.to_json())
        pl = sunlit.PowerList.from_csv(pl.to_csv())
    first = pl.items[0]
    assert first.sub_items == entries
    assert first.procedure == entries
    assert first.responsibilities == entries
    assert first.accountability == ["2.②", ") (1)；"]


def test_a_list_with_duplicates_does_not_differ_from_itself():
    """Issue 11 defect 4."""
    text = HEADER + "\n" + GOOD + "\n" + GOOD + "\n"
    pl = sunlit.PowerList.from_csv(text)
    assert len(pl) == 2
    assert sunlit.PowerList.diff(pl, pl) == []
    fewer = sunlit.PowerList.from_csv(HEADER + "\n" + GOOD + "\n")
    assert [c.kind for c in sunlit.PowerList.diff(pl, fewer)] == ["cancelled"]
