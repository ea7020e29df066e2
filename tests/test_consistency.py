"""Who is credited with a figure, and rows that must not contradict each other: each check fires on one seeded
defect in a copy of data/, with the exact problem, and the data as published passes it."""

import shutil
from pathlib import Path

import pytest

from schemas import BY_NAME, RESOURCES
from schemas.base import PairedWith
from scripts import validate
from scripts.consistency import normalized
from scripts.layout import ROOT, Layout
from tests.defects import append_row, data_rows

OBSERVATIONS = "data/observations.csv"


def _copy(tmp_path: Path) -> Layout:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return Layout(tmp_path)


def _line(layout: Layout, resource: str, key: str) -> int:
    """The CSV line of the row whose first cell is key."""
    lines = layout.csv(resource).read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if text.split(",", 1)[0] == key)


def _at(resource: str, column: str) -> int:
    return BY_NAME[resource].columns().index(column) + 1


def _problems(layout: Layout) -> list[str]:
    return [str(p) for p in validate.check_rows(layout)]


def test_the_data_as_published_passes_every_check(layout):
    assert _problems(layout) == []


# --- attribution: who delivered it ---------------------------------------------------------------------


def test_a_body_not_paired_with_the_region_is_refused(tmp_path, edit_row):
    """The Huguan digital-village system as it was first recorded: credited to Wuhan University, which no
    aid assignment pairs with Huguan."""
    layout = _copy(tmp_path)
    key = "acftu-donated-digital-village-system"
    edit_row(layout.csv("observations"), key, {"organization_id": "wuhan-university"})
    line, at = _line(layout, "observations", key), _at("observations", "organization_id")
    assert _problems(layout) == [
        f"{OBSERVATIONS}:{line}:{at}: column 'organization_id': value 'wuhan-university': expected a body that "
        "aid_assignments pairs with 140427 (a pairing of 140427, or of its parent region listing it), or a "
        "predecessor or successor of one"
    ]


@pytest.mark.parametrize(
    ("body", "region", "paired"),
    [
        ("nrta", "140427", True),  # its predecessor sapprft was paired with Huguan
        ("gapp", "140425", True),  # its own stated pairing with Pingshun
        ("gapp", "140429", False),  # no one in its line was paired with Wuxiang
        ("shanxi-forestry-grassland", "140430", True),  # its predecessor's 1986 group lists 沁县
        ("shanxi-forestry-grassland", "140431", False),  # 沁源 is not in that list
        ("shanxi-forestry-department", "140429", True),  # its own group pairing lists 武乡
        ("shanxi-energy", "140427", True),  # the 2021 group lists 壶关
        ("shanxi-energy", "140430", True),  # not 沁县, but its predecessor the coal bureau went there in 1986
        ("shanxi-energy", "140431", False),  # neither lists 沁源
        ("sarft", "140425", True),  # its successor sapprft was paired with Pingshun
        ("coal-ministry", "140427", False),  # paired with four counties, not Huguan
    ],
)
def test_a_pairing_backs_the_body_its_predecessors_and_successors(tmp_path, edit_row, body, region, paired):
    layout = _copy(tmp_path)
    edit_row(
        layout.csv("observations"), "nrta-aid-free-funds-invested", {"organization_id": body, "region_code": region}
    )
    problems = _problems(layout)
    assert (problems == []) == paired, problems
    assert all("column 'organization_id'" in p for p in problems)


def test_a_pairing_of_a_succeeded_body_has_ended(tmp_path, edit_row):
    layout = _copy(tmp_path)
    key = "sapprft-pingshun"
    edit_row(layout.csv("aid_assignments"), key, {"status": "unknown", "end_year": "", "note": "Continued the aid."})
    append_row(layout.csv("translations"), {"text_en": "Continued the aid.", "text_zh": "帮扶继续。"})
    line, at = _line(layout, "aid_assignments", key), _at("aid_assignments", "status")
    assert _problems(layout) == [
        f"data/aid_assignments.csv:{line}:{at}: column 'status': value 'unknown': expected 'ended': sapprft has "
        "since been replaced by nrta; or a note that names nrta and says why the pairing goes on"
    ]


def test_a_note_that_names_the_successor_may_keep_a_pairing_open(tmp_path, edit_row):
    layout = _copy(tmp_path)
    note = "The source predates the handover to 国家广播电视总局, so the aid was still under way."
    edit_row(layout.csv("aid_assignments"), "sapprft-pingshun", {"status": "ongoing", "end_year": "", "note": note})
    append_row(layout.csv("translations"), {"text_en": note, "text_zh": "来源早于移交国家广播电视总局，帮扶仍在进行。"})
    assert _problems(layout) == []


def test_the_huguan_clause_credits_the_acftu_team(table):
    """Line 19 of hsx-2022-changzhi-aid: the ACFTU team brought in what Wuhan University alumni firms donated
    and arranged the training; no figure of that clause is credited to Wuhan University."""
    rows = {
        o["id"]: o for o in table("observations") if o["source_id"] == "hsx-2022-changzhi-aid" and o["locator"] == "19"
    }
    assert {o["organization_id"] for o in rows.values()} == {"acftu"}
    assert rows["acftu-donated-digital-village-system"]["donor_zh"] == "武大校友企业"
    assert {o["donor_zh"] for k, o in rows.items() if k != "acftu-donated-digital-village-system"} == {""}


def test_a_table_a_pairing_check_reads_comes_earlier():
    """The checks stream the tables in dependency order: the pairings are read before the rows they back."""
    order = [m.meta.resource for m in RESOURCES]
    for model in RESOURCES:
        for _, marker in model.marked(PairedWith):
            assert BY_NAME[marker.by].meta.pairs is not None
            assert order.index(marker.by) < order.index(model.meta.resource)


