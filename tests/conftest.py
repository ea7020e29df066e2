"""Shared fixtures: the project layout, its tables, and the archived sources (skipped when absent)."""

import csv
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.layout import ROOT, Layout


@pytest.fixture(scope="session")
def layout() -> Layout:
    return Layout()


@pytest.fixture(scope="session")
def table(layout):
    """Read a resource of the project as a list of dicts."""

    def read(resource: str) -> list[dict[str, str]]:
        with layout.csv(resource).open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    return read


@pytest.fixture(scope="session")
def edit_row():
    """Change cells of the row of a CSV file whose first column holds a key: `changes` is a dict of new
    values, or a function from the row to one."""

    def edit(path: Path, key: str, changes: dict[str, str] | Callable[[dict[str, str]], dict[str, str]]) -> None:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            fields, rows = list(reader.fieldnames or []), list(reader)
        for row in rows:
            if row[fields[0]] == key:
                row.update(changes(row) if callable(changes) else changes)
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    return edit


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The archived sources: TAIHANG_SOURCES, or ../shared/sources beside the project."""
    path = Path(os.environ.get("TAIHANG_SOURCES", ROOT.parent / "shared" / "sources"))
    if not path.is_dir():
        pytest.skip(f"archived sources not found at {path}; set TAIHANG_SOURCES to the folder to run this test")
    return path


@pytest.fixture(scope="session")
def built(layout) -> Layout:
    """The whole build (package, database, site), run once per test session so tests see fresh outputs."""
    from scripts.cli import main

    assert main(["build"]) == 0
    return layout
