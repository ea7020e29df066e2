"""The page of a region: its parent, its designations, the aid it received, its figures, projects, events
and the regions within it."""

from schemas import Region

from . import labels, markup, summary
from .amounts import original
from .context import Context
from .links import cite, policy_link, region_link, region_name
from .markup import esc, sections
from .tables import assignments, events, figures, projects
from .words import CHINESE, fact

FOLDER = Region.meta.pages
GENERIC_EN = ("Province", "City", "County", "District")  # what an English name ends in: Huguan County


def keys(ctx: Context) -> list[str]:
    return list(ctx.data.regions)


def designations(ctx: Context, code: str) -> tuple[list[str], bool]:
    """For each designation of the data, whether the region has it (asked of regions at the levels it names);
    and whether it has any."""
    out, designated = [], False
    for kind, rows in ctx.data.designations().items():
        if ctx.data.regions[code]["level"] not in {d["level"] for d in rows}:
            continue
        mine = next((d for d in rows if d["region_code"] == code), None)
        designated = designated or mine is not None
        answer = (
            ctx.word("yes_by")
            + policy_link(ctx, mine["policy_id"])
            + ctx.paren(cite(ctx, mine["source_id"], mine["locator"]))
            if mine
            else ctx.word("no")
        )
        out.append(fact(esc(labels.code("designations", "designation", kind, ctx.lang)), answer, ctx.lang))
    return out, designated


def description(ctx: Context, code: str) -> str:
    """The page's summary for its meta description: the region, its parent, and what the page holds."""
    r = ctx.data.regions[code]
    name = ctx.text(r, "name")
    if r["parent_code"]:
        name += ctx.paren(ctx.text(ctx.data.regions[r["parent_code"]], "name"))
    figures_n = ctx.data.rows("SELECT count(*) FROM observations WHERE region_code = ?", code)[0][0]
    projects_n = ctx.data.rows("SELECT count(DISTINCT project_id) FROM project_regions WHERE region_code = ?", code)[0][
        0
    ]
    return ctx.word("describe_region", name=name, figures=figures_n, projects=projects_n)


def names(ctx: Context, code: str) -> list[str]:
    """What search finds the page by first: its name and its name without its generic (长治, Huguan), in the
    page's language first and then in the other, so that either site finds a place by either name."""
    r = ctx.data.regions[code]
    chinese = [
        r["name_zh"],
        r["name_zh"].removesuffix(r["kind_zh"]) if len(r["name_zh"]) > len(r["kind_zh"]) + 1 else "",
    ]
    generic = r["name_en"].rsplit(" ", 1)
    english = [r["name_en"], generic[0] if len(generic) == 2 and generic[1] in GENERIC_EN else ""]
    return chinese + english if ctx.lang == CHINESE else english + chinese


def page(ctx: Context, code: str) -> str:
    r = ctx.data.regions[code]
    out = [f"# {esc(region_name(r, ctx.lang))}", "", *original(ctx, region_name(r, CHINESE))]
    if r["parent_code"]:
        out.append(ctx.fact("parent", region_link(ctx, r["parent_code"])))
    designated, found = designations(ctx, code)
    out += [*designated, *summary.lines(ctx, code, found)]
    if r["note"]:
        out.append(f"- {ctx.ours(r['note'])}")
    out += ["", f"{ctx.word('division_code')}{ctx.colon}{markup.code(code)}", ""]
    out += sections(
        [
            (ctx.word("aid"), assignments(ctx, ctx.data.aid_received(code), "body")),
            (ctx.word("figures"), figures(ctx, "region_code", code)),
            (ctx.word("projects"), _projects(ctx, code)),
            (ctx.word("events"), events(ctx, "region_code", code)),
            (ctx.word("children"), _children(ctx, code)),
        ]
    )
    return "\n".join(out)


def _projects(ctx: Context, code: str) -> str:
    rows = ctx.data.rows(
        "SELECT p.* FROM project_regions pr JOIN projects p ON p.id = pr.project_id "
        "WHERE pr.region_code = ? ORDER BY p.measure_id, p.id",
        code,
    )
    return projects(ctx, rows, ("project", "category", "measure", "report"))


def _children(ctx: Context, code: str) -> str:
    children = [c for c in ctx.data.regions.values() if c["parent_code"] == code]
    return "".join(f"- {region_link(ctx, c['code'])}\n" for c in children)
