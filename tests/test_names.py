"""`package` checks the column names that the statements and the site's code write down against the models, so
that a renamed column fails there, with the file, the line and the name, not deep in a later step."""

import subprocess
import sys

from conftest import copy_project

from scripts import names
from scripts.cli import SITE_CODE
from scripts.layout import Layout


def test_every_name_the_statements_and_the_site_use_is_declared():
    assert names.check(Layout(), SITE_CODE) == []


def test_a_renamed_column_fails_at_package_naming_each_place(tmp_path):
    """Seeded: a column renamed in its model and its CSV only (the copy's own code runs, in a child process)."""
    layout = copy_project(tmp_path)
    model = layout.root / "schemas" / "reference.py"
    text = model.read_text(encoding="utf-8")
    label = next(line for line in text.splitlines() if "label_column=" in line and "qualified" in line)
    old = label.split('"')[1]
    new = old.replace("qualified", "full")
    model.write_text(text.replace(old, new), encoding="utf-8")  # the model, consistently
    csv = layout.csv("regions")
    csv.write_text(csv.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")  # and its header
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "package"], cwd=layout.root, capture_output=True, text=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    out = result.stdout.splitlines()
    used_in_site = [
        f"{path.relative_to(SITE_CODE.parent.parent)}:{n}"
        for path in sorted(SITE_CODE.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if f'["{old}"]' in line
    ]
    assert used_in_site, "the seeded rename must touch the site's code"
    for place in used_in_site:
        assert any(line.startswith(place) and f"value {old!r}" in line for line in out), (place, out)
    assert any(line.startswith("schemas/statements.toml:") and f"no such column: r.{old}" in line for line in out)
    assert not (layout.root / "datapackage.json").read_text(encoding="utf-8").count(new)  # nothing written
