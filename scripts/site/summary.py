"""What opens a region's page, in one phone screen: who helped it and since when (a group of bodies as one
line), how many figures the sources give and a few of them, and the projects the policy names for it; or,
where the sources say nothing of the region itself, that, and the pages that cover it."""

from typing import Any

from .amounts import printed, reading
from .context import Context
from .links import region_link
from .markup import esc, link
from .tables import aid_groups, bodies, years

SHOWN = 3  # figures and projects named in the summary; the sections below list them all
COMPARISON = "compare"  # the page that compares the counties of the old area, in the regions folder


def _since(ctx: Context, a: Any) -> str:
    """When an assignment ran: 2002–2013; or since when, with its status (2016年起，进行中; 2013年起，已结束,
    in a year the source does not give); nothing where the source gives no year."""
    if a["start_year"] and not a["end_year"]:
        status = ctx.code("aid_assignments", "status", a)
        return ctx.word("since_status", year=a["start_year"], status=status)
    return years(a)


def aid(ctx: Context, rows: list[Any]) -> list[str]:
    """One line per programme: each body with its years, each group of bodies as a count with its counties."""
    by_program: dict[str, list[str]] = {}
    for members in aid_groups(rows):
        a = members[0]
        named = bodies(ctx, members) if len(members) == 1 else ctx.word("bodies_n", n=len(members))
        when = ctx.semicolon.join(part for part in (printed(ctx, a["counties_zh"]), _since(ctx, a)) if part)
        program = esc(ctx.code("aid_assignments", "program", a))
        by_program.setdefault(program, []).append(named + (ctx.paren(when) if when else ""))
    return [f"    - {program}{ctx.colon}{ctx.sep.join(items)}" for program, items in by_program.items()]


def _figures(ctx: Context, rows: list[Any]) -> str:
    shown = ctx.semicolon.join(
        f"{esc(ctx.text(ctx.data.metrics[o['metric_id']], 'name'))} {reading(ctx, o)}" for o in rows[:SHOWN]
    )
    return ctx.word("figures_count", n=len(rows)) + shown


def _projects(ctx: Context, rows: list[Any]) -> str:
    names = ctx.sep.join(esc(ctx.text(p, "name")) for p in rows[:SHOWN])
    more = ctx.word("and_more") if len(rows) > SHOWN else ""
    return ctx.word("projects_named", n=len(rows)) + names + more


def _covering(ctx: Context, code: str) -> str:
    """The regions that contain a region, nearest first, linked."""
    found = []
    parent = ctx.data.regions[code]["parent_code"]
    while parent:
        found.append(region_link(ctx, parent))
        parent = ctx.data.regions[parent]["parent_code"]
    return ctx.word("and").join(found)


def lines(ctx: Context, code: str, designated: bool) -> list[str]:
    """The summary's lines (Markdown list items) after the region's city and designations."""
    data = ctx.data
    received = data.aid_received(code)
    figures = data.rows("SELECT * FROM observations WHERE region_code = ? ORDER BY source_id, locator, id", code)
    projects = data.rows(
        "SELECT DISTINCT p.* FROM project_regions pr JOIN projects p ON p.id = pr.project_id "
        "WHERE pr.region_code = ? ORDER BY p.measure_id, p.id",
        code,
    )
    out = []
    if received:
        out += [ctx.fact("aid", ""), *aid(ctx, received)]
    if figures:
        out.append(ctx.fact("figures", _figures(ctx, figures)))
    if projects:
        out.append(ctx.fact("projects", _projects(ctx, projects)))
    if not out and (covering := _covering(ctx, code)):
        out.append(f"- {ctx.word('nothing_specific', places=covering)}")
    if designated:
        out.append(f"- {link(ctx.word('compare'), f'{ctx.up}regions/{COMPARISON}.md')}")
    return out
