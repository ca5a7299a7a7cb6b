"""Transparency scoring from Python (sunlit.Scheme, OrganScore, Ranked, rank) on the golden case
of tests/data/scoring/golden.json — the same real organs, documents, weights and expected scores
as tests/tests/scoring.rs and ScoringTest.kt — plus the `sunlit score` command."""

import datetime
import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest

import sunlit
from conftest import DATA, read_json

GOLDEN = read_json("scoring/golden.json")


def scheme():
    return sunlit.Scheme.embedded(GOLDEN["scheme"]).with_weights({k: Decimal(v) for k, v in GOLDEN["weights"].items()})


def documents(organ):
    out = []
    for d in organ["documents"]:
        path = DATA / d["path"]
        out.append((path, datetime.date.fromisoformat(d["published"])) if d.get("published") else path)
    return out


def score_case(case):
    s = scheme()
    return [s.score(o["organ"], kind=case["kind"], year=case["year"], documents=documents(o)) for o in case["organs"]]


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=[c["name"] for c in GOLDEN["cases"]])
def test_real_organs_score_and_rank_as_in_the_golden_file(case):
    scores = score_case(case)
    ranking = {r.organ: r for r in sunlit.rank(scores)}
    for organ, s in zip(case["organs"], scores):
        want = organ["expected"]
        assert s.total == Decimal(want["total"]), s.organ
        assert isinstance(s.total, Decimal)
        assert ranking[s.organ].rank == want["rank"]
        assert ranking[s.organ].tied == want["tied"]
        for ident, value in want["scores"].items():
            assert s.indicator_score(ident).quantize(Decimal("0.01")) == Decimal(value), ident
        tree = s.to_dict()
        for ident, facts in want["facts"].items():
            node = find(tree["indicators"], ident)
            have = [f"{f['name']}: {f['value']}" for f in node["facts"]]
            for f in facts:
                assert f in have, (ident, f, have)
        assert [f.rule for f in s.findings] == ["scoring.missing_evidence"] * want["missing_evidence"]
        assert "第三方机构测评" in s.to_text() and "| 1 | 第三方机构测评" in s.to_markdown()


def find(nodes, ident):
    for n in nodes:
        if n["id"] == ident:
            return n
        hit = find(n["children"], ident)
        if hit:
            return hit
    return None


def test_the_published_scheme_refuses_to_score_until_its_unknown_weights_are_supplied():
    raw = sunlit.Scheme.embedded("xianning-2023")
    assert len(raw.unknown_weights()) == len(GOLDEN["weights"]) == 13
    with pytest.raises(sunlit.FieldError) as e:
        raw.score("淮安市人民政府", kind="government", year=2024)
    assert e.value.field == "weight" and e.value.value == "xianning-2023.proactive"
    levels = {level for level, *_ in raw.indicators()}
    assert levels == {1, 2, 3, 4}
    assert raw.indicators()[0][3] == Decimal(70)


def test_cass_2022_with_equal_weights_gives_the_mean_of_shenzhens_published_scores():
    s = sunlit.Scheme.embedded("cass-2022")
    s = s.with_weights({i: 1 for i in s.unknown_weights()})
    manual = {
        "cass-2022.decision": Decimal("87.80"),
        "cass-2022.management_service": Decimal("81.70"),
        "cass-2022.execution_result": Decimal("81.15"),
        "cass-2022.platform": Decimal("95.00"),
        "cass-2022.on_request": Decimal("87.50"),
    }
    score = s.score("深圳市人民政府", kind="government", year=2021, manual=manual)
    assert score.total == Decimal("86.63")  # not CASS's 84.97: its weights were never published
    assert score.findings == []


