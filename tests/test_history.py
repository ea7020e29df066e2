"""The release history, row by row, and the rules on published keys: the history is what the data makes it,
each change is recorded once under the current version, earlier versions stay as recorded, and each rule on a
removed key fires on a seeded defect in a copy of data/."""

import csv
import io
import shutil
from pathlib import Path

import pytest

from schemas import PACKAGE, Observation, RowChange, Withdrawal
from scripts import history, validate
from scripts.layout import ROOT, Layout
from scripts.withdrawn import PAGED

VERSION = PACKAGE["version"]
FIGURES = Observation.meta.resource


def _copy(tmp_path: Path) -> Layout:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return Layout(tmp_path)


def _events(layout: Layout) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(layout.csv(RowChange.meta.resource).read_text(encoding="utf-8"))))


def _regenerate(layout: Layout) -> list[dict[str, str]]:
    for path, content in history.generated(layout).items():
        path.write_bytes(content)
    return _events(layout)


def _released_figures(layout: Layout) -> list[str]:
    """Figures that an earlier version published and no other table refers to, in key order."""
    earlier = [e for e in _events(layout) if e["version"] != VERSION]
    earlier.sort(key=lambda e: history.version_order(e["version"]))
    others = [
        p.read_text(encoding="utf-8") for p in layout.data.glob("*.csv") if p.stem not in (FIGURES, "row_changes")
    ]
    released = sorted(key for res, key in history.replay(earlier) if res == FIGURES)
    return [key for key in released if not any(key in text for text in others)]


def _rows(layout: Layout, resource: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(layout.csv(resource).read_text(encoding="utf-8"))))


def _problems(layout: Layout) -> list[str]:
    return [str(p) for p in validate.check_rows(layout)]


def _withdraw(layout: Layout, resource: str, key: str, replaced_by: str = "") -> None:
    reason = next(r["text_en"] for r in _rows(layout, "translations"))  # a reason with its Chinese rendering
    with layout.csv(Withdrawal.meta.resource).open("a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(
            [resource, key, "撤下的旧数字", "A withdrawn figure", replaced_by, reason]
        )


def test_the_history_is_what_the_data_makes_it(layout):
    for path, content in history.generated(layout).items():
        assert path.read_bytes() == content, f"{layout.name(path)} is stale: run `python -m scripts package`"


def test_the_history_replays_to_the_data(layout):
    """Replaying every event gives each row's fingerprint now."""
    events = sorted(_events(layout), key=lambda e: history.version_order(e["version"]))
    tables = {m: layout.csv(m.meta.resource).read_text(encoding="utf-8") for m in history.TRACKED}
    assert history.replay(events) == history.state_of(tables)


def test_an_empty_cell_changes_no_fingerprint():
    assert history.fingerprint({"id": "a", "note": ""}) == history.fingerprint({"id": "a"})
    assert history.fingerprint({"id": "a", "note": "x"}) != history.fingerprint({"id": "a"})


def test_each_change_is_recorded_once_under_the_current_version(tmp_path, edit_row, drop_row):
    layout = _copy(tmp_path)
    before = [e for e in _events(layout) if e["version"] != VERSION]
    changed, dropped = _released_figures(layout)[:2]
    edit_row(layout.csv(FIGURES), changed, {"note": "An edited note."})
    drop_row(layout.csv(FIGURES), dropped)
    events = _regenerate(layout)
    assert [e for e in events if e["version"] != VERSION] == before, "earlier versions stay as recorded"
    now = {(e["resource"], e["key"]): e for e in events if e["version"] == VERSION}
    assert now[(FIGURES, changed)]["change"] == "changed"
    assert now[(FIGURES, dropped)]["change"] == "removed" and not now[(FIGURES, dropped)]["fingerprint"]
    assert _regenerate(layout) == events, "generating twice changes nothing"


def test_a_removed_figure_needs_a_withdrawal(tmp_path, drop_row):
    layout = _copy(tmp_path)
    dropped, replacement = _released_figures(layout)[:2]
    drop_row(layout.csv(FIGURES), dropped)
    _regenerate(layout)
    assert any(f"a row for {FIGURES} {dropped}, removed in version {VERSION}" in p for p in _problems(layout))
    _withdraw(layout, FIGURES, dropped, replacement)
    assert _problems(layout) == []


def test_a_withdrawal_names_a_removed_key_and_a_replacement_that_is_there(tmp_path, drop_row):
    layout = _copy(tmp_path)
    dropped, kept = _released_figures(layout)[:2]
    drop_row(layout.csv(FIGURES), dropped)
    _regenerate(layout)
    _withdraw(layout, FIGURES, dropped, "no-such-figure")
    _withdraw(layout, FIGURES, kept)
    _withdraw(layout, "metrics", kept)
    problems = "\n".join(_problems(layout))
    assert "column 'replaced_by': value 'no-such-figure': expected a key of data/observations.csv" in problems
    assert f"value '{kept}': expected a key that a version removed from {FIGURES} (it is still in" in problems
    assert "column 'resource': value 'metrics': expected a table whose rows have pages" in problems


@pytest.mark.parametrize("resource", sorted(PAGED))
def test_a_published_key_is_never_reused(tmp_path, resource):
    """A key removed in an earlier version and back now is refused at its row."""
    layout = _copy(tmp_path)
    events = [e for e in _events(layout) if e["version"] != VERSION]
    earlier = max((e["version"] for e in events), key=history.version_order)  # the last version released
    touched = {e["key"] for e in events if e["version"] == earlier and e["resource"] == resource}
    line, key = next(
        (n, row[PAGED[resource].meta.primary_key[0]])
        for n, row in enumerate(_rows(layout, resource), 2)
        if row[PAGED[resource].meta.primary_key[0]] not in touched
    )
    with layout.csv(RowChange.meta.resource).open("a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow([earlier, resource, key, "removed", ""])
    _regenerate(layout)
    problems = _problems(layout)
    assert any(
        f"data/{resource}.csv:{line}:" in p and f"expected a key never published before: {key} was removed" in p
        for p in problems
    ), problems
