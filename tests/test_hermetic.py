"""The suite is hermetic: it builds in temporary folders, and a run that writes into the checkout fails."""

import shutil
import subprocess
import sys
import textwrap

from scripts.layout import ROOT


def test_a_test_that_writes_into_the_checkout_fails_the_run(tmp_path):
    """Seeded defect: in a throwaway git checkout with this conftest, a test writes a file; the run fails."""
    repo = tmp_path / "repo"
    (repo / "tests").mkdir(parents=True)
    (repo / "tests" / "conftest.py").write_text(
        (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8").replace("ROOT)", "REPO)")
        + "\nREPO = __import__('pathlib').Path(__file__).parent.parent\n",
        encoding="utf-8",
    )
    shutil.copy(ROOT / "tests" / "defects.py", repo / "tests")  # what the conftest imports
    (repo / "tests" / "test_writes.py").write_text(
        textwrap.dedent(
            """
            from pathlib import Path

            def test_writes():
                (Path(__file__).parent.parent / "stray.txt").write_text("x")
            """
        ),
        encoding="utf-8",
    )
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *command], cwd=repo, check=True)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 passed" in result.stdout and "?? stray.txt" in result.stdout


def test_a_project_copy_leaves_out_every_environment(tmp_path):
    """Seeded: a checkout holding .venv and .venv-3.13 (2 GB each on CI) is copied without either."""
    from tests.conftest import _not_copied

    names = [".venv", ".venv-3.13", ".git", "build", "data", "schemas", ".pytest_cache"]
    assert set(names) - _not_copied(str(ROOT), names) == {"data", "schemas"}
    assert _not_copied(str(ROOT / "scripts"), ["site", "cli.py"]) == set()  # scripts/site/ is code
