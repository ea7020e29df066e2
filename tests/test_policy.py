"""The policy 晋政发〔2021〕36号 as tables: its structure, who is responsible, and the questions readers ask."""

import re
from collections import Counter

import pytest

from scripts.site.words import chinese_numeral

POLICY = "jinzhengfa-2021-36"
HEADING = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")  # 二、统筹“新”“老”基础设施建设…, a section of the policy
NO_CLAUSE = {1, 2}  # the guiding principle and the goals assign no bodies


@pytest.fixture(scope="module")
def measures(table):
    return [m for m in table("policy_measures") if m["policy_id"] == POLICY]


@pytest.fixture(scope="module")
def responsibilities(table):
    return table("measure_responsibilities")


@pytest.fixture(scope="module")
def organizations(table):
    return {o["id"]: o for o in table("organizations")}


def test_each_measure_is_in_the_section_the_policy_prints_above_it(table, measures, sources_dir):
    """Measures are numbered 1..n; each one's section is the nearest section heading above its cited line."""
    assert sorted(int(m["number"]) for m in measures) == list(range(1, len(measures) + 1))
    [source] = [s for s in table("sources") if s["id"] == measures[0]["source_id"]]
    lines = (sources_dir / source["archive_file"]).read_text(encoding="utf-8").splitlines()
    for m in measures:
        above = (HEADING.match(line.strip()) for line in reversed(lines[: int(m["locator"]) - 1]))
        numeral, title = next(match for match in above if match).groups()
        assert chinese_numeral(int(m["section_number"])) == numeral, m["id"]
        assert m["section_title_zh"] in title.strip("，,。"), (m["id"], title)
    titles: dict[str, set[str]] = {}
    for m in measures:
        titles.setdefault(m["section_number"], set()).add(m["section_title_en"])
    assert all(len(t) == 1 for t in titles.values()), titles


def test_measures_are_ordered_within_sections(measures):
    by_number = sorted(measures, key=lambda m: int(m["number"]))
    assert [int(m["section_number"]) for m in by_number] == sorted(int(m["section_number"]) for m in measures)


def test_every_measure_has_bilingual_titles_and_summaries(measures):
    for m in measures:
        assert m["title_zh"] and m["title_en"] and m["summary_zh"] and m["summary_en"], m["id"]
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", m["summary_en"]) if s]
        assert 1 <= len(sentences) <= 3, (m["id"], sentences)


def test_only_the_principle_and_goals_have_no_responsibilities(measures, responsibilities):
    with_rows = {r["measure_id"] for r in responsibilities}
    without = {int(m["number"]) for m in measures if m["id"] not in with_rows}
    assert without == NO_CLAUSE


def test_responsibilities_are_exactly_what_each_clause_says(measures, responsibilities, organizations, sources_dir):
    """Re-read every clause from the archived policy and compare it with the table, body by body."""
    lines = (sources_dir / "003_6c3ae5bf29131331.txt").read_text(encoding="utf-8").splitlines()
    short = {o["short_name_zh"] or o["name_zh"]: oid for oid, o in organizations.items()}
    for m in measures:
        rows = sorted((r for r in responsibilities if r["measure_id"] == m["id"]), key=lambda r: int(r["position"]))
        clause = re.search(r"\(([^()]*)按职责分工负责\)$", lines[int(m["locator"]) + 1].strip())
        if int(m["number"]) in NO_CLAUSE:
            assert clause is None and not rows
            continue
        assert clause, m["id"]
        lead, _, rest = clause.group(1).rpartition("牵头,")
        text = [(name, "lead") for name in re.split("、", lead) if name]
        text += [(name, "responsible") for name in re.split("、", rest)]
        expected = []
        for name, role in text:
            # 和 joins two bodies, except inside a name such as 省粮食和储备局
            parts = [name] if name in short else name.split("和", 1)
            expected += [(short[p], role) for p in parts]
        assert [(r["organization_id"], r["role"]) for r in rows] == expected, m["id"]
        assert {int(r["locator"]) for r in rows} == {int(m["locator"]) + 2}


def test_no_lead_is_invented_where_the_clause_names_none(responsibilities):
    leads = {r["measure_id"] for r in responsibilities if r["role"] == "lead"}
    for number in (19, 20, 21, 22):
        assert f"{POLICY}-{number:02d}" not in leads


def _normalized(name: str) -> str:
    for prefix in ("中国共产党", "中共", "中国", "山西省", "山西", "省"):
        name = name.removeprefix(prefix)
    return name.replace("委员会", "委").replace("和", "")


def test_no_organization_under_two_spellings(organizations):
    names = [_normalized(o["name_zh"]) for o in organizations.values()]
    assert len(names) == len(set(names)), [n for n, c in Counter(names).items() if c > 1]
    shorts = [o["short_name_zh"] for o in organizations.values() if o["short_name_zh"]]
    assert len(shorts) == len(set(shorts))
    english = [o["name_en"].lower() for o in organizations.values()]
    assert len(english) == len(set(english))


