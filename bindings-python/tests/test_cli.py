"""The `sunlit` command (python -m sunlit and the console script): exit codes 0/1/2, --json with
the stable keys, --html, progress on stderr, unreadable files reported while the others are
still checked, `sunlit tables`."""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from test_document import DOC_KEYS, FINDING_KEYS, FUJIAN_2023, T5_WRONG_TOTAL, TABLE_KEYS, real_documents


def run(*args, cwd=None):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "sunlit", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture
def t5(tmp_path):
    p = tmp_path / "t5_wrong_total.csv"
    p.write_text(T5_WRONG_TOTAL, encoding="utf-8")
    return p


@pytest.fixture
def clean(tmp_path):
    """A CSV document with nothing wrong in it (no table to fault)."""
    p = tmp_path / "notes.csv"
    p.write_text("说明\n本部门无政府性基金预算收支。\n", encoding="utf-8")
    return p


def test_check_reports_for_people_and_exits_0_without_errors(clean):
    r = run("check", clean)
    assert r.returncode == 0, r.stderr
    assert f"文件 File: {clean}" in r.stdout
    assert "0 error" in r.stdout
    assert r.stderr == ""  # one document: no progress lines


def test_check_exits_1_when_a_document_has_errors(t5):
    r = run("check", "--json", t5)
    docs = json.loads(r.stdout)["documents"]
    assert any(f["severity"] == "error" for d in docs for f in d["findings"])
    assert r.returncode == 1
    r = run("check", t5)
    assert r.returncode == 1 and "[error]" in r.stdout


def test_check_json_has_the_stable_keys(clean, t5):
    r = run("check", "--json", clean, t5)
    assert r.returncode in (0, 1), r.stderr
    out = json.loads(r.stdout)
    assert list(out) == ["documents"]
    assert [d["path"] for d in out["documents"]] == [str(clean), str(t5)]
    for d in out["documents"]:
        assert DOC_KEYS <= d.keys()
        assert d["kind"] in {"budget", "final", "annual_report", "power_list", "unknown"}
        for t in d["tables"]:
            assert TABLE_KEYS <= t.keys()
        for f in d["findings"]:
            assert FINDING_KEYS <= f.keys()
    # several documents: progress on stderr, never on stdout
    assert "[1/2]" in r.stderr and "[2/2]" in r.stderr


def test_check_html_writes_the_page(tmp_path, clean):
    page = tmp_path / "report.html"
    r = run("check", "--html", page, clean)
    assert r.returncode == 0, r.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
    assert str(clean) in html
    assert "wrote" in r.stderr


def test_an_unreadable_file_is_reported_and_the_others_still_checked(tmp_path, clean):
    missing = tmp_path / "missing.pdf"
    r = run("check", missing, clean)
    assert r.returncode == 2
    assert str(missing) in r.stderr and "cannot read" in r.stderr
    assert f"文件 File: {clean}" in r.stdout
    assert "无法读取 Unreadable" in r.stdout
    r = run("check", "--json", missing, clean)
    assert r.returncode == 2
    out = json.loads(r.stdout)
    assert [d["path"] for d in out["documents"]] == [str(clean)]
    assert out["unreadable"][0]["path"] == str(missing) and out["unreadable"][0]["reason"]


def test_usage_errors_exit_2(clean):
    assert run().returncode == 2
    assert run("check").returncode == 2
    assert run("check", "--kind").returncode == 2
    assert run("tables", clean, "--format", "xml").returncode == 2
    bad = run("check", "--kind", "novel", clean)
    assert bad.returncode == 2 and "novel" in bad.stderr


def test_tables_writes_csv_and_json(tmp_path, t5):
    r = run("tables", t5)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "table,kind,title,page,sheet,row,column,heading,row_label,text,amount"
    r = run("tables", t5, "--format", "json")
    assert json.loads(r.stdout)["path"] == str(t5)
    out = tmp_path / "t.json"
    assert run("tables", t5, "--format", "json", "-o", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["path"] == str(t5)
    assert run("tables", tmp_path / "missing.xlsx").returncode == 2


def test_the_console_script_is_installed(clean):
    exe = shutil.which("sunlit", path=str(pathlib.Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the sunlit console script is not installed in this environment")
    r = subprocess.run([exe, "check", "--json", str(clean)], capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0 and json.loads(r.stdout)["documents"][0]["path"] == str(clean)


@pytest.mark.parametrize("path", real_documents()[:3], ids=lambda p: p.name)
def test_check_on_real_documents(path, tmp_path):
    r = run("check", "--json", "--html", tmp_path / "r.html", path)
    assert r.returncode in (0, 1), r.stderr
    assert json.loads(r.stdout)["documents"][0]["path"] == str(path)


def test_check_reads_an_html_annual_report(tmp_path):
    r = run("check", "--json", FUJIAN_2023)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)["documents"][0]
    assert (doc["kind"], doc["year"]) == ("annual_report", 2023)
    assert [f for f in doc["findings"] if f["severity"] == "error"] == []
