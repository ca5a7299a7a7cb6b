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
