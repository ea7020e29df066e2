"""The counties of the old area side by side: the bodies that aided each (paired with it, and in groups),
the aid results the aid-history charts show (the metrics of the feature they draw), and how many figures
and projects the sources give for it. A plain table sorted by code, which docs/javascripts/tables.js lets a
reader sort by any column."""

from typing import Any

from schemas.codes import PROJECT_STATUS

from ..frontmatter import front_matter
from . import ledger
from .amounts import reading
from .context import Context
from .featured import BAR_CHARTS
from .links import cite, region_link
from .markup import esc, table
from .summary import COMPARISON
from .tables import period

VIEW = "county_profiles"  # the database view of the county-level regions, with their designation


def _metrics(ctx: Context) -> list[str]:
    """The metrics of the aid charts, in their order."""
    return list(dict.fromkeys(o["metric_id"] for o in ctx.data.featured(BAR_CHARTS)))


NONE = "—"  # the sources give nothing: not the same as a count of 0 (the intro says so)


def _count(n: int) -> str:
    """A count, or a dash where the sources give none, which sorts as 0."""
    return str(n) if n else f'<span data-sort="0">{NONE}</span>'


def _bodies(rows: list[Any], grouped: bool) -> str:
    """How many bodies aided a county: paired with it, or in a group that names it."""
    return _count(len({a["organization_id"] for a in rows if bool(a["counties_zh"]) == grouped}))


def _results(ctx: Context, code: str, metric: str) -> str:
    """A county's figures of a metric, read in the page's units, each with its period and source line, with
    the largest value to sort by."""
    found = ctx.data.rows(
        "SELECT * FROM observations WHERE region_code = ? AND metric_id = ? ORDER BY value DESC", code, metric
    )
    if not found:
        return _count(0)
    shown = ctx.sep.join(
        f"{reading(ctx, o)}{ctx.paren(esc(period(ctx, o)))} {cite(ctx, o['source_id'], o['locator'], words=o['figure_text'])}"
        for o in found
    )
    return f'<span data-sort="{found[0]["value"]}">{shown}</span>'


def _begun(ctx: Context, code: str) -> tuple[int, int]:
    """Of the projects named in a county: how many stand at started or being built, and how many in service
    (in whole or in part), by the ledger."""
    pids = [
        r["project_id"]
        for r in ctx.data.rows("SELECT DISTINCT project_id FROM project_regions WHERE region_code = ?", code)
    ]
    stages = [
        PROJECT_STATUS[s].stage if s != ledger.NONE else 0
        for s in (ledger.standing(ledger.steps(ctx, "project_id", p)) for p in pids)
    ]
    opened = sum(s >= ledger.OPENED for s in stages)
    return sum(ledger.STARTED <= s < ledger.OPENED for s in stages), opened


def page(ctx: Context) -> str:
    metrics = _metrics(ctx)
    header = [ctx.word(k) for k in ("county", "city", "paired_bodies", "group_bodies")]
    header += [esc(ctx.text(ctx.data.metrics[m], "name")) for m in metrics]
    header += [ctx.word(k) for k in ("figures", "projects", "started_count", "opened")]
    rows = []
    for county in ctx.data.rows(f"SELECT * FROM {VIEW} WHERE taihang_old_area = 1 ORDER BY code"):
        code = county["code"]
        aid = ctx.data.aid_received(code)
        rows.append(
            [
                region_link(ctx, code),
                esc(ctx.text(ctx.data.regions[county["city_code"]], "name")),
                _bodies(aid, grouped=False),
                _bodies(aid, grouped=True),
                *(_results(ctx, code, m) for m in metrics),
                _count(county["observations"]),
                _count(county["projects"]),
                *(_count(n) for n in _begun(ctx, code)),
            ]
        )
    return "\n".join(
        [
            f"# {ctx.word('comparison')}",
            "",
            ctx.word("comparison_intro", n=len(rows)),
            "",
            '<div class="sortable" markdown="1">',
            "",
            table(header, rows),
            "</div>",
            "",
        ]
    )


def pages(ctx: Context, suffix: str) -> dict[str, str]:
    return {f"regions/{COMPARISON}{suffix}.md": front_matter(ctx.word("describe_comparison")) + page(ctx)}
