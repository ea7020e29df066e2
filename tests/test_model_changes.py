"""The model is the whole source of truth: a new code value, a new column and a new citing table each take
one model change plus data, and the build, the site and the verifier handle them with no traceback.

Each test copies the project into a temporary folder, changes a model there, adds data, and runs the CLI
in that copy as a maintainer would (`package`, `build`, `verify`), so the checkout is never touched.
"""

import csv
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project

pytestmark = pytest.mark.slow


def _run(root: Path, sources: Path, *args: str) -> str:
    """Run a CLI command in the copy; it must succeed without a traceback. Returns its output."""
    result = subprocess.run(
        [sys.executable, "-m", "scripts", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "TAIHANG_SOURCES": str(sources)},
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 0, output
    return output


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _build_and_verify(root: Path, sources: Path) -> None:
    _run(root, sources, "build")
    _run(root, sources, "validate")
    _run(root, sources, "verify")
    _run(root, sources, "coverage")


def _page(root: Path, path: str) -> str:
    return (root / "site" / path / "index.html").read_text(encoding="utf-8")


def test_a_new_code_value(tmp_path, sources_dir):
    """One line in schemas/codes.py, and a row that uses it: the site shows its labels, not the code."""
    root = copy_project(tmp_path).root
    _edit(
        root / "schemas/codes.py",
        '    ("urban", "城镇", "towns and cities"),',
        '    ("urban", "城镇", "towns and cities"),\n    ("telecom", "电信通信", "telecommunications"),',
    )
    _edit(root / "data/projects.csv", "北斗系统信号增强站,digital,", "北斗系统信号增强站,telecom,")
    _build_and_verify(root, sources_dir)
    codes = (root / "data/codes.csv").read_text(encoding="utf-8")
    assert "project_category,telecom,电信通信,telecommunications" in codes
    assert "电信通信" in _page(root, "measures/jinzhengfa-2021-36-03")
    assert "telecommunications" in _page(root, "en/measures/jinzhengfa-2021-36-03")


def test_a_new_column(tmp_path, sources_dir):
    """regions.population: one field on the model, a column in the CSV; the package, database and
    dictionary carry it."""
    root = copy_project(tmp_path).root
    _edit(
        root / "schemas/reference.py",
        '    parent_code: RegionRef | None = column("上级区划代码", "Code of the parent division.")',
        '    parent_code: RegionRef | None = column("上级区划代码", "Code of the parent division.")\n'
        '    population: Integer | None = column("常住人口", "Resident population.", unit="person", ge=0)',
    )
    path = root / "data/regions.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    for row in rows:
        row.insert(7, "population" if row[0] == "code" else "285000" if row[0] == "140427" else "")
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    _build_and_verify(root, sources_dir)
    assert "`population`" in (root / "docs/data/dictionary.md").read_text(encoding="utf-8")
    with sqlite3.connect(root / "build/taihang.db") as db:
        assert db.execute("SELECT population FROM regions WHERE code = '140427'").fetchone() == (285000,)


def test_a_new_citing_table(tmp_path, sources_dir):
    """A model with a Citation, listed in RESOURCES, and its CSV: verify checks its rows against their
    lines, and the source's page lists them."""
    root = copy_project(tmp_path).root
    model = """

class Mention(Table):
    meta = Meta(
        resource="mentions",
        title_zh="提及",
        title_en="Mentions",
        description_zh="来源提到某县的行。",
        description_en="Lines of a source that name a county.",
        primary_key=("id",),
        cites=Citation(texts=(Cite("region_code"),), label="region_code"),
    )

    id: Slug = column("标识", "Identifier.")
    region_code: RegionRef = column("区划代码", "Region named.")
    source_id: SourceId
    locator: Locator
"""
    path = root / "schemas/history.py"
    path.write_text(path.read_text(encoding="utf-8") + model, encoding="utf-8")
    _edit(
        root / "schemas/__init__.py",
        "from .history import AidAssignment,",
        "from .history import Mention, AidAssignment,",
    )
    _edit(root / "schemas/__init__.py", "    Event,\n", "    Event,\n    Mention,\n")
    rows = "id,region_code,source_id,locator\npingshun-1994,140425,hsx-2022-changzhi-aid,16\n"
    (root / "data/mentions.csv").write_text(rows, encoding="utf-8")
    _build_and_verify(root, sources_dir)
    assert "提及" in _page(root, "sources/hsx-2022-changzhi-aid")
    # and the verifier checks the new table: a row citing a line without that county fails
    (root / "data/mentions.csv").write_text(rows.replace(",16\n", ",22\n"), encoding="utf-8")
    _run(root, sources_dir, "package")
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "verify"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "TAIHANG_SOURCES": str(sources_dir)},
    )
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "data/mentions.csv:2:4: column 'locator': value '22': expected a line that contains" in result.stdout
