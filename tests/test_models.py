"""A model is checked when it is defined: a citation that checks nothing, or a column named in its meta or
its markers that it does not have, stops the import with the model's file and the name."""

import subprocess
import sys

import pytest

from schemas.base import Citation, Cite, DeclarationError, Meta, NotBefore, Table, column


def _meta(**kwargs) -> Meta:
    return Meta(
        resource="things",
        title_zh="物",
        title_en="Things",
        description_zh="物",
        description_en="Things",
        primary_key=("id",),
        **kwargs,
    )


def test_a_citation_that_checks_nothing_is_refused():
    with pytest.raises(DeclarationError, match=r"Citation\(texts=\(\)\) names nothing"):
        Citation(texts=())


@pytest.mark.parametrize(
    ("declared", "where"),
    [
        (dict(cites=Citation(texts=(Cite("titel"),))), "meta.cites.texts"),
        (dict(cites=Citation(texts=(Cite("title"),), label="titel")), "meta.cites.label"),
        (dict(facets=("titel",)), "meta.facets"),
        (dict(sort="titel"), "meta.sort"),
    ],
)
def test_a_meta_naming_a_column_the_model_lacks_is_refused(declared, where):
    with pytest.raises(DeclarationError) as raised:

        class Thing(Table):
            meta = _meta(**declared)
            id: str = column("标识", "Identifier.")
            title: str = column("标题", "Title.")

    assert str(raised.value) == f"tests/test_models.py: Thing.{where} names 'titel', which is not a column of things"


def test_a_marker_naming_a_column_the_model_lacks_is_refused():
    from typing import Annotated

    with pytest.raises(DeclarationError, match=r"Thing.end: NotBefore.column names 'begin'"):

        class Thing(Table):
            meta = _meta()
            id: str = column("标识", "Identifier.")
            start: str = column("起", "Start.")
            end: Annotated[str, NotBefore("begin")] = column("止", "End.")


def test_the_real_models_pass():
    import schemas

    assert schemas.RESOURCES  # imported, so every model was checked


def test_the_cli_names_a_bad_model_in_one_line(tmp_path):
    """A column renamed on the model but not in its meta: every command stops at once, without a traceback."""
    from conftest import copy_project

    root = copy_project(tmp_path).root
    path = root / "schemas" / "reference.py"
    text = path.read_text(encoding="utf-8")
    # seeded defect: the label column renamed on its field only
    [label] = [line for line in text.splitlines() if "label_column=" in line][:1]
    name = label.split('"')[1]
    path.write_text(text.replace(f"    {name}:", f"    {name}_renamed:", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts", "validate"], cwd=root, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Stopped: schemas/reference.py: ") and f"names {name!r}" in result.stderr
