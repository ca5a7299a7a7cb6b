"""Document.narrative() and the narrative.* findings (issue 14) on real documents: the figures of
the explanation text, and the errors the checks find there. The golden statements are in
tests/data/documents/narrative.json (checked in full by the Rust suite, tests/tests/narrative.rs)."""

import json
from decimal import Decimal

import pytest

import sunlit
from conftest import DATA

DOCUMENTS = DATA / "documents"


def read(path):
    p = DOCUMENTS / path
    if not p.exists():
        pytest.skip(f"{p} not in this checkout")
    return sunlit.read_document(p)


def narrative_errors(doc):
    return [f for f in doc.findings if f.rule.startswith("narrative.") and f.severity == "error"]


def test_statements_of_a_real_budget():
    doc = read("shanghai/putuo-wanli-budget-2025.pdf")
    st = doc.narrative()
    assert len(st) > 40
    first = st[0]
    assert isinstance(first, sunlit.NarrativeStatement)
    assert (first.page, first.amount, first.unit) == (6, Decimal("18976.76"), "万元")
    assert first.subject.endswith("收入预算")
    # 财政拨款收入18,976.76万元，比2024年预算增加3,355.65万元
    appropriation = st[1]
    assert appropriation.subject == "财政拨款收入"
    assert appropriation.change is not None
    assert (appropriation.change.direction, appropriation.change.amount) == ("increase", Decimal("3355.65"))
    assert appropriation.basis == "current"
    # Every 科目 of the list is true: no narrative error.
    assert narrative_errors(doc) == []


def test_real_errors_of_a_final_account_are_reported():
    doc = read("shanghai/putuo-czj-final-2024.pdf")
    found = {(f.rule, f.page) for f in narrative_errors(doc)}
    assert found == {("narrative.share", 21), ("narrative.value", 21)}
    share = next(f for f in doc.findings if f.rule == "narrative.share")
    assert "71.73%" in share.printed  # the sentence is quoted
    assert share.actual == Decimal("71.73")
    shares = [s for s in doc.narrative() if s.share is not None]
    assert any(s.subject == "基本支出" and s.share == Decimal("79.49") for s in shares)
    # The findings are in the JSON report under their rule family.
    report = json.loads(doc.to_json())
    rules = {f["rule"] for d in report["documents"] for f in d["findings"]} if "documents" in report else {
        f["rule"] for f in report["findings"]
    }
    assert "narrative.share" in rules


def test_narrative_rules_are_in_the_registry():
    ids = {r.id for r in sunlit.rules()}
    assert {"narrative.value", "narrative.share", "narrative.rate", "narrative.template"} <= ids


def test_a_final_accounts_completion_rates_and_comparisons_with_its_budget():
    # 上海市普陀区规划和自然资源局 2024年度部门决算: 13 科目 and the total say "年初预算为X万元，支出决算为Y万元，
    # 完成年初预算的Z%。决算数小于(同)预算数…", the 三公 paragraph "完成预算的13.68%" (its budget from the
    # 三公 table). All true (narrative.json), but 9,746.50 of 10,210.34 is 95.457 %, printed 95.45:
    # cut off, not rounded — an info.
    doc = read("shanghai/putuo-ghzy-final-2024.pdf")
    assert [f for f in doc.findings if f.rule.startswith("narrative.budget_")] == []
    cut = [f for f in doc.findings if f.rule == "narrative.rate_truncated" and "完成年初预算的95.45%" in f.printed]
    assert [(f.page, f.severity, f.actual) for f in cut] == [(21, "info", Decimal("95.45"))]
    # 中共上海市普陀区委社会工作部: "年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的
    # 95.89%" — the rate is of the 全年预算: an info, not an error.
    doc = read("shanghai/putuo-shgzb-final-2024.pdf")
    basis = [f for f in doc.findings if f.rule == "narrative.budget_basis"]
    assert [(f.page, f.severity) for f in basis] == [(18, "info")]
    assert "完成年初预算的95.89%" in basis[0].printed
    assert narrative_errors(doc) == []
    ids = {r.id for r in sunlit.rules()}
    assert {"narrative.budget_completion", "narrative.budget_comparison", "narrative.budget_basis"} <= ids
