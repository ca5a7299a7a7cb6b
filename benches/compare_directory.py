#!/usr/bin/env python3
"""The catalogue search of benches/benches/directory.rs against polars ``str.contains`` and DuckDB
``contains`` (issue 15).

    SUNLIT_DIRECTORY_CSV=target/compare/directory.csv cargo bench -p sunlit-benches --bench directory
    target/compare/venv/bin/python benches/compare_directory.py target/compare/directory.csv

The bench writes its generated catalogue (seeded, 1M entries) to the CSV; this script loads it with
polars and into a DuckDB table, and times the same five queries as literal substring filters over
名称 and 内容概述 (the text sunlit searches), with the category and date filters of the last one. It prints the match
counts, which must equal the criterion bench's (printed by ``cargo test -p sunlit-benches --bench
directory``), and the median of 7 runs of each query. Loading is not timed.
"""

from __future__ import annotations

import statistics
import sys
import time

import duckdb
import polars as pl

QUERIES = {
    "common_2chars": (["征收"], None, None),
    "phrase_8chars": (["最低生活保障"], None, None),
    "two_terms": (["教育局", "资助"], None, None),
    "rare_absent": (["核电站退役"], None, None),
    "term_category_dates": (["应急预案"], "emergencies", ("2020-01-01", "2021-12-31")),
}


def expr(terms, category, dates):
    text = pl.col("名称") + "\n" + pl.col("内容概述").fill_null("")
    e = pl.lit(True)
    for t in terms:
        e = e & text.str.contains(t, literal=True)
    if category:
        e = e & (pl.col("类别") == category)
    if dates:
        e = e & pl.col("发布日期").is_between(pl.lit(dates[0]), pl.lit(dates[1]))
    return e


def sql(terms, category, dates):
    """The same filter in DuckDB SQL, with parameters."""
    text = "(\"名称\" || chr(10) || coalesce(\"内容概述\", ''))"
    where = [f"contains({text}, ?)" for _ in terms]
    params = list(terms)
    if category:
        where.append("\"类别\" = ?")
        params.append(category)
    if dates:
        where.append("\"发布日期\" BETWEEN ? AND ?")
        params.extend(dates)
    return "SELECT count(*) FROM catalogue WHERE " + " AND ".join(where), params


def median_ms(run) -> tuple[int, float]:
    times, n = [], 0
    for _ in range(7):
        t0 = time.perf_counter()
        n = run()
        times.append(time.perf_counter() - t0)
    return n, statistics.median(times) * 1000


def main(path: str) -> None:
    df = pl.read_csv(path, infer_schema=False)
    con = duckdb.connect()
    con.execute("CREATE TABLE catalogue AS SELECT * FROM read_csv(?, all_varchar = true)", [path])
    print(f"{df.height} entries; polars {pl.__version__}; duckdb {duckdb.__version__}")
    print("| query | matches | polars str.contains (median of 7) | DuckDB contains (median of 7) |")
    print("| --- | --- | --- | --- |")
    for name, q in QUERIES.items():
        e = expr(*q)
        n, polars_ms = median_ms(lambda: df.filter(e).height)
        query, params = sql(*q)
        m, duck_ms = median_ms(lambda: con.execute(query, params).fetchone()[0])
        if m != n:
            raise SystemExit(f"{name}: polars {n} matches, DuckDB {m}")
        print(f"| `{name}` | {n} | {polars_ms:.1f} ms | {duck_ms:.1f} ms |")


if __name__ == "__main__":
    main(sys.argv[1])
