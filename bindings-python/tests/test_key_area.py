"""Issue 15 (area15) from Python: the disclosure guide, key-area checklists, OCDS facts,
policy interpretations and the CLI commands."""

import json
import subprocess
import sys

import pytest

import sunlit

from conftest import DATA

GUIDES = DATA / "disclosure" / "guides"
OCDS = DATA / "disclosure" / "ocds"


def rules(findings):
    return [(f.rule, f.code) for f in findings]


def test_real_guides():
    dxal = sunlit.DisclosureGuide.read_path(GUIDES / "daxinganling-2016.txt")
    assert rules(dxal.check()) == [("guide.ambiguous", "classification"), ("guide.missing_arrangement", "arrangement")]
    assert dxal.found("fax") == (True, 23, "0457-2730740")
    kedong = sunlit.DisclosureGuide.read_path(GUIDES / "kedong.txt")
    assert rules(kedong.check()) == [("guide.ambiguous", "phone"), ("guide.missing_fax", "fax")]
    longting = sunlit.DisclosureGuide.read_path(str(GUIDES / "longting-traditional.txt"))
    assert longting.check() == []
    assert ("internet", True, 8, "longtingqufu@126.com") in longting.elements


def test_guide_errors():
    with pytest.raises(sunlit.FieldError):
        sunlit.DisclosureGuide.from_text("").found("fax number")
    with pytest.raises(sunlit.FileError):
        sunlit.DisclosureGuide.read_path(GUIDES / "none.txt")


def test_embedded_checklist():
    c = sunlit.Checklist.embedded()
    assert (c.id, c.version) == ("national", "2026-12-05")
    names = [name for _, name, _ in c.areas]
    assert len(names) >= 8 and "预决算" in names and "饮用水水质" in names
    assert sunlit.Checklist.from_json(c.to_json()).to_json() == c.to_json()


def test_checklist_errors_name_line_and_field(tmp_path):
    text = c = sunlit.Checklist.embedded().to_json().replace('"publish"', '"publsh"', 1)
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Checklist.from_json(text)
    assert e.value.column == "publsh" and e.value.line > 1
    path = tmp_path / "province.json"
    path.write_text(c, encoding="utf-8")
    with pytest.raises(sunlit.InputError, match="province.json"):
        sunlit.Checklist.from_path(path)


def entries():
    return json.dumps(
        [
            {"index": "1", "title": "某县2024年政府预算公开", "formed": "2024-01-10", "published": "2024-02-20"},
            {"index": "2", "title": "某县2023年政府决算公开", "formed": "2024-07-01", "published": "2024-07-15"},
        ],
        ensure_ascii=False,
    )


def test_check_a_catalogue():
    report = sunlit.Checklist.embedded().check(entries(), "某县人民政府", "county", "government", 2024)
    states = {item: state for _, item, state, _ in report.items}
    assert states["budget.government_budget"] == "late"
    assert states["budget.government_final_accounts"] == "published"
    assert states["emergencies.plans"] == "missing"
    late = [f for f in report.findings if f.rule == "key_area.late"]
    assert late[0].code == "budget.government_budget" and "2024-01-30" in late[0].message_zh
    assert json.loads(report.to_json())["year"] == 2024
    with pytest.raises(sunlit.FieldError):
        sunlit.Checklist.embedded().check("[]", "x", "city", "government", 2024)
    with pytest.raises(sunlit.InputError):
        sunlit.Checklist.embedded().check('[{"title": "x", "formed": "2024-02-30"}]', "x", "county", "government", 2024)


def test_ocds_facts_are_exact_and_feed_the_checklist():
    facts = json.loads(sunlit.read_ocds_path(OCDS / "moldova-ocds-ngfbwp-17634378.json"))
    assert [f["amount"] for f in facts] == [None, "180739.2", "180739.2"]
    assert facts[2]["formed"] == "2017-02-23"
    montreal = json.loads(sunlit.read_ocds((OCDS / "montreal-ocds-a1234567-mt-f1347447.json").read_text(), "major_projects"))
    assert [f["amount"] for f in montreal if f["amount"]] == ["10656.23"]
    report = sunlit.Checklist.embedded().check("[]", "PRIMĂRIA", "township", "government", 2017, json.dumps(facts))
    states = {item: state for _, item, state, _ in report.items}
    assert states["public_resources.procurement_notice"] == "published"
    with pytest.raises(sunlit.InputError):
        sunlit.read_ocds('{"date": "2024-13-45"}')
    with pytest.raises(sunlit.FieldError):
        sunlit.read_ocds("{}", "roads")


def test_interpretations():
    e = json.dumps(
        [
            {"index": "1", "title": "关于印发某县养老服务补贴办法的通知", "document_number": "某政发〔2024〕3号", "category": "regulations", "published": "2024-03-01"},
            {"index": "2", "title": "《某县养老服务补贴办法》政策解读", "published": "2024-03-08"},
        ],
        ensure_ascii=False,
    )
    assert [f.rule for f in sunlit.check_interpretations(e)] == ["interpretation.late"]
    assert sunlit.check_interpretations(e, workdays=5) == []
    assert sunlit.interpretation_counts(e) == [(2024, 1, 1, 0, 1)]
    assert sunlit.interpretation_counts(e, 5) == [(2024, 1, 1, 1, 1)]


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "sunlit", *args], capture_output=True, text=True, encoding="utf-8")


def test_cli(tmp_path):
    cat = tmp_path / "catalogue.json"
    cat.write_text(entries(), encoding="utf-8")
    r = run_cli("key-area", "check", str(cat), "--organ", "某县人民政府", "--level", "county", "--kind", "government", "--year", "2024", "--json")
    assert r.returncode == 1, r.stderr
    assert any(f["rule"] == "key_area.late" for f in json.loads(r.stdout)["findings"])
    r = run_cli("guide", "check", str(GUIDES / "longting-traditional.txt"))
    assert r.returncode == 0, r.stderr
    r = run_cli("guide", "check", str(GUIDES / "kedong.txt"), "--json")
    assert (r.returncode, json.loads(r.stdout)["findings"]) == (1, ["guide.ambiguous", "guide.missing_fax"])
    r = run_cli("interpretation", "check", str(cat))
    assert r.returncode == 0, r.stderr
    r = run_cli("key-area", "check", str(tmp_path / "x.csv"), "--organ", "o", "--level", "county", "--kind", "government", "--year", "2024")
    assert r.returncode == 2 and "x.csv" in r.stderr


def test_cli_reads_a_real_csv_catalogue():
    """The real State Council listing (tests/data/disclosure/catalogue) in CSV, through the same
    reader as `sunlit directory check`."""
    real = DATA / "disclosure" / "catalogue" / "state_council_000014349.csv"
    r = run_cli("interpretation", "check", str(real), "--json")
    assert r.returncode in (0, 1), r.stderr
    out = json.loads(r.stdout)
    assert out["findings"] == ["interpretation.none_listed"]
    r = run_cli("key-area", "check", str(real), "--organ", "国务院办公厅", "--level", "national", "--kind", "government", "--year", "2018", "--json")
    assert r.returncode in (0, 1), r.stderr
    assert all(f["rule"].startswith("key_area.") for f in json.loads(r.stdout)["findings"])
