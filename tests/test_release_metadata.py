"""The version is stated once, in schemas/package.py; the citation, changelog and README agree with it."""

import re

from schemas import PACKAGE
from scripts.layout import ROOT


def test_citation_matches_the_package():
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{PACKAGE["version"]}"' in text
    assert f'date-released: "{PACKAGE["created"][:10]}"' in text
    assert "type: dataset" in text


def test_changelog_leads_with_this_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first = re.search(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, re.M)
    assert first and first.groups() == (PACKAGE["version"], PACKAGE["created"][:10])


def test_readme_cites_this_version():
    assert f"version {PACKAGE['version']}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_row_counts_match_the_data(layout):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = {name: int(rows) for name, rows in re.findall(r"^\| `(\w+)` \| (\d+) \|", text, re.M)}
    from scripts.reader import present

    actual = {}
    for model in present(layout):
        with layout.csv(model.meta.resource).open(encoding="utf-8") as fh:
            actual[model.meta.resource] = sum(1 for _ in fh) - 1
    assert stated == actual
