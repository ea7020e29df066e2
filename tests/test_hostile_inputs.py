"""Inputs built to hurt (issue 14), beyond the one-defect fixtures: a resource path or a link that leads out of
data/, text columns without a length cap, and the inputs that took quadratic time."""

import json
import os
import time
from typing import Annotated

import pytest
from conftest import copy_project
from pydantic import StringConstraints

from plugins.taihang_search import MAX_QUERY_CHARS, Segmenter
from schemas import RESOURCES, Table
from schemas.checks import CoverageExclusion
from scripts import validate
from scripts.cli import main
from scripts.layout import Layout
from scripts.segment import MAX_INDEXED_CHARS, index_text
from tests.defects import append_row

UNBOUNDED = ("*", "+", ",}")


def uncapped(model: type[Table]) -> list[str]:
    """The string columns of a model with no maximum length (a maxLength, a code list or a bounded pattern)."""
    found = []
    for name, prop in model.model_json_schema()["properties"].items():
        for spec in prop.get("anyOf", [prop]):
            if spec.get("type") != "string" or "format" in spec or "enum" in spec or "const" in spec:
                continue
            pattern = spec.get("pattern")
            if "maxLength" not in spec and (pattern is None or any(u in pattern for u in UNBOUNDED)):
                found.append(f"{model.__name__}.{name}")
    return found


def test_every_text_column_has_a_maximum_length():
    models: list[type[Table]] = [*RESOURCES, CoverageExclusion]
    assert [c for model in models for c in uncapped(model)] == []

    class Uncapped(Table):  # seeded defect: a free-text column without a cap, as doc_number was
        doc_number: str
        code: Annotated[str, StringConstraints(pattern=r"^[0-9]+$")]

    assert uncapped(Uncapped) == ["Uncapped.doc_number", "Uncapped.code"]


@pytest.fixture()
def packaged(tmp_path):
    layout = copy_project(tmp_path)
    assert main(["--root", str(tmp_path), "package"]) == 0
    return layout


@pytest.mark.parametrize("step", ["database", "release"])
def test_a_descriptor_path_out_of_the_package_is_refused(packaged, capsys, step):
    descriptor = json.loads(packaged.descriptor.read_text(encoding="utf-8"))
    outside = os.path.relpath("/etc/passwd", packaged.root)  # as deep as the temporary folder is
    descriptor["resources"][1]["path"] = outside
    packaged.descriptor.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    assert main(["--root", str(packaged.root), step]) == 1
    assert capsys.readouterr().err.strip() == (
        f"Stopped: datapackage.json names '{outside}': expected a file inside data/, "
        "not a path or link that leads to /etc/passwd"
    )
    assert not packaged.dist.exists() and not packaged.database.exists()


def test_a_data_file_that_links_out_of_data_is_refused_without_echoing_its_target(packaged, capsys):
    outside = packaged.root / "outside.csv"
    packaged.csv("regions").rename(outside)
    packaged.csv("regions").symlink_to(outside)
    assert main(["--root", str(packaged.root), "validate"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        f"data/regions.csv: expected a file inside data/, not a path or link that leads to {outside}"
    )
    assert "壶关县" not in out
    assert main(["--root", str(packaged.root), "database"]) == 1


def test_a_folder_in_place_of_a_data_file_is_a_problem_not_a_traceback(tmp_path, capsys):
    copy_project(tmp_path)
    (tmp_path / "data" / "events.csv").unlink()
    (tmp_path / "data" / "events.csv").mkdir()
    assert main(["--root", str(tmp_path), "validate"]) == 1
    assert "data/events.csv: expected a regular file" in capsys.readouterr().out


def test_a_header_with_forty_thousand_extra_columns_is_checked_in_linear_time(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    columns = RESOURCES[1].columns()
    (data / "sources.csv").write_text(",".join(columns + [f"x{i}" for i in range(40_000)]) + "\n", encoding="utf-8")
    started = time.perf_counter()
    problems = validate.check_rows(Layout(tmp_path))
    assert time.perf_counter() - started < 5  # 34 s when it was quadratic
    assert len(problems) == 40_000 and {p.expected.split(":")[0] for p in problems} == {"only the schema's columns"}


def test_only_a_bounded_part_of_a_huge_text_is_segmented():
    segmenter = Segmenter(["光伏"])
    huge = "光伏电站" * 225_000  # 900,000 characters
    assert index_text(segmenter, huge) == index_text(segmenter, huge[:MAX_INDEXED_CHARS])
    assert segmenter.query(huge) == segmenter.query(huge[:MAX_QUERY_CHARS])
    assert segmenter.query("光伏") == '"光伏"'


def test_a_nine_hundred_thousand_character_cell_is_refused_before_the_database(tmp_path, edit_row):
    layout = copy_project(tmp_path)
    edit_row(layout.csv("regions"), "140427", {"name_zh": "壶" * 900_000})
    [problem] = validate.check_rows(layout)
    assert (problem.field, problem.expected) == ("name_zh", "at most 500 characters")


def test_notes_may_run_over_lines_but_hold_no_control_character(tmp_path, edit_row):
    layout = copy_project(tmp_path)
    edit_row(layout.csv("sources"), "sxgov-2021-36", {"notes": "First line.\nSecond line."})
    append_row(layout.csv("translations"), {"text_en": "First line.\nSecond line.", "text_zh": "第一行。\n第二行。"})
    assert validate.check_rows(layout) == []
    edit_row(layout.csv("sources"), "sxgov-2021-36", {"notes": "A bell\a."})
    problem, unrendered = validate.check_rows(layout)  # and, as for any new note, it has no rendering yet
    assert problem.expected == "text without control characters (U+0007 at character 7)"
    assert (unrendered.field, unrendered.expected) == ("notes", "a value present in translations.text_en")
