"""The findings report — sort, filter, CSV and JSON — on real findings: the corrupted golden tables,
the granularity warnings of the 城管执法局 document and a ledger's subtotal check."""

import csv
import io
import json
from decimal import Decimal

import sunlit
from conftest import DATA, read_table

TABLES = DATA / "tables"
HEADER = "rule,severity,table,code,column,expected,actual,difference,message_zh,message_en,page,printed"


def real_findings():
    """Warnings first, then the errors of every corrupted copy, then a ledger finding: unsorted."""
    tables = [
        sunlit.PublishedTable.read_csv(TABLES / "chengguan_2026" / r["file"], unit=r["unit"], kind=r["kind"])
        for r in read_table("tables/chengguan_2026/document.csv")
    ]
    found = sunlit.DisclosureDocument(tables=tables).check()
    assert {f.severity for f in found} == {"warning"}
    seen = []
    for c in read_table("tables/corrupted/cases.csv"):
        if c["file"] in seen:
            continue
        seen.append(c["file"])
        found += sunlit.PublishedTable.read_csv(TABLES / "corrupted" / c["file"], unit=c["unit"], kind=c["kind"]).check()
    broken = sunlit.PublishedTable.read_csv(TABLES / "corrupted" / "class_total_changed.csv", kind="budget_general_functional")
    found += broken.to_ledger(2026, "u", subtotals=True).rollup(subtotals="check").findings()
    return found


def test_sort_puts_errors_first():
    found = real_findings()
    assert found[0].severity == "warning"
    ordered = sunlit.sort_findings(found)
    assert len(ordered) == len(found)
    severities = [f.severity for f in ordered]
    assert severities == sorted(severities, key=lambda s: s != "error")  # errors, then warnings
    keys = [(f.severity != "error", f.rule, f.table or "", f.code or "", f.column or "") for f in ordered]
    assert keys == sorted(keys)
    assert ordered[0].rule == "budget.subtotal_mismatch"


def test_filter_by_rule_family_and_severity():
    found = real_findings()
    errors = sunlit.filter_findings(found, rules=["tables."], severity="error")
    assert len(errors) == 7  # the corrupted copies' errors: not the ledger's, not the warnings
    assert all(f.rule.startswith("tables.") and f.severity == "error" for f in errors)
    assert len(sunlit.filter_findings(found, rules=["tables.*"], severity="warning")) == 4
    assert len(sunlit.filter_findings(found, rules=["tables.parent_sum", "budget.subtotal_mismatch"])) == 5
    assert sunlit.filter_findings(found, rules=["tables"]) == []  # no dot: an exact id
    assert sunlit.filter_findings(found) == found


def test_csv_export_header_and_quoting():
    found = real_findings()
    text = sunlit.findings_to_csv(found)
    assert text.splitlines()[0] == HEADER
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(found)
    for r, f in zip(rows, found):
        assert (r["rule"], r["severity"], r["code"], r["message_zh"], r["message_en"]) == (
            f.rule,
            f.severity,
            f.code or "",
            f.message_zh,
            f.message_en,
        )
        assert r["expected"] == ("" if f.expected is None else str(f.expected))
    (leaf,) = [(r, f) for r, f in zip(rows, found) if f.rule == "tables.subtotal_as_leaf"]
    assert "," in leaf[1].message_en and leaf[0]["message_en"] == leaf[1].message_en  # quoted, not split


def test_json_export_amounts_are_strings():
    found = real_findings()
    items = json.loads(sunlit.findings_to_json(found))
    assert len(items) == len(found)
    for j, f in zip(items, found):
        for key in ("expected", "actual", "difference"):
            value = getattr(f, key)
            assert j[key] == (None if value is None else str(value)), key
            assert j[key] is None or isinstance(j[key], str)
    (row_sum,) = [j for j in items if j["rule"] == "tables.row_sum"]
    assert (row_sum["expected"], row_sum["difference"]) == ("114.32", "-0.10")
    assert Decimal(row_sum["actual"]) == Decimal("114.22")
