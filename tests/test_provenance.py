"""The provenance verifier and the coverage report catch what they are for, on seeded defects."""

import csv
import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from schemas import BY_NAME
from schemas.codes import EXCLUSION_KIND
from scripts import coverage
from scripts.cli import main
from scripts.figures import find
from scripts.layout import ROOT, Layout
from scripts.provenance import verify
from scripts.reader import read
from scripts.simplified import to_simplified
from scripts.sourcetext import load


def _copy(tmp_path: Path) -> Layout:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "checks", tmp_path / "checks")
    return Layout(tmp_path)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"value": "574550"}, "column 'value': value '574550': expected 5745500, which '574.55万余元' reads as"),
        (
            {"qualifier": "exact"},
            "column 'qualifier': value 'exact': expected 'more_than', as '574.55万余元' is worded",
        ),
        ({"locator": "18"}, "column 'locator': value '18': expected a line that contains '574.55万余元'"),
        ({"unit": "person", "metric_id": "aid-cadres-technicians-trained"}, "expected yuan or yuan_per_household"),
    ],
)
def test_seeded_defects_in_a_figure(tmp_path, sources_dir, edit_row, changes, expected):
    layout = _copy(tmp_path)
    edit_row(layout.csv("observations"), "nrta-aid-free-funds-invested", changes)
    problems = [str(p) for p in verify(layout, read(layout)[0], sources_dir)]
    assert len(problems) == 1, problems
    assert expected in problems[0]
    assert "line" in problems[0] and "of hsx-2022-changzhi-aid" in problems[0]


def test_a_range_is_read_with_its_upper_end(tmp_path, sources_dir, edit_row):
    """Seeded defect: 2至3個 stored with an upper end of 4."""
    layout = _copy(tmp_path)
    edit_row(layout.csv("observations"), "shanxi-leading-industries-per-county", {"value_max": "4"})
    problems = [str(p) for p in verify(layout, read(layout)[0], sources_dir)]
    assert len(problems) == 1, problems
    assert "column 'value_max': value '4': expected 3, the upper end of '2至3個'" in problems[0]


def test_a_figure_from_a_defective_line_is_read_through_its_erratum(table):
    pv = next(o for o in table("observations") if o["id"] == "changzhi-pv-output")
    assert (pv["figure_text"], pv["value"], pv["erratum_id"]) == ("70亿亿元", "7000000000", "sxrb22-15-yiyi")


def test_a_wrong_hash_is_reported(tmp_path, sources_dir):
    layout = _copy(tmp_path)
    folder = tmp_path / "sources"
    shutil.copytree(sources_dir, folder)
    path = next(folder.glob("003_*.txt"))
    path.write_bytes(path.read_bytes() + b"\n")
    problems = [str(p) for p in verify(layout, read(layout)[0], folder)]
    assert any("column 'sha256'" in p for p in problems), problems


def test_coverage_accounts_for_every_number(layout, sources_dir):
    tallies, problems = coverage.run(layout, read(layout)[0], sources_dir)
    assert not problems, "\n".join(map(str, problems[:20]))
    assert sum(t.found for t in tallies.values()) == sum(t.captured + t.excluded for t in tallies.values())
    sources = csv.DictReader((ROOT / "data/sources.csv").open(encoding="utf-8"))
    assert set(tallies) == {s["id"] for s in sources if s["archived"] == "true"}  # the web pages: nothing to count


def test_an_uncaptured_number_fails_coverage(data_copy, drop_row, sources_dir):
    layout = data_copy
    drop_row(layout.csv("observations"), "ccteg-aid-funds-introduced")
    _, problems = coverage.run(layout, read(layout)[0], sources_dir)
    assert [str(p) for p in problems] == [
        "000_a90cbcf78a8e9fcb.txt:18: value '592': expected a row citing this line that holds 592, or an exclusion in "
        + coverage.EXCLUSIONS
    ]


