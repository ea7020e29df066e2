"""What a change costs, measured the way a maintainer pays it: four changes made together in one copy of the
project, each touching only the files the guide names, and then the whole quick suite run in that copy.

- a new code value: `schemas/codes.py`, plus the data row that uses it;
- a new column: its model file, plus the CSV;
- a new citing table: its model file, its line in `RESOURCES` (`schemas/__init__.py`), plus its CSV;
- a new source: `source add`, plus its rows.

Then a renamed column: `package` stops, naming each file and line that still uses the old name; renaming it
there (and in the model and the CSV) is all it takes for the quick suite to pass again.
"""

import csv
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project

from schemas import BY_NAME
from schemas.reference import NO_PUBLIC_COPY

pytestmark = pytest.mark.slow


class Copy:
    """A copy of the project and of the archived sources, with a record of every file edited by hand."""

    def __init__(self, tmp_path: Path, sources: Path):
        self.root = copy_project(tmp_path / "project").root
        self.sources = tmp_path / "sources"
        shutil.copytree(sources, self.sources)
        self.edited: dict[str, set[str]] = {}

    def run(self, *argv: str, ok: bool = True) -> subprocess.CompletedProcess:
        env = {**os.environ, "TAIHANG_SOURCES": str(self.sources)}
        result = subprocess.run(argv, cwd=self.root, capture_output=True, text=True, env=env)
        assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
        assert (result.returncode == 0) == ok, result.stdout[-3000:] + result.stderr[-3000:]
        return result

    def cli(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
        return self.run(sys.executable, "-m", "scripts", *args, ok=ok)

    def edit(self, change: str, path: str, old: str, new: str, count: int = 1) -> None:
        """Replace old by new in one file of the copy (count times, or everywhere with 0)."""
        file = self.root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new) if count == 0 else text.replace(old, new, count), encoding="utf-8")
        self.edited.setdefault(change, set()).add(path)

    def append(self, change: str, path: str, text: str) -> None:
        with (self.root / path).open("a", encoding="utf-8") as fh:
            fh.write(text)
        self.edited.setdefault(change, set()).add(path)

    def rows(self, change: str, resource: str, new: list[dict[str, str]]) -> None:
        """Rows added to a table's CSV (created with the model's header if it is new), by column name."""
        path = self.root / "data" / f"{resource}.csv"
        columns = BY_NAME[resource].columns() if resource in BY_NAME else list(new[0])
        exists = path.exists()
        with path.open("a", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, columns, lineterminator="\n")
            if not exists:
                writer.writeheader()
            writer.writerows(new)
        self.edited.setdefault(change, set()).add(f"data/{resource}.csv")

    def add_column(self, change: str, resource: str, after: str, name: str, values: dict[str, str]) -> None:
        """A column added to a table's CSV after another, with values by the row's first cell."""
        path = self.root / "data" / f"{resource}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            table = list(csv.reader(fh))
        at = table[0].index(after) + 1
        for row in table:
            row.insert(at, name if row is table[0] else values.get(row[0], ""))
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(table)
        self.edited.setdefault(change, set()).add(f"data/{resource}.csv")


