"""The figures the narrative features, chosen by the table featured_figures: the key figures of the home
page, the bar charts of aid outcomes (one chart per metric, one bar per body), and the line chart of
income with the figures its caption names.

The four feature codes below are the site's side of the contract with featured_figures (the code table
FEATURE in schemas/codes.py): which observations a chart shows, and in what order, is data; how each
feature is drawn is code. A feature code the site does not draw is simply not shown.
"""

import csv
import html
import io
import math
from typing import Any

from ..simplified import to_simplified
from . import charts
from .amounts import reading, scaled, with_unit
from .context import Context
from .downloads import table_link, up
from .figure import FOLDER, as_written, what, where_when
from .labels import code, definition, in_code_order
from .links import cite_rows, source_label
from .markup import download_link, esc, figure
from .tables import period
from .words import CHINESE

KEY_FIGURES, BAR_CHARTS, LINE_CHARTS, LINE_NOTES = "key_figure", "central_aid_chart", "income_chart", "income_note"
OBSERVATIONS = "observations"
SOURCE_TABLE = f"data/{OBSERVATIONS}.csv"  # the downloadable table behind every chart, as the package has it
CHARTS = "charts"  # the folder of downloads/ that holds the data of each chart
TIMELINE = "aid-history-timeline"  # the name of the timeline's data


def chart_name(metric_id: str) -> str:
    """Where a chart's data is served, relative to downloads/."""
    return f"{CHARTS}/{metric_id}.csv"


def chart_data(data: Any) -> dict[str, str]:
    """The CSV of exactly what each chart plots (the observations' rows, with the package's columns), by its
    file name in the charts folder."""
    plotted = {TIMELINE: data.timeline()}
    for feature in (BAR_CHARTS, LINE_CHARTS):
        plotted |= _by_metric(data.featured(feature))
    out = {}
    for name, found in plotted.items():
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(found[0].keys())
        writer.writerows(tuple(as_written(v) for v in row) for row in found)
        out[f"{name}.csv"] = text.getvalue()
    return out


def _by_metric(rows: list[Any]) -> dict[str, list[Any]]:
    """Observations grouped by metric, in the order of their first position."""
    groups: dict[str, list[Any]] = {}
    for o in rows:
        groups.setdefault(o["metric_id"], []).append(o)
    return groups


def _unit(ctx: Context, o: Any) -> str:
    return ctx.code(OBSERVATIONS, "unit", o)


def _title(ctx: Context, metric_id: str) -> str:
    return ctx.text(ctx.data.metrics[metric_id], "name")


def key_figures(ctx: Context) -> str:
    """The home page's key figures: each a large number with one line on what it counts, where and when, and
    its source, the whole card one tap to the figure's page (where the reader checks it)."""
    cards = []
    for o in ctx.data.featured(KEY_FIGURES):
        cards.append(
            f'<a class="key-figure" href="{FOLDER}/{html.escape(o["id"], quote=True)}/">'
            f'<span class="key-number">{_key_number(ctx, o)}</span>'
            f'<span class="key-what">{html.escape(what(ctx, o))}</span>'
            f'<span class="key-scope">{html.escape(where_when(ctx, o))}</span>'
            f'<span class="key-source">{html.escape(ctx.word("source"))}{ctx.colon}'
            f"{html.escape(source_label(ctx, o['source_id']))}</span></a>"
        )
    return f'<div class="key-figures">\n{"".join(cards)}\n</div>\n'


def _key_number(ctx: Context, o: Any) -> str:
    """A key figure's number: on a Chinese page as printed, in simplified script (4586万余元), which says its
    qualifier in the source's own word; on an English page our reading (more than 45.86 million yuan)."""
    return html.escape(to_simplified(o["figure_text"])) if ctx.lang == CHINESE else reading(ctx, o)


def _bar_label(ctx: Context, o: Any) -> tuple[str, ...]:
    """A bar's label: the body (its short name in Chinese, where it has one) and the region, on two lines."""
    region = ctx.text(ctx.data.regions[o["region_code"]], "name")
    if not o["organization_id"]:
        return (region,)
    body = ctx.data.orgs[o["organization_id"]]
    name = (body["short_name_zh"] or body["name_zh"]) if ctx.lang == CHINESE else body["name_en"]
    return (name, f"→ {region}")


