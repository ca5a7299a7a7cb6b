"""The rule registry and the typed fields of errors, as Python sees them."""

import pytest

import sunlit
from conftest import DATA, read_table

HEADER = "year,book,phase,unit,functional,economic,nature,source,amount"


def test_rules_are_the_registry_with_the_same_field_names():
    rules = sunlit.rules()
    assert len(rules) == 121
    ids = [r.id for r in rules]
    assert len(set(ids)) == len(ids)
    by_id = {r.id: r for r in rules}
    row_sum = by_id["tables.row_sum"]
    assert (row_sum.family, row_sum.severity) == ("tables", "error")
    assert "identities" in row_sum.citation
    assert row_sum.summary_zh and row_sum.summary_en
    assert by_id["tables.whole_yuan_rounding"].severity == "info"
    assert by_id["request.consultation_reply_overdue"].severity == "warning"
    for r in rules:
        assert r.id.startswith(r.family + ".")
        assert r.severity in {"error", "warning", "info"}
    assert sunlit.rules() == rules  # values, comparable and hashable
    assert len({hash(r) for r in rules}) == len(rules)


def test_every_finding_has_its_rules_severity():
    severity = {r.id: r.severity for r in sunlit.rules()}
    directory = DATA / "tables" / "sfj_unit_budget_2026"
    tables = [
        sunlit.PublishedTable.read_csv(directory / row["file"], unit=row["unit"], kind=row["kind"])
        for row in read_table("tables/sfj_unit_budget_2026/document.csv")
    ]
    findings = sunlit.DisclosureDocument(tables=tables).check()
    assert {f.severity for f in findings} >= {"error", "info"}
    for f in findings:
        assert f.severity == severity[f.rule], f


def test_a_located_cell_error_keeps_its_cause(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text(f"{HEADER}\n2026,general,budget,u,2O8,,basic,,1\n", encoding="utf-8")
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.read_csv(p)
    assert (e.value.line, e.value.column, e.value.value) == (2, "functional", "2O8")
    cause = e.value.cause
    assert isinstance(cause, sunlit.CodeError)
    assert (cause.scheme, cause.value) == ("functional", "2O8")
    assert e.value.__cause__ is cause


def test_an_input_error_without_a_cell_error_has_no_cause(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text(f"{HEADER}\n2026,general,budget,u,208,,basic,,1,extra\n", encoding="utf-8")
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.read_csv(p)
    assert e.value.cause is None


def test_a_file_error_names_the_os_error_kind(tmp_path):
    with pytest.raises(sunlit.FileError) as e:
        sunlit.Ledger.read_csv(tmp_path / "missing.csv")
    assert e.value.kind == "not_found"
    assert e.value.path.endswith("missing.csv")
    assert e.value.reason


def test_a_field_error_names_a_stable_field_id():
    with pytest.raises(sunlit.FieldError) as e:
        sunlit.credit_code_check_char("not a code")
    assert e.value.field == "credit_code"
