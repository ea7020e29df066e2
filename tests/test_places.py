"""The place check: every province, city and county a source names has a regions row, or an exclusion."""

import csv

from scripts import places
from scripts.reader import read


def test_the_gazetteer_has_full_and_short_names():
    names = places.gazetteer()
    assert names["河南省"] == names["河南"] == {"410000"}
    assert names["郑州"] == {"410100"}
    assert {"140302", "140502"} <= names["城区"]
    assert "沁" not in names  # 沁县 has no short form: one character would match inside other words


def test_every_place_the_sources_name_has_a_row_or_an_exclusion(layout, sources_dir):
    tallies, problems = places.run(layout, read(layout)[0], sources_dir)
    assert not problems, "\n".join(map(str, problems[:20]))
    assert all(t.found == t.captured + t.excluded for t in tallies.values())
    assert all(t.captured for t in tallies.values())


def test_a_named_place_without_a_row_is_reported_with_its_line(data_copy, drop_row, sources_dir):
    layout = data_copy
    drop_row(layout.csv("regions"), "410100")
    _, problems = places.run(layout, read(layout)[0], sources_dir)
    assert [str(p) for p in problems] == [
        "004_32dc34a498241491.txt:9: value '郑州': expected a regions row for 郑州 (410100), or an exclusion in "
        + places.EXCLUSIONS
    ]


def test_a_word_that_is_not_the_place_is_excused_and_only_there(data_copy, sources_dir):
    layout = data_copy
    path = layout.root / places.EXCLUSIONS
    with path.open(encoding="utf-8", newline="") as fh:
        rules = [r for r in csv.DictReader(fh) if r["word"] != "东河南镇"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, ["name", "word", "reason"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rules)
    _, problems = places.run(layout, read(layout)[0], sources_dir)
    # 东河 (Donghe District) has no row; 河南 inside 东河南镇 now passes as Henan, which has one
    assert [(p.file, p.line, p.value) for p in problems] == [("001_a02f32b729930850.txt", 35, "东河")]


def test_an_exclusion_that_excuses_nothing_is_reported(data_copy, sources_dir):
    layout = data_copy
    with (layout.root / places.EXCLUSIONS).open("a", encoding="utf-8") as fh:
        fh.write("郑州,郑州东站,not in any source\n")
    _, problems = places.run(layout, read(layout)[0], sources_dir)
    assert [(p.file, p.field, p.value) for p in problems] == [(places.EXCLUSIONS, "word", "郑州东站")]


def test_every_region_a_project_names_is_linked(layout, table):
    """A project whose name holds the name of a division (长治吴家庄水库) has a project_regions row for it."""
    rules = places.exclusions(layout)[0]
    names = places.gazetteer()
    linked: dict[str, set[str]] = {}
    for row in table("project_regions"):
        linked.setdefault(row["project_id"], set()).add(row["region_code"])
    unlinked = [
        (project["id"], name)
        for project in table("projects")
        for start, name in places.occurrences(project["name_zh"])
        if places.excusing(rules, project["name_zh"], start, name) is None
        and not names[name] & linked.get(project["id"], set())
    ]
    assert not unlinked
