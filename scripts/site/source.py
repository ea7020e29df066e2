"""The page of an archived source: what it is, every figure read from it, its errata, and every line
that a row of the dataset cites, with an anchor the citations link to."""

from collections import defaultdict
from typing import Any

from . import labels
from .context import Context
from .markup import esc, link, sections, table
from .tables import errata, figures
from .words import other

FOLDER = "sources"
ERRATA_ANCHOR = "errata"  # the errata section of a source page, in both languages


def keys(ctx: Context) -> list[str]:
    return list(ctx.data.sources)


def published(ctx: Context, sid: str) -> str:
    """The date of a source, marked when it is inferred."""
    s = ctx.data.sources[sid]
    return s["published"] + (ctx.word("inferred") if s["date_inferred"] else "")


def publisher(ctx: Context, s: Any) -> str:
    """The publisher, linked to its body's page when the source names one."""
    name = ctx.text(s, "publisher")
    return link(name, f"{ctx.up}organizations/{s['publisher_id']}.md") if s["publisher_id"] else esc(name)


def page(ctx: Context, sid: str) -> str:
    s = ctx.data.sources[sid]
    archive = f"`{esc(s['archive_file'])}` · SHA-256 `{esc(s['sha256'])}` · {ctx.word('lines', n=s['lines'])}"
    out = [
        f"# {esc(ctx.text(s, 'title'))}",
        "",
        esc(s[f"title_{other(ctx.lang)}"]),
        "",
        ctx.fact("publisher", publisher(ctx, s)),
        ctx.fact("published", esc(published(ctx, sid))),
        ctx.fact("language", esc(ctx.code("sources", "language", s))),
        ctx.fact("archive", archive),
        "",
        esc(s["date_note"]),
        "",
        esc(s["notes"]),
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
            by_line[row["locator"]][title].append(esc(labels.row_name(model, row, ctx.data.row)))
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
