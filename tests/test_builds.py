"""Builds that cannot corrupt each other (issue 14): one writing command at a time, temporary folders of their
own beside their target, a swap in one step, the next run sweeping up after a killed one, a record of the
package each artifact holds, and one clear line, never a traceback, for whatever stops a command."""

import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_project

from schemas import PACKAGE
from scripts import atomic, cli, lock, manifest
from scripts.cli import main
from scripts.layout import Layout
from scripts.problems import Problem, Stop
from tests.defects import WENSHUI, append_row


def _copy_built(built: Layout, tmp_path: Path) -> Layout:
    """A copy of the built project (with build/, dist/ and site/), to change without touching the session's."""
    shutil.copytree(built.root, tmp_path / "copy", symlinks=True)
    return Layout(tmp_path / "copy")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _temporaries(layout: Layout) -> list[Path]:
    return [p for folder in (layout.root, layout.root / "build") for p in folder.glob(".*.tmp")]


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def _python(layout: Layout, *args: str) -> list[str]:
    return [sys.executable, "-m", "scripts", "--root", str(layout.root), *args]


def test_a_second_writing_command_waits_a_bounded_time_then_stops_with_one_line(tmp_path, capsys):
    layout = copy_project(tmp_path)
    with lock.exclusive(layout, 0):
        started = time.monotonic()
        assert main(["--root", str(tmp_path), "--wait", "0.5", "package"]) == 1
        assert time.monotonic() - started >= 0.5
    line = _one_line(capsys.readouterr().err)
    assert line.startswith(f"Stopped: another command (process {os.getpid()}) is writing in {tmp_path}; waited 0.5 s")
    assert main(["--root", str(tmp_path), "package"]) == 0  # the lock went with its holder


def test_a_reading_command_does_not_wait_for_the_lock(tmp_path):
    layout = copy_project(tmp_path)
    with lock.exclusive(layout, 0):
        assert main(["--root", str(tmp_path), "--wait", "0", "validate"]) == 0


