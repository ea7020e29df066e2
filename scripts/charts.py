"""Charts and the map as inline SVG, drawn at build time: readable without JavaScript, text kept as text.

Every label is escaped. Sizes use a viewBox, so a chart scales to a phone's width.
"""

import html
import math
from typing import Any

PALETTE = ["#b71c1c", "#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037"]
FONT = 'font-family="system-ui, sans-serif"'


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def bars(title: str, rows: list[tuple[str, float, str]], width: int = 640) -> str:
    """A horizontal bar chart: one bar per (label, value, value as printed)."""
    label_width, bar_height, gap, top = 200, 22, 10, 8
    height = top + len(rows) * (bar_height + gap)
    largest = max((v for _, v, _ in rows), default=0) or 1
    span = width - label_width - 150
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{_e(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13"><title>{_e(title)}</title>'
    ]
    for i, (label, value, shown) in enumerate(rows):
        y = top + i * (bar_height + gap)
        length = max(1.0, span * value / largest)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" fill="#222">{_e(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{PALETTE[i % 7]}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 16}" fill="#222">{_e(shown)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def line(title: str, points: list[tuple[str, float, str]], width: int = 640, height: int = 260) -> str:
    """A line chart of (x label, value, value as printed), x spaced by label order."""
    left, right, top, bottom = 60, 30, 20, 40
    largest = max(v for _, v, _ in points) * 1.15
    step = (width - left - right) / max(1, len(points) - 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return left + i * step, height - bottom - (height - top - bottom) * v / largest

    path = " ".join(
        f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (_, v, _) in enumerate(points) for x, y in [xy(i, v)]
    )
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{_e(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13"><title>{_e(title)}</title>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#888"/>',
        f'<path d="{path}" fill="none" stroke="{PALETTE[0]}" stroke-width="3"/>',
    ]
    for i, (label, value, shown) in enumerate(points):
        x, y = xy(i, value)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{PALETTE[0]}"/>'
            f'<text x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle" fill="#222">{_e(shown)}</text>'
            f'<text x="{x:.1f}" y="{height - bottom + 20}" text-anchor="middle" fill="#222">{_e(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def county_map(collection: dict[str, Any], href: str, width: int = 640) -> str:
    """The counties coloured by city, each a link to its page; a legend names the cities.

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
    cities = sorted({f["properties"]["city_zh"] for f in collection["features"]})
    colour = {city: PALETTE[i % len(PALETTE)] for i, city in enumerate(cities)}

    def point(x: float, y: float) -> str:
        return f"{(x - west) * k * scale + 10:.1f},{(north - y) * scale + 10:.1f}"

    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="group" '
        f'aria-label="太行革命老区 35 个县（市、区）示意图 / Schematic map of the 35 counties" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13"><title>太行革命老区 35 个县（市、区）示意图</title>'
    ]
    for feature in collection["features"]:
        props = feature["properties"]
        d = " ".join(
            "M" + " L".join(point(x, y) for x, y in ring) + " Z"
            for poly in feature["geometry"]["coordinates"]
            for ring in poly
        )
        name = f"{props['name_zh']} {props['name_en']}"
        parts.append(
            f'<a href="{_e(href.format(code=props["code"]))}"><path d="{d}" fill="{colour[props["city_zh"]]}" '
            f'fill-opacity="0.75" stroke="#fff" stroke-width="0.8"><title>{_e(name)}</title></path></a>'
        )
    for i, city in enumerate(cities):
        y = 20 + i * 22
        x = width - legend_width
        parts.append(
            f'<rect x="{x}" y="{y - 12}" width="14" height="14" fill="{colour[city]}" fill-opacity="0.75"/>'
            f'<text x="{x + 20}" y="{y}" fill="#222">{_e(city)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
