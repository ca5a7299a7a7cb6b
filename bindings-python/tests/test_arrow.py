"""Arrow in and out: the golden 城管执法局 2026 ledger through pyarrow, polars, pandas and DuckDB
with exact decimals; partial roll-ups merged; bad Arrow input raises InputError naming row and
column; floats refused."""

import decimal
import pathlib

import pytest

import sunlit

DATA = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data"
GOLDEN = DATA / "budget" / "chengguan_2026_ledger.csv"

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")


@pytest.fixture()
def ledger() -> sunlit.Ledger:
    return sunlit.Ledger.read_csv(GOLDEN)


def test_ledger_to_pyarrow_is_exact_and_dictionary_encoded(ledger):
    batch = ledger.to_arrow()
    assert len(batch) == 10
    assert batch.column_names == [
        "year", "book", "phase", "unit", "functional", "economic", "nature", "source", "amount",
    ]
    table = pa.table(batch)
    assert table.schema.field("amount").type == pa.decimal128(38, 2)
    assert pa.types.is_dictionary(table.schema.field("unit").type)
    total = sum(table.column("amount").to_pylist())
    assert total == sum(line["amount"] for line in ledger.to_records())
    assert isinstance(total, decimal.Decimal)


def test_round_trip_through_every_library(ledger):
    arrow_table = pa.table(ledger.to_arrow())
    frame = ledger.to_polars()
    assert str(frame.schema["amount"]).startswith("Decimal")
    relation = duckdb.sql("select * from arrow_table")
    for data in (arrow_table, frame, relation, ledger.to_arrow()):
        # equal values; a decimal128 column has one scale, so 2302464 comes back as 2302464.00
        assert sunlit.Ledger.from_arrow(data).to_records() == ledger.to_records()


def test_duckdb_reads_the_batch_and_sums_exactly(ledger):
    batch = ledger.to_arrow()  # noqa: F841  (read by DuckDB's replacement scan)
    rows = duckdb.sql("select nature, sum(amount) from batch group by nature order by nature").fetchall()
    expected = {}
    for line in ledger.to_records():
        expected[line["nature"]] = expected.get(line["nature"], decimal.Decimal(0)) + line["amount"]
    assert {n: decimal.Decimal(a) for n, a in rows} == expected


def test_pandas_keeps_decimals(ledger):
    frame = ledger.to_pandas()
    assert isinstance(frame["amount"].dtype, pd.ArrowDtype)
    assert frame["amount"].sum() == sum(line["amount"] for line in ledger.to_records())


def test_rollup_and_findings_to_arrow(ledger):
    r = ledger.rollup(by=["nature"])
    t = pa.table(r.to_arrow())
    assert t.column_names == ["nature", "code", "level", "amount"]
    assert t.num_rows == len(r)
    top = {(row["nature"], row["code"]): row["amount"] for row in t.to_pylist()}
    assert top[("basic", "212")] == r.amount("212", nature="basic")
    findings = sunlit.findings_to_arrow(ledger.check_catalog())
    assert pa.table(findings).column_names[0] == "rule"


def test_partial_rollups_merge_to_the_whole(ledger):
    table = pa.table(ledger.to_arrow())
    parts = [sunlit.Rollup.partial(b) for b in table.to_batches(max_chunksize=3)]
    merged = sunlit.Rollup.merge(parts, by=["nature"])
    whole = ledger.rollup(by=["nature"])
    assert merged.to_records() == whole.to_records()
    # Ledgers may be merged too
    assert sunlit.Rollup.merge([ledger], by=["nature"]).to_records() == whole.to_records()


def test_compact_and_concat(ledger):
    twice = sunlit.Ledger.concat([ledger, ledger])
    assert len(twice) == 20
    assert len(twice.compact()) == len(ledger.compact())
    assert twice.rollup().total() == 2 * ledger.rollup().total()


def test_float_amounts_are_refused():
    t = pa.table({
        "year": [2026], "book": ["general"], "phase": ["budget"], "unit": ["u"],
        "functional": ["2120104"], "nature": ["basic"], "amount": [0.1],
    })
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_arrow(t)
    assert e.value.column == "amount"
    assert e.value.line == 0
    assert "float" in e.value.reason


def test_a_bad_cell_names_row_column_and_value():
    t = pa.table({
        "year": [2026, 2026], "book": ["general", "general"], "phase": ["budget", "budget"],
        "unit": ["u", "u"], "functional": ["2120104", "2O8"], "nature": ["basic", "basic"],
        "amount": ["1", None],
    })
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_arrow(t)
    assert (e.value.line, e.value.column, e.value.value) == (2, "functional", "2O8")


def test_null_amount_is_blank_not_zero():
    t = pa.table({
        "year": [2026], "book": ["general"], "phase": ["budget"], "unit": ["u"],
        "functional": ["2120104"], "nature": ["basic"], "amount": pa.array([None], pa.string()),
    })
    with pytest.raises(sunlit.InputError) as e:
        sunlit.Ledger.from_arrow(t)
    assert e.value.column == "amount"


def test_not_arrow_is_a_type_error_naming_the_interface():
    with pytest.raises(TypeError, match="__arrow_c_stream__"):
        sunlit.Ledger.from_arrow([1, 2, 3])


def test_notebook_views(ledger):
    assert "<table" in ledger._repr_html_()
    assert "sunlit.Ledger" in ledger._repr_html_()
    assert "sunlit.Rollup" in ledger.rollup(by=["nature"])._repr_html_()
    assert "<th>amount</th>" in ledger.to_arrow()._repr_html_()


class FakeBar:
    """What sunlit uses of a tqdm bar: total, update(n), reset()."""

    def __init__(self):
        self.total = None
        self.n = 0
        self.resets = 0

    def update(self, n):
        self.n += n

    def reset(self):
        self.resets += 1
        self.n = 0


def test_progress_reaches_the_file_size(tmp_path):
    seen = []
    ledger = sunlit.Ledger.read_csv(GOLDEN, progress=lambda done, size: seen.append((done, size)))
    size = GOLDEN.stat().st_size
    assert len(ledger) == 10
    assert seen[0] == (0, size) and seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    bar = FakeBar()
    sunlit.Ledger.read_csv(GOLDEN, progress=bar)
    assert (bar.total, bar.n) == (size, size)
    # a quoted field sends the load to the strict reader, which starts again from byte 0
    quoted = tmp_path / "quoted.csv"
    quoted.write_text(GOLDEN.read_text(encoding="utf-8").replace(",basic,", ',"basic",', 1), encoding="utf-8")
    bar = FakeBar()
    assert len(sunlit.Ledger.read_csv(quoted, progress=bar)) == 10
    assert bar.n == quoted.stat().st_size


def test_a_failing_progress_callback_raises_after_the_load():
    def boom(done, size):
        raise KeyError("stop")

    with pytest.raises(KeyError):
        sunlit.Ledger.read_csv(GOLDEN, progress=boom)
    with pytest.raises(TypeError):
        sunlit.Ledger.read_csv(GOLDEN, progress=42)
