"""Charts as inline SVG, drawn at build time: readable without JavaScript, text kept as text.

Every label is escaped for HTML and for Markdown (a chart stands in a figure whose content Markdown reads).
Sizes use a viewBox as wide as a phone's text column (WIDTH), so that 13-unit text is drawn at 12 px or more
on a 390 px screen; the stylesheet keeps a chart from growing much wider on a desktop.
"""

import re

from .markup import esc

PALETTE = ["#b71c1c", "#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037"]
FONT = 'font-family="system-ui, sans-serif"'
WIDTH = 360  # the viewBox width of a chart: about the width of a phone's text column, in CSS pixels


def svg_escape(text: object) -> str:
    return esc(text)


def text_width(text: str, size: int = 13) -> float:
    """About how wide a label is drawn: a CJK character takes a full em, other characters a little over half."""
    return sum(size if ord(c) >= 0x2E80 else 0.6 * size for c in text)


def wrap(text: str, limit: float) -> list[str]:
    """A label broken at spaces into lines no wider than limit, where it can be."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and text_width(f"{lines[-1]} {word}") <= limit:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def lines_of(text: str, limit: float) -> list[str]:
    """A label broken into lines no wider than limit: at spaces where it has them, else between characters
    (Chinese), never inside a run of Latin letters or digits."""
    if " " in text:
        return wrap(text, limit)
    lines = [""]
    for run in re.findall(r"[A-Za-z0-9.%〔〕]+|.", text):
        if lines[-1] and text_width(lines[-1] + run) > limit:
            lines.append("")
        lines[-1] += run
    return lines


def timeline(title: str, events: list[tuple[str, str]], width: int = WIDTH) -> str:
    """A vertical timeline: one dot per (date, text) on a line down the left, the date beside it and the text,
    wrapped, to its right."""
    axis, text_left, top, line_height, gap = 78, 92, 14, 18, 12
    rows = [(date, lines_of(text, width - text_left - 4)) for date, text in events]
    height = top + sum(len(lines) * line_height + gap for _, lines in rows)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{svg_escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13"><title>{svg_escape(title)}</title>',
        f'<line x1="{axis}" y1="{top}" x2="{axis}" y2="{height - gap}" stroke="#bbb" stroke-width="2"/>',
    ]
    y = top
    for date, lines in rows:
        baseline = y + 13
        parts.append(
            f'<circle cx="{axis}" cy="{baseline - 5}" r="5" fill="{PALETTE[0]}"/>'
            f'<text x="{axis - 10}" y="{baseline}" text-anchor="end" fill="#222" font-weight="600">{svg_escape(date)}</text>'
        )
        parts += [
            f'<text x="{text_left}" y="{baseline + k * line_height}" fill="#222">{svg_escape(t)}</text>'
            for k, t in enumerate(lines)
        ]
        y += len(lines) * line_height + gap
    parts.append("</svg>")
    return "".join(parts)


def bars(title: str, rows: list[tuple[tuple[str, ...], float, str]], width: int = WIDTH) -> str:
    """A horizontal bar chart: one bar per (label lines, value, value as printed). The label column is as
    wide as its longest line, up to 45% of the chart; a longer line is wrapped at its spaces."""
    limit = 0.45 * width - 16
    rows = [(tuple(part for line in label for part in wrap(line, limit)), v, shown) for label, v, shown in rows]
    lines = max((len(label) for label, _, _ in rows), default=1)
    bar_height, gap, top, line_height = max(22, 16 * lines), 10, 8, 16
    widest = max((text_width(t) for label, _, _ in rows for t in label), default=0)
    label_width = int(min(max(120, widest + 16), limit + 16))
    height = top + len(rows) * (bar_height + gap)
    largest = max((v for _, v, _ in rows), default=0) or 1
    span = width - label_width - max((text_width(shown) for _, _, shown in rows), default=0) - 12
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{svg_escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13"><title>{svg_escape(title)}</title>'
    ]
    for i, (label, value, shown) in enumerate(rows):
        y = top + i * (bar_height + gap)
        length = max(1.0, span * value / largest)
        first = y + bar_height / 2 + 5 - (len(label) - 1) * line_height / 2
        parts += [
            f'<text x="{label_width - 8}" y="{first + k * line_height:.0f}" text-anchor="end" fill="#222">{svg_escape(t)}</text>'
            for k, t in enumerate(label)
        ]
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{PALETTE[i % 7]}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + bar_height / 2 + 5:.0f}" fill="#222">{svg_escape(shown)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def line(
    title: str,
    points: list[tuple[str, float, str]],
    ticks: tuple[tuple[float, str], ...] = (),
    unit: str = "",
    width: int = WIDTH,
    height: int = 240,
) -> str:
    """A line chart of (x label, value, value as printed), x spaced by label order, with a value axis marked
    at `ticks` (value, label) and headed by its unit."""
    left, right, top, bottom = 60, 30, 24, 40
    largest = max([v for _, v, _ in points] + [v for v, _ in ticks]) * 1.15
    step = (width - left - right) / max(1, len(points) - 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return left + i * step, height - bottom - (height - top - bottom) * v / largest

    path = " ".join(
        f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (_, v, _) in enumerate(points) for x, y in [xy(i, v)]
    )
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{svg_escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13"><title>{svg_escape(title)}</title>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#888"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#888"/>',
        f'<text x="{left - 6}" y="{top - 10}" text-anchor="end" fill="#444">{svg_escape(unit)}</text>',
    ]
    for value, label in ticks:
        _, y = xy(0, value)
        parts.append(
            f'<line x1="{left - 4}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#444">{svg_escape(label)}</text>'
        )
    parts.append(f'<path d="{path}" fill="none" stroke="{PALETTE[0]}" stroke-width="3"/>')
    for i, (label, value, shown) in enumerate(points):
        x, y = xy(i, value)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{PALETTE[0]}"/>'
            f'<text x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle" fill="#222">{svg_escape(shown)}</text>'
            f'<text x="{x:.1f}" y="{height - bottom + 20}" text-anchor="middle" fill="#222">{svg_escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