def _without(path: Path, prefix: str) -> None:
    """Drop the lines of a CSV file that start with prefix."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(prefix)]
    assert len(kept) == len(lines) - 1, prefix
    path.write_text("".join(kept), "utf-8")


def test_a_figure_in_words_is_captured_only_by_the_same_figure(tmp_path, sources_dir):
    """一半 (half) on line 15 is 50 percent; the 50 of 突破50亿元 on the same line does not capture it."""
    layout = _copy(tmp_path)
    _without(layout.csv("observations"), "changzhi-biomedicine-output-provincial-share,")
    _, problems = coverage.run(layout, read(layout)[0], sources_dir)
    assert [(p.file, p.line, p.value) for p in problems] == [("004_32dc34a498241491.txt", 15, "50")]


def test_an_identifier_captures_nothing(tmp_path, sources_dir):
    """前三季度 on line 7 is not captured by the 3 of the id shanxi-poor-area-income-2020q1-3."""
    layout = _copy(tmp_path)
    _without(tmp_path / coverage.EXCLUSIONS, "sxrb-2021-poverty-results,7,3,")
    _, problems = coverage.run(layout, read(layout)[0], sources_dir)
    assert [(p.file, p.line, p.value) for p in problems] == [("001_a02f32b729930850.txt", 7, "3")]


def test_an_exclusion_that_excuses_nothing_fails_coverage(tmp_path, sources_dir):
    layout = _copy(tmp_path)
    with (tmp_path / coverage.EXCLUSIONS).open("a", encoding="utf-8") as fh:
        fh.write("hsx-2022-changzhi-aid,18,592,identifier,not really\n")
    _, problems = coverage.run(layout, read(layout)[0], sources_dir)
    assert [p.value for p in problems] == ["592"]
    assert "excuses a number not captured" in str(problems[0])


def test_exclusions_are_few_and_of_known_kinds(layout):
    with (ROOT / coverage.EXCLUSIONS).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["kind"] for r in rows} <= set(EXCLUSION_KIND.values())
    assert all(r["reason"] for r in rows)
    assert coverage.exclusions(layout)[1] == []


def _damageable(tmp_path: Path, sources_dir: Path) -> Path:
    """A writable copy of the archived sources, with the package beside it for the CLI."""
    shutil.copy(ROOT / "datapackage.json", tmp_path)
    folder = tmp_path / "sources"
    shutil.copytree(sources_dir, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder


def _not_utf8(path: Path) -> None:
    path.write_bytes(path.read_bytes().decode("utf-8").encode("gb18030"))


def _folder_instead(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _at(column: str) -> str:
    """Where a problem with a column of sources.csv is reported: its number, then its name."""
    return f":{BY_NAME['sources'].columns().index(column) + 1}: column '{column}'"


DAMAGE = {
    "truncated": (lambda path: path.write_bytes(path.read_bytes()[:1000]), _at("sha256")),
    "replaced": (lambda path: path.write_text("另一份文件\n", encoding="utf-8"), _at("sha256")),
    "not UTF-8": (_not_utf8, _at("sha256")),
    "missing": (lambda path: path.unlink(), _at("archive_file")),
    "a folder": (_folder_instead, "(Is a directory)"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_source_is_one_clear_problem_not_a_traceback(tmp_path, sources_dir, capsys, damage):
    _copy(tmp_path)
    folder = _damageable(tmp_path, sources_dir)
    spoil, expected = DAMAGE[damage]
    spoil(folder / "003_6c3ae5bf29131331.txt")
    for command in ("verify", "coverage"):
        assert main(["--root", str(tmp_path), command, "--sources", str(folder)]) == 1
        out = capsys.readouterr().out.splitlines()
        assert out[-1] == "1 problem(s) found.", out[-5:]
        problem = out[-2]
        assert problem.startswith("data/sources.csv:5:") and expected in problem, problem
        assert problem.endswith("nothing that cites sxgov-2021-36 is checked"), problem


def test_a_source_that_is_not_utf8_as_recorded_is_reported(tmp_path, sources_dir, edit_row):
    layout = _copy(tmp_path)
    folder = _damageable(tmp_path, sources_dir)
    path = folder / "003_6c3ae5bf29131331.txt"
    _not_utf8(path)
    edit_row(layout.csv("sources"), "sxgov-2021-36", {"sha256": hashlib.sha256(path.read_bytes()).hexdigest()})
    [problem] = verify(layout, read(layout)[0], folder)
    assert problem.field == "archive_file" and problem.expected.startswith("UTF-8 text, as archived (byte ")


def test_a_locator_past_the_end_of_its_source_is_reported(tmp_path, sources_dir, edit_row):
    layout = _copy(tmp_path)
    edit_row(layout.csv("sources"), "hsx-2022-changzhi-aid", {"lines": "1000"})  # a wrong line count lets it pass
    edit_row(layout.csv("observations"), "nrta-aid-free-funds-invested", {"locator": "900"})
    [problem] = [str(p) for p in verify(layout, read(layout)[0], sources_dir)]
    assert problem.endswith(
        "column 'locator': value '900': expected a line of hsx-2022-changzhi-aid, which has 62 lines"
    )


def test_coverage_against_a_folder_without_the_sources_says_so_and_fails(tmp_path, capsys, table):
    (tmp_path / "empty").mkdir()
    assert main(["coverage", "--sources", str(tmp_path / "empty")]) == 1
    out = capsys.readouterr().out.splitlines()
    archived = [s for s in table("sources") if s["archive_file"]]  # one problem for each archived file
    assert out[-1] == f"{len(archived)} problem(s) found."
    missing = out[-1 - len(archived) : -1]
    assert all("expected a readable file in" in line and "(No such file or directory)" in line for line in missing)


def _masked_by_a_range(layout: Layout) -> tuple[str, int, Decimal]:
    """A row whose single figure is also an end of a range that another row citing the same line holds."""
    rows = list(csv.DictReader(layout.csv("observations").open(encoding="utf-8")))
    ranges = {(r["source_id"], r["locator"]): r for r in rows if r["qualifier"] == "range" and r["locator"]}
    for r in rows:
        other = ranges.get((r["source_id"], r["locator"]))
        figures = coverage.tokens(to_simplified(r["figure_text"]))
        if other and other is not r and len(figures) == 1 and len(figures[0][1]) == 1:
            number = figures[0][1][0]
            if number in coverage.tokens(to_simplified(other["figure_text"]))[0][1]:
                return r["id"], int(r["locator"]), number
    raise AssertionError("no figure on a line with a range that ends in it")


def test_the_end_of_a_range_does_not_capture_another_figure(tmp_path, sources_dir):
    """Captured means held as printed: without its own row, a figure (三大, 3) that is also the end of a range
    on the same line (2至3个) is reported, not captured by the range or by the range's value_max."""
    layout = _copy(tmp_path)
    row, line, number = _masked_by_a_range(layout)
    _without(layout.csv("observations"), f"{row},")
    _, problems = coverage.run(layout, read(layout)[0], sources_dir)
    assert any(p.line == line and p.value == str(number) for p in problems), problems
    assert coverage.token(find("2至3个")[0]) != coverage.token(find("三大")[0])


