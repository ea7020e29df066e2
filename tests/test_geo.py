"""The map's county boundaries and their province's outline: the counties simplified together, so that
neighbours still meet (no overlap, no gap), each county inside the outline, all valid and with rings in RFC
7946 orientation (exteriors counterclockwise, holes clockwise); and where the province's small map goes."""

import json
from pathlib import Path

import shapely
import shapely.affinity
from shapely.geometry import Polygon, shape

from scripts.geo import TOLERANCE

BOUNDARIES = Path(__file__).resolve().parent.parent / "data" / "geo" / "counties.geojson"
OUTLINES = BOUNDARIES.parent / "provinces.geojson"


def overlaps_and_gaps(geometries: list) -> tuple[int, int]:
    """How many pairs of counties overlap (by more than a sliver), and how many holes their union has."""
    tree = shapely.STRtree(geometries)
    pairs = sum(
        1
        for i, j in zip(*tree.query(geometries, predicate="intersects"), strict=True)
        if i < j and geometries[i].intersection(geometries[j]).area > 1e-9
    )
    union = shapely.union_all(geometries)
    holes = sum(len(polygon.interiors) for polygon in getattr(union, "geoms", [union]))
    return pairs, holes


def counties() -> list:
    return [shape(f["geometry"]) for f in json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]]


def outlines() -> list:
    return [shape(f["geometry"]) for f in json.loads(OUTLINES.read_text(encoding="utf-8"))["features"]]


def test_neighbours_meet_with_no_overlap_and_no_gap():
    assert overlaps_and_gaps(counties()) == (0, 0)


def test_the_check_fires_on_counties_simplified_one_by_one():
    """Seeded: each county simplified on its own (as the map once was) overlaps its neighbours and leaves gaps."""
    one_by_one = [shapely.simplify(g, 4 * TOLERANCE, preserve_topology=True) for g in counties()]
    pairs, holes = overlaps_and_gaps(one_by_one)
    assert pairs > 0 and holes > 0


def test_every_county_and_outline_is_valid_and_its_rings_follow_rfc_7946():
    for geometry in counties() + outlines():
        assert geometry.is_valid
        for polygon in geometry.geoms:
            assert Polygon(polygon.exterior).exterior.is_ccw
            assert all(not Polygon(hole).exterior.is_ccw for hole in polygon.interiors)


def outside_the_outline(counties: list, outlines: list) -> int:
    """How many counties lie (by more than a sliver at the simplified edge) outside every outline."""
    province = shapely.union_all(outlines)
    return sum(county.difference(province).area > 0.1 * county.area for county in counties)


def test_every_county_lies_inside_its_province_outline():
    assert outlines() and outside_the_outline(counties(), outlines()) == 0


def test_the_outline_check_sees_a_county_moved_out_of_its_province():
    """Seeded: one county shifted a degree east, into Hebei."""
    moved = counties()
    moved[0] = shapely.affinity.translate(moved[0], xoff=1.0)
    assert outside_the_outline(moved, outlines()) == 1


def test_the_inset_takes_a_corner_clear_of_the_counties_or_is_left_out():
    """The province's small map goes where no county is drawn; where every corner is covered, it is left out."""
    from shapely import box

    from scripts.site.locator import Outline, inset

    collection = json.loads(OUTLINES.read_text(encoding="utf-8"))
    outline = Outline(collection, "山西省", "山西省轮廓示意")
    a_strip = box(150, 0, 210, 600)  # counties down the middle of a 360 × 600 map
    drawn = inset(outline, collection, a_strip, (360, 600))
    assert drawn.startswith('<g role="img" aria-label="山西省轮廓示意">') and ">山西省</text>" in drawn
    assert inset(outline, collection, box(0, 0, 360, 600), (360, 600)) == ""  # seeded: no room anywhere


def test_a_ring_is_drawn_from_its_first_point_by_steps_that_add_up_to_each_point():
    """The map's path data: relative steps in tenths, written briefly, that land on every rounded point."""
    import re

    from scripts.site.county_map import _ring, _tenths

    assert [_tenths(v) for v in (30, 3, -7, 124, 0, -30)] == ["3", ".3", "-.7", "12.4", "0", "-3"]
    ring = [(10.04, 20.0), (12.5, 19.96), (11.0, 25.33), (10.04, 20.0)]
    d = _ring(ring)
    numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", d)]
    x, y, points = numbers[0], numbers[1], [(numbers[0], numbers[1])]
    for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
        x, y = round(x + dx, 1), round(y + dy, 1)
        points.append((x, y))
    assert points == [(round(a, 1), round(b, 1)) for a, b in ring]
    assert d.startswith("M") and "l" in d and d.endswith("z")
