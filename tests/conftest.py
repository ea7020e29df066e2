"""Shared fixtures: the project layout, its tables, and the archived sources (skipped when absent)."""

import csv
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from defects import fresh_copy, read_rows, write_rows

from scripts.layout import ROOT, Layout

STATUS_BEFORE = pytest.StashKey[str | None]()


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
        def change(_: int, row: dict[str, str]) -> None:
            if next(iter(row.values())) == key:
                row.update(changes(row) if callable(changes) else changes)

        rewrite(path, change)

    return edit


@pytest.fixture(scope="session")
def drop_row():
    """Remove the rows of a CSV file whose first column holds a key."""

    def drop(path: Path, key: str) -> None:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if not line.startswith(key + ",")), "utf-8")

    return drop


@pytest.fixture
def data_copy(tmp_path) -> Layout:
    """A copy of data/ and checks/ in a temporary folder, to seed a defect in."""
    return fresh_copy(tmp_path)


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The archived sources: TAIHANG_SOURCES, or ../shared/sources beside the project."""
    path = Path(os.environ.get("TAIHANG_SOURCES", ROOT.parent / "shared" / "sources"))
    if not path.is_dir():
        pytest.skip(f"archived sources not found at {path}; set TAIHANG_SOURCES to the folder to run this test")
    return path


# What a copy of the project leaves out: version control, the environments (.venv, .venv-3.13, ...), build
# outputs (at the top level only: scripts/site/ is code) and caches anywhere. An environment copied into every
# temporary project filled the CI machine's disk (2 GB a copy).
TOP_LEVEL_NOT_COPIED = shutil.ignore_patterns(".git", ".venv*", "node_modules", "build", "dist", "site")
CACHES = shutil.ignore_patterns(".*_cache", "__pycache__", "*.tmp", ".hypothesis")


def _not_copied(folder: str, names: list[str]) -> set[str]:
    top = TOP_LEVEL_NOT_COPIED(folder, names) if Path(folder) == ROOT else set()
    return top | CACHES(folder, names)


def copy_project(target: Path) -> Layout:
    """A copy of the project's inputs in target, to build in without touching the checkout."""
    shutil.copytree(ROOT, target, ignore=_not_copied, dirs_exist_ok=True)
    return Layout(target)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Layout:
    """The whole build (package, database, release, site) of a copy of the project, once per test session.

    It runs in a temporary folder, so the suite never writes into the checkout, and the checked-in
    generated files are compared with what the build writes (test_package) rather than overwritten."""
    from scripts.cli import main

    copy = copy_project(tmp_path_factory.mktemp("built"))
    assert main(["--root", str(copy.root), "build"]) == 0
    return copy


def git_status(root: Path) -> str | None:
    """`git status --porcelain` of a checkout, or None where git or the checkout is not there."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"], cwd=root, capture_output=True, text=True
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def pytest_sessionstart(session):
    session.config.stash[STATUS_BEFORE] = git_status(ROOT)


def pytest_sessionfinish(session, exitstatus):
    """The suite must leave the checkout as it found it: a test that writes into it fails the run."""
    before, after = session.config.stash.get(STATUS_BEFORE, None), git_status(ROOT)
    if before is not None and after is not None and after != before:
        changed = sorted(set(after.splitlines()) ^ set(before.splitlines()))
        print("\nThe test run changed the checkout (tests must write only into temporary folders):")
        print("\n".join(f"  {line}" for line in changed))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def rewrite(path: Path, change: Callable[[int, dict[str, str]], None]) -> None:
    """Rewrite a CSV file after `change(index, row)` has changed its rows in place."""
    fields, rows = read_rows(path)
    for i, row in enumerate(rows):
        change(i, row)
    write_rows(path, fields, rows)
