"""The page of a body: its level and kind, names, predecessors and successor, the measures it is
responsible for, the aid it gave, its figures and events."""

from schemas import Organization

from .amounts import original
from .context import Context
from .links import cite, measure_link, org_link, policies
from .markup import esc, sections, table
from .tables import assignments, events, figures
from .words import CHINESE

FOLDER = Organization.meta.pages


def keys(ctx: Context) -> list[str]:
    return list(ctx.data.orgs)


def description(ctx: Context, oid: str) -> str:
    """The page's summary for its meta description."""
    return ctx.word("describe_organization", name=ctx.text(ctx.data.orgs[oid], "name"))


def names(ctx: Context, oid: str) -> list[str]:
    """The body's Chinese names, which search finds it by first on either site (总工会 on the English one),
    and on the Chinese site its English name (rural revitalization), which the page does not show; except a name that starts with a city or county (长治市老区建设促进会), which would come before the
    place's own page in a search for the place; the title finds those."""
    o = ctx.data.orgs[oid]
    places = ctx.data.local_names
    chinese = [n for n in (o["name_zh"], o["short_name_zh"]) if n and not n.startswith(places)]
    return [*chinese, o["name_en"]] if ctx.lang == CHINESE else chinese


def page(ctx: Context, oid: str) -> str:
    o = ctx.data.orgs[oid]
    out = [f"# {esc(ctx.text(o, 'name'))}", "", *original(ctx, o["name_zh"])]
    facts = [
        ctx.fact("level", esc(ctx.code("organizations", "level", o))),
        ctx.fact("kind", esc(ctx.code("organizations", "kind", o))),
    ]
    names = ctx.sep.join(n for n in (o["short_name_zh"], o["other_names_zh"]) if n)
    if names:
        facts.append(ctx.fact("other_names", esc(names)))
    if o["successor_id"]:
        facts.append(ctx.fact("successor", org_link(ctx, o["successor_id"])))
    formerly = [p["id"] for p in ctx.data.orgs.values() if p["successor_id"] == oid]
    if formerly:
        facts.append(ctx.fact("predecessors", ctx.sep.join(org_link(ctx, p) for p in formerly)))
    facts.append(ctx.fact("source", cite(ctx, o["source_id"], o["locator"], words=o["short_name_zh"] or o["name_zh"])))
    out += [*facts, ""]
    if o["note"]:
        out += [ctx.ours(o["note"]), ""]
    out += sections(
        [
            (
                ctx.word(
                    "responsibilities_in", policy=policies(ctx, ctx.data.measure_policies("r.organization_id = ?", oid))
                ),
                _roles(ctx, oid),
            ),
            (
                ctx.word("aid_given"),
                assignments(
                    ctx,
                    ctx.data.rows("SELECT * FROM aid_assignments WHERE organization_id = ? ORDER BY id", oid),
                    "region",
                ),
            ),
            (ctx.word("figures"), figures(ctx, "organization_id", oid, with_region=True)),
            (ctx.word("events"), events(ctx, "organization_id", oid)),
        ]
    )
    return "\n".join(out)


def _roles(ctx: Context, oid: str) -> str:
    roles = ctx.data.rows("SELECT * FROM measure_responsibilities WHERE organization_id = ? ORDER BY measure_id", oid)
    return table(
        [ctx.word(k) for k in ("measure", "role", "source")],
        [
            [
                measure_link(ctx, r["measure_id"]),
                esc(ctx.code("measure_responsibilities", "role", r)),
                cite(ctx, r["source_id"], r["locator"]),
            ]
            for r in roles
        ],
    )
