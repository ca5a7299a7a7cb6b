import decimal
from decimal import Decimal

import pytest

import sunlit
from conftest import DATA, read_table

GOLDEN = DATA / "budget" / "chengguan_2026_ledger.csv"
HEADER = "year,book,phase,unit,functional,economic,nature,source,amount"
GOOD = "2026,general,budget,u,2080505,,basic,,100"


def test_golden_rollup_reproduces_every_published_figure():
    ledger = sunlit.Ledger.read_csv(GOLDEN)
    assert len(ledger) == 10
    r = ledger.rollup(by=["nature"])
    rows = read_table("budget/chengguan_2026_expected.csv")
    assert len(rows) == 19
    for row in rows:
        for column, filters in [("total", {}), ("basic", {"nature": "basic"}), ("project", {"nature": "project"})]:
            expected = Decimal(row[column]) if row[column] else None
            actual = r.total(**filters) if not row["code"] else r.amount(row["code"], **filters)
            assert actual == expected, (row["code"], column)
            assert actual is None or isinstance(actual, Decimal)


def test_golden_records_carry_names_and_levels():
    r = sunlit.Ledger.read_csv(GOLDEN).rollup()
    records = r.to_records()
    expected = [row for row in read_table("budget/chengguan_2026_expected.csv") if row["code"]]
    assert [(x["code"], x["level"], x["name"], x["amount"]) for x in records] == [
        (row["code"], int(row["level"]), row["name"], Decimal(row["total"])) for row in expected
    ]
    assert r.amount("207") is None  # absent, not zero
    assert r.amount(sunlit.Code.functional("212")) == Decimal("33775592")


def test_every_bad_row_names_line_column_and_value():
    cases = read_table("budget/bad_rows.tsv", delimiter="\t")
    assert len(cases) >= 20
    for case in cases:
        text = f"{case['header'] or HEADER}\n{GOOD}\n{case['row']}\n"
        with pytest.raises(sunlit.InputError) as e:
            sunlit.Ledger.from_csv(text)
        assert (e.value.line, e.value.column, e.value.value) == (
            int(case["line"]),
            case["column"],
            case["value"],
        ), case["name"]


