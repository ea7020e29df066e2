"""The database holds exactly what the per-row read gave (each row a model instance, each value as SQLite
stores it), though its tables are now read columnar: every table, view and index, compared with a build
from `reader.load`, on the real data and on the benchmark's synthetic package."""

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from benchmark import run as bench
from scripts import columnar, database
from scripts.layout import ROOT, Layout
from scripts.reader import load


def _stored(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def contents(path: Path) -> dict[str, list]:
    """sqlite_master, and the rows of every table (by rowid) and view, each value with its Python type."""
    with sqlite3.connect(path) as conn:
        master = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        found: dict[str, list] = {"sqlite_master": master}
        for kind, name, _, sql in master:
            if kind not in ("table", "view"):
                continue
            order = " ORDER BY rowid" if kind == "table" and "WITHOUT ROWID" not in (sql or "") else ""
            rows = conn.execute(f'SELECT * FROM "{name}"{order}').fetchall()
            found[name] = [tuple((type(v).__name__, v) for v in row) for row in rows]
    return found


def differences(layout: Layout, monkeypatch) -> list[str]:
    """What differs between the database as built and as built from the model instances of `reader.load`."""
    built = contents(database.build(layout))
    dataset = load(layout)
    with monkeypatch.context() as patch:
        rows = lambda _, resource, columns: (  # noqa: E731
            tuple(_stored(getattr(row, c)) for c in columns) for row in dataset.rows(resource["name"])
        )
        patch.setattr(database, "_rows", rows)
        expected = contents(database.build(layout))
    assert len(expected) > 40 and sum(map(len, expected.values())) > 1000  # the comparison covers something
    return [name for name in expected.keys() | built.keys() if expected.get(name) != built.get(name)]


def _real(tmp_path: Path) -> Layout:
    for part in ("data", "plugins"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "datapackage.json", tmp_path)
    return Layout(tmp_path)


def _synthetic(tmp_path: Path) -> Layout:
    layout = bench.generate(tmp_path, 10_000)
    bench.current(layout, columnar.check(layout)[0])
    return layout


@pytest.mark.parametrize("package", [_real, _synthetic])
def test_the_database_is_what_the_per_row_read_gives(tmp_path, monkeypatch, package):
    assert differences(package(tmp_path), monkeypatch) == []


@pytest.mark.parametrize(
    ("kind", "cast", "shows"),
    [("boolean", pl.String, "sources"), ("number", pl.Float32, "observations"), ("date", pl.String, None)],
)
def test_a_value_cast_otherwise_is_found(tmp_path, monkeypatch, kind, cast, shows):
    """Booleans left as text, numbers in single precision: the comparison names the tables. Dates as their
    text are what SQLite stores anyway: no difference."""
    layout = _real(tmp_path)
    monkeypatch.setitem(columnar.TYPES, kind, cast)
    found = differences(layout, monkeypatch)
    assert (shows in found) if shows else found == []
