"""The page of a project the policy names: what the policy says of it, where, and its timeline in the ledger:
every dated report with its source and a link to the words on the page, how old the newest is, and the
searches made for it."""

from schemas import Project

from . import ledger
from .context import Context
from .links import cite, measure_link
from .markup import code, esc, sections, table
from .tables import project_places

FOLDER = Project.meta.pages
SEARCH_BOOST = 0.5  # a project's page comes after the bodies, places and pages whose names match


def category_anchor(category: str) -> str:
    """The anchor of a category's group on the projects' index."""
    return f"category-{category}"


def keys(ctx: Context) -> list[str]:
    return [p["id"] for p in ctx.data.rows("SELECT id FROM projects ORDER BY id")]


def description(ctx: Context, pid: str) -> str:
    """The page's summary for its meta description: the project and where it stands."""
    p = ctx.data.row("projects", pid)
    found = ledger.steps(ctx, "project_id", pid)
    return ctx.word(
        "describe_project",
        name=ctx.text(p, "name"),
        standing=ledger.label(ctx, ledger.standing(found)),
        newest=ledger.newest(ctx, found),
    )


def names(ctx: Context, pid: str) -> list[str]:
    """The project's name as printed, which search finds it by."""
    return [ctx.data.row("projects", pid)["printed_zh"]]


def page(ctx: Context, pid: str) -> str:
    p = ctx.data.row("projects", pid)
    found = ledger.steps(ctx, "project_id", pid)
    searches = ctx.data.rows("SELECT * FROM ledger_searches WHERE project_id = ? ORDER BY searched_on", pid)
    out = [
        f"# {esc(ctx.text(p, 'name'))}",
        "",
        ctx.fact("standing", f"**{esc(ledger.label(ctx, ledger.standing(found)))}**"),
        ctx.fact("newest", esc(ledger.newest(ctx, found))),
        ctx.fact("measure", measure_link(ctx, p["measure_id"])),
        ctx.fact("category", esc(ctx.code("projects", "category", p))),
        ctx.fact("policy_says", f"{esc(p['action_zh'])}{ctx.colon}{esc(p['printed_zh'])}"),
        ctx.fact("source", cite(ctx, p["source_id"], p["locator"])),
        *([ctx.fact("region", project_places(ctx, pid))] if project_places(ctx, pid) else []),
        "",
    ]
    out += sections(
        [
            (ctx.word("timeline_steps"), ledger.timeline(ctx, found) or esc(ctx.word("no_report_found"))),
            (
                ctx.word("searches"),
                table(
                    [ctx.word(k) for k in ("searched_on", "result", "queries")],
                    [
                        [
                            esc(s["searched_on"]),
                            esc(ctx.code("ledger_searches", "result", s)),
                            ctx.word("queries_n", n=len(s["queries"].split(" | ")), table=code("ledger_searches")),
                        ]
                        for s in searches
                    ],
                ),
            ),
        ]
    )
    out += ["", esc(ctx.word("timeline_kinds")), ""]
    return "\n".join(out)
