import datetime
from decimal import Decimal

import pytest

import sunlit
from conftest import day, read_json

CASES = read_json("disclosure/decisions.json")


def item(v):
    return sunlit.InfoItem(
        title=v["title"],
        organ=v["organ"],
        formed=day(v["formed"]),
        category=v.get("category", "other"),
        stage=v.get("stage"),
        organ_level=v.get("organ_level"),
        wide_concern=v.get("wide_concern", False),
        facts=v.get("facts", []),
        separable=v.get("separable", False),
    )


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["name"])
def test_each_rule_of_the_decision_table(case):
    d = sunlit.decide(item(case["item"]))
    assert d.mode == case["mode"]
    assert d.ground == case["ground"]
    assert d.strength == case["strength"]
    assert d.deadline == day(case["deadline"])
    assert d.articles == case["articles"]
    assert d == sunlit.decide(item(case["item"]), sunlit.WorkCalendar.china())


def test_every_mode_and_ground_is_covered_by_the_cases():
    decisions = [sunlit.decide(item(c["item"])) for c in CASES["cases"]]
    assert {d.mode for d in decisions} == {"proactive", "on_request", "withheld", "partial"}
    assert len({d.ground for d in decisions if d.ground}) == 8


def test_uncovered_deadline_raises():
    for c in CASES["errors"]:
        with pytest.raises(sunlit.UncoveredYearError) as e:
            sunlit.decide(item(c["item"]))
        assert e.value.year == c["year"]


def test_no_exemption_fact_is_never_withheld():
    # art. 5 (以公开为常态): every category, level and override combination
    categories = ["budgets", "public_order", "homestead_review", "other", "licensing"]
    levels = [None, "county", "township", "national"]
    overrides = [[], ["third_party_consent"], ["public_interest", "law_requires_disclosure"]]
    for category in categories:
        for level in levels:
            for facts in overrides:
                for wide in (False, True):
                    for separable in (False, True):
                        d = sunlit.decide(
                            sunlit.InfoItem("t", "o", datetime.date(2024, 3, 1), category=category,
                                            organ_level=level, facts=facts, wide_concern=wide,
                                            separable=separable))
                        assert d.mode in ("proactive", "on_request")
                        assert d.ground is None and d.grounds == []
                        assert (d.deadline is not None) == (d.mode == "proactive")


def test_bad_vocabulary_and_datetimes_are_refused():
    with pytest.raises(sunlit.FieldError) as e:
        sunlit.InfoItem("t", "o", datetime.date(2024, 3, 1), facts=["secret"])
    assert e.value.field == "exemption_fact"
    with pytest.raises(sunlit.FieldError):
        sunlit.InfoItem("t", "o", datetime.date(2024, 3, 1), category="budget")
    with pytest.raises(sunlit.FieldError):
        sunlit.InfoItem("t", "o", datetime.datetime(2024, 3, 1, 8, 0))
    i = sunlit.InfoItem("t", "o", datetime.date(2024, 3, 1), category="预决算", facts=["过程性信息"])
    assert (i.category, i.facts) == ("budgets", ["process_info"])


def test_publicity_and_withdrawal_deadlines():
    for c in CASES["publicity"]:
        d = sunlit.publicity_deadline(c["kind"], day(c["decided"]))
        assert (d.kind, d.workdays, d.due, d.articles) == ("publicity", 7, day(c["due"]), c["articles"])
        late = d.check(d.due + datetime.timedelta(days=1), datetime.date(2030, 1, 1))
        assert late.rule == "disclosure.publicity_late"
        assert d.check(d.due, d.due) is None
    for c in CASES["withdrawal"]:
        d = sunlit.withdrawal_deadline(day(c["changed"]))
        assert (d.workdays, d.due, d.articles) == (3, day(c["due"]), c["articles"])
        overdue = d.check(None, sunlit.WorkCalendar.china().add_workdays(d.due, 2))
        assert overdue.rule == "disclosure.withdrawal_late"
        assert overdue.difference == Decimal(2)
    p = sunlit.proactive_deadline(datetime.date(2024, 9, 20))
    assert p.due == datetime.date(2024, 10, 23) and p.rule == "disclosure.proactive_late"
    with pytest.raises(sunlit.FieldError):
        p.check(datetime.date(2024, 9, 1), datetime.date(2024, 12, 1))


@pytest.mark.parametrize("case", CASES["fees"], ids=lambda c: f'{c["method"]}-{c["quantity"]}')
def test_information_fee(case):
    q = sunlit.information_fee(case["method"], case["quantity"])
    assert q.amount == Decimal(case["amount"])
    assert isinstance(q.amount, Decimal)
    assert sum((t.amount for t in q.tiers()), Decimal(0)) == q.amount
    assert sum(t.units for t in q.tiers()) == case["quantity"]
    if "tiers" in case:
        assert len(q.tiers()) == case["tiers"]
    for t in q.tiers():
        assert isinstance(t.last_rate, Decimal) and t.rate <= t.last_rate


def test_fee_tiers_of_a_huge_quantity_are_few():
    q = sunlit.information_fee("per_request", 4_000_000_000)
    tiers = q.tiers()
    assert len(tiers) == 103
    top = tiers[-1]
    assert (top.first, top.rate, top.units) == (1031, Decimal(10200), 4_000_000_000 - 1030)
    assert top.last_rate == Decimal(200 + 100 * ((4_000_000_000 - 31) // 10))
    assert sum((t.amount for t in tiers), Decimal(0)) == q.amount