def _bar_value(ctx: Context, o: Any) -> str:
    """A bar's value: as printed on a Chinese page (4586万余元), our reading on an English one (45.86 million
    yuan); the caption's note says what a qualifier means."""
    return o["figure_text"] if ctx.lang == CHINESE else with_unit(o["value"], _unit(ctx, o), ctx.lang)


def _data(ctx: Context, rows: list[Any]) -> str:
    """The end of a caption: the lines the figures come from and the downloadable table."""
    return f"{ctx.word('data')}{cite_rows(ctx, rows)}{ctx.semicolon}{table_link(ctx, SOURCE_TABLE)}"


def chart_csv(ctx: Context, name: str) -> str:
    """The end of a chart's caption: the CSV of exactly what it plots (a chart stands on a narrative page)."""
    return f"{ctx.semicolon}{ctx.word('chart_csv')} {download_link(chart_name(name), up(ctx.lang))}"


def bar_charts(ctx: Context) -> str:
    """One bar chart per metric, then a note: the date of the totals and what each qualifier means."""
    rows = ctx.data.featured(BAR_CHARTS)
    parts = []
    for metric_id, found in _by_metric(rows).items():
        title = _title(ctx, metric_id)
        svg = charts.bars(title, [(_bar_label(ctx, o), o["value"], _bar_value(ctx, o)) for o in found])
        caption = f"{esc(title)}{ctx.paren(esc(_unit(ctx, found[0])))}{ctx.stop}{_data(ctx, found)}{chart_csv(ctx, metric_id)}"
        parts.append(figure(svg, caption))
    dates = ctx.sep.join(dict.fromkeys(o["as_of"] for o in rows if o["as_of"]))
    note = ctx.word("totals", dates=esc(dates)) if dates else ""
    for qualifier in in_code_order(OBSERVATIONS, "qualifier", (o["qualifier"] for o in rows)):
        meaning = definition(OBSERVATIONS, "qualifier", qualifier, ctx.lang)
        if meaning:
            label = code(OBSERVATIONS, "qualifier", qualifier, ctx.lang)
            note += ctx.sentence(esc(ctx.word("qualifier_means", label=label, definition=meaning)))
    return "\n".join(parts) + "\n" + note + _data(ctx, rows) + ctx.stop.strip() + "\n"


def _round_ticks(top: float) -> list[float]:
    """Marks of a value axis from 0 to just past `top` (the chart leaves 15% above it): 0 and multiples of a
    round step (1, 2 or 5 × 10ⁿ)."""
    step = 10 ** math.floor(math.log10(top)) if top > 0 else 1
    step = next((s * step for s in (1, 2, 5) if top / (s * step) <= 4), 10 * step)
    return [i * step for i in range(int(top // step) + 2) if i * step <= 1.15 * top]


def line_charts(ctx: Context) -> str:
    """One line chart per metric, its caption naming the figures of the notes, which it does not plot."""
    notes = ctx.data.featured(LINE_NOTES)
    items = ctx.semicolon.join(
        f"{esc(_title(ctx, o['metric_id']))} {esc(o['figure_text'])}{ctx.paren(esc(period(ctx, o)))}" for o in notes
    )
    also = ctx.word("also_given", items=items) if notes else ""
    parts = []
    for metric_id, found in _by_metric(ctx.data.featured(LINE_CHARTS)).items():
        title = _title(ctx, metric_id)
        top = max(o["value"] for o in found)
        ticks = tuple((v, scaled(v, ctx.lang)) for v in _round_ticks(top))
        points = [(period(ctx, o), o["value"], scaled(o["value"], ctx.lang)) for o in found]
        svg = charts.line(title, points, ticks, _unit(ctx, found[0]))
        caption = f"{esc(title)}{ctx.paren(esc(_unit(ctx, found[0])))}{ctx.stop}{also}{_data(ctx, found + notes)}"
        caption += chart_csv(ctx, metric_id)
        parts.append(figure(svg, caption))
    return "\n".join(parts)
