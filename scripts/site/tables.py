"""The tables that several pages and fragments show: figures, aid assignments, events, targets, errata,
projects, and what later sources report on a project, target or measure.

Each takes the context (data, language, depth) and returns a Markdown table of escaped cells, with
every coded value as its label in the page's language.
"""

import html
from collections import Counter
from typing import Any
from urllib.parse import urlencode

from .amounts import printed, reading
from .context import Context
from .links import cite, figure_link, inferred_from_source, measure_link, org_link, region_link
from .markup import code, esc, link, table

ROWS_SHOWN = 150  # the most rows a table of a page renders: a page's size and build time do not grow with the data


def period(ctx: Context, o: Any) -> str:
    """An observation's period (2013, or 2020-01 – 2020-09) and the date a running total is as of (a total
    since a start: 2016 起，截至 2022-04-01), said to be inferred where it is its source's inferred date."""
    start, end = o["period_start"], o["period_end"]
    as_of = o["as_of"]
    if as_of and inferred_from_source(as_of, ctx.data.sources[o["source_id"]]):
        as_of += ctx.word("inferred")
    if start and not end and as_of:
        return ctx.word("since_as_of", start=start, date=as_of)
    span = " – ".join(dict.fromkeys(p for p in (start, end) if p))
    if as_of:
        span = (span + " " if span else "") + ctx.word("as_of") + as_of
    return span


def bounded(ctx: Context, resource: str, column: str, value: object, order: str) -> tuple[list[Any], str]:
    """The rows of a table whose column holds a value, in order, at most ROWS_SHOWN of them; and, when there
    are more, a line that says how many there are and where to find them all."""
    sql = f"FROM {resource} WHERE {column} = ?"
    rows = ctx.data.rows(f"SELECT * {sql} ORDER BY {order} LIMIT ?", value, ROWS_SHOWN + 1)
    if len(rows) <= ROWS_SHOWN:
        return rows, ""
    total = ctx.data.rows(f"SELECT count(*) {sql}", value)[0][0]
    return rows[:ROWS_SHOWN], elsewhere(ctx, resource, column, value, total)


def elsewhere(ctx: Context, resource: str, column: str, value: object, total: int) -> str:
    """Under a table cut short: how many rows it has, and where they all are: the public Datasette's table
    filtered to them, or, where there is none, the downloads (scripts/site/inline.py keeps the part that
    applies)."""
    address = html.escape(f"/{ctx.data.name}/{resource}?{urlencode({column: value})}", quote=True)
    datasette = f'<a href="{{{{ datasette }}}}{address}">Datasette</a>'
    downloads = ctx.word(
        "rows_downloaded",
        total=total,
        data=f"{ctx.up}data/index.md",
        table=code(resource),
        column=code(column),
        value=code(value),
    )
    return (
        f"\n{ctx.word('rows_shown', total=total, shown=ROWS_SHOWN)}"
        f"<!-- datasette:public -->{ctx.word('rows_in_datasette', total=total, datasette=datasette)}"
        f"<!-- /datasette:public --><!-- datasette:local -->{downloads}"
        "<!-- /datasette:local -->\n\n"
    )


def figures(ctx: Context, column: str, value: object, with_region: bool = False) -> str:
    """The observations whose column holds a value, in source and line order (at most ROWS_SHOWN)."""
    rows, rest = bounded(ctx, "observations", column, value, "source_id, locator, id")
    return figure_table(ctx, rows, with_region) + rest


def figure_table(ctx: Context, rows: list[Any], with_region: bool = False) -> str:
    """Figures, each with what it measures (and where, if the source names a place), our reading of its
    value, the figure as printed, its region, its period and its source line."""
    out = []
    for o in rows:
        what = esc(ctx.text(ctx.data.metrics[o["metric_id"]], "name"))
        for part in ("subset_zh", "place_zh"):
            if o[part]:
                what += ctx.paren(printed(ctx, o[part]))
        cells = [what, reading(ctx, o), printed(ctx, o["figure_text"])]
        cells += [region_link(ctx, o["region_code"])] if with_region else []
        out.append([*cells, esc(period(ctx, o)), figure_link(ctx, o)])
    header = ["metric", "value", "printed", *(["region"] if with_region else []), "period", "source"]
    return table([ctx.word(k) for k in header], out)


def years(a: Any) -> str:
    return "–".join(str(y) for y in (a["start_year"], a["end_year"]) if y)


def _group_key(a: Any) -> tuple:
    """What the bodies of one group pairing share: programme, counties, years and source line (their status
    may differ: a body since replaced by another has ended)."""
    return (a["program"], a["counties_zh"], a["start_year"], a["end_year"], a["source_id"], a["locator"])


def aid_groups(rows: list[Any]) -> list[list[Any]]:
    """Aid assignments with the bodies of one group pairing together, in the order of their first row."""
    groups: dict[tuple, list[Any]] = {}
    for a in rows:
        groups.setdefault(_group_key(a) if a["counties_zh"] else (a["id"],), []).append(a)
    return list(groups.values())


def bodies(ctx: Context, members: list[Any]) -> str:
    """The helping body of an assignment, or a group's count of bodies that opens to their list."""
    if len(members) == 1:
        return org_link(ctx, members[0]["organization_id"])
    names = ctx.sep.join(org_link(ctx, m["organization_id"]) for m in members)
    return f"<details><summary>{ctx.word('bodies_n', n=len(members))}</summary>{names}</details>"


