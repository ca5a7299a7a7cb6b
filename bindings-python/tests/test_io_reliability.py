"""Issue 11 regressions of the CSV and JSON readers, through Python: physical line numbers,
strict quoting (lenient on request, with a warning per relaxed field), duplicate JSON keys,
located width and encoding errors, limits (InputOptions / LimitError) and writes that leave
the previous file when they fail."""

import pathlib

import pytest

import sunlit

HEADER = "year,book,phase,unit,functional,economic,nature,source,amount"
OK = "2026,general,budget,u,208,,basic,,1"
BAD = "2026,general,budget,u,208,,basic,,x"


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_bad_row_is_on_its_physical_line(eol):
    text = eol.join([HEADER, "", OK, BAD, ""])
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_csv(text)
    assert (e.value.line, e.value.column, e.value.value) == (4, "amount", "x")


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_table_rows_are_on_their_physical_lines(eol):
    text = eol.join(["code,name,合计", "208,\"a" + eol + "b\",1", "209,y,1.2.3", ""])
    with pytest.raises(sunlit.InputError) as e:
        sunlit.PublishedTable.from_csv(text)
    assert (e.value.line, e.value.column) == (4, "合计")


def test_malformed_quoting_is_strict_by_default():
    text = f'{HEADER}\n2026,general,budget,u,208,,basic,,"1,0"00\n'
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_csv(text)
    assert (e.value.line, e.value.column, e.value.value) == (2, "amount", '"1,0"00')
    with pytest.raises(sunlit.InputError):
        sunlit.PublishedTable.from_csv('code,name,合计\n208,x,"1,0"00\n')


def test_lenient_quoting_reports_each_relaxed_field():
    text = f'{HEADER}\n2026,general,budget,u,208,,basic,,"1,0"00\n'
    lenient = sunlit.InputOptions(quoting="lenient")
    ledger, findings = sunlit.Ledger.from_csv_with(text, lenient)
    assert len(ledger) == 1
    assert [f.rule for f in findings] == ["input.relaxed_quoting"]
    assert findings[0].column == "amount" and "line 2" in findings[0].message_en
    # The plain readers refuse lenient options (their warnings would be lost).
    with pytest.raises(sunlit.FieldError):
        sunlit.Ledger.from_csv(text, options=lenient)
    table, findings = sunlit.PublishedTable.from_csv_with('code,name,合计\n208,x,"1,0"00\n', lenient)
    assert str(table.rows()[0]["cells"]["合计"]) == "1000"
    assert len(findings) == 1
    with pytest.raises(sunlit.FieldError):
        sunlit.InputOptions(quoting="loose")


def test_wrong_field_count_and_gbk_bytes_name_the_column():
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_csv(f"{HEADER}\n2026,general,budget\n")
    assert (e.value.line, e.value.column, e.value.value) == (2, "unit", "2026,general,budget")
    assert "3 fields but the header has 9" in e.value.reason


def test_gbk_csv_file_is_located_and_shown(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes(f"{HEADER}\n2026,general,budget,".encode() + "教育局".encode("gbk") + b",208,,basic,,1\n")
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.read_csv(path)
    assert (e.value.line, e.value.column) == (2, "unit")
    assert e.value.value and "教育局" in e.value.reason and "GBK" in e.value.reason


def test_duplicate_json_keys_are_errors():
    dup = """[{"year":2026,"book":"general","phase":"budget","unit":"u",
        "functional":"208","nature":"basic","amount":"9.99","amount":"1.00"}]"""
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_json(dup)
    assert (e.value.line, e.value.column) == (2, "amount")
    trimmed = '{"columns": ["合计"], "rows": [{"name": "x", "cells": {"合计": "9.99", " 合计 ": "1.00"}}]}'
    with pytest.raises(sunlit.InputError) as e:
        sunlit.PublishedTable.from_json(trimmed)
    assert "once trimmed" in e.value.reason


def test_big_json_integers_are_shown_as_written():
    big = '[{"year":2026,"book":"general","phase":"budget","unit":"u","functional":"208","nature":"basic","amount":123456789012345678901234}]'
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_json(big)
    assert e.value.value == "123456789012345678901234"


def test_json_file_with_bom_or_gbk(tmp_path):
    bom = tmp_path / "bom.json"
    bom.write_bytes(b'\xef\xbb\xbf{"columns": [], "rows": []}')
    with pytest.raises(sunlit.InputError) as e:
        sunlit.PublishedTable.read_json(bom)
    assert e.value.line == 1 and "BOM" in e.value.reason
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"title": "教育局", "columns": [], "rows": []}'.encode("gbk"))
    with pytest.raises(sunlit.InputError) as e:
        sunlit.PublishedTable.read_json(gbk)
    assert e.value.line == 1 and "GBK" in e.value.reason