def test_a_project_is_placed_only_in_a_region_its_line_names(tmp_path, sources_dir, edit_row):
    """Seeded: a project row that names a place on its line, moved to a region the line does not name (as a
    region it only serves would be), is refused although its place is on the line."""
    layout = _copy(tmp_path)
    lines = {s.id: s for s in load(read(layout)[0], sources_dir, "sources")[0].values()}
    rows = list(csv.DictReader(layout.csv("project_regions").open(encoding="utf-8")))
    row = next(r for r in rows if r["basis"] == "named" and r["place_zh"])
    line = lines[row["source_id"]].line(int(row["locator"]))
    regions = list(csv.DictReader(layout.csv("regions").open(encoding="utf-8")))
    elsewhere = next(g for g in regions if g["name_zh"] not in line and g["name_zh"].rstrip("省市县区") not in line)
    text = layout.csv("project_regions").read_text(encoding="utf-8")
    old = f"{row['project_id']},{row['region_code']},named,"
    layout.csv("project_regions").write_text(
        text.replace(old, f"{row['project_id']},{elsewhere['code']},named,"), "utf-8"
    )
    problems = [str(p) for p in verify(layout, read(layout)[0], sources_dir)]
    assert any("project_regions.csv" in p and elsewhere["name_zh"].rstrip("省市县区") in p for p in problems), problems