# --- consistency between rows ------------------------------------------------------------------------


def test_two_figures_of_the_same_thing_must_agree(tmp_path, edit_row):
    """The 71 key urban projects without their subset read as a second count of all 630."""
    layout = _copy(tmp_path)
    edit_row(layout.csv("observations"), "changzhi-urban-projects-71", {"subset_zh": ""})
    line, at = _line(layout, "observations", "changzhi-urban-projects-71"), _at("observations", "value")
    first = _line(layout, "observations", "changzhi-urban-projects")
    assert _problems(layout) == [
        f"{OBSERVATIONS}:{line}:{at}: column 'value': value '71': expected '630' as on line {first}, which has the "
        "same metric_id, region_code, organization_id, place_zh, subset_zh, period_start, period_end, as_of; or "
        "a column of these that tells the two figures apart"
    ]


def test_two_figures_of_the_same_thing_may_repeat_one_value(tmp_path, edit_row):
    layout = _copy(tmp_path)
    edit_row(
        layout.csv("observations"),
        "changzhi-urban-projects-71",
        {"subset_zh": "", "value": "630.0", "qualifier": "more_than"},
    )
    assert not [p for p in _problems(layout) if "tells the two figures apart" in p]


@pytest.mark.parametrize(
    ("column", "value", "earlier"),
    [
        ("name_en", "Village collective incomes: yearly increase", "Yearly increase in village collective income"),
        ("name_zh", "“村集体收入年增加额”", "村集体收入年增加额"),
        (
            "definition_en",
            "The operating part of a Village Collective's income",
            "The operating part of a village collective's income.",
        ),
    ],
)
def test_two_metrics_of_one_concept_are_refused(tmp_path, column, value, earlier):
    layout = _copy(tmp_path)
    row = {"id": "zz-new-metric", "name_zh": "新指标", "name_en": "New metric", "unit": "yuan"}
    row |= {"definition_zh": "新定义。", "definition_en": "A new definition."} | {column: value}
    with layout.csv("metrics").open("a", encoding="utf-8") as fh:
        fh.write(",".join(f'"{row[c]}"' for c in BY_NAME["metrics"].columns()) + "\n")
    line, at = _line(layout, "metrics", '"zz-new-metric"'), _at("metrics", column)
    earlier_line = next(
        n for n, text in enumerate(layout.csv("metrics").read_text(encoding="utf-8").splitlines(), 1) if earlier in text
    )
    assert _problems(layout) == [
        f"data/metrics.csv:{line}:{at}: column {column!r}: value {value!r}: expected a {column} no other row has "
        f"(ignoring case, punctuation and word order): line {earlier_line} has {earlier!r}"
    ]


def test_names_are_compared_by_their_words():
    assert normalized("Yearly gain in collective income, per village") == normalized(
        "village collective income gains yearly"
    )
    assert normalized("享受“两项补贴”的人") == normalized("享受两项补贴的人")
    assert normalized("Class-1 highway") != normalized("Class-2 highway")


# --- ranges ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "value", "expected"),
    [
        ({"value_max": ""}, "", "the upper end of the range: the qualifier is 'range'"),
        ({"value_max": "2"}, "2", "a value greater than the lower end, 2"),
        ({"qualifier": "at_least"}, "3", "no value: only a range has one, and the qualifier is 'at_least'"),
    ],
)
def test_a_range_has_an_upper_end_greater_than_its_value(tmp_path, edit_row, changes, value, expected):
    layout = _copy(tmp_path)
    key = "shanxi-leading-industries-per-county"
    edit_row(layout.csv("observations"), key, changes)
    line, at = _line(layout, "observations", key), _at("observations", "value_max")
    assert _problems(layout) == [
        f"{OBSERVATIONS}:{line}:{at}: column 'value_max': value {value!r}: expected {expected}"
    ]


def test_every_range_printed_is_stored_as_one(table):
    ranges = {o["id"]: (o["value"], o["value_max"]) for o in table("observations") if o["qualifier"] == "range"}
    assert ranges == {"shanxi-leading-industries-per-county": ("2", "3")}
    assert not [o["id"] for o in table("observations") if "至" in o["figure_text"] and o["qualifier"] != "range"]


def test_an_enterprise_has_no_level_of_government_and_any_other_body_has_one(tmp_path, edit_row):
    """Seeded: an enterprise given a level, and a department without one; each refused at its cell."""
    layout = _copy(tmp_path)
    rows = list(BY_NAME["organizations"].columns())
    orgs = {r.split(",", 1)[0]: r for r in layout.csv("organizations").read_text(encoding="utf-8").splitlines()[1:]}

    firm = next(o["id"] for o in data_rows("organizations") if o["kind"] == "enterprise")
    other = next(o["id"] for o in data_rows("organizations") if o["kind"] != "enterprise")
    assert firm in orgs and other in orgs
    edit_row(layout.csv("organizations"), firm, {"level": "provincial"})
    edit_row(layout.csv("organizations"), other, {"level": ""})
    problems = _problems(layout)
    at = f":{rows.index('level') + 1}: column 'level'"
    assert any(
        f"organizations.csv:{_line(layout, 'organizations', firm)}{at}" in p
        and "no value, as the kind is 'enterprise'" in p
        for p in problems
    ), problems
    assert any(
        f"organizations.csv:{_line(layout, 'organizations', other)}{at}" in p and "the level of government" in p
        for p in problems
    ), problems
