"""Each bad package is the real package with one defect (tests/defects.py), and validation names it precisely:
the file, the line and column where the defect lands, the value, and what was expected."""

import subprocess
import sys

import pytest
from defects import DEFECTS, Defect, fresh_copy

from scripts.cli import main
from scripts.layout import ROOT


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_fixture_fails_with_its_own_message(tmp_path, name, capsys):
    fresh_copy(tmp_path)
    expected = DEFECTS[name].apply(tmp_path)
    assert main(["--root", str(tmp_path), "validate"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "1 problem(s) found.", lines
    assert lines[0].startswith(expected), lines[0]


def test_the_real_package_is_clean(tmp_path, capsys):
    """The control: the copy the defects are seeded in has no problem of its own."""
    fresh_copy(tmp_path)
    assert main(["--root", str(tmp_path), "validate"]) == 0


def test_bad_input_exits_non_zero_without_a_traceback(tmp_path):
    fresh_copy(tmp_path)
    expected = DEFECTS["gbk_encoding"].apply(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "--root", str(tmp_path), "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.startswith(expected)


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    fresh_copy(tmp_path)
    seeded = [
        DEFECTS["bad_code"],
        DEFECTS["non_numeric"],
        Defect("regions", "no leading or trailing white space", "name_zh", lambda r, rows: r["name_zh"] + " "),
    ]
    expected = [defect.apply(tmp_path) for defect in seeded]
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "--root", str(tmp_path), "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for line in expected:
        assert any(out.startswith(line) for out in lines), (line, lines)
    assert lines[-1] == f"{len(seeded)} problem(s) found."
