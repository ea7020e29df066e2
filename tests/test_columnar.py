"""The columnar validator gives exactly the problems of the streaming reader: on every fixture, on the data as
published, and on a copy of the data with one defect of each kind a check finds. Each check of the columnar
path is needed: with one of them taken out, some case gives other problems (seeded defects of the engine)."""

import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from defects import DEFECTS, fresh_copy

from scripts import across, columnar, expressions, reader
from scripts.layout import ROOT, Layout
from scripts.problems import report

# Files a columnar parser cannot locate problems in: the package goes to the streaming reader.
STREAMED = {
    "bom",
    "cr_line_ends",
    "duplicate_header_column",
    "empty_file",
    "extra_column",
    "gbk_encoding",
    "missing_column",
    "unterminated_quote",
    "zip_file",
}
# (resource, key of the row, column, bad value): one defect of each kind, seeded into a copy of data/.
SEEDED = {
    "white space": ("regions", "140427", "name_zh", " 壶关县"),
    "pattern": ("observations", "acftu-donated-digital-village-system", "region_code", "14042"),
    "required": ("observations", "acftu-donated-digital-village-system", "figure_text", ""),
    "code": ("observations", "acftu-donated-digital-village-system", "qualifier", "roughly"),
    "number": ("observations", "acftu-donated-digital-village-system", "value", "1,000"),
    "integer bound": ("observations", "acftu-donated-digital-village-system", "locator", "0"),
    "date": ("observations", "acftu-donated-digital-village-system", "as_of", "2021-02-29"),
    "control character": ("observations", "acftu-donated-digital-village-system", "note", "a\x07b"),
    "range": ("observations", "acftu-donated-digital-village-system", "value_max", "9"),
    "foreign key": ("observations", "acftu-donated-digital-village-system", "metric_id", "no-such-metric"),
    "at most": ("observations", "acftu-donated-digital-village-system", "locator", "999999"),
    "equals": ("observations", "acftu-donated-digital-village-system", "unit", "tonne"),
    "duplicate key": ("metrics", "afforestation-area", "id", "abandoned-mines-restored"),
    "paired with": ("observations", "acftu-donated-digital-village-system", "organization_id", "wuhan-university"),
    "identity": ("observations", "acftu-donated-digital-village-system", "value", "1900000"),  # on a copy
    "distinct": ("metrics", "afforestation-area", "name_en", "Abandoned open-pit mines restored"),
    "cycle": ("organizations", "acftu", "successor_id", "acftu"),
}


def _seeded(tmp_path: Path, name: str, edit_row) -> Layout:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    layout = Layout(tmp_path)
    resource, key, column, value = SEEDED[name]
    if name == "identity":  # a second row stating another figure of the same thing
        path = layout.csv(resource)
        row = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(key + ","))
        with path.open("a", encoding="utf-8") as fh:
            fh.write(row.replace(key + ",", "copy-" + key + ",", 1) + "\n")
        key = "copy-" + key
    edit_row(layout.csv(resource), key, {column: value})
    return layout


def _both(layout: Layout) -> tuple[str, str | None]:
    """The report of the streaming reader and of the columnar one (None when it hands the package over)."""
    found = columnar.columnar_read(layout)
    return report(reader.read(layout)[1]), None if found is None else report(found[1])


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_every_fixture_gives_the_same_problems_both_ways(tmp_path, name):
    layout = fresh_copy(tmp_path)
    DEFECTS[name].apply(tmp_path)
    streamed, columns = _both(layout)
    if name in STREAMED:
        assert columns is None  # and validate reports what the streaming reader finds
    else:
        assert columns == streamed


def test_the_data_as_published_is_read_columnar_and_clean(layout):
    assert _both(layout) == ("No problems found.", "No problems found.")


@pytest.mark.parametrize("name", sorted(SEEDED))
def test_each_kind_of_defect_gives_the_same_problems_both_ways(tmp_path, edit_row, name):
    streamed, columns = _both(_seeded(tmp_path, name, edit_row))
    assert "No problems found." not in streamed  # the seeded defect is one
    assert columns == streamed


def test_a_quoted_cell_with_a_line_break_keeps_the_lines_of_the_rows_after_it(tmp_path, edit_row):
    layout = _seeded(tmp_path, "range", edit_row)
    edit_row(layout.csv("observations"), "acftu-donated-digital-village-system", {"note": "two\nlines, quoted"})
    streamed, columns = _both(layout)
    assert columns == streamed


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("140427,壶关县\n", "a short line"),
        ("\n", "a blank line"),
        ('140427,"壶关"县,壶关县,Huguan County,county,县,140400,\n', "text after a closing quote"),
        ('140427,壶"关县,壶关县,Huguan County,county,县,140400,\n', "a quote inside a cell"),
    ],
)
def test_a_line_polars_would_read_otherwise_goes_to_the_streaming_reader(tmp_path, text, why):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    layout = Layout(tmp_path)
    with layout.csv("regions").open("a", encoding="utf-8") as fh:
        fh.write(text)
    assert columnar.columnar_read(layout) is None, why


