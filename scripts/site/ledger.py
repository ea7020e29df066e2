"""Where the promises stand: each project's standing from the ledger (project_updates), the board of the
ledger page by standing and by measure, the targets with our assessments, and the line the home page says.

A project's standing is the furthest stage a dated report gives it (in service, started, approved...); a
project with reports but no stage stands at its latest report's status (being carried out, a figure
reported); a project without any stands at "no report found". The age of the newest evidence is counted
to the data's release date, so that a build of one version always says the same.
"""

from datetime import date
from typing import Any

from schemas import PACKAGE
from schemas.codes import PROJECT_STATUS

from ..ledger import OPENED, STARTED
from .context import Context
from .links import cite, measure_link
from .markup import chips, esc, link, table
from .words import initial_capital

NONE = "none"  # the standing of a project no report speaks of
RELEASED = date.fromisoformat(PACKAGE["created"][:10])


def steps(ctx: Context, column: str, key: str) -> list[Any]:
    """The dated reports on a subject, oldest first."""
    return ctx.data.rows(f"SELECT * FROM project_updates WHERE {column} = ? ORDER BY as_of, id", key)


def standing(rows: list[Any]) -> str:
    """The status a subject stands at: its furthest stage, else its latest report's status, else none."""
    if not rows:
        return NONE
    staged = [r for r in rows if PROJECT_STATUS[r["status"]].stage]
    if staged:
        return max(staged, key=lambda r: (PROJECT_STATUS[r["status"]].stage, r["as_of"]))["status"]
    return rows[-1]["status"]


def order() -> list[str]:
    """The standings from the furthest stage down, then the statuses of no stage, then none."""
    codes = sorted(PROJECT_STATUS.codes, key=lambda c: -c.stage if c.stage else 0)
    return [c.code for c in codes] + [NONE]


def label(ctx: Context, code: str) -> str:
    return ctx.word("no_report_found") if code == NONE else initial_capital(PROJECT_STATUS.label(code, ctx.lang))


def months_before_release(dated: str) -> int:
    """Months from a date (its last month, for a year) to the release."""
    year, month = int(dated[:4]), int(dated[5:7]) if len(dated) >= 7 else 12
    return (RELEASED.year - year) * 12 + RELEASED.month - month


def newest(ctx: Context, rows: list[Any]) -> str:
    """How old the newest evidence is: its date and months before the release; or that none was found."""
    if not rows:
        return ctx.word("no_report_since", date=_searched(ctx))
    dated = max(r["as_of"] for r in rows)
    return ctx.word("newest_report", date=dated, months=months_before_release(dated))


def _searched(ctx: Context) -> str:
    return max((s["searched_on"] for s in ctx.data.rows("SELECT searched_on FROM ledger_searches")), default="")


def project_link(ctx: Context, pid: str) -> str:
    return link(ctx.text(ctx.data.row("projects", pid), "name"), f"{ctx.up}projects/{pid}.md")


def step_cells(ctx: Context, r: Any) -> list[str]:
    """A dated report as cells: date, status, the words as printed, the figure, and where it is cited."""
    figure = ctx.data.row("observations", r["observation_id"])["figure_text"] if r["observation_id"] else ""
    return [
        esc(r["as_of"]),
        esc(ctx.code("project_updates", "status", r)),
        esc(r["status_zh"]),
        esc(figure),
        cite(ctx, r["source_id"], r["locator"], words=r["status_zh"]),
    ]


def timeline(ctx: Context, rows: list[Any]) -> str:
    """The dated steps of a subject, oldest first, each with its source and a link to the words."""
    header = [ctx.word(k) for k in ("event_date", "status", "printed", "figure", "source")]
    return table(header, [step_cells(ctx, r) for r in rows])


def standings(ctx: Context) -> dict[str, list[Any]]:
    """Every project by its standing, in the order of `order`."""
    found: dict[str, list[Any]] = {code: [] for code in order()}
    for p in ctx.data.rows("SELECT * FROM projects ORDER BY measure_id, id"):
        found[standing(steps(ctx, "project_id", p["id"]))].append(p)
    return {code: rows for code, rows in found.items() if rows}


def summary(ctx: Context) -> str:
    """The counts by standing, each a link to its group on the ledger page (a filter on a phone)."""
    groups = standings(ctx)
    counted = [link(f"{label(ctx, code)} {len(rows)}", f"#{anchor(code)}") for code, rows in groups.items()]
    return ctx.word("ledger_counts", n=sum(len(r) for r in groups.values())) + "\n\n" + chips(counted)


