"""sunlit.read_document: a published document read, recognised and checked by the core, and its
reports (to_json / to_text / to_html / tables_csv / tables_json). The Python block of
docs/documents.md runs in test_docs.py."""

import json

import pytest

import sunlit
from conftest import DATA

DOCUMENTS = DATA / "documents"

# A 表五 as departments publish it in a CSV: title, unit line, header, rows; its 合计 one 元 off.
T5_WRONG_TOTAL = (
    "一般公共预算支出功能分类预算表\n"
    "单位：元\n"
    "科目编码,科目名称,合计,基本支出,项目支出\n"
    '208,社会保障和就业支出,"1,000","1,000",\n'
    '20805,行政事业单位养老支出,"1,000","1,000",\n'
    '2080505,机关事业单位基本养老保险缴费支出,"1,000","1,000",\n'
    ',合计,"1,001","1,000",\n'
)

DOC_KEYS = {"path", "kind", "year", "tables", "missing", "findings"}
TABLE_KEYS = {"number", "kind", "title", "unit", "pages", "rows", "cells"}
FINDING_KEYS = {"rule", "severity", "table", "page", "row", "column", "printed", "expected", "message"}


def real_documents():
    """The real published documents of the collection (tests/data/documents), if present."""
    if not DOCUMENTS.is_dir():
        return []
    return sorted(p for p in DOCUMENTS.rglob("*") if p.suffix.lower() in {".pdf", ".xlsx", ".xls", ".csv", ".html"})


@pytest.fixture
def t5(tmp_path):
    p = tmp_path / "t5_wrong_total.csv"
    p.write_text(T5_WRONG_TOTAL, encoding="utf-8")
    return p


def test_read_document_gives_the_document_and_its_properties(t5):
    d = sunlit.read_document(t5)
    assert d.path == str(t5)
    assert d.format == "csv"
    assert d.kind in {"budget", "final", "annual_report", "power_list", "unknown"}
    assert isinstance(d.tables, list) and all(isinstance(t, sunlit.DocumentTable) for t in d.tables)
    assert isinstance(d.missing, list)
    assert all(isinstance(f, sunlit.Finding) for f in d.findings)
    assert d.error_count == sum(f.severity == "error" for f in d.findings)
    assert "Document(path=" in repr(d)


def test_options_override_what_the_document_does_not_say(t5):
    d = sunlit.read_document(t5, kind="budget", year=2026, unit="万元", encoding="utf-8")
    assert (d.kind, d.year) == ("budget", 2026)
    assert sunlit.read_document(t5, kind="部门决算").kind == "final"


def test_bad_input_raises_sunlit_errors(tmp_path, t5):
    with pytest.raises(sunlit.FileError) as e:
        sunlit.read_document(tmp_path / "missing.pdf")
    assert e.value.path.endswith("missing.pdf")
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(sunlit.SunlitError):
        sunlit.read_document(tmp_path / "notes.txt")
    with pytest.raises(sunlit.FieldError):
        sunlit.read_document(t5, kind="novel")
    with pytest.raises(sunlit.SunlitError):
        sunlit.read_document(t5, unit="千元")


def test_to_json_has_the_stable_schema(t5):
    d = sunlit.read_document(t5)
    v = json.loads(d.to_json())
    assert DOC_KEYS <= v.keys()
    assert v["path"] == str(t5) and v["kind"] == d.kind
    for t in v["tables"]:
        assert TABLE_KEYS <= t.keys()
    for f in v["findings"]:
        assert FINDING_KEYS <= f.keys()
        assert f["expected"] is None or isinstance(f["expected"], str)  # never a float
    both = json.loads(sunlit.documents_to_json([d, d]))
    assert list(both) == ["documents"] and len(both["documents"]) == 2
    assert list(v)[:3] == ["path", "format", "kind"]  # fields in a stable order


def test_text_html_and_tables_reports(t5):
    d = sunlit.read_document(t5)
    text = d.to_text()
    assert text.startswith(f"文件 File: {t5}")
    assert "发现 Findings:" in text and "缺少 Missing:" in text
    html = d.to_html()
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "<script" not in html and "http" not in html.split("</head>")[0]
    assert d.tables_csv().splitlines()[0] == "table,kind,title,page,sheet,row,column,heading,row_label,text,amount"
    assert json.loads(d.tables_json())["path"] == str(t5)
    assert "文件 File: " in sunlit.documents_to_text([d])
    assert sunlit.documents_to_html([d, d]).count('<section class="doc">') == 2


def test_a_recognised_table_shows_its_rows_and_findings(t5):
    d = sunlit.read_document(t5)
    t = d.tables[0]
    assert t.number == 5 and t.kind == "budget_general_functional"
    # The printed title and 单位 line are the table's context; its rows start at the header.
    assert ["科目编码", "科目名称"] in [r[:2] for r in t.rows]
    errors = [f for f in d.findings if f.severity == "error"]
    assert errors, d.to_text()
    v = json.loads(d.to_json())
    marked = [f for f in v["findings"] if f["severity"] == "error" and f["printed"] == "1,001"]
    assert marked and marked[0]["table"] == 5
    assert 'class="n error"' in d.to_html()


@pytest.mark.parametrize("path", real_documents(), ids=lambda p: p.name)
def test_every_real_document_reads_and_reports(path):
    d = sunlit.read_document(path)
    v = json.loads(d.to_json())
    assert DOC_KEYS <= v.keys()
    assert d.to_html().endswith("</html>\n")
    d.tables_csv()


FUJIAN_2023 = DOCUMENTS / "fujian" / "pingtan-annual-report-2023.html"


def test_an_annual_report_published_as_a_web_page_is_read_and_checked():
    # 平潭综合实验区2023年度政府信息公开工作年度报告, saved from the portal: Tables 2–4 are HTML tables
    # with rowspan/colspan; each <table> is a grid whose ordinal is its page.
    d = sunlit.read_document(FUJIAN_2023)
    assert (d.format, d.kind, d.year, d.issuer) == ("html", "annual_report", 2023, "平潭综合实验区")
    assert d.error_count == 0
    requests = d.tables[1]
    assert requests.pages == [2]
    new = next(r for r in requests.rows if r[0] == "一、本年新收政府信息公开申请数量")
    # 自然人 80, 商业企业 1, the other organisations 0, 总计 81 — the three label columns are one merged cell.
    assert new[3:] == ["80", "1", "0", "0", "0", "0", "81"]
    assert requests.rows[2][4] == "商业\n企业"  # two <p> in the cell, joined as wrapped lines
    grids = json.loads(d.tables_json())["tables"]
    assert [t["pages"] for t in grids] == [[1], [2], [3]]
    cell = next(c for c in grids[1]["cells"] if c["text"] == "81")
    assert (cell["page"], cell["row"], cell["column"]) == (2, 4, 10)
