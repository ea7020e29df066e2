"""The package as other tools read it: the npm datapackage library reads every table with the declared
CSV dialect (without it, it guessed "." and " " as delimiters for two tables)."""

import json
import shutil
import subprocess

import pytest

from scripts import reader
from scripts.layout import ROOT, Layout

READER = ROOT / "tests" / "clients" / "read_package.js"
LIBRARY = ROOT / "node_modules" / "datapackage"

pytestmark = pytest.mark.skipif(
    not (LIBRARY.exists() and shutil.which("node")), reason="the npm datapackage library is not installed (npm ci)"
)


def _read_with_node(descriptor) -> dict:
    result = subprocess.run(["node", str(READER), str(descriptor)], capture_output=True, text=True, timeout=120)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_npm_datapackage_library_reads_every_table(layout):
    dataset = reader.read(layout)[0]
    expected = {m.meta.resource: [len(dataset.rows(m.meta.resource)), len(m.columns())] for m in dataset.models()}
    assert _read_with_node(layout.descriptor) == expected


def test_without_a_declared_dialect_the_library_misreads_a_table(tmp_path):
    """Seeded defect: the same package without its dialects; the library guesses and a table comes out wrong."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("dialect", None)
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    read = _read_with_node(tmp_path / "datapackage.json")
    columns = {m.meta.resource: len(m.columns()) for m in reader.present(Layout(tmp_path))}
    assert "errors" in read or any(read[name][1] != columns[name] for name in columns)
