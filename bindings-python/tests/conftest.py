import csv
import datetime
import json
import pathlib

import pytest

DATA = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data"
HOLIDAYS = pathlib.Path(__file__).resolve().parents[2] / "core" / "data" / "holidays-cn"


def read_table(relative: str, delimiter: str = ","):
    with open(DATA / relative, encoding="utf-8", newline="") as f:
        quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
        return list(csv.DictReader(f, delimiter=delimiter, quoting=quoting))


def read_json(relative: str):
    with open(DATA / relative, encoding="utf-8") as f:
        return json.load(f)


def day(text):
    """An ISO date, or None."""
    return None if text is None else datetime.date.fromisoformat(text)


@pytest.fixture
def data():
    return DATA
