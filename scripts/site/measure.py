"""The page of a measure (an article of a policy): its section, our summary, the bodies responsible,
its targets and the projects it names, each with what later sources report on it, and the reports on the
measure itself."""

from schemas import PolicyMeasure

from . import tables
from .amounts import original
from .context import Context
from .links import cite, measure_title, org_link
from .markup import esc, sections, table
from .words import section_number

FOLDER = PolicyMeasure.meta.pages


def keys(ctx: Context) -> list[str]:
    return list(ctx.data.measures)


def description(ctx: Context, mid: str) -> str:
    """The page's summary for its meta description."""
    return ctx.word("describe_measure", title=measure_title(ctx.data.measures[mid], ctx.lang))


def names(ctx: Context, mid: str) -> list[str]:
    """None: a measure is found by its title."""
    return []


def page(ctx: Context, mid: str) -> str:
    m = ctx.data.measures[mid]
    section = section_number(m["section_number"], ctx.lang) + ctx.text(m, "section_title")
    out = [
        f"# {esc(measure_title(m, ctx.lang))}",
        "",
        *original(ctx, m["title_zh"]),
        ctx.fact("section", esc(section)),
        ctx.fact("source", cite(ctx, m["source_id"], m["locator"])),
        "",
        f"## {ctx.word('summary')}",
        "",
        esc(ctx.text(m, "summary")),
        "",
    ]
    data = ctx.data
    roles = data.rows("SELECT * FROM measure_responsibilities WHERE measure_id = ? ORDER BY position", mid)
    projects = data.rows("SELECT * FROM projects WHERE measure_id = ? ORDER BY id", mid)
    out += sections(
        [
            (
                ctx.word("bodies"),
                table(
                    [ctx.word("organization"), ctx.word("role")],
                    [
                        [org_link(ctx, r["organization_id"]), esc(ctx.code("measure_responsibilities", "role", r))]
                        for r in roles
                    ],
                ),
            ),
            (
                ctx.word("targets"),
                tables.targets(
                    ctx, data.rows("SELECT * FROM policy_targets WHERE measure_id = ? ORDER BY target_year, id", mid)
                ),
            ),
            (
                ctx.word("projects"),
                tables.projects(ctx, projects, ("project", "category", "action", "region", "report")),
            ),
            (
                ctx.word("later_reports"),
                tables.updates(
                    ctx, data.rows("SELECT * FROM project_updates WHERE measure_id = ? ORDER BY as_of, id", mid)
                ),
            ),
        ]
    )
    return "\n".join(out)
