import csv
import pathlib

import pytest

DATA = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data"


def read_table(relative: str, delimiter: str = ","):
    with open(DATA / relative, encoding="utf-8", newline="") as f:
        quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
        return list(csv.DictReader(f, delimiter=delimiter, quoting=quoting))


@pytest.fixture
def data():
    return DATA
