"""The findings report — sort, filter, CSV and JSON — on real findings: the corrupted golden tables,
the granularity warnings of the 城管执法局 document and a ledger's subtotal check."""

import csv
import html.parser
import io
import json
from decimal import Decimal

import pytest

import sunlit
from conftest import DATA, read_table

TABLES = DATA / "tables"
HEADER = "rule,severity,table,code,column,expected,actual,difference,message_zh,message_en,page,printed"


def real_findings():
    """Warnings first, then the errors of every corrupted copy, then a ledger finding: unsorted."""
    tables = [
        sunlit.PublishedTable.read_csv(TABLES / "chengguan_2026" / r["file"], unit=r["unit"], kind=r["kind"])
        for r in read_table("tables/chengguan_2026/document.csv")
    ]
    found = sunlit.DisclosureDocument(tables=tables).check()
    assert {f.severity for f in found} == {"warning"}
    seen = []
    for c in read_table("tables/corrupted/cases.csv"):
        if c["file"] in seen:
            continue
        seen.append(c["file"])
        found += sunlit.PublishedTable.read_csv(TABLES / "corrupted" / c["file"], unit=c["unit"], kind=c["kind"]).check()
    broken = sunlit.PublishedTable.read_csv(TABLES / "corrupted" / "class_total_changed.csv", kind="budget_general_functional")
    found += broken.to_ledger(2026, "u", subtotals=True).rollup(subtotals="check").findings()
    return found


def test_sort_puts_errors_first():
    found = real_findings()
    assert found[0].severity == "warning"
    ordered = sunlit.sort_findings(found)
    assert len(ordered) == len(found)
    severities = [f.severity for f in ordered]
    assert severities == sorted(severities, key=lambda s: s != "error")  # errors, then warnings
    keys = [(f.severity != "error", f.rule, f.table or "", f.code or "", f.column or "") for f in ordered]
    assert keys == sorted(keys)
    assert ordered[0].rule == "budget.subtotal_mismatch"


def test_filter_by_rule_family_and_severity():
    found = real_findings()
    errors = sunlit.filter_findings(found, rules=["tables."], severity="error")
    assert len(errors) == 7  # the corrupted copies' errors: not the ledger's, not the warnings
    assert all(f.rule.startswith("tables.") and f.severity == "error" for f in errors)
    assert len(sunlit.filter_findings(found, rules=["tables.*"], severity="warning")) == 4
    assert len(sunlit.filter_findings(found, rules=["tables.parent_sum", "budget.subtotal_mismatch"])) == 5
    assert sunlit.filter_findings(found, rules=["tables"]) == []  # no dot: an exact id
    assert sunlit.filter_findings(found) == found


def test_csv_export_header_and_quoting():
    found = real_findings()
    text = sunlit.findings_to_csv(found)
    assert text.splitlines()[0] == HEADER
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(found)
    for r, f in zip(rows, found):
        assert (r["rule"], r["severity"], r["code"], r["message_zh"], r["message_en"]) == (
            f.rule,
            f.severity,
            f.code or "",
            f.message_zh,
            f.message_en,
        )
        assert r["expected"] == ("" if f.expected is None else str(f.expected))
    (leaf,) = [(r, f) for r, f in zip(rows, found) if f.rule == "tables.subtotal_as_leaf"]
    assert "," in leaf[1].message_en and leaf[0]["message_en"] == leaf[1].message_en  # quoted, not split


def test_json_export_amounts_are_strings():
    found = real_findings()
    items = json.loads(sunlit.findings_to_json(found))
    assert len(items) == len(found)
    for j, f in zip(items, found):
        for key in ("expected", "actual", "difference"):
            value = getattr(f, key)
            assert j[key] == (None if value is None else str(value)), key
            assert j[key] is None or isinstance(j[key], str)
    (row_sum,) = [j for j in items if j["rule"] == "tables.row_sum"]
    assert (row_sum["expected"], row_sum["difference"]) == ("114.32", "-0.10")
    assert Decimal(row_sum["actual"]) == Decimal("114.22")


