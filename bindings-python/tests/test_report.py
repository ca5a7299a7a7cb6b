"""The annual report of disclosure work, on the shared data of tests/data/report (see its README)."""

import json
from decimal import Decimal

import pytest

import sunlit
from conftest import DATA, read_table

REPORT = DATA / "report"


def published(**replace):
    files = {
        "requests": REPORT / "published_2024_requests.csv",
        "proactive": REPORT / "published_2024_proactive.csv",
        "reviews": REPORT / "published_2024_reviews.csv",
    }
    files.update(replace)
    return sunlit.AnnualReport.read_tables(**files, format="2021", year=2024)


def last_year():
    return sunlit.AnnualReport.read_tables(proactive=REPORT / "published_2023_proactive.csv", year=2023)


def dec(text):
    return Decimal(text) if text else None


def column_ids(rep, kind):
    return dict((label, cid) for cid, label in rep.columns(kind))


def test_published_report_adds_up():
    rep = published()
    assert rep.check(last_year=last_year()) == []
    assert rep.year == 2024 and rep.format == "2021"
    assert rep.tables() == ["proactive", "requests", "reviews"]
    assert rep.correction_rate("行政复议") == Decimal("12.7")


def test_table_rows_carry_labels_and_the_seven_values():
    rep = published()
    rows = rep.table("requests")
    ids = column_ids(rep, "requests")
    assert list(ids) == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    expected = read_table("report/published_2024_requests.csv")
    assert len(rows) == len(expected) == 25
    for row, exp in zip(rows, expected):
        assert row["label"] == exp["label"]
        assert len(row["values"]) == 7
        for label, cid in ids.items():
            assert row["values"][cid] == int(exp[label]), (row["label"], label)
            assert isinstance(row["values"][cid], int)
    assert rows[4]["id"] == "refused_state_secret" and rows[4]["group"] == "（三）不予公开"
    fees = [r for r in rep.table("proactive") if r["id"] == "fees"][0]
    assert fees["values"] == {"fee_amount": Decimal("96171.60")}


def test_json_tables_and_label_variants_read_the_same():
    rep = published()
    as_json = published(
        requests=REPORT / "published_2024_requests.json",
        proactive=REPORT / "published_2024_proactive.json",
        reviews=REPORT / "published_2024_reviews.json",
    )
    assert as_json == rep
    variants = sunlit.AnnualReport.read_tables(requests=REPORT / "published_2024_requests_variants.csv")
    assert variants.table("requests") == rep.table("requests")
    assert sunlit.AnnualReport.from_json(rep.to_json()) == rep
    assert json.loads(rep.to_json())["requests"][0]["总计"] == 1608
    assert rep.to_csv("requests") == (REPORT / "published_2024_requests.csv").read_text(encoding="utf-8")


def test_corrupted_copies_raise_exactly_their_rule():
    cases = read_table("report/corrupt/cases.csv")
    assert len(cases) == 8
    last = last_year()
    for case in cases:
        rep = published(**{case["table"]: REPORT / "corrupt" / case["file"]})
        findings = rep.check(last_year=last)
        assert {f.rule for f in findings} == {case["rule"]}, case["file"]
        assert len(findings) == int(case["count"]), case["file"]
        f = findings[0]
        assert (f.table, f.code, f.column) == (case["table"], case["code"], case["column"]), case["file"]
        assert (f.expected, f.actual) == (dec(case["expected"]), dec(case["actual"])), case["file"]
        assert f.severity == ("warning" if case["rule"] in ("report.blank_cell", "report.valid_carry") else "error")


