"""``sunlit key-area``, ``sunlit guide`` and ``sunlit interpretation``: the issue-15 commands.

    sunlit key-area check CATALOGUE.csv|.json --organ NAME --level county --kind government --year 2024
                          [--checklist FILE.json] [--ocds RELEASE.json ...] [--ocds-mapping major_projects] [--json]
    sunlit guide check GUIDE.txt|GUIDE.html [--json]
    sunlit interpretation check CATALOGUE.csv|.json [--workdays N] [--json]

The catalogue is a CSV or XLSX catalogue (read as ``sunlit directory check`` reads it) or a
JSON array of catalogue entries (the serde form of ``sunlit::disclosure::CatalogueEntry``:
``index``, ``title``, ``formed``, ``published`` as YYYY-MM-DD, ``category`` by id …).
Exit status: 0 no warning or error findings, 1 findings to act on (missing, late), 2 unreadable
input. A thin layer: no rule lives here.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import _sunlit

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


def add_parsers(sub: Any) -> None:
    """Add the ``key-area``, ``guide`` and ``interpretation`` subcommands to ``sub``."""
    ka = sub.add_parser("key-area", help="check a catalogue against a key-area checklist (重点领域信息公开)")
    ka_sub = ka.add_subparsers(dest="action", required=True, metavar="{check}")
    c = ka_sub.add_parser("check", help="report what is missing or late")
    c.add_argument("catalogue", metavar="CATALOGUE.json", help="a catalogue: CSV or XLSX (read as by `sunlit directory`), or a JSON array of catalogue entries")
    c.add_argument("--checklist", metavar="FILE.json", help="a checklist file (default: the embedded national one)")
    c.add_argument("--organ", required=True, help="the organ's name")
    c.add_argument("--level", required=True, help="national, provincial, municipal, county, township")
    c.add_argument("--kind", required=True, help="government, department, finance")
    c.add_argument("--year", required=True, type=int, help="the year checked")
    c.add_argument("--ocds", metavar="RELEASE.json", action="append", default=[], help="an OCDS release or package (repeatable)")
    c.add_argument("--ocds-mapping", default="public_resources", choices=["public_resources", "major_projects"])
    c.add_argument("--json", action="store_true", help="print the report as JSON")
    g = sub.add_parser("guide", help="check a disclosure guide (政府信息公开指南, art. 12)")
    g_sub = g.add_subparsers(dest="action", required=True, metavar="{check}")
    gc = g_sub.add_parser("check", help="report the art. 12 elements the guide lacks")
    gc.add_argument("path", metavar="GUIDE", help="a .txt or .html file")
    gc.add_argument("--json", action="store_true")
    i = sub.add_parser("interpretation", help="check policy interpretations (政策解读)")
    i_sub = i.add_subparsers(dest="action", required=True, metavar="{check}")
    ic = i_sub.add_parser("check", help="report missing or late interpretations and the counts per year")
    ic.add_argument("catalogue", metavar="CATALOGUE.json")
    ic.add_argument("--workdays", type=int, default=0, help="working days allowed after the policy (default 0: 同步)")
    ic.add_argument("--json", action="store_true")


def _finding_line(f: Any) -> str:
    code = f" [{f.code}]" if f.code else ""
    return f"{f.severity:7} {f.rule}{code}: {f.message_zh}\n        {f.message_en}"


def _exit(findings: list[Any]) -> int:
    return EXIT_FINDINGS if any(f.severity in ("error", "warning") for f in findings) else EXIT_OK


def _text(path: str) -> str:
    """The catalogue's entries as the JSON array the checks take: a CSV or XLSX catalogue is read
    by `DisclosureCatalogue` (its column names and errors), a JSON file is passed as it is."""
    low = path.lower()
    if low.endswith((".csv", ".xlsx")):
        reader = _sunlit.DisclosureCatalogue.read_xlsx if low.endswith(".xlsx") else _sunlit.DisclosureCatalogue.read_csv
        return json.dumps(json.loads(reader(path).to_json())["entries"], ensure_ascii=False)
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _key_area(args: argparse.Namespace) -> int:
    try:
        checklist = _sunlit.Checklist.from_path(args.checklist) if args.checklist else _sunlit.Checklist.embedded()
        entries = _text(args.catalogue)
        facts: list[Any] = []
        for path in args.ocds:
            facts.extend(json.loads(_sunlit.read_ocds_path(path, args.ocds_mapping)))
        report = checklist.check(entries, args.organ, args.level, args.kind, args.year, json.dumps(facts), None)
    except (OSError, ValueError, _sunlit.SunlitError) as e:
        print(f"sunlit: {e}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        print(report.to_json())
    else:
        print(f"{args.organ} {args.year} — checklist {checklist.id} {checklist.version}")
        for area, item, state, matched in report.items:
            print(f"  {state:9} {item}" + (f"  ({'; '.join(matched)})" if matched else ""))
        for f in report.findings:
            print(_finding_line(f))
    return _exit(report.findings)


def _guide(args: argparse.Namespace) -> int:
    try:
        guide = _sunlit.DisclosureGuide.read_path(args.path)
    except _sunlit.SunlitError as e:
        print(f"sunlit: {e}", file=sys.stderr)
        return EXIT_UNREADABLE
    findings = guide.check()
    if args.json:
        print(json.dumps({"elements": guide.elements, "findings": [f.rule for f in findings]}, ensure_ascii=False))
    else:
        for element, clear, line, text in guide.elements:
            print(f"  {'ok' if clear else '??':2} {element:14} line {line}: {text}")
        for f in findings:
            print(_finding_line(f))
    return _exit(findings)


def _interpretation(args: argparse.Namespace) -> int:
    try:
        entries = _text(args.catalogue)
        findings = _sunlit.check_interpretations(entries, args.workdays, None, None)
        counts = _sunlit.interpretation_counts(entries, args.workdays, None)
    except (OSError, ValueError, _sunlit.SunlitError) as e:
        print(f"sunlit: {e}", file=sys.stderr)
        return EXIT_UNREADABLE
    keys = ("year", "policies", "interpreted", "on_time", "interpretations")
    if args.json:
        print(json.dumps({"counts": [dict(zip(keys, c)) for c in counts], "findings": [f.rule for f in findings]}))
    else:
        for c in counts:
            print("  " + ", ".join(f"{k} {v}" for k, v in zip(keys, c)))
        for f in findings:
            print(_finding_line(f))
    return _exit(findings)


def run(args: argparse.Namespace) -> int:
    """Run a ``key-area``, ``guide`` or ``interpretation`` command."""
    if args.command == "key-area":
        return _key_area(args)
    if args.command == "guide":
        return _guide(args)
    return _interpretation(args)
