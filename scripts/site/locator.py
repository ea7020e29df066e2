"""The small map beside the county map: the outline of the province, the counties shaded inside it, in a
corner of the map that no county covers."""

import math
from typing import Any, NamedTuple

import shapely
from shapely import box
from shapely.geometry import shape

from ..geo import OUTLINE_TOLERANCE
from .charts import svg_escape, text_width

SIZES = (0.4, 0.34, 0.28, 0.22)  # the inset's width as a share of the map's, largest first
MARGIN = 6
LABEL = 16  # the height of the line under the inset that names the province


def _frame(features: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """West, east, south and north of the features' coordinates."""
    points = [pt for f in features for poly in f["geometry"]["coordinates"] for ring in poly for pt in ring]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), max(xs), min(ys), max(ys)


def _ring(ring: list[list[float]], point: Any) -> str:
    """A closed ring as path data, in whole units (the inset is small: a unit is about a pixel), a point that
    rounds onto the one before it left out."""
    drawn = [f"{round(x)},{round(y)}" for x, y in (point(*pt) for pt in ring)]
    kept = [p for i, p in enumerate(drawn) if i == 0 or p != drawn[i - 1]]
    return "M" + "L".join(kept) + "Z"


def _paths(features: list[dict[str, Any]], point: Any) -> str:
    """The SVG path data of the features, each ring closed."""
    return "".join(_ring(ring, point) for f in features for poly in f["geometry"]["coordinates"] for ring in poly)


def _place(occupied: Any, size: tuple[int, int], ratio: float, name: str) -> tuple[float, float, float] | None:
    """The largest outline (of SIZES) that fits, with `name` under it, in a corner of the map clear of
    `occupied`: the outline's left, top and width; the corners tried in the order top left, bottom right, top
    right, bottom left."""
    width, height = size
    for share in SIZES:
        w = width * share
        h = w / ratio + LABEL
        wide = max(w, text_width(name) + 4)  # the outline, or its name where that is wider
        corners = [(MARGIN, MARGIN), (width - wide - MARGIN, height - h - MARGIN)]
        corners += [(width - wide - MARGIN, MARGIN), (MARGIN, height - h - MARGIN)]
        for left, top in corners:
            if left >= 0 and top >= 0 and not occupied.intersects(box(left, top, left + wide, top + h)):
                return left + (wide - w) / 2, top, w
    return None


def _shade(counties: dict[str, Any]) -> dict[str, Any]:
    """The counties as one feature, their union simplified as much as the outline is: at the inset's size
    their borders would not show, and each county again would double the map's weight."""
    union = shapely.union_all([shape(f["geometry"]) for f in counties["features"]]).simplify(OUTLINE_TOLERANCE)
    polygons = getattr(union, "geoms", [union])
    rings = [[list(p.exterior.coords), *(list(hole.coords) for hole in p.interiors)] for p in polygons]
    return {"geometry": {"coordinates": rings}}


class Outline(NamedTuple):
    """What the inset draws: the outlines (a FeatureCollection), the name under it and its title."""

    collection: dict[str, Any]
    name: str
    title: str


def inset(outline: Outline, counties: dict[str, Any], occupied: Any, size: tuple[int, int]) -> str:
    """The province outline (light) with the counties inside it (dark) and the province's name under it, as an
    SVG group; nothing when no corner of the map of `size` is clear of `occupied` (the counties as drawn)."""
    outlines, name, title = outline
    west, east, south, north = _frame(outlines["features"])
    k = math.cos(math.radians((north + south) / 2))
    found = _place(occupied, size, (east - west) * k / (north - south), name)
    if found is None:
        return ""
    left, top, w = found
    scale = w / ((east - west) * k)

    def point(x: float, y: float) -> tuple[float, float]:
        return left + (x - west) * k * scale, top + (north - y) * scale

    h = (north - south) * scale
    return (
        f'<g role="img" aria-label="{svg_escape(title)}"><title>{svg_escape(title)}</title>'
        f'<path d="{_paths(outlines["features"], point)}" fill="#eeeeee" stroke="#555" stroke-width="0.8"/>'
        f'<path d="{_paths([_shade(counties)], point)}" fill="#666"/>'
        f'<text x="{left + w / 2:.1f}" y="{top + h + LABEL - 3:.1f}" text-anchor="middle" '
        f'fill="#333">{svg_escape(name)}</text></g>'
    )