def test_the_2019_trial_format():
    rep = sunlit.AnnualReport.read_tables(
        requests=REPORT / "published_2020_requests_2019format.csv",
        proactive=REPORT / "published_2020_proactive_2019format.csv",
        format="2019",
        year=2020,
    )
    assert rep.check() == []
    rows = rep.table("requests")
    assert len(rows) == 23
    assert [r["id"] for r in rows if r["group"] == "三、本年度办理结果"] == [
        "granted", "partly_granted", "other", "total"]
    change = [r for r in rep.table("proactive") if r["id"] == "other_services"][0]["values"]["items_change"]
    assert change == Decimal("-3")
    with pytest.raises(sunlit.InputError) as e:
        sunlit.AnnualReport.read_tables(requests=REPORT / "published_2020_requests_2019format.csv", format="2021")
    assert e.value.column == "label" and e.value.value == "（六）其他处理"
    assert '<th rowspan="20">三、本年度办理结果</th>' in rep.to_html()


def test_build_from_counts():
    rep = sunlit.AnnualReport.build(
        year=2024,
        proactive={"rules": {"issued": 1, "repealed": 0, "valid": 4}, "行政事业性收费": {"本年收费金额": "96171.60"}},
        reviews={"review": {"upheld": 1163, "corrected": 245}, "direct_suit": {"upheld": 662, "corrected": 65}},
        format="2021",
    )
    assert rep.correction_rate("review") == Decimal("17.4")
    assert rep.correction_rate("direct_suit") == Decimal("8.9")
    reviews = rep.table("reviews")
    assert reviews[0]["values"] == {"upheld": 1163, "corrected": 245, "other": 0, "pending": 0, "total": 1408}
    rules = {f.rule for f in rep.check()}
    assert rules == {"report.blank_cell"}  # the Table 2 cells not given stay blank
    assert sunlit.AnnualReport.build(year=2020).format == "2019"
    with pytest.raises(sunlit.InputError):
        sunlit.AnnualReport.build(year=2024, proactive={"rules": {"issued": 1.5}})
    with pytest.raises(sunlit.FieldError):
        sunlit.AnnualReport.build(year=2024, reviews={"信访": {"upheld": 1}})
    with pytest.raises(sunlit.FieldError):
        sunlit.AnnualReport.build(year=2016)


def test_a_fractional_count_is_refused():
    cases = read_table("report/unreadable/cases.csv")
    assert len(cases) == 2
    for case in cases:
        with pytest.raises(sunlit.InputError) as e:
            sunlit.AnnualReport.read_tables(
                proactive=REPORT / "unreadable" / case["file"], format=case["format"]
            )
        got = (str(e.value.line), e.value.column, e.value.value)
        assert got == (case["line"], case["column"], case["value"]), case["file"]
        assert e.value.reason.endswith(case["reason"]), case["file"]
    for value in ("1.5", Decimal("1.5")):
        with pytest.raises(sunlit.FieldError) as f:
            sunlit.AnnualReport.build(year=2024, proactive={"rules": {"issued": value}})
        assert (f.value.field, f.value.value) == ("issued", "1.5")
    with pytest.raises(sunlit.FieldError):
        sunlit.AnnualReport.build(year=2020, proactive={"行政处罚": {"本年增/减": "+12.5"}})
    # Whole numbers written with a zero fraction, and the amounts, are accepted.
    rep = sunlit.AnnualReport.build(
        year=2024, proactive={"rules": {"issued": "2.0"}, "fees": {"fee_amount": Decimal("96171.60")}}
    )
    assert rep.table("proactive")[-1]["values"]["fee_amount"] == Decimal("96171.60")


def test_rendered_layouts():
    rep = published()
    html = rep.to_html()
    assert html.startswith("<!DOCTYPE html>")
    assert '<th rowspan="22">三、本年度办理结果</th>' in html
    assert '<th colspan="10">行政诉讼</th>' in html
    md = rep.to_markdown()
    assert "| 一、本年新收政府信息公开申请数量 |  |  | 1269 |" in md
    assert rep.table_markdown("reviews").startswith("| 行政复议 |")


