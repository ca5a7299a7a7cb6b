"""``sunlit score``: score and rank organs on a transparency index from their published documents.

    sunlit score --scheme xianning-2023 --year 2024 --kind government --equal-weights \\
        --organ "淮安市人民政府=huaian-2024.pdf@2025-02-25" --organ "平潭综合实验区=pingtan-2024.html@2025-03-10"

Each ``--organ NAME=FILE[@PUBLISHED],FILE…`` gives an organ and its documents (a file may carry the
day its portal published it, ``YYYY-MM-DD``, for the art. 49 deadline). Weights the scheme never
published are supplied with ``--weights FILE.json`` (``{"indicator id": "1", …}``) or
``--equal-weights`` (1 each: equal shares among siblings, said in the output). Exit status: 0 scored,
2 unreadable input or a usage error (an unknown weight left unsupplied, a malformed --organ).

A thin layer over :class:`sunlit.Scheme` and :func:`sunlit.rank`: no rule lives here.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from typing import Any, Union

from . import _sunlit

EXIT_OK = 0
EXIT_UNREADABLE = 2


def add_parser(sub: Any) -> None:
    """Add the ``score`` subcommand to the ``sunlit`` parser."""
    p = sub.add_parser(
        "score",
        help="score and rank organs on a transparency index",
        description="Score each organ on an index (政务公开评估) from its documents, rank them and "
        "explain every indicator. Exit status: 0 scored, 2 unreadable input or usage error.",
    )
    p.add_argument("--scheme", required=True, help="an embedded scheme (cass-2022, xianning-2023) or a JSON file")
    p.add_argument("--year", type=int, required=True, help="the year assessed (the year the annual report is about)")
    p.add_argument("--kind", choices=["government", "department"], required=True, help="the organs' kind (art. 49 deadline)")
    p.add_argument(
        "--organ",
        action="append",
        required=True,
        metavar="NAME=FILE[@YYYY-MM-DD],FILE…",
        help="an organ and its documents; repeat for each organ",
    )
    w = p.add_mutually_exclusive_group()
    w.add_argument("--weights", metavar="FILE.json", help='weights by indicator id, {"id": "1", …}')
    w.add_argument("--equal-weights", action="store_true", help="supply 1 for every weight the scheme never published")
    p.add_argument("--json", action="store_true", help='print {"ranking": [...], "scores": [...]}')
    p.add_argument("--markdown", action="store_true", help="explanations as Markdown tables")


class _Usage(Exception):
    pass


def _organ(spec: str) -> tuple[str, list[Union[str, tuple[str, datetime.date]]]]:
    name, sep, files = spec.partition("=")
    if not sep or not name.strip() or not files.strip():
        raise _Usage(f"--organ {spec!r}: expected NAME=FILE[@YYYY-MM-DD],FILE…")
    docs: list[Union[str, tuple[str, datetime.date]]] = []
    for item in files.split(","):
        path, at, day = item.strip().rpartition("@") if "@" in item else ("", "", item.strip())
        if at:
            try:
                docs.append((path, datetime.date.fromisoformat(day)))
            except ValueError:
                raise _Usage(f"--organ {spec!r}: {day!r} is not a date YYYY-MM-DD") from None
        else:
            docs.append(day)
    return name.strip(), docs


def _scheme(args: argparse.Namespace) -> _sunlit.Scheme:
    if os.path.exists(args.scheme):
        scheme = _sunlit.Scheme.from_path(args.scheme)
    else:
        scheme = _sunlit.Scheme.embedded(args.scheme)
    if args.equal_weights:
        scheme = scheme.with_weights({i: 1 for i in scheme.unknown_weights()})
    elif args.weights:
        with open(args.weights, encoding="utf-8") as f:
            scheme = scheme.with_weights(json.load(f))
    return scheme


def run(args: argparse.Namespace) -> int:
    """Run ``sunlit score``; returns the exit status."""
    try:
        scheme = _scheme(args)
        unknown = scheme.unknown_weights()
        if unknown:
            raise _Usage(
                f"scheme {scheme.id}: weights never published for {', '.join(unknown)}; "
                "supply them with --weights FILE.json or --equal-weights"
            )
        organs = [_organ(s) for s in args.organ]
        scores = [scheme.score(n, kind=args.kind, year=args.year, documents=d) for n, d in organs]
        ranking = _sunlit.rank(scores)
    except (_sunlit.SunlitError, _Usage, OSError, json.JSONDecodeError) as e:
        print(f"sunlit score: {e}", file=sys.stderr)
        return EXIT_UNREADABLE
    note = "weights never published: 1 each (--equal-weights)\n" if args.equal_weights else ""
    if args.json:
        out = {
            "scheme": scheme.id,
            "year": args.year,
            "equal_weights": bool(args.equal_weights),
            "ranking": [
                {"rank": r.rank, "organ": r.organ, "total": str(r.total), "tied": r.tied} for r in ranking
            ],
            "scores": [s.to_dict() for s in scores],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    sys.stdout.write(f"{scheme.name_zh} ({scheme.id}) · {args.year}\n{note}\n")
    sys.stdout.write(_sunlit.ranking_to_markdown(ranking) + "\n")
    for s in scores:
        sys.stdout.write((s.to_markdown() if args.markdown else s.to_text()) + "\n")
    return EXIT_OK