def test_manual_scores_out_of_range_extra_findings_and_catalogue():
    s = sunlit.Scheme.from_json(
        json.dumps(
            {
                "id": "t", "version": "1", "name_zh": "测", "name_en": "t", "source": "-",
                "indicators": [
                    {"id": "m", "name_zh": "人工", "name_en": "m", "weight": "1", "evaluator": {"kind": "manual", "max": "10"}},
                    {"id": "x", "name_zh": "目录", "name_en": "x", "weight": "1",
                     "evaluator": {"kind": "findings_absent", "rules": ["report."], "severity": "warning", "source": "extra"}},
                    {"id": "c", "name_zh": "类别", "name_en": "c", "weight": "2",
                     "evaluator": {"kind": "catalogue_categories", "categories": ["budgets", "penalties"]}},
                ],
            }
        )
    )  # fmt: skip
    catalogue = json.dumps([{"index": "1/2024-1", "title": "预算", "category": "budgets", "published": "2024-03-01"}])
    score = s.score("甲", kind="department", year=2024, manual={"m": 11}, checked=["report."], catalogue=catalogue)
    assert [f.rule for f in score.findings] == ["scoring.manual_out_of_range"]
    assert score.total == Decimal("50.00")  # 0 + 25 (no report.* findings) + 50 × 1/2
    with pytest.raises(sunlit.InputError):  # a float is never exact
        s.score("甲", kind="department", year=2024, manual={"m": 1.5})
    with pytest.raises(sunlit.InputError):
        s.score("甲", kind="department", year=2024, catalogue="[1]")
    with pytest.raises(sunlit.FieldError):
        s.score("甲", kind="department", year=2024, level="galactic")
    local = sunlit.Scheme.from_json(
        '{"id":"t","version":"1","name_zh":"测","name_en":"t","source":"-","indicators":[{"id":"c","name_zh":"类别",'
        '"name_en":"c","weight":"1","evaluator":{"kind":"catalogue_categories","categories":["budgets"],"local":true}}]}'
    )
    township = local.score("某乡人民政府", kind="government", year=2024, catalogue=catalogue, level="township")
    assert township.total == Decimal("11.11")  # budgets + 8 art. 21 township categories: 1 of 9


def test_ranking_refuses_different_years_and_renders_markdown():
    g = GOLDEN["cases"]
    a, b = score_case(g[0]), score_case(g[1])
    with pytest.raises(sunlit.MixedDimensionError):
        sunlit.rank(a + b)
    md = sunlit.ranking_to_markdown(sunlit.rank(a))
    assert "| 4 | 上海市普陀区人民政府万里街道办事处 | 4.20 |  |" in md
    assert repr(sunlit.rank(a)[0]).startswith("Ranked(rank=1, ")


def test_bad_schemes_and_documents_are_sunlit_errors():
    with pytest.raises(sunlit.FieldError):
        sunlit.Scheme.embedded("beijing-2099")
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Scheme.from_json('{"id":"t"}')
    assert e.value.column == "scheme.version" or e.value.column.startswith("scheme.")
    with pytest.raises(sunlit.FileError):
        sunlit.Scheme.from_path(DATA / "no-such-scheme.json")
    with pytest.raises(sunlit.FileError):
        scheme().score("甲", kind="government", year=2024, documents=[DATA / "no-such.pdf"])
    with pytest.raises(sunlit.FieldError):
        scheme().score("甲", kind="court", year=2024)


def run(*args):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "sunlit", *map(str, args)], capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)


def test_the_score_command_ranks_the_governments_of_the_golden_case():
    case = GOLDEN["cases"][1]
    organs = []
    for o in case["organs"]:
        d = o["documents"][0]
        organs += ["--organ", f"{o['organ']}={DATA / d['path']}@{d['published']}"]
    r = run("score", "--scheme", "xianning-2023", "--year", 2024, "--kind", "government", "--equal-weights", "--json", *organs)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [x["total"] for x in out["ranking"]] == ["7.00"] * 3 and all(x["tied"] for x in out["ranking"])
    assert out["equal_weights"] is True and out["scores"][0]["scheme"] == "xianning-2023"
    text = run("score", "--scheme", "xianning-2023", "--year", 2024, "--kind", "government", "--equal-weights", *organs)
    assert "weights never published: 1 each" in text.stdout and "published: 2025-02-25" in text.stdout


def test_the_score_command_says_what_is_wrong_with_exit_2():
    r = run("score", "--scheme", "cass-2022", "--year", 2021, "--kind", "government", "--organ", "深圳市=x.pdf")
    assert r.returncode == 2 and "cass-2022.decision" in r.stderr  # weights unknown, none supplied
    r = run("score", "--scheme", "cass-2022", "--year", 2021, "--kind", "government", "--equal-weights", "--organ", "no equals sign")
    assert r.returncode == 2 and "expected NAME=FILE" in r.stderr
    r = run("score", "--scheme", "cass-2022", "--year", 2021, "--kind", "government", "--equal-weights", "--organ", "甲=a.pdf@2025-13-01")
    assert r.returncode == 2 and "is not a date" in r.stderr