def test_the_seed_articles_legacy_figures():
    stats = sunlit.LegacyStatistics(
        requests=45104, channels={"当面": 24121}, reviews=1408, reviews_corrected=245,
        suits=727, suits_corrected=65, year=2016)
    assert stats.check() == []
    for row in read_table("report/legacy_guangdong_2016.csv"):
        places = int(row["places"])
        expected = Decimal(row["percent"])
        assert sunlit.share(int(row["part"]), int(row["whole"]), places=places) == expected
        measure = {
            "in_person_share": lambda: stats.channel_share("in_person", places=places),
            "review_correction_rate": lambda: stats.review_correction_rate(places=places),
            "suit_correction_rate": lambda: stats.suit_correction_rate(places=places),
        }[row["measure"]]()
        assert measure == expected and str(measure) == row["percent"]
    assert sunlit.share(24121, 45104) == Decimal("53.5")
    bad = sunlit.LegacyStatistics(requests=10, channels={"online": 11})
    assert [f.rule for f in bad.check()] == ["report.legacy_channel_sum"]


def synthetic_requests():
    """The records of requests_2024.csv as sunlit.DisclosureRequest objects."""
    from datetime import date

    out = []
    for row in read_table("report/requests_2024.csv"):
        req = sunlit.DisclosureRequest(
            received=date.fromisoformat(row["received"]), channel=row["channel"], applicant=row["applicant"],
            reference=row["id"])
        if row["correction_requested"]:
            req.request_correction(date.fromisoformat(row["correction_requested"]))
        if row["correction_received"]:
            req.receive_correction(date.fromisoformat(row["correction_received"]))
        if row["fee_notice"]:
            req.fee_notice(date.fromisoformat(row["fee_notice"]), 100)
        if row["outcome"] == "withdrawn":
            req.withdraw(date.fromisoformat(row["closed"]))
        elif row["outcome"]:
            req.answer(date.fromisoformat(row["closed"]), row["outcome"], row["reason"] or None)
        out.append(req)
    return out


def assert_every_cell(rep, expected_file):
    ids = column_ids(rep, "requests")
    rows = rep.table("requests")
    expected = read_table(expected_file)
    assert len(rows) == len(expected)
    for row, exp in zip(rows, expected):
        assert row["label"] == exp["label"]
        assert {label: row["values"][cid] for label, cid in ids.items()} == {
            label: int(exp[label]) for label in ids}, row["label"]


def test_a_synthetic_year_builds_every_cell():
    reqs = synthetic_requests()
    assert len(reqs) >= 400
    rep = sunlit.AnnualReport.build(year=2024, requests=reqs, format="2021")
    assert_every_cell(rep, "report/requests_2024_expected_2021.csv")
    assert rep.check() == []
    assert rep.to_csv("requests") == (REPORT / "requests_2024_expected_2021.csv").read_text(encoding="utf-8")
    for row in rep.table("requests"):
        if row["group"] and row["id"] != "total":
            assert all(v >= 1 for k, v in row["values"].items()), row["label"]


def test_the_2019_format_from_requests():
    rep = sunlit.AnnualReport.build(year=2024, requests=synthetic_requests(), format="2019")
    assert rep.format == "2019"
    assert_every_cell(rep, "report/requests_2024_expected_2019.csv")
    assert rep.check() == []


def test_a_carried_over_request():
    from datetime import date

    req = sunlit.DisclosureRequest(received=date(2023, 12, 27), channel="online", applicant="research_institution")
    req.carry_over(2023)
    req.answer(date(2024, 1, 15), "partly_granted")
    r2023 = {r["id"]: r["values"] for r in sunlit.AnnualReport.build(year=2023, requests=[req]).table("requests")}
    r2024 = {r["id"]: r["values"] for r in sunlit.AnnualReport.build(year=2024, requests=[req]).table("requests")}
    assert (r2023["new"]["total"], r2023["carried_forward"]["research_institution"]) == (1, 1)
    assert (r2024["new"]["total"], r2024["carried_over"]["research_institution"]) == (0, 1)
    assert r2024["partly_granted"]["research_institution"] == 1 and r2024["carried_forward"]["total"] == 0
    with pytest.raises(sunlit.InputError) as e:
        sunlit.AnnualReport.build(year=2024, requests=[req, "R0001"])
    assert e.value.line == 2
