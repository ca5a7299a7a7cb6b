"""Real documents first met as unseen documents (tests/data/documents/heldout.json, the same file
as tests/tests/held_out.rs and HeldOutTest.kt): exactly their real error and warning findings."""

import json
from collections import Counter

import sunlit
from conftest import DATA

MANIFEST = json.loads((DATA / "documents" / "heldout.json").read_text(encoding="utf-8"))


def found(doc, severity):
    return [(f.rule, f.page, f.printed or f.table or "") for f in doc.findings if f.severity == severity]


def same(got, want):
    return len(got) == len(want) and all(
        any(g[0] == w[0] and g[1] == w[1] and w[2] in g[2] for g in got) for w in want
    )


def test_held_out_documents_give_exactly_their_real_findings():
    assert len(MANIFEST["documents"]) == 4
    for d in MANIFEST["documents"]:
        doc = sunlit.read_document(DATA / "documents" / d["path"])
        assert (doc.kind, doc.year) == (d["kind"], d["year"]), d["path"]
        assert same(found(doc, "error"), d["errors"]), (d["path"], found(doc, "error"))
        assert same(found(doc, "warning"), d["warnings"]), (d["path"], found(doc, "warning"))
        infos = Counter(f.rule for f in doc.findings if f.severity == "info")
        for rule, n in d["infos"].items():
            assert infos[rule] == n, (d["path"], rule)
        read = {t.number for t in doc.tables if t.table is not None and t.table.rows()}
        assert set(d["read"]) <= read, (d["path"], read)


def test_template_words_beside_a_zero_are_an_info_and_the_real_rate_error_stays():
    doc = sunlit.read_document(DATA / "documents" / "jiangsu" / "jiangsu-npc-office-budget-2018.pdf")
    rate = [f for f in doc.findings if f.rule == "narrative.rate"]
    assert [(f.severity, f.page) for f in rate] == [("error", 21)]
    assert "1312.56%" in rate[0].printed
    zero = [f for f in doc.findings if f.rule == "narrative.template_zero"]
    assert len(zero) == 7 and all(f.severity == "info" for f in zero)
    assert "narrative.template_zero" in {r.id for r in sunlit.rules()}
