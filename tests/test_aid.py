"""The aid history: who helped which county, the chains of renamed bodies, and the figures they report."""

from collections import Counter

import pytest


@pytest.fixture(scope="module")
def assignments(table):
    return table("aid_assignments")


@pytest.fixture(scope="module")
def organizations(table):
    return {o["id"]: o for o in table("organizations")}


def _pairs(assignments, org):
    return {
        (a["region_code"], a["start_year"], a["end_year"], a["status"])
        for a in assignments
        if a["organization_id"] == org
    }


def test_central_designated_aid(assignments):
    assert _pairs(assignments, "coal-ministry") == {
        (code, "1994", "", "ended")
        for code in ("140425", "140429", "140430", "140431")  # abolished in 1998
    }
    assert _pairs(assignments, "gapp") == {("140425", "2002", "2013", "ended"), ("140427", "2002", "2013", "ended")}
    assert _pairs(assignments, "sapprft") == {("140425", "2013", "2017", "ended"), ("140427", "2013", "", "ended")}
    assert _pairs(assignments, "nrta") == {("140425", "2017", "", "ongoing")}
    assert _pairs(assignments, "ccteg") == {("140429", "2015", "", "ongoing")}
    assert _pairs(assignments, "acftu") == {("140427", "2016", "", "ongoing")}


def test_the_renaming_and_merger_chain(organizations):
    assert organizations["gapp"]["successor_id"] == "sapprft"
    assert organizations["sarft"]["successor_id"] == "sapprft"
    assert organizations["sapprft"]["successor_id"] == "nrta"
    assert organizations["luan-mining-bureau"]["successor_id"] == "luan-chemical"


def test_successor_chains_end(organizations):
    for oid in organizations:
        seen = set()
        while oid:
            assert oid not in seen, f"successor cycle through {oid}"
            seen.add(oid)
            oid = organizations[oid]["successor_id"]


def test_group_aid_is_not_split_into_invented_pairings(assignments):
    groups = Counter((a["program"], a["counties_zh"]) for a in assignments if a["pairing"] == "group")
    assert groups == {
        ("provincial_designated_aid", "平顺、壶关、武乡、沁县"): 35,
        ("village_resident_team", "壶关、平顺、武乡"): 20,
    }
    assert {a["region_code"] for a in assignments if a["pairing"] == "group"} == {"140400"}


def test_aid_outcomes_by_body(table):
    outcomes = {(o["organization_id"], o["metric_id"]): o for o in table("observations") if o["organization_id"]}
    free = "aid-free-funds-invested"
    assert outcomes[("nrta", free)]["value"] == "5745500"
    assert outcomes[("ccteg", free)]["value"] == "16700000"
    assert outcomes[("acftu", free)]["value"] == "45860000"
    assert outcomes[("nrta", "aid-farm-produce-bought-sold")]["figure_text"] == "1384.9万余元"
    for org in ("nrta", "ccteg", "acftu"):
        assert outcomes[(org, free)]["qualifier"] == "more_than"
        assert outcomes[(org, free)]["as_of"] == "2022-04-01"


def test_one_metric_per_concept_across_bodies(table):
    uses = Counter(o["metric_id"] for o in table("observations"))
    assert uses["aid-free-funds-invested"] == 3
    assert uses["aid-cadres-technicians-trained"] == 3
    assert uses["rural-income-per-capita-poor-areas"] == 3


def test_farmer_income_2013_to_2019(table):
    series = {
        o["period_start"]: o["value"]
        for o in table("observations")
        if o["metric_id"] == "rural-income-per-capita-poor-areas"
    }
    assert series == {"2013": "4875", "2019": "9379", "2020-01": "7667"}


def test_village_figures_keep_their_county(table):
    village = [o for o in table("observations") if o["place_zh"] in ("湛上村", "鹿家庄村")]
    assert village and {o["region_code"] for o in village} == {"140403"}


def test_events_span_the_history(table):
    years = {e["date"][:4] for e in table("events")}
    assert {"1986", "1994", "2002", "2013", "2015", "2016", "2017", "2021"} <= years
    inferred = [e for e in table("events") if e["id"] == "whu-service-station-huguan"]
    assert inferred[0]["date_precision"] == "month" and "inferred" in inferred[0]["note"]


def test_errata_cover_the_known_defects(table):
    printed = {e["as_printed"] for e in table("errata")}
    for defect in ("70亿亿元", "26条条", "10座座", "巩团拓展", "屯留区、(上党区"):
        assert defect in printed
    assert Counter(e["kind"] for e in table("errata"))["spam"] == 1


def test_every_line_with_pinyin_glosses_has_its_erratum(table, sources_dir):
    from scripts.sourcetext import GLOSS

    lines = (sources_dir / "001_a02f32b729930850.txt").read_text(encoding="utf-8").splitlines()
    glossed = {n for n, line in enumerate(lines, 1) if GLOSS.search(line)}
    recorded = {int(e["locator"]) for e in table("errata") if e["kind"] == "pinyin_gloss"}
    assert recorded == glossed


def test_every_figure_on_a_defective_line_links_its_erratum(table):
    defective = {(e["source_id"], e["locator"]) for e in table("errata")}
    for o in table("observations"):
        if (o["source_id"], o["locator"]) in defective:
            assert o["erratum_id"], o["id"]