def test_read_csv_of_a_bad_file_raises_and_returns_nothing(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text(f"{HEADER}\n{GOOD}\n2026,general,budget,u,2080505,,basic,,1e5\n", encoding="utf-8")
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.read_csv(p)
    assert (e.value.line, e.value.column, e.value.value) == (3, "amount", "1e5")
    with pytest.raises(sunlit.FileError):
        sunlit.Ledger.read_csv(tmp_path / "missing.csv")


def record(**over):
    r = {
        "year": 2026,
        "book": "一般公共预算",
        "phase": "预算",
        "unit": "城管执法局",
        "functional": "2080505",
        "nature": "基本支出",
        "amount": Decimal("2302464.00"),
    }
    r.update(over)
    return r


def test_from_records_and_back_keeps_every_digit():
    ledger = sunlit.Ledger.from_records(
        [record(), record(functional=sunlit.Code.functional("2080801"), nature="project", amount="294,000", source="本级")]
    )
    recs = ledger.to_records()
    assert recs[0]["amount"] == Decimal("2302464.00") and str(recs[0]["amount"]) == "2302464.00"
    assert recs[0]["book"] == "general" and recs[0]["economic"] is None and recs[0]["source"] is None
    assert recs[1]["amount"] == Decimal(294000) and recs[1]["source"] == "本级"
    again = sunlit.Ledger.from_records(recs)
    assert again.to_csv() == ledger.to_csv()
    assert sunlit.Ledger.from_json(ledger.to_json()).to_csv() == ledger.to_csv()


def test_exponent_decimals_are_converted_exactly():
    ledger = sunlit.Ledger.from_records([record(amount=Decimal("1E+5")), record(amount=Decimal("-0.050"))])
    assert [str(r["amount"]) for r in ledger.to_records()] == ["100000", "-0.050"]


@pytest.mark.parametrize("bad", [1.5, 0.1 + 0.2, True, float("nan"), [1]])
def test_non_decimal_amounts_are_refused(bad):
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_records([record(), record(amount=bad)])
    assert e.value.line == 2 and e.value.column == "amount"


def test_decimal_nan_and_blank_are_refused():
    for bad in [Decimal("NaN"), Decimal("Infinity"), "", None, "—"]:
        with pytest.raises(sunlit.InputError) as e:
            sunlit.Ledger.from_records([record(amount=bad)])
        assert e.value.column == "amount"


def test_record_errors_name_the_record_and_key():
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_records([record(), record(), record(functional="20805a5")])
    assert (e.value.line, e.value.column, e.value.value) == (3, "functional", "20805a5")
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_records([{**record(), "colour": "red"}])
    assert e.value.column == "colour"
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_records([{k: v for k, v in record().items() if k != "unit"}])
    assert e.value.column == "unit"


def test_write_csv_round_trip(tmp_path):
    ledger = sunlit.Ledger.read_csv(GOLDEN)
    out = tmp_path / "out.csv"
    ledger.write_csv(out)
    assert sunlit.Ledger.read_csv(out).to_records() == ledger.to_records()


def test_levels_conflict_unless_checked_as_subtotals():
    ledger = sunlit.Ledger.from_records(
        [record(functional="208", amount=100), record(functional="2080505", amount=60), record(functional="2080506", amount=30)]
    )
    with pytest.raises(sunlit.LevelConflictError) as e:
        ledger.rollup()
    assert (e.value.upper, e.value.lower) == ("208", "2080505")
    r = ledger.rollup(subtotals="check")
    assert r.total() == Decimal(90)
    (f,) = r.findings()
    assert (f.rule, f.severity, f.code, f.expected, f.actual, f.difference) == (
        "budget.subtotal_mismatch",
        "error",
        "208",
        Decimal(90),
        Decimal(100),
        Decimal(10),
    )


def test_mixed_phases_are_not_added_up():
    ledger = sunlit.Ledger.from_records([record(amount=200), record(phase="final", amount=191)])
    with pytest.raises(sunlit.MixedDimensionError) as e:
        ledger.rollup()
    assert e.value.dimension == "phase"
    by_phase = ledger.rollup(by=["phase"])
    assert by_phase.amount("208", phase="final") == Decimal(191)
    with pytest.raises(sunlit.FieldError):
        by_phase.amount("208", nature="basic")  # not grouped by nature


def test_execution_rate_and_growth():
    ledger = sunlit.Ledger.from_records(
        [
            record(amount=200),
            record(phase="决算", amount=191),
            record(year=2025, amount=160),
        ]
    )
    rows = ledger.select(year=2026).compare("budget", "final", places=1)
    top = next(r for r in rows if r["code"] == "208")
    assert (top["base"], top["target"], top["difference"], top["rate"]) == (
        Decimal(200),
        Decimal(191),
        Decimal(-9),
        Decimal("95.5"),
    )
    growth = ledger.select(phase="budget").compare(2025, 2026)
    top = next(r for r in growth if r["code"] == "2080505")
    assert top["growth"] == Decimal("25.00")


def test_catalog_check_is_a_finding_not_an_error():
    ledger = sunlit.Ledger.from_records([record(), record(functional="2299999")])
    (f,) = ledger.check_catalog()
    assert f.rule == "catalog.unknown_code" and f.code == "2299999" and f.severity == "warning"
    assert sunlit.Catalog.seed().name(sunlit.Code.functional("2080505"), 2025) is None


def test_amount_helpers():
    assert sunlit.parse_amount("96,282,213.44") == Decimal("96282213.44")
    assert sunlit.parse_amount("—") is None
    with pytest.raises(sunlit.AmountError):
        sunlit.parse_amount("12.3.4")
    assert sunlit.convert(Decimal("47483458"), "元", "万元") == Decimal("4748.3458")
    assert sunlit.share(24121, 45104, places=1) == Decimal("53.5")
    with pytest.raises(sunlit.InputError):
        sunlit.convert(1.5, "元", "万元")
    with pytest.raises(sunlit.ArithmeticOverflowError):
        sunlit.convert(Decimal("7" * 28), "亿元", "元")


def test_no_panic_reaches_python():
    # Every malformed input surfaces as a SunlitError, never a crash.
    for text in ["", "\x00", "year\n", HEADER + "\n" + "," * 200, HEADER + '\n"unterminated']:
        with pytest.raises(sunlit.SunlitError):
            sunlit.Ledger.from_csv(text)


class Liar:
    """An object whose str() says "u": it must not become the unit "u"."""

    def __str__(self):
        return "u"


class LyingStr(str):
    def __str__(self):
        return "u"


class LyingInt(int):
    def __str__(self):
        return "999"

    def __repr__(self):
        return "999"


@pytest.mark.parametrize(
    "key,bad",
    [
        ("unit", Liar()),
        ("unit", 5),
        ("source", b"bytes"),
        ("book", ["general"]),
        ("nature", 1.0),
        ("year", 2026.0),
        ("year", True),
        ("year", Liar()),
        ("functional", 2080505),
        ("economic", Liar()),
        ("amount", Liar()),
        ("amount", 1.5),
    ],
)
def test_from_records_takes_only_the_documented_types(key, bad):
    """Issue 11 defect 6: no str() of arbitrary objects; the record and key are named."""
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_records([record(), record(**{key: bad})])
    assert (e.value.line, e.value.column) == (2, key)


def test_from_records_reads_str_and_int_subclasses_by_value():
    ledger = sunlit.Ledger.from_records([record(unit=LyingStr("城管执法局"), amount=LyingInt(5), year=LyingInt(2026))])
    (rec,) = ledger.to_records()
    assert (rec["unit"], rec["amount"], rec["year"]) == ("城管执法局", Decimal(5), 2026)