def test_limits():
    d = sunlit.InputOptions()
    assert (d.quoting, d.max_file_bytes, d.max_rows, d.max_field_bytes, d.max_json_depth, d.max_cells) == (
        "strict",
        2 * 1024**3,
        50_000_000,
        1024**2,
        64,
        10_000_000,
    )
    text = f"{HEADER}\n{OK}\n{OK}\n"
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.Ledger.from_csv(text, options=sunlit.InputOptions(max_rows=2))
    assert (e.value.limit, e.value.line, e.value.value, e.value.cap) == ("max_rows", 3, 3, 2)
    assert "raise Limits.max_rows" in str(e.value)
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.Ledger.from_csv(text, options=sunlit.InputOptions(max_file_bytes=10))
    assert e.value.limit == "max_file_bytes"
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.PublishedTable.from_csv("code,name,合计\n208,x,1234567\n", options=sunlit.InputOptions(max_field_bytes=6))
    assert (e.value.limit, e.value.line) == ("max_field_bytes", 2)
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.Ledger.from_json("[" * 100 + "]" * 100)
    assert (e.value.limit, e.value.cap) == ("max_json_depth", 64)
    with pytest.raises(sunlit.LimitError):
        sunlit.PublishedTable.from_json('{"columns": [], "rows": []}', options=sunlit.InputOptions(max_json_depth=1))
    assert isinstance(e.value, sunlit.SunlitError)


def test_a_failed_write_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "l.csv"
    ledger = sunlit.Ledger.from_csv(f"{HEADER}\n{OK}\n")
    ledger.write_csv(path)
    with pytest.raises(sunlit.FileError):
        ledger.write_csv(tmp_path)  # a directory: the write fails
    assert [p.name for p in tmp_path.iterdir()] == ["l.csv"]
    assert sunlit.Ledger.read_csv(path).to_records() == ledger.to_records()


def test_power_list_options():
    text = "权力分类,事项名称\n行政许可,甲\n行政许可,乙\n"
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.PowerList.from_csv(text, options=sunlit.InputOptions(max_rows=2))
    assert (e.value.limit, e.value.line) == ("max_rows", 3)
    with pytest.raises(sunlit.InputError) as e:
        sunlit.PowerList.from_csv('权力分类,事项名称\r\n\r\n行政许可,"甲"乙\r\n')
    assert (e.value.line, e.value.column, e.value.value) == (3, "事项名称", '"甲"乙')
    with pytest.raises(sunlit.InputError) as e:
        sunlit.PowerList.from_json('[{"name": "x", "category": "行政许可", "name": "y"}]')
    assert e.value.column == "name"
    with pytest.raises(sunlit.LimitError):
        sunlit.PowerList.from_json('[{"name": "x", "category": "行政许可"}]', options=sunlit.InputOptions(max_json_depth=1))