def test_the_next_run_sweeps_up_after_a_killed_one(tmp_path):
    layout = copy_project(tmp_path)
    (tmp_path / ".dist.k1ll3d00.tmp").mkdir()
    (tmp_path / ".dist.k1ll3d00.tmp" / "half.zip").write_bytes(b"PK")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / ".taihang.db.a1b2c3d4.tmp").write_bytes(b"half a database")
    (tmp_path / "data" / ".regions.csv.z9y8x7w6.tmp").write_text("half a table", encoding="utf-8")
    aside = tmp_path / ".site.previous"  # killed between the two renames of the fallback swap: no site/
    aside.mkdir()
    (aside / "index.html").write_text("the last good site", encoding="utf-8")
    (tmp_path / "notes.tmp").write_text("not ours: kept", encoding="utf-8")
    with lock.exclusive(layout, 0):
        pass
    assert _temporaries(layout) == [] and not list((tmp_path / "data").glob(".*.tmp"))
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert not aside.exists() and (tmp_path / "notes.tmp").exists()


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two renames"])
def test_a_folder_is_swapped_in_whole_or_not_at_all(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    target = tmp_path / "dist"
    with atomic.replacing_dir(target) as tmp:  # the first build: no target yet
        assert tmp.parent == tmp_path and tmp.name.startswith(".dist.") and tmp.name.endswith(".tmp")
        (tmp / "a").write_text("first", encoding="utf-8")
    assert _files(target) == {"a": b"first"}
    with atomic.replacing_dir(target) as tmp:
        (tmp / "b").write_text("second", encoding="utf-8")
    assert _files(target) == {"b": b"second"}
    with pytest.raises(RuntimeError), atomic.replacing_dir(target) as tmp:
        (tmp / "c").write_text("never", encoding="utf-8")
        raise RuntimeError("injected")
    assert _files(target) == {"b": b"second"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_the_exchange_is_one_step_on_this_system(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "from_a").touch()
    if not atomic._exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here; the fallback is tested above")
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["from_a"]


def test_a_frictionless_failure_does_not_rewrite_the_descriptor(tmp_path, monkeypatch, capsys):
    layout = copy_project(tmp_path)
    before = layout.descriptor.read_bytes()
    append_row(layout.csv("regions"), WENSHUI)
    checked: list[bytes | None] = []

    def failing(layout, descriptor=None):
        checked.append(descriptor)
        return [Problem("datapackage.json", 0, 0, "", None, "no Frictionless error: injected")]

    monkeypatch.setattr(cli, "check_frictionless", failing)
    assert main(["--root", str(tmp_path), "package"]) == 1
    assert checked and checked[0] is not None and checked[0] != before  # the new descriptor was checked...
    assert layout.descriptor.read_bytes() == before  # ...and not written
    assert "datapackage.json is unchanged" in capsys.readouterr().err


def test_a_full_disk_ends_in_one_line_and_keeps_the_last_database(tmp_path, built, monkeypatch, capsys):
    layout = _copy_built(built, tmp_path)
    before = layout.database.read_bytes()

    def full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    monkeypatch.setattr(atomic.os, "replace", full)
    assert main(["--root", str(layout.root), "database"]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line == (
        f"Stopped in database: No space left on device: {layout.database}; the last good outputs are left in place "
        "(--debug shows the traceback)."
    )
    assert layout.database.read_bytes() == before and _temporaries(layout) == []


def test_a_file_size_limit_ends_in_one_line_and_keeps_the_last_release(tmp_path, built):
    layout = _copy_built(built, tmp_path)
    before = _files(layout.dist)
    command = " ".join(map(repr, _python(layout, "release")))
    result = subprocess.run(["sh", "-c", f"ulimit -f 200 && exec {command}"], capture_output=True, text=True)
    assert result.returncode == 1
    assert _one_line(result.stderr).startswith("Stopped in release: File too large")
    assert _files(layout.dist) == before and _temporaries(layout) == []


def test_a_read_only_folder_ends_in_one_line_and_keeps_the_last_site(tmp_path, built, monkeypatch, capsys):
    layout = _copy_built(built, tmp_path)
    before = (layout.site / "index.html").read_bytes()

    def refused(dir, prefix, suffix):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), dir)

    monkeypatch.setattr(atomic.tempfile, "mkdtemp", refused)
    assert main(["--root", str(layout.root), "site"]) == 1
    assert _one_line(capsys.readouterr().err).startswith(f"Stopped in site: Permission denied: {layout.root}")
    assert (layout.site / "index.html").read_bytes() == before


def test_an_unexpected_error_is_one_line_and_debug_shows_its_traceback(tmp_path, monkeypatch, capsys):
    copy_project(tmp_path)

    def broken(layout):
        raise RuntimeError("injected defect\nwith a second line")

    monkeypatch.setattr(cli.columnar, "check", broken)  # what validate reads the data with
    assert main(["--root", str(tmp_path), "validate"]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("Stopped in validate: RuntimeError: injected defect at tests/test_builds.py:")
    assert line.endswith(
        ' (raise RuntimeError("injected defect\\nwith a second line")); nothing was written '
        "(--debug shows the traceback)."
    )
    for argv in (["--debug", "validate"], ["validate", "--debug"]):  # before or after the command
        assert main(["--root", str(tmp_path), *argv]) == 1
        assert "Traceback" in capsys.readouterr().err


def test_an_unexpected_error_in_a_build_names_its_step_and_the_line_of_code(tmp_path, monkeypatch, capsys):
    """As a column renamed in a model but not in the site's code would: the row has no such key."""
    from scripts.site import publish

    copy_project(tmp_path)

    def renamed(layout):
        row: dict[str, str] = {}
        return row["name_en"]

    monkeypatch.setattr(publish, "build", renamed)
    assert main(["--root", str(tmp_path), "build"]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("Stopped in site: KeyError: 'name_en' at tests/test_builds.py:"), line
    assert line.endswith(
        ' (return row["name_en"]); the last good outputs are left in place (--debug shows the traceback).'
    ), line


def test_each_artifact_records_its_package_and_serve_refuses_a_mixed_set(tmp_path, built, capsys):
    layout = _copy_built(built, tmp_path)
    manifest.check(layout)  # one build: all three hold the package
    old = manifest.package_of(layout)["package"][:12]
    append_row(layout.csv("regions"), WENSHUI)
    assert main(["--root", str(layout.root), "package"]) == 0
    assert main(["--root", str(layout.root), "database"]) == 0  # then the release step is not run
    new = manifest.package_of(layout)["package"][:12]
    capsys.readouterr()
    assert main(["--root", str(layout.root), "serve", "--port", "0", "--datasette-port", "0"]) == 1
    line = _one_line(capsys.readouterr().err)
    version = PACKAGE["version"]
    assert f"datapackage.json is {version} ({new})" in line and f"build/taihang.db holds {version} ({new})" in line
    assert f"dist holds {version} ({old}); site holds {version} ({old})" in line


def test_an_artifact_changed_after_it_was_recorded_is_refused(tmp_path, built):
    layout = _copy_built(built, tmp_path)
    (layout.site / "index.html").write_text("changed by hand", encoding="utf-8")
    with pytest.raises(Stop, match=re.escape("site is not recorded in build/manifest.json")):
        manifest.check(layout)
    json.loads(layout.manifest.read_text(encoding="utf-8"))  # the record itself is intact
    layout.manifest.unlink()
    with pytest.raises(Stop, match=re.escape("build/taihang.db is not recorded")):
        manifest.check(layout)


@pytest.mark.slow
def test_two_builds_started_together_both_finish_and_leave_one_whole_site(tmp_path, built):
    layout = copy_project(tmp_path)
    first = subprocess.Popen(_python(layout, "build"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    second = subprocess.Popen(_python(layout, "build"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for process in (first, second):
        assert process.wait(timeout=300) == 0, process.stderr.read() if process.stderr else ""
    assert sorted(_files(layout.site)) == sorted(_files(built.site))
    manifest.check(layout)
    assert _temporaries(layout) == []


@pytest.mark.slow
def test_a_build_killed_at_any_point_leaves_whole_outputs_and_the_next_one_cleans_up(tmp_path, built):
    layout = copy_project(tmp_path)
    assert subprocess.run(_python(layout, "build"), capture_output=True).returncode == 0
    for delay in (1, 3.5, 6):
        process = subprocess.Popen(_python(layout, "build"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert (layout.site / "index.html").exists() and layout.database.exists()
        assert sorted(p.name for p in layout.dist.iterdir()) == sorted(p.name for p in built.dist.iterdir())
    assert subprocess.run(_python(layout, "build"), capture_output=True).returncode == 0
    manifest.check(layout)
    assert _temporaries(layout) == []
    assert sorted(_files(layout.site)) == sorted(_files(built.site))