# --- Notebook view: Findings._repr_html_ / Finding._repr_html_ / findings_to_html


class _Cells(html.parser.HTMLParser):
    """The text of every <th> and <td>, unescaped, row by row: what a browser shows."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.tags, self._cell = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _cells(page):
    parser = _Cells()
    parser.feed(page)
    parser.close()
    return parser


LEDGER_HEADER = "year,book,phase,unit,functional,economic,nature,source,amount\n"


def hostile_finding():
    """A real finding whose messages quote the input: a unit `u<b>&amp;"x` read leniently."""
    text = LEDGER_HEADER + '2026,general,budget,u<b>&amp;"x,2080505,,basic,,1\n'
    _, found = sunlit.Ledger.from_csv_with(text, sunlit.InputOptions(quoting="lenient"))
    assert len(found) == 1 and "<b>&amp;" in found[0].message_zh
    return found


def test_findings_are_a_list_with_a_notebook_view():
    found = real_findings()
    assert isinstance(found, sunlit.Findings) and isinstance(found, list)
    for result in (sunlit.sort_findings(found), sunlit.filter_findings(found, severity="error")):
        assert type(result) is sunlit.Findings
    assert sunlit.Findings(found) == list(found)
    page = found._repr_html_()
    assert page == sunlit.findings_to_html(found)
    errors = sum(f.severity == "error" for f in found)
    assert page.startswith(f"<p><b>sunlit.Findings</b>: {len(found)} findings, {errors} errors</p>")
    parsed = _cells(page)
    assert parsed.rows[0] == ["rule", "severity", "where", "message"]
    assert len(parsed.rows) == len(found) + 1
    for f, row in zip(found, parsed.rows[1:]):
        assert row[0] == f.rule and row[1] == f.severity
        assert all(part in row[2] for part in (f.table, f.code, f.column) if part)
        assert row[3].startswith(f"{f.message_zh}\n{f.message_en}")
        figures = [f"{k} {v}" for k, v in (("expected", f.expected), ("actual", f.actual), ("difference", f.difference)) if v is not None]
        assert row[3].endswith(", ".join(figures))


def test_findings_html_escapes_the_input_it_quotes():
    found = hostile_finding()
    page = found._repr_html_()
    # no markup from the data: the quoted <b> is text, & is escaped (so &amp; shows as written)
    assert "<b>&amp;" not in page.replace("<b>sunlit.Findings</b>", "")
    assert "u&lt;b&gt;&amp;amp;&quot;x" in page
    parsed = _cells(page)
    assert "b" not in parsed.tags[parsed.tags.index("table") :]
    assert parsed.rows[1][3].startswith(found[0].message_zh + "\n" + found[0].message_en)
    assert parsed.rows[1][0] == "input.relaxed_quoting" and parsed.rows[1][1] == "warning"
    # one finding alone: the same row, no summary line
    single = found[0]._repr_html_()
    assert single.startswith('<table class="sunlit-findings">')
    assert _cells(single).rows == parsed.rows


def test_findings_html_when_there_are_none_or_many():
    empty = sunlit.Ledger.read_csv(DATA / "budget" / "chengguan_2026_ledger.csv").rollup().findings()
    assert type(empty) is sunlit.Findings and empty == []
    assert empty._repr_html_() == "<p><b>sunlit.Findings</b>: 0 findings, 0 errors</p>"
    assert sunlit.findings_to_html([]) == empty._repr_html_()
    many = sunlit.Findings(hostile_finding() * 201)
    page = many._repr_html_()
    assert len(_cells(page).rows) == 201  # the header and the first 200
    assert page.endswith("<p>200 of 201 findings shown</p>")
    with pytest.raises(TypeError):
        sunlit.findings_to_html(["not a finding"])
