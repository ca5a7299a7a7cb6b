"""Completeness (completeness.*) and the identities across documents (identity.*) from Python
and `sunlit check --last-year/--budget --json`, on the real 西南大学 final accounts 2023 → 2024
(tests/data/documents/chongqing, SOURCE.md)."""

import json

import pytest

import sunlit
from conftest import DATA
from test_cli import run

CQ = DATA / "documents" / "chongqing"
F2023 = CQ / "swu-final-2023.pdf"
F2024 = CQ / "swu-final-2024.pdf"
B2024 = CQ / "swu-budget-2024.pdf"

pytestmark = pytest.mark.skipif(not F2024.exists(), reason="real documents not present")


@pytest.fixture(scope="module")
def finals():
    return sunlit.read_document(F2023), sunlit.read_document(F2024)


def test_last_years_closing_balance_against_this_years_opening_balance(finals):
    f2023, f2024 = finals
    found = f2024.check(last_year=f2023)
    assert [f.rule for f in found] == ["identity.carry_over"]
    f = found[0]
    assert f.severity == "warning"
    assert (str(f.actual), str(f.expected)) == ("106700.90", "106848.91")
    assert "swu-final-2023.pdf" in f.message_zh and "swu-final-2024.pdf" in f.message_zh
    assert f2024.check() == []
    checked = f2024.with_checks(last_year=f2023)
    assert len(checked.findings) == len(f2024.findings) + 1


def test_a_budget_carry_over_is_an_info_and_a_mismatch_is_not_compared(finals):
    f2023, _ = finals
    b2024 = sunlit.read_document(B2024)
    assert [(f.rule, f.severity) for f in b2024.check(last_year=f2023)] == [("identity.carry_over_estimate", "info")]
    # A final account is not a budget: not compared, and why.
    [f] = f2023.check(budget=f2023)
    assert f.rule == "identity.not_compared" and f.severity == "info"


def test_the_four_table_template_is_one_info(finals):
    _, f2024 = finals
    assert f2024.missing == [4, 6, 7, 8, 9]
    assert [f.rule for f in f2024.findings if f.rule.startswith("completeness.")] == ["completeness.missing_unsure"]


def test_documents_of_the_wrong_type_are_refused(finals):
    f2023, f2024 = finals
    with pytest.raises(TypeError):
        f2024.check(last_year="swu-final-2023.pdf")
    with pytest.raises(TypeError):
        f2024.check(f2023)  # keyword only


def test_cli_last_year_and_budget(tmp_path):
    r = run("check", "--json", "-q", F2024, "--last-year", F2023, "--budget", B2024)
    assert r.returncode == 0, r.stderr
    [doc] = json.loads(r.stdout)["documents"]
    rules = [f["rule"] for f in doc["findings"]]
    assert "identity.carry_over" in rules
    assert "completeness.missing_unsure" in rules
    # The 2024 budget is of the same year but the MoE final prints no 三公 预算数: not compared.
    assert "identity.not_compared" in rules
    bad = run("check", "-q", F2024, "--last-year", tmp_path / "missing.pdf")
    assert bad.returncode == 2
    assert "missing.pdf" in bad.stderr
