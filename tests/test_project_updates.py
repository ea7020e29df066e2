"""The tracker of what later sources report on the policy's projects, targets and measures: its checks
fire on seeded defects, and the site shows the latest report of every project, or that there is none."""

import shutil
from pathlib import Path

import markdown
import pytest

from schemas import BY_NAME
from scripts import database, geo, package
from scripts.atomic import write_files
from scripts.layout import ROOT, Layout
from scripts.provenance import verify
from scripts.reader import read
from scripts.site import measure, project
from scripts.site.context import Context
from scripts.site.data import Data
from scripts.site.words import word

UPDATE = "changzhi-handan-liaocheng-hsr-listed-2022"  # from line 9 of sxrb-2022-changzhi-development


def _copy(tmp_path: Path) -> Layout:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return Layout(tmp_path)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"target_id": "jinzhengfa-2021-36-2025-income-growth"}, "exactly one of project_id, target_id and measure_id"),
        ({"project_id": ""}, "exactly one of project_id, target_id and measure_id"),
        ({"status": "reported_figure"}, "a reported_figure status names the observation of its figure"),
        ({"as_of": "2022-09-02"}, "column 'as_of': value '2022-09-02': expected a value of at most 2022-09-01"),
        (
            {"observation_id": "changzhi-gdp-2022h1"},
            "column 'locator': value '9': expected '11', the observations.locator",
        ),
        ({"status": "finished"}, "column 'status': value 'finished': expected one of 'planned'"),
    ],
)
def test_seeded_defects_of_an_update(tmp_path, edit_row, changes, expected):
    layout = _copy(tmp_path)
    edit_row(layout.csv("project_updates"), UPDATE, changes)
    problems = [str(p) for p in read(layout)[1]]
    assert len(problems) == 1 and expected in problems[0], problems
    assert problems[0].startswith("data/project_updates.csv:"), problems


def test_an_update_whose_words_are_not_on_its_line_fails_verify(tmp_path, edit_row, sources_dir):
    layout = _copy(tmp_path)
    edit_row(layout.csv("project_updates"), UPDATE, {"status_zh": "已开工建设"})
    problems = [str(p) for p in verify(layout, read(layout)[0], sources_dir)]
    assert len(problems) == 1 and "expected a line that contains '已开工建设'" in problems[0], problems


def test_every_update_comes_from_a_source_later_than_the_policy(table):
    sources = {s["id"]: s["published"] for s in table("sources")}
    projects = {p["id"]: p["measure_id"] for p in table("projects")}
    targets = {t["id"]: t["measure_id"] for t in table("policy_targets")}
    measures = {m["id"]: m["policy_id"] for m in table("policy_measures")}
    policies = {p["id"]: p for p in table("policies")}
    updates = table("project_updates")
    assert len(updates) >= 20
    for u in updates:
        measure = u["measure_id"] or projects.get(u["project_id"]) or targets[u["target_id"]]
        policy = policies[measures[measure]]
        assert sources[u["source_id"]] > policy["published"], u["id"]
        assert policy["source_id"] != u["source_id"], u["id"]


def _project_rows(built, lang: str) -> list[str]:
    """The rows of the tables of projects on every measure page of one language, where each project is shown
    with its latest report."""
    suffix = "" if lang == "zh" else f".{lang}"
    pages = [
        p
        for p in (built.docs / "measures").glob(f"*{suffix}.md")
        if p.stem != "index" and p.stem.count(".") == suffix.count(".")
    ]
    return [
        line
        for page in sorted(pages)
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("| [") and "](../projects/" in line.split(" | ")[0]
    ]


def test_every_project_shows_its_latest_report_or_that_there_is_none(built, table):
    codes = BY_NAME["project_updates"].codes_of("status")
    assert codes is not None
    reported = {u["project_id"] for u in table("project_updates") if u["project_id"]}
    for lang, suffix in (("zh", ""), ("en", ".en")):
        body = _project_rows(built, lang)
        assert len(body) == len(table("projects")), lang
        assert sum(word("no_report", lang) in r for r in body) == len(table("projects")) - len(reported), lang
        page = (built.docs / "measures" / f"jinzhengfa-2021-36-04{suffix}.md").read_text(encoding="utf-8")
        assert f"{codes.label('preliminary_work', lang)}" in page and "已列入国家“十四五”铁路发展前期建设项目" in page
        assert "sources/sxrb-2022-changzhi-development.md#L9" in page


def _reported_more_than_once(table) -> dict[str, list[dict[str, str]]]:
    """The projects with reports of more than one date, each with its reports, oldest first."""
    found: dict[str, list[dict[str, str]]] = {}
    for u in sorted(table("project_updates"), key=lambda u: u["as_of"]):
        if u["project_id"]:
            found.setdefault(u["project_id"], []).append(u)
    return {k: v for k, v in found.items() if len({u["as_of"] for u in v}) > 1}


def test_the_latest_report_replaces_the_earlier_ones(built, table):
    rows = _project_rows(built, "zh")
    several = _reported_more_than_once(table)
    assert several
    for pid, reports in several.items():
        [row] = [line for line in rows if f"](../projects/{pid}.md)" in line.split(" | ")[0]]
        latest, oldest = reports[-1], reports[0]
        assert latest["status_zh"] in row and latest["as_of"] in row, pid
        assert f"（{oldest['as_of']}）" not in row, pid


def test_reports_are_escaped(tmp_path, edit_row):
    evil = '<script>alert("x")</script>'
    layout = _copy(tmp_path)
    for key in (UPDATE, "national-road-ring-changzhi-2022"):
        edit_row(layout.csv("project_updates"), key, lambda row: {"status_zh": evil + row["status_zh"]})
    dataset, problems = read(layout)
    assert not problems, problems[:3]
    write_files(geo.generated(layout, dataset) | package.generated(layout, dataset))
    database.build(layout)
    with Data(layout.database) as data:
        for lang in ("zh", "en"):
            ctx = Context(data, lang)
            pid = data.row("project_updates", UPDATE)["project_id"]
            for page in (measure.page(ctx, "jinzhengfa-2021-36-04"), project.page(ctx, pid)):
                html = markdown.markdown(page, extensions=["tables", "attr_list", "md_in_html"])
                assert "<script>" not in html and "&#60;script&#62;alert" in html, lang