def test_a_sheet_with_two_far_cells_reads_as_a_small_grid():
    # 1.5 KB of XLSX with cells at A1, B1 and XFD1048576: laid out densely that is 17 billion
    # cells (calamine's range aborts the process); runs of blank rows and columns are kept as
    # their first two, so the grid is 4 x 5 (core/tests/fuzz_regressions.rs).
    path = pathlib.Path(__file__).resolve().parents[2] / "core" / "tests" / "fuzz_regressions" / "sheet_two_far_cells.xlsx"
    d = sunlit.read_document(path)
    rows = d.tables[0].rows
    assert (len(rows), len(rows[0])) == (4, 5)
    assert (rows[0][:2], rows[-1][-1]) == (["合计", "12.5"], "7")
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.read_document(path, input=sunlit.InputOptions(max_cells=19))
    assert (e.value.limit, e.value.value, e.value.cap) == ("max_cells", 20, 19)


# ---- Every reader of a user file or text takes the options (limits; quoting where CSV). ----

DATA = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data"
ROWS_1 = sunlit.InputOptions(max_rows=1)
LENIENT = sunlit.InputOptions(quoting="lenient")


def test_change_log_readers_take_options(tmp_path):
    log = "变更类型,事项名称\n取消,x\n取消,y\n"
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.ChangeLog.from_csv(log, options=ROWS_1)
    assert (e.value.limit, e.value.line) == ("max_rows", 2)
    path = tmp_path / "log.csv"
    path.write_text(log, encoding="utf-8")
    with pytest.raises(sunlit.LimitError):
        sunlit.ChangeLog.read_csv(path, options=ROWS_1)
    with pytest.raises(sunlit.LimitError):
        sunlit.ChangeLog.from_json(sunlit.ChangeLog.from_csv(log).to_json(), options=ROWS_1)
    # Lenient quoting only through the *_with forms, which return the warnings.
    messy = '变更类型,事项名称\n取消,"道路"运输\n'
    with pytest.raises(sunlit.InputError):
        sunlit.ChangeLog.from_csv(messy)
    with pytest.raises(sunlit.FieldError) as e:
        sunlit.ChangeLog.from_csv(messy, options=LENIENT)
    assert "ChangeLog.from_csv_with" in e.value.reason
    changes, findings = sunlit.ChangeLog.from_csv_with(messy, LENIENT)
    assert changes.records()[0]["name"] == "道路运输"
    assert [f.rule for f in findings] == ["input.relaxed_quoting"]
    path.write_text(messy, encoding="utf-8")
    changes, findings = sunlit.ChangeLog.read_csv_with(path, LENIENT)
    assert (len(changes), len(findings)) == (1, 1)


def test_power_lists_read_leniently_on_request_and_say_so(tmp_path):
    messy = '权力分类,事项名称\r\n\r\n行政许可,"道路"运输许可\r\n'
    with pytest.raises(sunlit.InputError):
        sunlit.PowerList.from_csv(messy)
    with pytest.raises(sunlit.FieldError) as e:
        sunlit.PowerList.from_csv(messy, options=LENIENT)
    assert "PowerList.from_csv_with" in e.value.reason
    power, findings = sunlit.PowerList.from_csv_with(messy, LENIENT, organ="某局")
    assert (power.items[0].name, power.organ) == ("道路运输许可", "某局")
    assert [(f.rule, f.severity, f.column, f.printed) for f in findings] == [
        ("input.relaxed_quoting", "warning", "事项名称", '"道路"运输许可')
    ]
    assert "line 3" in findings[0].message_en
    path = tmp_path / "list.csv"
    path.write_text(messy, encoding="utf-8")
    power, findings = sunlit.PowerList.read_csv_with(path, LENIENT)
    assert (len(power.items), len(findings)) == (1, 1)
    # Strict options through the *_with forms: no warnings, or the error.
    with pytest.raises(sunlit.InputError):
        sunlit.PowerList.read_csv_with(path, sunlit.InputOptions())
    # The file readers take the limits.
    with pytest.raises(sunlit.LimitError):
        sunlit.PowerList.read_csv(path, options=sunlit.InputOptions(max_file_bytes=10))
    with pytest.raises(sunlit.LimitError):
        sunlit.PowerList.read_csv(path, options=ROWS_1)
    json_path = tmp_path / "list.json"
    json_path.write_text(power.to_json(), encoding="utf-8")
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.PowerList.read_json(json_path, options=sunlit.InputOptions(max_json_depth=1))
    assert e.value.limit == "max_json_depth"


