"""The catalogue year by year (sunlit.Catalog.embedded: name_in, presence, history, change,
match_name) and the catalogue.* findings of a real document (issue 14)."""

import pytest

import sunlit
from conftest import DATA

CAT = sunlit.Catalog.embedded()


def test_names_per_catalogue_year():
    c = sunlit.Code.functional("2080505")
    assert CAT.name_in(c, 2025) == "机关事业单位基本养老保险缴费支出"
    assert CAT.name_in(c, 1999) is None  # no catalogue of that year: no guess
    assert CAT.presence(c, 2025) == "listed"
    assert CAT.presence(sunlit.Code.functional("2299999"), 2025) == "not_listed"  # no year is complete
    assert CAT.presence(c, 1999) == "no_catalogue"
    assert (2025, "机关事业单位基本养老保险缴费支出") in CAT.history(c)
    # A functional 类 falls back on the 类 name in force that year.
    assert CAT.name_in(sunlit.Code.functional("210"), 2016) == "医疗卫生与计划生育支出"


def test_renames_and_additions_between_editions():
    # 20805 as printed in real documents: 行政事业单位离退休 in 2017/2019, 行政事业单位养老支出 from 2023.
    kind, year, old, new = CAT.change(sunlit.Code.functional("20805"), 2019, 2024)
    assert (kind, old, new) == ("renamed", "行政事业单位离退休", "行政事业单位养老支出")
    assert CAT.change(sunlit.Code.functional("20805"), 2024, 2025)[0] == "same"
    # 22006 was added by the MOF's 2024 supplement.
    assert CAT.change(sunlit.Code.functional("22006"), 2023, 2024) == ("added", 2024, None, None)
    assert CAT.change(sunlit.Code.functional("2080505"), 2020, 2025)[0] == "unknown"


def test_printed_names_are_compared_with_official_variants_allowed():
    c = sunlit.Code.functional("2080505")
    assert CAT.match_name(c, 2024, " 机关事业单位基本养老保\n险缴费支出 ")[0] == "exact"
    assert CAT.match_name(c, 2024, "机关事业单位基本养老保险缴费")[0] == "variant"
    kind, expected, _, other = CAT.match_name(c, 2024, "机关事业单位职业年金缴费支出")
    assert (kind, expected, other) == ("other_code", "机关事业单位基本养老保险缴费支出", "2080506")
    assert CAT.match_name(sunlit.Code.functional("20805"), 2024, "行政事业单位离退休")[:3] == (
        "other_year",
        "行政事业单位养老支出",
        2017,
    )
    assert CAT.match_name(c, 2024, "公务接待")[0] == "mismatch"
    with pytest.raises(sunlit.FieldError):
        CAT.match_name(c, 2**40, "x")


def test_a_real_document_s_codes_are_checked_against_its_year():
    # 上海市普陀区社会福利院 2024 单位预算, 表八 p.14 prints "302 02 咨询费": 30202 is 印刷费 and
    # 咨询费 is 30203 in the 2024 catalogue (the unit numbers its lines itself).
    d = sunlit.read_document(DATA / "documents" / "shanghai" / "putuo-welfare-unit-budget-2024.pdf")
    found = [f for f in d.findings if f.rule.startswith("catalogue.")]
    assert not [f for f in found if f.severity == "error"]
    (f,) = [f for f in found if f.code == "30202"]
    assert (f.rule, f.severity, f.page, f.printed) == ("catalogue.name_of_other_code", "warning", 14, "咨询费")
