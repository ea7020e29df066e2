"""The map's county boundaries: simplified together, so that neighbours still meet (no overlap, no gap),
valid, and with rings in RFC 7946 orientation (exteriors counterclockwise, holes clockwise)."""

import json
from pathlib import Path

import shapely
from shapely.geometry import Polygon, shape

from scripts.geo import TOLERANCE

BOUNDARIES = Path(__file__).resolve().parent.parent / "data" / "geo" / "counties.geojson"


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


def test_neighbours_meet_with_no_overlap_and_no_gap():
    assert overlaps_and_gaps(counties()) == (0, 0)


def test_the_check_fires_on_counties_simplified_one_by_one():
    """Seeded: each county simplified on its own (as the map once was) overlaps its neighbours and leaves gaps."""
    one_by_one = [shapely.simplify(g, 4 * TOLERANCE, preserve_topology=True) for g in counties()]
    pairs, holes = overlaps_and_gaps(one_by_one)
    assert pairs > 0 and holes > 0


def test_every_county_is_valid_and_its_rings_follow_rfc_7946():
    for geometry in counties():
        assert geometry.is_valid
        for polygon in geometry.geoms:
            assert Polygon(polygon.exterior).exterior.is_ccw
            assert all(not Polygon(hole).exterior.is_ccw for hole in polygon.interiors)