SPEC = expressions._spec
# Each check of the columnar path, taken out: the seeded defect it finds is no longer reported the same way.
ABLATIONS = {
    "white space": (expressions, "EDGE_SPACE", "^$nothing"),
    "pattern": (expressions, "_declared", lambda spec, cell: pl.lit(False)),
    "control character": (expressions, "_validator", lambda func: lambda cell: pl.lit(False)),
    "required": (expressions, "_spec", lambda model, name: (SPEC(model, name)[0], False)),
    "range": (expressions, "_rule", lambda model, name, marker: pl.lit(False)),
    "duplicate key": (across, "_keys", lambda table: iter(())),
    "foreign key": (across, "_references", lambda table, parsed: iter(())),
    "at most": (across, "_bounds", lambda table, parsed, models: iter(())),
    "paired with": (across, "_attribution", lambda table, cross: iter(())),
    "identity": (across, "_consistency", lambda table, cross: iter(())),
}


@pytest.mark.parametrize("name", sorted(ABLATIONS))
def test_each_columnar_check_is_needed(tmp_path, edit_row, monkeypatch, name):
    layout = _seeded(tmp_path, name, edit_row)
    module, attribute, replacement = ABLATIONS[name]
    monkeypatch.setattr(module, attribute, replacement)
    expressions.suspect.cache_clear()
    try:
        streamed, columns = _both(layout)
    finally:
        expressions.suspect.cache_clear()
    assert columns != streamed


def test_a_validator_the_translation_does_not_know_flags_every_cell(monkeypatch):
    """A new validator is never skipped: until it is translated, every row with a value goes to the model."""
    from schemas import BY_NAME

    frame = pl.DataFrame({c: ["x"] for c in BY_NAME["regions"].columns()})
    assert frame.select(expressions._column(BY_NAME["regions"], "name_zh")).item() is False
    monkeypatch.setattr(expressions, "_validator", lambda func: None)  # as for a validator it does not know
    assert frame.select(expressions._column(BY_NAME["regions"], "name_zh")).item() is True


def test_a_model_with_a_validator_of_its_own_sends_every_row_to_the_model():
    """A decorated validator, of a row or of a field, is code only the model runs: the model is opaque."""
    from pydantic import field_validator

    from schemas import BY_NAME, Region

    class Checked(Region):
        @field_validator("name_zh")
        @classmethod
        def _short(cls, value: str) -> str:
            return value

    assert not expressions.opaque(BY_NAME["regions"])
    assert expressions.opaque(Checked)
    assert expressions.opaque(BY_NAME["sources"])  # its own model validators


def test_every_validator_and_row_rule_of_the_large_tables_is_translated():
    """The observations are read without a model validator of their own, and every validator of their
    columns has a columnar form: none of their rows goes to the model unless it is flagged."""
    from pydantic.functional_validators import AfterValidator, BeforeValidator

    from schemas import BY_NAME
    from schemas.base import markers

    model = BY_NAME["observations"]
    assert not expressions.opaque(model)
    for field in model.model_fields.values():
        for marker in markers(field):
            if isinstance(marker, AfterValidator | BeforeValidator):
                assert expressions._validator(marker.func) is not None, marker


def test_validate_runs_frictionless_only_when_asked(monkeypatch, capsys):
    """Frictionless is the independent conformance check: `validate --frictionless` runs it on the package
    (for real, here: the suite runs this variant), plain `validate` does not."""
    from scripts import cli

    ran: list[bool] = []
    real = cli.check_frictionless

    def spy(layout):
        ran.append(True)
        return real(layout)

    monkeypatch.setattr(cli, "check_frictionless", spy)
    assert cli.main(["validate"]) == 0
    assert ran == []
    assert cli.main(["validate", "--frictionless"]) == 0
    assert ran == [True]
    assert capsys.readouterr().out.splitlines()[-1] == "No problems found."


def test_a_table_with_no_rows_that_others_refer_to(tmp_path):
    """The observations emptied: every reference to them dangles, and the bounds through them have nothing to
    compare with, both ways alike."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    layout = Layout(tmp_path)
    path = layout.csv("observations")
    path.write_text(path.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    streamed, columns = _both(layout)
    assert "expected a value present in observations.id" in streamed
    assert columns == streamed


def test_validate_loads_neither_datasette_nor_mkdocs():
    """`validate` imports what it uses: Datasette's plugin manager (its unit registry alone takes 0.3 s),
    the site's MkDocs code and the search segmenter belong to later steps. The probe sees what is loaded:
    polars, which the validator uses, is."""
    probe = (
        "import sys\nfrom scripts.cli import main\ncode = main(['validate'])\n"
        "print(code, *sorted(m for m in sys.modules if m.split('.')[0] in ('datasette', 'mkdocs', 'polars')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    code, *loaded = result.stdout.split("\n")[-2].split()
    assert code == "0" and "polars" in loaded
    heavy = {"datasette.plugins", "datasette.views.base", "datasette.vendored.pint", "mkdocs"}
    assert not heavy & set(loaded), sorted(heavy & set(loaded))