def anchor(code: str) -> str:
    return f"standing-{code.replace('_', '-')}"


def board(ctx: Context) -> str:
    """The projects by standing: each group under its heading, with its newest evidence."""
    out = []
    for code, rows in standings(ctx).items():
        out += [f"### {esc(label(ctx, code))}{ctx.paren(str(len(rows)))} {{ #{anchor(code)} }}"]
        cells = []
        for p in rows:
            found = steps(ctx, "project_id", p["id"])
            cells.append([project_link(ctx, p["id"]), measure_link(ctx, p["measure_id"]), esc(newest(ctx, found))])
        listed = table([ctx.word(k) for k in ("project", "measure", "newest")], cells)
        if code == NONE:  # the longest group, and the least to read: closed, so the page stays short on a phone
            listed = f'<details markdown="1"><summary>{esc(ctx.word("show_projects", n=len(rows)))}</summary>\n\n{listed}\n\n</details>'
        out += ["", listed, ""]
    return "\n".join(out)


def by_measure(ctx: Context) -> str:
    """Per measure: the projects it names, how many have a report of a start or of service, and how many none."""
    cells = []
    for mid in ctx.data.measures:
        named = [
            standing(steps(ctx, "project_id", p["id"]))
            for p in ctx.data.rows("SELECT id FROM projects WHERE measure_id = ?", mid)
        ]
        if not named:
            continue
        stages = [PROJECT_STATUS[s].stage if s != NONE else 0 for s in named]
        opened = sum(s >= OPENED for s in stages)
        started = sum(STARTED <= s < OPENED for s in stages)
        cells.append([measure_link(ctx, mid), str(len(named)), str(opened), str(started), str(named.count(NONE))])
    return table([ctx.word(k) for k in ("measure", "projects", "opened", "started_count", "no_report_found")], cells)


def _assessed_targets(ctx: Context) -> list[Any]:
    """The targets, by year (those of no year last), each with our assessment where there is one."""
    return ctx.data.rows(
        "SELECT t.*, a.assessment, a.reasoning, a.decided_by, a.assessed_on FROM policy_targets t "
        "LEFT JOIN target_assessments a ON a.target_id = t.id ORDER BY t.target_year IS NULL, t.target_year, t.rowid"
    )


def target_anchor(tid: str) -> str:
    return f"target-{tid}"


def target_list(ctx: Context) -> str:
    """The targets in a line each, with our assessment as a link to the target on the ledger page."""
    out = []
    for t in _assessed_targets(ctx):
        said = ctx.code("target_assessments", "assessment", t) if t["assessment"] else ctx.word("no_report_found")
        year = f"**{esc(t['target_year'])}** " if t["target_year"] else ""
        assessed = link(said, f"{ctx.up}ledger.md#{target_anchor(t['id'])}")
        out.append(f"- {year}{esc(ctx.text(t, 'text'))}{ctx.colon}{assessed}")
    return "\n".join(out) + "\n"


def targets(ctx: Context) -> str:
    """Each target with our assessment, its reasoning and the reports on it."""
    out = []
    for t in _assessed_targets(ctx):
        year = f"{t['target_year']}{ctx.colon}" if t["target_year"] else ""
        out += [f"### {esc(year + ctx.text(t, 'text'))} {{ #{target_anchor(t['id'])} }}", ""]
        if t["assessment"]:
            said = ctx.code("target_assessments", "assessment", t)
            out += [ctx.fact("our_assessment", f"**{esc(said)}**{ctx.paren(esc(t['assessed_on']))}"), ""]
            out += [ctx.ours(t["reasoning"]), ""]
            if t["decided_by"]:
                out += [ctx.fact("decided_by", ctx.ours(t["decided_by"])), ""]
        out += [timeline(ctx, steps(ctx, "target_id", t["id"])) or esc(ctx.word("no_report_found")), ""]
    return "\n".join(out)


def home_line(ctx: Context) -> str:
    """One line for the home page: how many projects have a report of a start or of service, as of when."""
    groups = standings(ctx)
    total = sum(len(r) for r in groups.values())
    begun = sum(
        len(r)
        for code, r in groups.items()
        if code != NONE and PROJECT_STATUS[code].stage >= PROJECT_STATUS["started"].stage
    )
    reported = total - len(groups.get(NONE, []))
    link_to = f"{ctx.up}ledger.md"
    return ctx.word(
        "ledger_line", total=total, begun=begun, reported=reported, date=RELEASED.isoformat(), ledger=link_to
    )
