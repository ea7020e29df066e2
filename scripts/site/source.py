"""The page of an archived source: what it is, every figure read from it, its errata, and every line
that a row of the dataset cites, with an anchor the citations link to."""

from collections import defaultdict
from typing import Any

from . import labels
from .amounts import original
from .context import Context
from .links import source_date
from .markup import code, esc, link, sections, table
from .tables import errata, figures

FOLDER = "sources"
ERRATA_ANCHOR = "errata"  # the errata section of a source page, in both languages


def keys(ctx: Context) -> list[str]:
    return list(ctx.data.sources)


def published(ctx: Context, sid: str) -> str:
    """The date of a source (a window where only that is known), marked when it is inferred."""
    s = ctx.data.sources[sid]
    return source_date(s) + (ctx.word("inferred") if s["date_inferred"] else "")


def publisher(ctx: Context, sid: str) -> str:
    """The publisher of a source, marked when it is inferred (text, not yet escaped)."""
    s = ctx.data.sources[sid]
    return ctx.text(s, "publisher") + (ctx.word("inferred") if s["publisher_inferred"] else "")


def publisher_link(ctx: Context, sid: str) -> str:
    """The publisher, linked to its body's page when the source names one, marked when it is inferred."""
    s = ctx.data.sources[sid]
    if not s["publisher_id"]:
        return esc(publisher(ctx, sid))
    return link(publisher(ctx, sid), f"{ctx.up}organizations/{s['publisher_id']}.md")


def address(ctx: Context, s: Any) -> str:
    """Where a public copy of the source is, what kind of copy it is and when it was checked; or that none
    was found."""
    if not s["url"]:
        return esc(ctx.word("no_copy", date=s["url_checked"]))
    said = ctx.word("copy_checked", kind=ctx.code("sources", "url_kind", s), date=s["url_checked"])
    return link(s["url"], s["url"]) + ctx.paren(esc(said))


def page(ctx: Context, sid: str) -> str:
    s = ctx.data.sources[sid]
    archive = f"{code(s['archive_file'])} · SHA-256 {code(s['sha256'])} · {ctx.word('lines', n=s['lines'])}"
    out = [
        f"# {esc(ctx.text(s, 'title'))}",
        "",
        *original(ctx, s["title_zh"]),
        ctx.fact("publisher", publisher_link(ctx, sid)),
        ctx.fact("published", esc(published(ctx, sid))),
        ctx.fact("language", esc(ctx.code("sources", "language", s))),
        *([ctx.fact("address", address(ctx, s))] if s["url"] or s["url_checked"] else []),
        ctx.fact("archive", archive),
        "",
        esc(ctx.ours(s["publisher_note"])),
        "",
        esc(ctx.ours(s["date_note"])),
        "",
        esc(ctx.ours(s["notes"])),
        "",
    ]
    out += sections(
        [
            (ctx.word("figures"), figures(ctx, "source_id = ?", (sid,), with_region=True)),
            (
                f"{ctx.word('errata')} {{ #{ERRATA_ANCHOR} }}",
                errata(ctx, ctx.data.rows("SELECT * FROM errata WHERE source_id = ? ORDER BY locator, id", sid)),
            ),
            (ctx.word("cited"), cited_lines(ctx, sid)),
        ]
    )
    return "\n".join(out)


def cited_lines(ctx: Context, sid: str) -> str:
    """Every line of the source that a row cites, with an anchor, and the rows that cite it, by table."""
    by_line: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for model in labels.citing_models():
        title = labels.title(model, ctx.lang)
        rows = ctx.data.rows(f'SELECT * FROM "{model.meta.resource}" WHERE source_id = ? ORDER BY rowid', sid)
        for row in rows:
            by_line[row["locator"]][title].append(esc(labels.row_name(model, row, ctx.data.row, ctx.lang)))
    return table(
        [ctx.word("line"), ctx.word("rows")],
        [
            [
                f'<span id="L{n}">{n}</span>',
                ctx.semicolon.join(f"{esc(title)}{ctx.colon}{ctx.sep.join(names)}" for title, names in found.items()),
            ]
            for n, found in sorted(by_line.items())
        ],
    )