def test_generic_groups_are_collective(organizations):
    assert organizations["related-city-governments"]["kind"] == "collective"
    assert organizations["shanxi-provincial-departments"]["kind"] == "collective"


def test_the_policy_implements_the_state_council_opinion(table):
    policies = {p["id"]: p for p in table("policies")}
    assert policies[POLICY]["implements_id"] == "guofa-2021-3"
    assert (policies[POLICY]["signed"], policies[POLICY]["published"]) == ("2021-11-08", "2021-11-09")
    assert policies["guofa-2021-3"]["doc_number"] == "国发〔2021〕3号"


def test_which_measures_the_development_and_reform_commission_leads(responsibilities):
    led = sorted(
        r["measure_id"] for r in responsibilities if r["organization_id"] == "shanxi-drc" and r["role"] == "lead"
    )
    assert led == [f"{POLICY}-03", f"{POLICY}-04"]


def test_which_projects_concern_changzhi(table):
    regions = {r["code"]: r for r in table("regions")}
    changzhi = {c for c, r in regions.items() if c == "140400" or r["parent_code"] == "140400"}
    projects = {pr["project_id"] for pr in table("project_regions") if pr["region_code"] in changzhi}
    assert {
        "changzhi-handan-liaocheng-hsr",
        "changzhi-wujiazhuang-reservoir",
        "huguan-baquanxia-water-supply",
    } <= projects
    assert {"changzhi-peoples-hospital-regional-centre", "lucheng-beicun-headquarters"} <= projects
    assert "jincheng-civil-airport" not in projects


def test_a_target_is_due_in_the_year_its_line_prints_before_it(table, sources_dir):
    """A dated target's words follow, on its cited line, the last 到N年 before them, and N is its year."""
    archive = {s["id"]: s["archive_file"] for s in table("sources")}
    dated = [t for t in table("policy_targets") if t["target_year"]]
    assert dated
    for t in dated:
        line = (sources_dir / archive[t["source_id"]]).read_text(encoding="utf-8").splitlines()[int(t["locator"]) - 1]
        before = line[: line.index(t["text_zh"])]
        assert re.findall(r"到(\d{4})年", before)[-1] == t["target_year"], t["id"]


def test_quantified_commitments(table):
    quantified = {t["figure_text"]: t for t in table("policy_targets") if t["quantified"] == "true"}
    assert quantified["100%"]["value"] == "100" and quantified["100%"]["unit"] == "percent"
    assert quantified["5年"]["value"] == "5" and quantified["5年"]["unit"] == "year"


def test_a_place_outside_shanxi_named_by_a_finer_place_is_located_there(table):
    """雄安新区 is named, 河北 is not: a project there lies in Hebei by `located`, never `named` (and a project that
    only serves the new area is not placed there at all: `verify` refuses a region its line does not name)."""
    xiongan = [pr for pr in table("project_regions") if pr["place_zh"] == "雄安新区"]
    assert xiongan
    assert {(pr["region_code"], pr["basis"]) for pr in xiongan} == {("130000", "located")}


def test_every_project_category_and_kind_is_represented(table):
    categories = Counter(p["category"] for p in table("projects"))
    for kind in ("railway", "expressway", "airport", "water", "energy", "pipeline", "heritage", "tourism", "health"):
        assert categories[kind], kind


def test_policy_events(table):
    events = {e["id"]: e for e in table("events")}
    assert events["jinzhengfa-2021-36-signed"]["date"] == "2021-11-08"
    assert events["jinzhengfa-2021-36-issued"]["date"] == "2021-11-09"
    assert events["jinzhengfa-2021-36-republished"]["date"] == "2024-07-07"


# The names the articles quote that are not projects, and why.
QUOTED_NOT_PROJECTS = {
    "柔性用才、项目引才": "a way of recruiting talent, not an undertaking",
    "一带一路": "the national Belt and Road initiative, which the old area is to join",
    "中共创建第一城": "Yangquan's claim on which the 红色泉城 brand rests (see that project's note)",
    "两不愁三保障": "the standard of poverty relief to be kept, not an undertaking",
    "三属": "a group of people whose allowances are to rise",
    "三红": "a group of people whose allowances are to rise",
}


def test_every_name_an_article_quotes_is_a_project_or_said_not_to_be(table, sources_dir):
    """A named programme is printed in quotes (“太行人家”): each is part of a project's name as printed."""
    source = next(s for s in table("sources") if s["id"] == "sxgov-2021-36")
    lines = (sources_dir / source["archive_file"]).read_text(encoding="utf-8").splitlines()
    clauses = {int(r["locator"]) for r in table("measure_responsibilities")}
    printed = [p["printed_zh"] for p in table("projects")]
    quoted = {name for n in clauses for name in re.findall(r"“([^”]+)”", lines[n - 1])}
    assert {name for name in quoted if not any(name in p for p in printed)} == set(QUOTED_NOT_PROJECTS)
