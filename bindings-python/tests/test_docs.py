"""Docs that run: every code block of README.md and docs/*.md is run by the test suite.

- ```python blocks run here: a block with `>>>` prompts is a doctest (its shown output is compared,
  with ELLIPSIS and NORMALIZE_WHITESPACE), any other block is executed; both from the repository
  root, in a fresh namespace.
- ```console blocks: each `$ sunlit …` line is run here (`python -m sunlit …`); the exit status must
  be 0 or 1 and every line shown under the command must appear in its output (a line `…`
  stands for lines left out).
- ```rust blocks are doctests of the core: core/src/doctests.rs must include every page that has one.
- ```kotlin blocks are JUnit tests written by scripts/docs_kotlin.py: each must become a test.
- ```sh and ```text blocks are shown, not run. Any other or unlabelled fence fails, so that no block
  can silently escape the suite.
"""

import doctest
import importlib.util
import io
import pathlib
import re
import shlex
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _generator():
    """scripts/docs_kotlin.py, which also knows the pages and how to find their blocks."""
    spec = importlib.util.spec_from_file_location("docs_kotlin", ROOT / "scripts" / "docs_kotlin.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()
RUN = {"rust", "python", "kotlin", "console"}
SHOWN = {"sh", "text"}
BLOCKS = [
    (page.relative_to(ROOT).as_posix(), info, line, code)
    for page in GEN.pages()
    for info, line, code in GEN.fenced_blocks(page)
]


def blocks_of(language):
    return [
        pytest.param(page, line, code, id=f"{page}:{line}")
        for page, info, line, code in BLOCKS
        if info == language
    ]


def test_the_pages_have_blocks_of_every_language():
    languages = {info for _, info, _, _ in BLOCKS}
    assert RUN <= languages, RUN - languages
    assert ROOT.joinpath("docs", "rules.md").exists()


def test_every_fence_is_run_or_marked_as_shown():
    unknown = [f"{page}:{line - 1}: ```{info}" for page, info, line, _ in BLOCKS if info not in RUN | SHOWN]
    assert not unknown, "a block that no test runs (mark it text or sh if it cannot run): " + ", ".join(unknown)


def test_every_page_with_rust_blocks_is_a_doctest_of_the_core():
    included = (ROOT / "core" / "src" / "doctests.rs").read_text(encoding="utf-8")
    pages = {page for page, info, _, _ in BLOCKS if info == "rust"}
    assert pages
    missing = [p for p in sorted(pages) if f'include_str!("../../{p}")' not in included]
    assert not missing, f"not included in core/src/doctests.rs: {missing}"


def test_every_kotlin_block_becomes_a_junit_test():
    kotlin = [(page, line) for page, info, line, _ in BLOCKS if info == "kotlin"]
    source = GEN.test_class()
    assert source.count("@Test\n") == len(kotlin) > 0
    for page, line in kotlin:
        assert f"/** {page}, line {line}. */" in source


@pytest.mark.parametrize("page, line, code", blocks_of("python"))
def test_python_block(page, line, code, monkeypatch):
    monkeypatch.chdir(ROOT)
    if ">>>" in code:
        test = doctest.DocTestParser().get_doctest(code, {"__name__": "__docs__"}, page, page, line - 1)
        assert test.examples, "a block with >>> but no example"
        out = io.StringIO()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        result = runner.run(test, out=out.write)
        assert result.failed == 0, out.getvalue()
        assert result.attempted == len(test.examples)
    else:
        exec(compile(code, f"{ROOT / page}:{line}", "exec"), {"__name__": "__docs__"})


def _commands(code):
    """($ line, the output lines shown under it) of a console block."""
    commands = []
    for text in code.split("\n"):
        if text.startswith("$ "):
            commands.append((text[2:], []))
        elif text.strip() and text.strip() not in ("…", "..."):  # … marks lines left out
            assert commands, f"output before any command: {text}"
            commands[-1][1].append(text.strip())
    return commands


@pytest.mark.parametrize("page, line, code", blocks_of("console"))
def test_console_block(page, line, code):
    commands = _commands(code)
    assert commands, "a console block without a $ line"
    for command, shown in commands:
        argv = shlex.split(command)
        assert argv[0] == "sunlit", f"only sunlit commands run here: {command}"
        done = subprocess.run(
            [sys.executable, "-m", "sunlit", *argv[1:]],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=600,
        )
        assert done.returncode in (0, 1), f"{command}: exit {done.returncode}\n{done.stderr}"
        output = "\n".join(" ".join(l.split()) for l in done.stdout.split("\n"))
        for text in shown:
            assert " ".join(text.split()) in output, f"{command}: {text!r} not in\n{done.stdout}"


def _slug(heading):
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return "".join(c for c in heading.lower() if c.isalnum() or c in " -_").replace(" ", "-")


@pytest.mark.parametrize("page", [*GEN.pages(), ROOT / "DESIGN.md"], ids=lambda p: p.name)
def test_links_between_the_pages_resolve(page):
    text = page.read_text(encoding="utf-8")
    anchors = {_slug(h) for h in re.findall(r"^#+ (.*)$", text, re.M)}
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"^[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        if path and not (page.parent / path).exists():
            broken.append(target)
        elif not path and anchor not in anchors:
            broken.append(target)
    assert not broken, broken
