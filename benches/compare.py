#!/usr/bin/env python3
"""sunlit against polars and DuckDB on one generated ledger (issue 13).

Standard library only; the tools run in their own venv under target/compare/ (made by `setup`).

    python3 benches/compare.py setup                 # venv + polars + duckdb + sunlit (release)
    python3 benches/compare.py run --rows 1000000    # generate (once, seeded) and compare
    python3 benches/compare.py run --rows 10000000 --rounds 3 --nice

Each tool runs in its own process under GNU `/usr/bin/time -v` (peak memory), tools alternating,
several rounds. Every run reports its node count (distinct (year, phase, unit, code) over the
项, 款 and 类 levels) and the exact total per (year, phase); the script refuses to print a table
unless all tools agree. Generated data stays under target/compare/ (never committed).

The ledger: a fixed seed (random.Random), 880 regions, 52,595 units (each in one region, named
by it), 1,363 functional 项 codes (the 项 of the embedded seed catalogue, then the 30 类 × 8 款 × 6
项 pattern of benches/src/lib.rs, until 1,363), the 61 departmental economic 款 of the embedded
catalogue on 70 % of lines, three years (2024–2026), three phases, four books, two natures,
five fund sources (one blank), amounts in 元 with 分 (0.01 to 100,000,000.00).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "compare"
VENV = OUT / "venv"
PY = VENV / "bin" / "python"
SEED = 20261204
REGIONS = 880
UNITS = 52_595
ITEMS = 1_363
CLASSES = [201, 202, 203, 204, 205, 206, 207, 208, 210, 211, 212, 213, 214, 215, 216, 217, 219,
           220, 221, 222, 224, 227, 229, 230, 231, 232, 233, 234, 209, 223]
HEADER = "year,book,phase,unit,functional,economic,nature,source,amount\n"
BY = ["year", "phase", "unit"]


def catalogue_items() -> list[str]:
    """1,363 functional 项 codes: the seed catalogue's, then the benches' pattern."""
    seed = ROOT / "core" / "data" / "classification" / "functional_observed_seed.csv"
    with seed.open(encoding="utf-8") as f:
        items = [r["code"] for r in csv.DictReader(f) if len(r["code"]) == 7]
    seen = set(items)
    for cls in CLASSES:
        for k in range(1, 9):
            for x in (1, 2, 3, 4, 5, 99):
                code = f"{cls}{k:02}{x:02}"
                if code not in seen and len(items) < ITEMS:
                    items.append(code)
                    seen.add(code)
    assert len(items) == ITEMS, len(items)
    return sorted(items)


def economic_sections() -> list[str]:
    path = ROOT / "core" / "data" / "classification" / "dept_economic_basic_subset.csv"
    with path.open(encoding="utf-8") as f:
        return [r["code"] for r in csv.DictReader(f) if len(r["code"]) == 5]


def generate(path: Path, rows: int) -> None:
    rng = random.Random(SEED)
    items = catalogue_items()
    economic = economic_sections() + [""] * 26  # ~70 % of lines carry an economic 款
    units = [f"地区{u % REGIONS:03d}单位{u:05d}" for u in range(UNITS)]
    books = ["general"] * 7 + ["fund"] * 2 + ["state_capital", "social_insurance"]
    years = ["2024", "2025", "2026"]
    phases = ["budget", "adjusted", "final"]
    natures = ["basic", "basic", "basic", "project", "project"]
    sources = ["财政拨款", "财政拨款", "事业收入", "其他收入", ""]
    tmp = path.with_suffix(".tmp")
    batch = 500_000
    with tmp.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        done = 0
        while done < rows:
            n = min(batch, rows - done)
            cols = [rng.choices(c, k=n) for c in (years, books, phases, units, items, economic,
                                                   natures, sources)]
            amounts = [rng.randrange(1, 10_000_000_001) for _ in range(n)]
            f.write("".join(
                f"{y},{b},{p},{u},{i},{e},{na},{s},{a // 100}.{a % 100:02d}\n"
                for y, b, p, u, i, e, na, s, a in zip(*cols, amounts)))
            done += n
    tmp.replace(path)


def data_file(rows: int) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"ledger-{rows}.csv"
    if not path.exists():
        t = time.perf_counter()
        generate(path, rows)
        print(f"generated {path} ({path.stat().st_size / 2**20:,.0f} MiB) "
              f"in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return path


# ---- one tool, in its own process -------------------------------------------------------------

def run_sunlit(path: str) -> dict:
    import sunlit
    t0 = time.perf_counter()
    ledger = sunlit.Ledger.read_csv(path)
    t1 = time.perf_counter()
    r = ledger.rollup(by=BY)
    t2 = time.perf_counter()
    totals = {f"{y}/{p}": str(r.total(year=y, phase=p))
              for y in ledger.distinct("year") for p in ledger.distinct("phase")
              if r.total(year=y, phase=p) is not None}
    return {"nodes": len(r), "totals": totals, "load": t1 - t0, "rollup": t2 - t1}


def run_polars(path: str) -> dict:
    import polars as pl
    t0 = time.perf_counter()
    schema = {"year": pl.Int16, "book": pl.String, "phase": pl.String, "unit": pl.String,
              "functional": pl.Int32, "economic": pl.String, "nature": pl.String,
              "source": pl.String, "amount": pl.Decimal(18, 2)}
    keys = BY
    leaf = (pl.scan_csv(path, schema=schema)
            .group_by([*keys, "functional"]).agg(pl.col("amount").sum()))
    kuan = (leaf.with_columns(pl.col("functional") // 100)
            .group_by([*keys, "functional"]).agg(pl.col("amount").sum()))
    lei = (kuan.with_columns(pl.col("functional") // 100)
           .group_by([*keys, "functional"]).agg(pl.col("amount").sum()))
    nodes = pl.concat([leaf, kuan, lei])
    totals = lei.group_by("year", "phase").agg(pl.col("amount").sum())
    nodes_df, totals_df = pl.collect_all([nodes, totals])
    t1 = time.perf_counter()
    out = {f"{y}/{p}": str(a) for y, p, a in totals_df.iter_rows()}
    return {"nodes": nodes_df.height, "totals": out, "load": None, "rollup": t1 - t0}


def run_duckdb(path: str) -> dict:
    import duckdb
    t0 = time.perf_counter()
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE l AS SELECT * FROM read_csv(?, header=true, columns={"
        "'year':'SMALLINT','book':'VARCHAR','phase':'VARCHAR','unit':'VARCHAR',"
        "'functional':'INTEGER','economic':'VARCHAR','nature':'VARCHAR','source':'VARCHAR',"
        "'amount':'DECIMAL(18,2)'})", [path])
    t1 = time.perf_counter()
    con.execute("CREATE TABLE leaf AS SELECT year, phase, unit, functional, sum(amount) AS a "
                "FROM l GROUP BY ALL")
    con.execute("CREATE TABLE kuan AS SELECT year, phase, unit, functional // 100 AS functional,"
                " sum(a) AS a FROM leaf GROUP BY ALL")
    con.execute("CREATE TABLE lei AS SELECT year, phase, unit, functional // 100 AS functional,"
                " sum(a) AS a FROM kuan GROUP BY ALL")
    nodes = con.execute("SELECT (SELECT count(*) FROM leaf) + (SELECT count(*) FROM kuan)"
                        " + (SELECT count(*) FROM lei)").fetchone()[0]
    rows = con.execute("SELECT year, phase, sum(a) FROM lei GROUP BY ALL").fetchall()
    t2 = time.perf_counter()
    return {"nodes": nodes, "totals": {f"{y}/{p}": str(a) for y, p, a in rows},
            "load": t1 - t0, "rollup": t2 - t1}


TOOLS = {"sunlit-python": run_sunlit, "polars": run_polars, "duckdb": run_duckdb}
RUST_BIN = ROOT / "target" / "release" / "compare_rollup"
# Optional: the same Python call on another build of sunlit (e.g. main before a change), in a
# venv of its own: `SUNLIT_BASELINE_PY=/path/to/venv/bin/python`.
BASELINE_PY = os.environ.get("SUNLIT_BASELINE_PY")


# ---- the driver -------------------------------------------------------------------------------

def timed(cmd: list[str], nice: bool) -> tuple[float, float, dict]:
    """Run `cmd` under GNU time -v: wall seconds, peak MiB, its JSON output."""
    full = (["nice", "-n", "19"] if nice else []) + ["/usr/bin/time", "-v", *cmd]
    t = time.perf_counter()
    p = subprocess.run(full, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"{cmd} failed:\n{p.stderr[-3000:]}")
    peak_kib = next(int(line.split(":")[1]) for line in p.stderr.splitlines()
                    if "Maximum resident set size" in line)
    return wall, peak_kib / 1024, json.loads(p.stdout.strip().splitlines()[-1])


def canonical(totals: dict) -> dict:
    return {k: str(Decimal(v).quantize(Decimal("0.01"))) for k, v in sorted(totals.items())}


def compare(rows: int, rounds: int, nice: bool, rust: bool, only: list[str]) -> None:
    path = data_file(rows)
    size_mib = path.stat().st_size / 2**20
    tools = list(TOOLS) + (["sunlit-rust"] if rust and RUST_BIN.exists() else [])
    if BASELINE_PY:
        tools.append("sunlit-python-baseline")
    if only:
        tools = [t for t in tools if t in only]
    results: dict[str, list[tuple[float, float, dict]]] = {t: [] for t in tools}
    for r in range(rounds):
        order = tools[r % len(tools):] + tools[:r % len(tools)]
        for tool in order:
            if tool == "sunlit-rust":
                cmd = [str(RUST_BIN), str(path)]
            elif tool == "sunlit-python-baseline":
                cmd = [str(BASELINE_PY), str(Path(__file__).resolve()), "one", "sunlit-python",
                       str(path)]
            else:
                cmd = [str(PY), str(Path(__file__).resolve()), "one", tool, str(path)]
            res = timed(cmd, nice)
            results[tool].append(res)
            print(f"round {r + 1} {tool}: {res[0]:.2f} s, {res[1]:,.0f} MiB, "
                  f"{res[2]['nodes']:,} nodes", file=sys.stderr)
    # Agreement: node count and exact totals per (year, phase), every run of every tool.
    reference = None
    for tool, runs in results.items():
        for _, _, out in runs:
            got = (out["nodes"], canonical(out["totals"]))
            if reference is None:
                reference = got
            elif got != reference:
                sys.exit(f"{tool} disagrees: {got[0]} nodes vs {reference[0]}; "
                         f"totals {got[1]} vs {reference[1]}")
    assert reference is not None
    med = {t: statistics.median(w for w, _, _ in runs) for t, runs in results.items()}
    others = [t for t in ("polars", "duckdb") if t in results] or list(results)
    best_other = min(med[t] for t in others)
    low_peak = min(max(p for _, p, _ in results[t]) for t in others)
    print(f"\n{rows:,} lines ({size_mib:,.0f} MiB CSV), {rounds} rounds, "
          f"{reference[0]:,} nodes, identical totals per (year, phase) in every run:\n")
    print("| tool | wall time (median; min–max) | load / roll-up (median) | peak memory (max) "
          "| time vs faster of polars/DuckDB | memory vs lower of theirs |")
    print("| --- | --- | --- | --- | --- | --- |")
    for tool, runs in results.items():
        walls = [w for w, _, _ in runs]
        peak = max(p for _, p, _ in runs)
        loads = [o["load"] for _, _, o in runs if o.get("load") is not None]
        rolls = [o["rollup"] for _, _, o in runs if o.get("rollup") is not None]
        split = (f"{statistics.median(loads):.2f} / {statistics.median(rolls):.2f} s"
                 if loads else f"– / {statistics.median(rolls):.2f} s (lazy, together)")
        print(f"| {tool} | {med[tool]:.2f} s ({min(walls):.2f}–{max(walls):.2f}) | {split} "
              f"| {peak:,.0f} MiB | {best_other / med[tool]:.2f}× faster "
              f"| {peak / low_peak:.2f}× |")


def setup() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    if not PY.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "polars", "duckdb",
                    "maturin>=1.9,<2"], check=True)
    env = dict(os.environ, VIRTUAL_ENV=str(VENV), PATH=f"{VENV / 'bin'}:{os.environ['PATH']}")
    subprocess.run([str(VENV / "bin" / "maturin"), "develop", "--release", "--quiet"],
                   cwd=ROOT / "bindings-python", env=env, check=True)
    subprocess.run(["cargo", "build", "--release", "-p", "sunlit-benches", "--bin",
                    "compare_rollup"], cwd=ROOT, check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("setup")
    run = sub.add_parser("run")
    run.add_argument("--rows", type=int, default=1_000_000)
    run.add_argument("--rounds", type=int, default=3)
    run.add_argument("--nice", action="store_true", help="run the tools under nice -n 19")
    run.add_argument("--no-rust", action="store_true", help="leave the Rust binary out")
    run.add_argument("--tools", nargs="*", default=[], help="run only these tools")
    gen = sub.add_parser("generate")
    gen.add_argument("--rows", type=int, default=1_000_000)
    one = sub.add_parser("one")
    one.add_argument("tool", choices=list(TOOLS))
    one.add_argument("path")
    a = ap.parse_args()
    if a.cmd == "setup":
        setup()
    elif a.cmd == "generate":
        print(data_file(a.rows))
    elif a.cmd == "one":
        print(json.dumps(TOOLS[a.tool](a.path)))
    else:
        compare(a.rows, a.rounds, a.nice, not a.no_rust, a.tools)


if __name__ == "__main__":
    main()