# Invented for the test: no real source says this.
TEXT = "某县交通简讯\n来源：某县融媒体中心\n壶关县新修农村道路。\n"  # no number: coverage has nothing to ask
MODEL = """

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


def page(copy: Copy, path: str) -> str:
    return (copy.root / "site" / path / "index.html").read_text(encoding="utf-8")


def shown(copy: Copy) -> None:
    """Each change reaches the outputs: the code's labels on the site, the column in the dictionary and the
    database, the new table on its source's page; and verify checks the new table's rows against their lines."""
    codes = (copy.root / "data/codes.csv").read_text(encoding="utf-8")
    assert "project_category,telecom,电信通信,telecommunications" in codes
    assert "电信通信" in page(copy, "measures/jinzhengfa-2021-36-03")
    assert "telecommunications" in page(copy, "en/measures/jinzhengfa-2021-36-03")
    assert "`population`" in (copy.root / "docs/data/dictionary.md").read_text(encoding="utf-8")
    with sqlite3.connect(copy.root / "build/taihang.db") as db:
        assert db.execute("SELECT population FROM regions WHERE code = '140427'").fetchone() == (285000,)
    assert "提及" in page(copy, "sources/hsx-2022-changzhi-aid")
    path = copy.root / "data/mentions.csv"
    good = path.read_text(encoding="utf-8")
    path.write_text(
        good.replace("pingshun-1994,140425,hsx-2022-changzhi-aid,16", "pingshun-1994,140425,hsx-2022-changzhi-aid,22"),
        encoding="utf-8",
    )
    copy.cli("package")
    failed = copy.cli("verify", ok=False).stdout
    assert "data/mentions.csv:2:4: column 'locator': value '22': expected a line that contains" in failed
    path.write_text(good, encoding="utf-8")
    copy.cli("build")


def quick_suite(copy: Copy) -> None:
    copy.run(sys.executable, "-m", "pytest", "-m", "not slow", "-n", "2", "-q", "-p", "no:cacheprovider")


def _searched_in(copy: "Copy") -> set[str]:
    """Where the searches already recorded looked (a rendered line the new row can reuse)."""
    with (copy.root / "data" / "address_searches.csv").open(encoding="utf-8") as fh:
        return {row["searched_in"] for row in csv.DictReader(fh)}


def test_four_changes_together_and_a_rename_cost_what_the_guide_says(tmp_path, sources_dir):
    copy = Copy(tmp_path, sources_dir)

    copy.edit(
        "code value",
        "schemas/codes.py",
        '    ("urban", "城镇", "towns and cities"),',
        '    ("urban", "城镇", "towns and cities"),\n    ("telecom", "电信通信", "telecommunications"),',
    )
    copy.edit("code value", "data/projects.csv", "北斗系统信号增强站,digital,", "北斗系统信号增强站,telecom,")

    copy.edit(
        "column",
        "schemas/reference.py",
        '    parent_code: RegionRef | None = column("上级区划代码", "Code of the parent division.")',
        '    parent_code: RegionRef | None = column("上级区划代码", "Code of the parent division.")\n'
        '    population: Integer | None = column("常住人口", "Resident population.", unit="person", ge=0)',
    )
    copy.add_column("column", "regions", "parent_code", "population", {"140427": "285000"})

    copy.append("citing table", "schemas/history.py", MODEL)
    copy.edit(
        "citing table",
        "schemas/__init__.py",
        "from .history import AidAssignment,",
        "from .history import Mention, AidAssignment,",
    )
    copy.edit("citing table", "schemas/__init__.py", "    Event,\n", "    Event,\n    Mention,\n")
    copy.rows(
        "citing table",
        "mentions",
        [{"id": "pingshun-1994", "region_code": "140425", "source_id": "hsx-2022-changzhi-aid", "locator": "16"}],
    )

    notes = f"{NO_PUBLIC_COPY}: made up for a test."
    publisher = {"id": "experiment-county-media", "name_zh": "某县融媒体中心", "name_en": "County media centre"}
    publisher |= {"level": "county", "kind": "media", "source_id": "experiment-2024-county-notice", "locator": "2"}
    copy.rows("source", "organizations", [publisher])
    copy.rows("source", "translations", [{"text_en": notes, "text_zh": "未找到公开副本：为测试编造。"}])
    incoming = tmp_path / "county-roads.txt"
    incoming.write_text(TEXT, encoding="utf-8")
    copy.cli(
        "source", "add", str(incoming), "--id", "experiment-2024-county-notice", "--sources", str(copy.sources),
        "--publisher-zh", "某县融媒体中心", "--publisher-en", "County media centre", "--publisher-id", publisher["id"],
        "--title-zh", "某县交通简讯", "--title-en", "County transport brief (made up)", "--kind", "news",
        "--date", "2024-03-05", "--url-checked", "2024-03-06", "--notes", notes,
    )  # fmt: skip
    copy.rows(
        "source",
        "mentions",
        [{"id": "huguan-2024", "region_code": "140427", "source_id": "experiment-2024-county-notice", "locator": "3"}],
    )
    searched = {"id": "experiment-copy-2024-03-06", "source_id": "experiment-2024-county-notice"}
    searched |= {"searched_on": "2024-03-06", "queries": "某县交通简讯", "result": "none_found"}
    copy.rows("source", "address_searches", [searched | {"searched_in": min(_searched_in(copy))}])

    copy.cli("build")
    for step in ("verify", "coverage"):
        copy.cli(step)
    shown(copy)
    quick_suite(copy)
    assert copy.edited == {
        "code value": {"schemas/codes.py", "data/projects.csv"},
        "column": {"schemas/reference.py", "data/regions.csv"},
        "citing table": {"schemas/history.py", "schemas/__init__.py", "data/mentions.csv"},
        # its publisher, the rendering of its notes, a row citing it, and (no public copy) the search that found
        # none; `source add` wrote its own row
        "source": {"data/organizations.csv", "data/translations.csv", "data/mentions.csv", "data/address_searches.csv"},
    }

    # A rename: the model and the CSV, then `package` names every other place, and those are all it takes.
    old, new = "action_zh", "action_words_zh"
    copy.edit("rename", "schemas/policy.py", f"    {old}:", f"    {new}:")
    copy.edit("rename", "data/projects.csv", f",{old},", f",{new},")
    stopped = copy.cli("package", ok=False).stdout
    problems = [line for line in stopped.splitlines() if re.match(r"[\w/.]+:\d+", line)]
    named = sorted({line.split(":")[0] for line in problems if old in line})  # file, line and the old name
    assert named and {line.split(":")[0] for line in problems} == set(named), stopped  # knock-ons stay in them
    for path in named:
        copy.edit("rename", path, old, new, count=0)
    copy.cli("build")
    quick_suite(copy)
    assert copy.edited["rename"] == {"schemas/policy.py", "data/projects.csv", *named}
