"""The ``sunlit`` command: check published documents without writing code.

    sunlit check PATH...                  a readable report; exit 0 (no errors), 1 (errors), 2 (unreadable input)
    sunlit check --json PATH...           {"documents": [...]} for machines
    sunlit check --html REPORT.html PATH  also write a page showing each table as printed, findings marked
    sunlit check X.pdf --last-year Y.pdf --budget Z.pdf
                                          also the identities across documents (identity.*): X's
                                          年初结转和结余 against last year's final account Y, a final
                                          account's "三公" 预算数 against the same year's budget Z
    sunlit tables PATH --format csv|json  the recognised tables, cell by cell with provenance
    sunlit key-area check CATALOGUE.json --organ … --level … --kind … --year …
    sunlit guide check GUIDE.txt          the art. 12 elements a disclosure guide lacks
    sunlit interpretation check CATALOGUE.json   policies without (timely) interpretation
    sunlit score --scheme ID --year Y --kind government --organ NAME=FILE[@DATE],… …
                                          score and rank organs on a transparency index (cli_score.py)
    sunlit directory check FILE --level county [--year 2024] [--json]
                                          check a disclosure catalogue (政府信息公开目录: CSV, JSON
                                          or XLSX): timeliness, categories, index numbers

A thin layer over :func:`sunlit.read_document` and the core's reports: no rule lives here.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Optional, Sequence

from . import _sunlit, cli_score
from . import key_area_cli

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2


def _read_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("reading (detected from the document unless given)")
    g.add_argument("--kind", help="budget, final, annual_report, power_list (or 部门预算 …)")
    g.add_argument("--unit", help="money unit when the document does not print it: 元, 万元")
    g.add_argument("--year", type=int, help="year when the document does not print it")
    g.add_argument("--encoding", help="encoding of a CSV file or HTML page: utf-8, gbk, gb18030")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sunlit",
        description="Check published budgets, final accounts, annual reports and power lists "
        "(PDF, XLSX/XLS, CSV) — 检查公开的预算、决算、年度报告和权责清单。",
    )
    p.add_argument("--version", action="version", version=f"sunlit {_sunlit.__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="{check,tables,key-area,guide,interpretation,score,directory}")
    check = sub.add_parser(
        "check",
        help="check documents and report the findings",
        description="Read, recognise and check each document. Exit status: 0 no error findings, "
        "1 error findings, 2 an unreadable input or a usage error.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="a .pdf, .xlsx, .xls, .csv or .html file")
    check.add_argument("--json", action="store_true", help='print {"documents": [...]} instead of the report')
    check.add_argument("--html", metavar="REPORT.html", help="also write an HTML page with the findings marked on the tables")
    check.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    check.add_argument(
        "--last-year",
        metavar="FINAL.pdf",
        help="last year's final account of the same department: its 年末结转和结余 against each "
        "document's 年初结转和结余 (上年结转)",
    )
    check.add_argument(
        "--budget",
        metavar="BUDGET.pdf",
        help="the budget of the same year and department: its 三公 figures against each final "
        "account's 预算数",
    )
    _read_options(check)
    tables = sub.add_parser(
        "tables",
        help="write the recognised tables with provenance",
        description="Write the tables recognised in a document, one record per printed cell "
        "(table, page, row, column, heading, row label, text as printed, amount).",
    )
    tables.add_argument("path", metavar="PATH", help="a .pdf, .xlsx, .xls, .csv or .html file")
    tables.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default csv)")
    tables.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    _read_options(tables)
    key_area_cli.add_parsers(sub)
    cli_score.add_parser(sub)
    _directory_parser(sub)
    return p


def _directory_parser(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    d = sub.add_parser(
        "directory",
        help="check a disclosure catalogue (政府信息公开目录)",
        description="Disclosure catalogues: index numbers, art. 26 timeliness, art. 20/21 categories.",
    )
    dsub = d.add_subparsers(dest="directory_command", required=True, metavar="{check}")
    c = dsub.add_parser(
        "check",
        help="check a catalogue and report the findings (rules directory.*)",
        description="Read a catalogue (.csv UTF-8 or GBK, .json, .xlsx) and check it. Exit status: "
        "0 no error findings, 1 error findings, 2 an unreadable input or a usage error.",
    )
    c.add_argument("path", metavar="FILE", help="a .csv, .json or .xlsx catalogue")
    c.add_argument("--level", help="organ level: county, municipal, township, provincial, national")
    c.add_argument("--organ", help="the organ's name, for the messages")
    c.add_argument("--year", type=int, action="append", dest="years", help="a year to check for coverage (repeatable)")
    c.add_argument("--json", action="store_true", help="print the findings as JSON")


def _read_catalogue(path: str, organ: Optional[str], level: Optional[str]) -> _sunlit.DisclosureCatalogue:
    low = path.lower()
    if low.endswith(".json"):
        return _sunlit.DisclosureCatalogue.read_json(path)  # organ and level from the file
    if low.endswith((".xlsx", ".xls")):
        return _sunlit.DisclosureCatalogue.read_xlsx(path, organ=organ, level=level)
    return _sunlit.DisclosureCatalogue.read_csv(path, organ=organ, level=level)


def _directory(args: argparse.Namespace) -> int:
    try:
        cat = _read_catalogue(args.path, args.organ, args.level)
        findings = cat.check(level=args.level, years=args.years)
    except _sunlit.SunlitError as e:
        print(f"sunlit: cannot check {args.path}: {e}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        _write(_sunlit.findings_to_json(findings), None)
    else:
        lines = [f"目录 Catalogue: {args.path} ({len(cat)} entries)"]
        for f in findings:
            lines.append(f"{f.severity}\t{f.rule}\t{f.message_zh}\n\t\t{f.message_en}")
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        lines.append(f"{counts['error']} error, {counts['warning']} warning, {counts['info']} info")
        _write("\n".join(lines), None)
    return EXIT_ERRORS if any(f.severity == "error" for f in findings) else EXIT_OK


def _read(path: str, args: argparse.Namespace) -> _sunlit.Document:
    return _sunlit.read_document(path, encoding=args.encoding, kind=args.kind, unit=args.unit, year=args.year)


def _write(text: str, path: Optional[str]) -> None:
    if path is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)


def _companions(args: argparse.Namespace) -> tuple[dict[str, _sunlit.Document], list[dict[str, str]]]:
    """The documents of --last-year and --budget, read with the same options."""
    read: dict[str, _sunlit.Document] = {}
    unreadable = []
    for name in ("last_year", "budget"):
        path = getattr(args, name)
        if path is None:
            continue
        try:
            read[name] = _read(path, args)
        except _sunlit.SunlitError as e:
            unreadable.append({"path": path, "reason": str(e)})
            print(f"sunlit: cannot read {path}: {e}", file=sys.stderr, flush=True)
    return read, unreadable


def _check(args: argparse.Namespace) -> int:
    docs = []
    companions, unreadable = _companions(args)
    many = len(args.paths) > 1
    for i, path in enumerate(args.paths, 1):
        if many and not args.quiet:
            print(f"[{i}/{len(args.paths)}] {path}", file=sys.stderr, flush=True)
        try:
            doc = _read(path, args)
        except _sunlit.SunlitError as e:
            unreadable.append({"path": path, "reason": str(e)})
            print(f"sunlit: cannot read {path}: {e}", file=sys.stderr, flush=True)
            continue
        if companions:
            doc = doc.with_checks(**companions)
        docs.append(doc)
        if many and not args.quiet:
            counts = {"error": 0, "warning": 0, "info": 0}
            for f in doc.findings:
                counts[f.severity] = counts.get(f.severity, 0) + 1
            print(
                f"      {doc.kind}, {len(doc.tables)} tables, {counts['error']} error, "
                f"{counts['warning']} warning, {counts['info']} info",
                file=sys.stderr,
                flush=True,
            )
    if args.json:
        out = json.loads(_sunlit.documents_to_json(docs))
        if unreadable:
            out["unreadable"] = unreadable
        _write(json.dumps(out, ensure_ascii=False, indent=2), None)
    else:
        text = _sunlit.documents_to_text(docs)
        for u in unreadable:
            text += f"\n文件 File: {u['path']}\n无法读取 Unreadable: {u['reason']}\n"
        if text:
            _write(text, None)
    if args.html:
        try:
            _write(_sunlit.documents_to_html(docs), args.html)
        except OSError as e:
            print(f"sunlit: cannot write {args.html}: {e}", file=sys.stderr)
            return EXIT_UNREADABLE
        if not args.quiet:
            print(f"sunlit: wrote {args.html}", file=sys.stderr)
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_ERRORS if any(d.error_count for d in docs) else EXIT_OK


def _tables(args: argparse.Namespace) -> int:
    try:
        doc = _read(args.path, args)
    except _sunlit.SunlitError as e:
        print(f"sunlit: cannot read {args.path}: {e}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        _write(doc.tables_csv() if args.format == "csv" else doc.tables_json(), args.output)
    except OSError as e:
        print(f"sunlit: cannot write {args.output}: {e}", file=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status (argparse exits with 2 on a usage error)."""
    args = _parser().parse_args(argv)
    if args.command == "check":
        return _check(args)
    if args.command in ("key-area", "guide", "interpretation"):
        return key_area_cli.run(args)
    if args.command == "score":
        return cli_score.run(args)
    if args.command == "directory":
        return _directory(args)
    return _tables(args)


if __name__ == "__main__":
    sys.exit(main())
