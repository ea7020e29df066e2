"""The page of an archived source: what it is, every figure read from it, its errata, and every line
that a row of the dataset cites, with an anchor the citations link to."""

import html
from collections import defaultdict
from typing import Any

from schemas import Source

from . import labels
from .amounts import original, printed, reading
from .context import Context
from .links import cite, dated, source_title
from .markup import code, esc, link, sections, table
from .tables import errata, figures

FOLDER = Source.meta.pages
SEARCH_BOOST = 0.5  # a source's headline may hold any word: it comes after the names that match
ERRATA_ANCHOR = "errata"  # the errata section of a source page, in both languages


def keys(ctx: Context) -> list[str]:
    return list(ctx.data.sources)


def published(ctx: Context, sid: str) -> str:
    """The date of a source (a window where only that is known), marked when it is inferred."""
    s = ctx.data.sources[sid]
    return dated(ctx, s)


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
    """Where a public copy of the source is, what kind of copy it is (a republication with the site that
    republished it) and when it was checked; or that none was found."""
    if not s["url"]:
        return esc(ctx.word("no_copy", date=s["url_checked"]))
    kind = ctx.code("sources", "url_kind", s)
    if s["host_zh"]:
        kind += ctx.colon + ctx.text(s, "host")
    said = ctx.word("copy_checked", kind=kind, date=s["url_checked"])
    return link(s["url"], s["url"]) + ctx.paren(esc(said))


def in_view(ctx: Context, s: Any) -> str:
    """A bar that stays at the top of the screen (docs/stylesheets/extra.css): the source's title, publisher,
    date and address, in view beside any cited line the reader was sent to."""
    title = html.escape(source_title(ctx, s))
    said = ctx.sep.join(html.escape(p) for p in (publisher(ctx, s["id"]), published(ctx, s["id"])))
    where = (
        f'<a href="{html.escape(s["url"], quote=True)}">{html.escape(s["url"])}</a>'
        if s["url"]
        else html.escape(ctx.word("no_copy", date=s["url_checked"]))
    )
    return f'<div class="source-bar"><strong>{title}</strong><span>{said}{ctx.sep}{where}</span></div>'


def description(ctx: Context, sid: str) -> str:
    """The page's summary for its meta description."""
    s = ctx.data.sources[sid]
    return ctx.word(
        "describe_source", title=source_title(ctx, s), publisher=publisher(ctx, sid), date=published(ctx, sid)
    )


def names(ctx: Context, sid: str) -> list[str]:
    """None: a source is found by its title."""
    return []


def page(ctx: Context, sid: str) -> str:
    s = ctx.data.sources[sid]
    if s["archived"]:
        archive = f"{code(s['archive_file'])} · SHA-256 {code(s['sha256'])} · {ctx.word('lines', n=s['lines'])}"
    else:
        archive = esc(ctx.word("not_archived", how=ctx.code("sources", "consulted", s), date=s["url_checked"]))
    out = [
        f"# {esc(source_title(ctx, s))}",
        "",
        in_view(ctx, s),
        "",
        *(original(ctx, s["title_zh"]) if s["title_zh"] else []),
        ctx.fact("publisher", publisher_link(ctx, sid)),
        ctx.fact("published", esc(published(ctx, sid))),
        ctx.fact("language", esc(ctx.code("sources", "language", s))),
        *([ctx.fact("address", address(ctx, s))] if s["url"] or s["url_checked"] else []),
        ctx.fact("archive", archive),
        "",
        ctx.ours(s["publisher_note"]),
        "",
        ctx.ours(s["date_note"]),
        "",
        ctx.ours(s["notes"]),
        "",
    ]
    out += sections(
        [
            (ctx.word("figures"), figures(ctx, "source_id", sid, with_region=True)),
            (
                f"{ctx.word('errata')} {{ #{ERRATA_ANCHOR} }}",
                errata(ctx, ctx.data.rows("SELECT * FROM errata WHERE source_id = ? ORDER BY locator, id", sid)),
            ),
            (ctx.word("cited"), cited_lines(ctx, sid) if s["archived"] else cited_words(ctx, sid)),
        ]
    )
    return "\n".join(out)


def cited_lines(ctx: Context, sid: str) -> str:
    """Every line of the source that a row cites, with an anchor the citations link to: the figures read
    from it as printed beside our reading, its errata as printed beside the reading we chose, and the other
    rows that cite it, by table."""
    models = labels.citing_models()
    read = [m for m in models if m.meta.cites and (m.meta.cites.figure or m.meta.cites.reading)]
    by_line: dict[int, dict[Any, list[str]]] = defaultdict(lambda: defaultdict(list))
    for model in models:
        rows = ctx.data.rows(f'SELECT * FROM "{model.meta.resource}" WHERE source_id = ? ORDER BY rowid', sid)
        for row in rows:
            by_line[row["locator"]][model].append(_entry(ctx, model, row))
    read = [m for m in read if any(m in found for found in by_line.values())]  # no empty column
    header = [ctx.word("line"), *(labels.title(m, ctx.lang) for m in read), ctx.word("rows")]
    out = []
    for n, found in sorted(by_line.items()):
        others = [
            f"{esc(labels.title(m, ctx.lang))}{ctx.colon}{ctx.sep.join(dict.fromkeys(v))}"
            for m, v in found.items()
            if m not in read
        ]
        out.append(
            [
                f'<span id="L{n}">{n}</span>',
                *(ctx.semicolon.join(found.get(m, [])) for m in read),
                ctx.semicolon.join(others),
            ]
        )
    return table(header, out)


def cited_words(ctx: Context, sid: str) -> str:
    """Every row that cites a web page that is not archived: its table, the row, and the words as printed,
    linked to the page with those words highlighted."""
    out = []
    for model in labels.citing_models():
        for row in ctx.data.rows(f'SELECT * FROM "{model.meta.resource}" WHERE source_id = ? ORDER BY rowid', sid):
            words = labels.printed_words(model, row)
            out.append([esc(labels.title(model, ctx.lang)), _entry(ctx, model, row), cite(ctx, sid, None, words=words)])
    return table([ctx.word(k) for k in ("table", "rows", "printed")], out)


def _entry(ctx: Context, model: Any, row: Any) -> str:
    """A row at its line: a figure as printed and our reading of it; a text as printed and the reading we
    chose; else the row's name."""
    cites = model.meta.cites
    if cites.figure and row[cites.figure]:
        return f"{printed(ctx, row[cites.figure])} → {reading(ctx, row, model.meta.resource)}"
    if cites.reading:
        return f"{printed(ctx, row[cites.label])} → {printed(ctx, row[cites.reading])}"
    return esc(labels.row_name(model, row, ctx.data.row, ctx.lang))