def assignments(ctx: Context, rows: list[Any], first: str) -> str:
    """Aid assignments, led by the helping body (`first` = "body") or the region helped ("region"). Led by
    the body, the bodies of a group pairing are one row that opens to their list."""
    out = []
    for members in aid_groups(rows) if first == "body" else [[a] for a in rows]:
        a = members[0]
        pairing = esc(ctx.code("aid_assignments", "pairing", a))
        if a["counties_zh"]:
            pairing += ctx.paren(printed(ctx, a["counties_zh"]))
        out.append(
            [
                region_link(ctx, a["region_code"]) if first == "region" else bodies(ctx, members),
                esc(ctx.code("aid_assignments", "program", a)),
                pairing,
                years(a),
                statuses(ctx, members),
                cite(ctx, a["source_id"], a["locator"]),
            ]
        )
    return table([ctx.word(k) for k in (first, "program", "pairing", "years", "status", "source")], out)


def statuses(ctx: Context, members: list[Any]) -> str:
    """The status of an assignment; of a group, each status its bodies have, with how many where they differ."""
    counted = Counter(ctx.code("aid_assignments", "status", m) for m in members)
    if len(counted) == 1:
        return esc(next(iter(counted)))
    return esc(ctx.sep.join(ctx.word("status_count", status=label, n=n) for label, n in counted.most_common()))


def events(ctx: Context, column: str, value: object) -> str:
    """The events whose column holds a value, by date (at most ROWS_SHOWN)."""
    rows, rest = bounded(ctx, "events", column, value, "date, id")
    return (
        table(
            [ctx.word(k) for k in ("date", "event", "source")],
            [[esc(e["date"]), esc(ctx.text(e, "title")), cite(ctx, e["source_id"], e["locator"])] for e in rows],
        )
        + rest
    )


def targets(ctx: Context, rows: list[Any]) -> str:
    return table(
        [ctx.word(k) for k in ("year", "target", "printed", "source", "report")],
        [
            [
                esc(r["target_year"]),
                esc(ctx.text(r, "text")),
                esc(r["figure_text"]),
                cite(ctx, r["source_id"], r["locator"]),
                latest_report(ctx, "target_id", r["id"]),
            ]
            for r in rows
        ],
    )


def latest_report(ctx: Context, column: str, key: str) -> str:
    """What the latest later source says of a project, target or measure (`column` of project_updates): each
    update of the latest date with its status, date, the source's words and the line; or that none does."""
    rows = ctx.data.rows(
        f"SELECT * FROM project_updates WHERE {column} = ? AND as_of = "
        f"(SELECT max(as_of) FROM project_updates WHERE {column} = ?) ORDER BY id",
        key,
        key,
    )
    if not rows:
        return esc(ctx.word("no_report"))
    return ctx.semicolon.join(
        esc(ctx.code("project_updates", "status", u))
        + ctx.paren(esc(u["as_of"]))
        + f"{ctx.colon}{esc(u['status_zh'])}"
        + ctx.paren(cite(ctx, u["source_id"], u["locator"], words=u["status_zh"]))
        for u in rows
    )


def updates(ctx: Context, rows: list[Any]) -> str:
    """Reports of later sources, one a row: date, status, the source's words, the figure and the line."""
    figure = ctx.data.row
    return table(
        [ctx.word(k) for k in ("as_of_date", "status", "printed", "figure", "source")],
        [
            [
                esc(u["as_of"]),
                esc(ctx.code("project_updates", "status", u)),
                esc(u["status_zh"]),
                esc(figure("observations", u["observation_id"])["figure_text"] if u["observation_id"] else ""),
                cite(ctx, u["source_id"], u["locator"], words=u["status_zh"]),
            ]
            for u in rows
        ],
    )


def errata(ctx: Context, rows: list[Any]) -> str:
    return table(
        [ctx.word(k) for k in ("source", "kind", "as_printed", "reading", "reason")],
        [
            [
                cite(ctx, e["source_id"], e["locator"]),
                esc(ctx.code("errata", "kind", e)),
                esc(e["as_printed"]),
                esc(e["reading"]),
                ctx.ours(e["reason"]),
            ]
            for e in rows
        ],
    )


def project_places(ctx: Context, pid: str) -> str:
    """The regions a project names or lies in, linked."""
    places = ctx.data.rows("SELECT region_code FROM project_regions WHERE project_id = ? ORDER BY region_code", pid)
    return ctx.sep.join(region_link(ctx, r["region_code"]) for r in places)


PROJECT_CELLS = {  # a column of a table of projects: its heading word, and how a cell of it is written
    "project": lambda ctx, p: link(ctx.text(p, "name"), f"{ctx.up}projects/{p['id']}.md"),
    "category": lambda ctx, p: esc(ctx.code("projects", "category", p)),
    "action": lambda ctx, p: esc(p["action_zh"]),
    "region": lambda ctx, p: project_places(ctx, p["id"]),
    "measure": lambda ctx, p: measure_link(ctx, p["measure_id"]),
    "report": lambda ctx, p: latest_report(ctx, "project_id", p["id"]),
}


def projects(ctx: Context, rows: list[Any], columns: tuple[str, ...]) -> str:
    """Projects, with the columns named (from PROJECT_CELLS)."""
    return table([ctx.word(c) for c in columns], [[PROJECT_CELLS[c](ctx, p) for c in columns] for p in rows])
