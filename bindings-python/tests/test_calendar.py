import datetime
import json

import pytest

import sunlit
from conftest import HOLIDAYS, day, read_json, read_table

CAL = sunlit.WorkCalendar.china()
CASES = read_json("disclosure/calendar.json")


def is_weekend(d):
    return d.weekday() >= 5


def test_every_day_2007_2026_follows_the_official_files():
    listed = {}
    for year in range(2007, 2028):
        data = json.loads((HOLIDAYS / f"{year}.json").read_text(encoding="utf-8"))
        for d in data["days"]:
            listed[day(d["date"])] = d["isOffDay"]
    assert len(listed) == 678
    d = datetime.date(2007, 1, 1)
    while d.year <= 2026:
        expected = not listed[d] if d in listed else not is_weekend(d)
        assert CAL.is_workday(d) == expected, d
        d += datetime.timedelta(days=1)


def test_every_holiday_block_and_make_up_day():
    edge = CAL.with_uncovered("weekends_only")
    blocks = read_table("disclosure/holiday_blocks.csv")
    assert len(blocks) == 132
    for b in blocks:
        first, last = day(b["first"]), day(b["last"])
        assert (last - first).days + 1 == int(b["days"])
        d = first
        while d <= last:
            assert not CAL.is_workday(d), (d, b["name"])
            d += datetime.timedelta(days=1)
        assert edge.is_workday(first - datetime.timedelta(days=1))
        assert edge.is_workday(last + datetime.timedelta(days=1))
    makeup = read_table("disclosure/makeup_days.csv")
    assert len(makeup) == 133
    for m in makeup:
        d = day(m["date"])
        assert edge.is_workday(d), d
        assert is_weekend(d) == (d != datetime.date(2020, 2, 3))
        listed = edge.day(d)
        assert listed is not None and not listed.off and not listed.local


def test_hand_checked_spot_days():
    for c in CASES["spot_checks"]:
        assert CAL.is_workday(day(c["date"])) == c["workday"], c["why"]


def test_deadlines_across_holidays_and_the_year_boundary():
    for c in CASES["deadlines"]:
        start, due, n = day(c["start"]), day(c["due"]), c["workdays"]
        assert CAL.add_workdays(start, n) == due, c["name"]
        if n > 0:
            assert CAL.workdays_between(start, due) == n
        if n == 1:
            assert CAL.next_workday(start) == due
    for c in CASES["between"]:
        assert CAL.workdays_between(day(c["a"]), day(c["b"])) == c["workdays"], c


def test_uncovered_years_raise_naming_the_year_unless_weekends_only():
    for c in CASES["uncovered"]:
        with pytest.raises(sunlit.UncoveredYearError) as e:
            if c["call"] == "is_workday":
                CAL.is_workday(day(c["date"]))
            else:
                CAL.add_workdays(day(c["date"]), c["workdays"])
        assert e.value.year == c["year"], c["name"]
        assert e.value.covered == "2007–2026"
        assert isinstance(e.value.date, datetime.date)
        assert isinstance(e.value, sunlit.SunlitError)
    lenient = sunlit.WorkCalendar.china(uncovered="weekends_only")
    assert lenient.uncovered == "weekends_only"
    for c in CASES["weekends_only"]:
        assert lenient.add_workdays(day(c["start"]), c["workdays"]) == day(c["due"]), c["name"]
    assert not CAL.is_covered(2027)
    assert CAL.covered_years() == list(range(2007, 2027))


def test_a_year_file_loaded_at_run_time():
    text = (HOLIDAYS / "2024.json").read_text(encoding="utf-8")
    cal = sunlit.WorkCalendar.weekends_only().with_year_json(text).with_uncovered("error")
    assert cal.covered_years() == [2024]
    d = datetime.date(2024, 1, 1)
    while d.year == 2024:
        assert cal.is_workday(d) == CAL.is_workday(d)
        d += datetime.timedelta(days=1)
    with pytest.raises(sunlit.UncoveredYearError):
        cal.is_workday(datetime.date(2025, 1, 2))
    bad = '{"year": 2027, "days": [{"name": "x", "date": "2026-10-01", "isOffDay": false}]}'
    with pytest.raises(sunlit.InputError) as e:
        CAL.with_year_json(bad)
    assert (e.value.line, e.value.column, e.value.value) == (1, "date", "2026-10-01")


def test_local_layers_win():
    cal = CAL.with_local(
        holidays=[datetime.date(2024, 3, 5)],
        workdays=[datetime.date(2024, 3, 9), datetime.date(2024, 10, 7)],
        name="local test",
    )
    assert not cal.is_workday(datetime.date(2024, 3, 5))
    assert cal.is_workday(datetime.date(2024, 3, 9))
    assert cal.is_workday(datetime.date(2024, 10, 7))
    assert cal.workdays_between(datetime.date(2024, 3, 8), datetime.date(2024, 3, 10)) == 1
    assert CAL.workdays_between(datetime.date(2024, 3, 8), datetime.date(2024, 3, 10)) == 0
    listed = cal.day(datetime.date(2024, 10, 7))
    assert listed.local and listed.name == "local test"
    with pytest.raises(sunlit.FieldError):
        CAL.with_local(holidays=[datetime.date(2024, 3, 5)], workdays=[datetime.date(2024, 3, 5)])


def test_dates_only_never_datetimes():
    with pytest.raises(sunlit.FieldError) as e:
        CAL.is_workday(datetime.datetime(2024, 10, 1, 23, 30))
    assert e.value.field == "date"
    assert "datetime" in e.value.reason
    with pytest.raises(sunlit.FieldError):
        CAL.add_workdays("2024-10-01", 1)
    with pytest.raises(sunlit.FieldError):
        CAL.workdays_between(datetime.date(2024, 1, 1), datetime.datetime(2024, 2, 1))
    assert isinstance(CAL.add_workdays(datetime.date(2024, 9, 30), 1), datetime.date)
    assert CAL.add_workdays(datetime.date(2024, 10, 8), -1) == datetime.date(2024, 9, 30)
    assert CAL.workday_on_or_after(datetime.date(2021, 1, 31)) == datetime.date(2021, 2, 1)


def test_a_year_file_covers_only_its_own_supported_year():
    """Issue 11 defects 7 and 8: a file for year 0 or one listing only the December before its
    year is refused, naming the year or the date; dates outside 1949–9999 are refused."""
    eve = '{"year": 2027, "days": [{"name": "元旦", "date": "2026-12-31", "isOffDay": true}]}'
    with pytest.raises(sunlit.InputError) as e:
        CAL.with_year_json(eve)
    assert (e.value.line, e.value.column, e.value.value) == (1, "date", "2026-12-31")
    zero = '{"year": 0, "days": [{"name": "x", "date": "0000-01-01", "isOffDay": true}]}'
    with pytest.raises(sunlit.InputError) as e:
        CAL.with_year_json(zero)
    assert (e.value.line, e.value.column) == (0, "year")
    lenient = sunlit.WorkCalendar.weekends_only()
    with pytest.raises(sunlit.FieldError):
        lenient.is_workday(datetime.date(1, 1, 1))
    with pytest.raises(sunlit.FieldError):
        lenient.add_workdays(datetime.date(9999, 12, 30), 5)
    assert lenient.is_workday(datetime.date(1949, 1, 3))
