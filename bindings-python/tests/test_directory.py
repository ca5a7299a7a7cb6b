"""Disclosure catalogues (政府信息公开目录, art. 12): the real catalogue of the gov.cn State Council
policy library (tests/data/disclosure/catalogue/SOURCE.md), index numbers, checks, search, CLI."""

import datetime
import json

import pytest

import sunlit
from sunlit.cli import main

from conftest import DATA

CATALOGUE = DATA / "disclosure" / "catalogue" / "state_council_000014349.csv"
XLSX = DATA / "disclosure" / "catalogue" / "state_council_first5.xlsx"


@pytest.fixture(scope="module")
def cat():
    return sunlit.DisclosureCatalogue.read_csv(CATALOGUE, organ="国务院办公厅", level="national")


def test_the_real_catalogue_loads_and_every_index_number_parses(cat):
    assert len(cat) == 60 and cat.level == "national"
    kinds = {sunlit.IndexNumber.parse(e.index).kind for e in cat.entries}
    assert kinds == {"organization_code"}
    assert all(sunlit.IndexNumber.parse(e.index).check_ok for e in cat.entries)


def test_what_the_checks_find_on_it(cat):
    findings = cat.check(years=[2018])
    counts = {}
    for f in findings:
        counts[f.rule] = counts.get(f.rule, 0) + 1
    assert counts == {"directory.date_unchecked": 26, "directory.missing_category": 2, "directory.uncategorised": 1}
    assert not [f for f in findings if f.severity == "error"]
    old = next(f for f in findings if f.code == "000014349/1981-00021")
    assert "before the Regulations took effect on 2008-05-01" in old.message_en


def test_a_late_entry_is_explained_with_its_dates_and_working_days(cat):
    text = CATALOGUE.read_text(encoding="utf-8").replace(
        "国办发〔2018〕118号,2019年01月03日", "国办发〔2018〕118号,2019年01月04日"
    )
    late = sunlit.DisclosureCatalogue.from_csv(text).check(years=[2018], required=[])
    (f,) = [f for f in late if f.rule == "directory.late"]
    assert f.severity == "error"
    assert "formed 2018-12-05, due 2019-01-03 (20 working days), published 2019-01-04: 21 working days" in f.message_en
    assert (f.expected, f.actual) == (20, 21)


def test_index_numbers():
    n = sunlit.IndexNumber.parse("6107280000/2024-001005")
    assert (n.kind, n.organ, n.year, n.serial, n.check_ok) == ("local_code", "6107280000", 2024, "001005", None)
    n = sunlit.IndexNumber.parse("003129766/201901-00336")
    assert (n.kind, n.month) == ("organization_code", 1)
    assert str(sunlit.IndexNumber.generate("11370000MB28542883", 2024, 123)) == "11370000MB28542883/2024-00123"
    with pytest.raises(sunlit.FieldError):
        sunlit.IndexNumber.generate("11370000MB28542867", 2024, 1)  # check character: W
    with pytest.raises(sunlit.FieldError):
        sunlit.IndexNumber.parse("000014349/19-1")


def test_a_bad_row_names_line_column_and_value():
    text = CATALOGUE.read_text(encoding="utf-8").replace("000014349/2018-00213", "000014349/2018-0O213")
    with pytest.raises(sunlit.InputError) as e:
        sunlit.DisclosureCatalogue.from_csv(text)
    assert (e.value.line, e.value.column, e.value.value) == (39, "索引号", "000014349/2018-0O213")


def test_gbk_json_xlsx_and_round_trip(cat, tmp_path):
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(CATALOGUE.read_text(encoding="utf-8").encode("gbk"))
    assert sunlit.DisclosureCatalogue.read_csv(gbk).entries == cat.entries
    path = tmp_path / "c.json"
    cat.write_json(path)
    back = sunlit.DisclosureCatalogue.read_json(path)
    assert back.entries == cat.entries and back.organ == "国务院办公厅"
    assert sunlit.DisclosureCatalogue.from_csv(cat.to_csv()).entries == cat.entries
    assert sunlit.DisclosureCatalogue.read_xlsx(XLSX).entries == cat.entries[:5]


def test_search(cat):
    assert [e.index for e in cat.search("教育")] == ["000014349/2019-00005", "000014349/2018-00209"]
    assert len(cat.search("国务院办公厅 答复")) == 5
    found = cat.search(category="livelihood", date_from=datetime.date(2019, 1, 1))
    assert found and all(e.published >= datetime.date(2019, 1, 1) for e in found)


def test_cli(capsys, tmp_path):
    assert main(["directory", "check", str(CATALOGUE), "--level", "national", "--year", "2018"]) == 0
    out = capsys.readouterr().out
    assert "0 error, 2 warning, 27 info" in out
    assert main(["directory", "check", str(CATALOGUE), "--level", "national", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    bad = tmp_path / "bad.csv"
    bad.write_text("索引号,标题\nx,y\n", encoding="utf-8")
    assert main(["directory", "check", str(bad)]) == 2
