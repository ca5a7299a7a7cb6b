"""Special funds (专项资金) on the shared golden data of tests/data/special_fund (see its README)."""

from decimal import Decimal

import sunlit
from conftest import day, read_json

DATA = read_json("special_fund/funds.json")


def fund(v):
    return sunlit.SpecialFund(
        v["name"],
        v["department"],
        v["year"],
        Decimal(v["approved"]),
        unit=v["unit"],
        stages=[(s["stage"], day(s["date"])) for s in v["stages"]],
        allocations=[
            sunlit.Allocation(a["recipient"], Decimal(a["amount"]), region=a["region"], date=day(a["date"]))
            for a in v["allocations"]
        ],
    )


def dec(text):
    return None if text is None else Decimal(text)


def rows(findings):
    return [(f.rule, f.code, f.column, f.expected, f.actual) for f in findings]


def expected(case):
    return [(f["rule"], f["code"], f["column"], dec(f["expected"]), dec(f["actual"])) for f in case["findings"]]


def test_every_fund_case_raises_exactly_its_findings():
    covered = set()
    for case in DATA["funds"]:
        opts = case["options"]
        got = fund(case["fund"]).check(disclosure_days=opts["disclosure_days"], as_of=day(opts["as_of"]))
        assert rows(got) == expected(case), case["case"]
        covered |= {f.rule for f in got}
    assert covered >= {
        "special_fund.over_allocated",
        "special_fund.stage_order",
        "special_fund.allocation_before_approval",
        "special_fund.late_disclosure",
        "special_fund.not_disclosed",
    }


def test_every_list_adds_up_and_raises_exactly_its_findings():
    fifty = [fund(v) for v in DATA["fifty"]]
    assert len(fifty) == 50
    by_case = {c["case"]: c for c in DATA["funds"]}
    covered = set()
    for case in DATA["lists"]:
        funds = fifty[: case["take"]] + [fund(by_case[c]["fund"]) for c in case["cases"]]
        total = case["published_total"]
        lst = sunlit.SpecialFundList(
            funds, total=None if total is None else Decimal(total), unit=case["total_unit"], count=case["published_count"]
        )
        assert lst.total() == Decimal(case["total"]), case["case"]
        got = lst.check()
        assert rows(got) == expected(case), case["case"]
        covered |= {f.rule for f in got}
    assert covered >= {"special_fund.list_total", "special_fund.list_count"}


def test_allocated_is_the_exact_sum():
    (clean,) = [c for c in DATA["funds"] if c["case"] == "clean"]
    assert fund(clean["fund"]).allocated() == Decimal("12.5")
