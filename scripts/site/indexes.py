"""The index page of each kind of generated page: regions, organizations, measures and sources."""

from collections import defaultdict

from ..frontmatter import front_matter
from . import articles, compare, labels, ledger, measure, organization, project, region, source
from .context import Context
from .links import measure_link, policies, region_name, source_title
from .markup import esc, link, table
from .summary import COMPARISON
from .words import initial_capital, suffix

PAGES = {kind.FOLDER: kind for kind in (region, organization, measure, project, source)}  # the kinds with an index


def _regions(ctx: Context) -> str:
    data = ctx.data
    comparison = link(ctx.word("comparison"), f"{COMPARISON}.md")
    found = data.designations()
    designated = {(kind, d["region_code"]) for kind, rows in found.items() for d in rows}
    header = [ctx.word(k) for k in ("region", "level", "parent")]
    header += [esc(labels.code("designations", "designation", kind, ctx.lang)) for kind in found]
    rows = [
        [
            link(region_name(r, ctx.lang), f"{code}.md"),
            esc(ctx.code("regions", "level", r)),
            esc(ctx.text(data.regions[r["parent_code"]], "name") if r["parent_code"] else ""),
            *("●" if (kind, code) in designated else "" for kind in found),
        ]
        for code, r in data.regions.items()
    ]
    return f"{comparison}\n\n" + table(header, rows)


def _organizations(ctx: Context) -> str:
    return table(
        [ctx.word(k) for k in ("name", "level", "kind")],
        [
            [
                link(ctx.text(o, "name"), f"{oid}.md"),
                esc(ctx.code("organizations", "level", o)),
                esc(ctx.code("organizations", "kind", o)),
            ]
            for oid, o in sorted(ctx.data.orgs.items(), key=lambda item: item[1]["name_zh"])
        ],
    )


def _measures(ctx: Context) -> str:
    """The measures under their parts with our summary of each, then who is responsible for which."""
    heading = f"## {ctx.word('who_leads')} {{ #{articles.MATRIX_ANCHOR} }}\n\n{ctx.word('matrix_intro')}"
    return f"{articles.by_part(ctx, 2, summaries=True)}\n{heading}\n\n{articles.matrix(ctx)}"


def _sources(ctx: Context) -> str:
    return table(
        [ctx.word(k) for k in ("name", "publisher", "published")],
        [
            [link(source_title(ctx, s), f"{sid}.md"), esc(source.publisher(ctx, sid)), esc(source.published(ctx, sid))]
            for sid, s in ctx.data.sources.items()
        ],
    )


def _projects(ctx: Context) -> str:
    """The projects under a heading per category, in the order of the category code table, with where each
    stands in the ledger."""
    grouped: dict[str, list] = defaultdict(list)
    for p in ctx.data.rows("SELECT * FROM projects ORDER BY measure_id, id"):
        grouped[p["category"]].append(p)
    out = [ctx.word("projects_by_kind"), ""]
    for category in labels.in_code_order("projects", "category", grouped):
        label = labels.code("projects", "category", category, ctx.lang)
        out += [f"## {esc(initial_capital(label))} {{ #{project.category_anchor(category)} }}", ""]
        rows = [
            [
                link(ctx.text(p, "name"), f"{p['id']}.md"),
                measure_link(ctx, p["measure_id"]),
                esc(ledger.label(ctx, ledger.standing(ledger.steps(ctx, "project_id", p["id"])))),
            ]
            for p in grouped[category]
        ]
        out += [table([ctx.word(k) for k in ("project", "measure", "standing")], rows), ""]
    return "\n".join(out)


def pages(ctx: Context) -> dict[str, str]:
    """Each index page, by its path under docs/."""
    heads = {
        region.FOLDER: (ctx.word("regions"), _regions),
        organization.FOLDER: (ctx.word("organizations"), _organizations),
        measure.FOLDER: (ctx.word("measures_of", policy=policies(ctx, ctx.data.measure_policies())), _measures),
        project.FOLDER: (ctx.word("projects"), _projects),
        source.FOLDER: (ctx.word("sources"), _sources),
    }
    counts = {folder: len(kind.keys(ctx)) for folder, kind in PAGES.items()}
    indexes = {
        f"{folder}/index{suffix(ctx.lang)}.md": front_matter(ctx.word("describe_index", what=head, n=counts[folder]))
        + f"# {head}\n\n{body(ctx)}"
        for folder, (head, body) in heads.items()
    }
    return indexes | compare.pages(ctx, suffix(ctx.lang))