def test_report_catalogue_and_holiday_readers_take_options(tmp_path):
    report = DATA / "report"
    files = dict(
        requests=report / "published_2024_requests.csv",
        reviews=report / "published_2024_reviews.csv",
        proactive=report / "published_2024_proactive.csv",
        year=2024,
    )
    r = sunlit.AnnualReport.read_tables(**files, options=sunlit.InputOptions())
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.AnnualReport.read_tables(**files, options=ROWS_1)
    assert e.value.limit == "max_rows"
    with pytest.raises(sunlit.FieldError):
        sunlit.AnnualReport.read_tables(**files, options=LENIENT)
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.AnnualReport.from_json(r.to_json(), options=sunlit.InputOptions(max_file_bytes=100))
    assert (e.value.limit, e.value.line) == ("max_file_bytes", 0)
    assert sunlit.AnnualReport.from_json(r.to_json(), options=sunlit.InputOptions()) == r
    # The catalogue CSV.
    cat = tmp_path / "catalog.csv"
    cat.write_text("code,name,level,parent\n229,其他支出,1,\n", encoding="utf-8")
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.Catalog().with_csv(cat, "functional", 2030, options=sunlit.InputOptions(max_field_bytes=8))
    assert (e.value.limit, e.value.line) == ("max_field_bytes", 2)
    assert sunlit.Catalog().with_csv(cat, "functional", 2030, options=sunlit.InputOptions()).years("functional") == [2030]
    # Holiday files: the default limits apply, and options set them.
    year = '{"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}'
    cal = sunlit.WorkCalendar.china()
    assert cal.with_year_json(year, options=sunlit.InputOptions()).is_covered(2027)
    with pytest.raises(sunlit.LimitError) as e:
        cal.with_year_json(year, options=sunlit.InputOptions(max_file_bytes=20))
    assert e.value.limit == "max_file_bytes"
    deep = year.replace('"papers": []', '"papers": ' + "[" * 100 + "]" * 100)
    with pytest.raises(sunlit.LimitError) as e:
        cal.with_year_json(deep)
    assert e.value.limit == "max_json_depth"


def test_read_document_takes_input_options(tmp_path):
    path = DATA / "tables" / "chengguan_2026" / "t5_general_functional.csv"
    assert sunlit.read_document(path, input=sunlit.InputOptions()).tables
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.read_document(path, input=sunlit.InputOptions(max_file_bytes=100))
    assert (e.value.limit, e.value.cap) == ("max_file_bytes", 100)
    with pytest.raises(sunlit.LimitError) as e:
        sunlit.read_document(path, input=sunlit.InputOptions(max_rows=3))
    assert e.value.limit == "max_rows"
    with pytest.raises(sunlit.FieldError):  # CSV documents are read strictly
        sunlit.read_document(path, input=LENIENT)


def test_errors_carry_a_bounded_copy_of_a_huge_value():
    long = "9" * 1_100_000 + "x"
    marker = "… (1100001 characters)"
    for call in [
        lambda: sunlit.parse_amount(long),
        lambda: sunlit.Code.functional(long),
        lambda: sunlit.Ledger.from_csv(
            f"{HEADER}\n2026,general,budget,u,208,,basic,,{long}\n", options=sunlit.InputOptions(max_field_bytes=2 << 20)
        ),
    ]:
        with pytest.raises(sunlit.SunlitError) as e:
            call()
        assert len(str(e.value)) < 3000, len(str(e.value))
        assert marker in str(e.value)
        assert e.value.value == "9" * 200 + marker
        assert len(e.value.reason) < 3000
    # Short values are whole.
    with pytest.raises(sunlit.AmountError) as e:
        sunlit.parse_amount("1x")
    assert e.value.value == "1x"
