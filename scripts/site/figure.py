"""The page of one figure (`/f/<id>/`), the end of a reader's check: the figure large, what it counts, where
and when, its source, the figure as printed beside our reading, and a link that opens the public page with
the figure highlighted, or other public reports of it (另见), or one sentence saying why there is none.

It is also the figure's receipt: a citation of it (GB/T 7714 and English, with the dataset's version and the
figure's id), a QR code of its address drawn at build time, its row as CSV and JSON, and for an archived
source the file's SHA-256 and the line."""

import csv
import html
import io
import json
from typing import Any

import segno

from schemas import PACKAGE

from .amounts import printed, reading
from .context import Context
from .highlight import text_fragment
from .links import FIGURES, dated, region_name, source_label, source_title
from .markup import code, esc, link, sections
from .tables import period
from .words import CHINESE

FOLDER = FIGURES
SEARCH_BOOST = 0.75  # after the names that match (their tags weigh far more), within the first ten for a term it holds
RESOURCE = "observations"


def keys(ctx: Context) -> list[str]:
    return [o["id"] for o in ctx.data.rows(f"SELECT id FROM {RESOURCE} ORDER BY id")]


def what(ctx: Context, o: Any) -> str:
    """What a figure counts: its metric, and the part or place the source names (text, not escaped)."""
    name = ctx.text(ctx.data.metrics[o["metric_id"]], "name")
    parts = [o[p] for p in ("subset_zh", "place_zh") if o[p]]
    return name + "".join(ctx.paren(p) for p in parts)


def where_when(ctx: Context, o: Any) -> str:
    """Where and when, as one line (text, not escaped)."""
    place = region_name(ctx.data.regions[o["region_code"]], ctx.lang)
    return ("，" if ctx.lang == CHINESE else ", ").join(p for p in (place, period(ctx, o)) if p)


def address(ctx: Context, fid: str) -> str:
    """The figure page's public address in the page's language."""
    base = PACKAGE["site_url"]
    return f"{base}{'' if ctx.lang == CHINESE else 'en/'}{FOLDER}/{fid}/"


def description(ctx: Context, fid: str) -> str:
    o = ctx.data.row(RESOURCE, fid)
    return ctx.word(
        "describe_figure",
        what=what(ctx, o),
        value=_plain(reading(ctx, o)),
        where=region_name(ctx.data.regions[o["region_code"]], ctx.lang),
        when=period(ctx, o) or "—",
        printed=o["figure_text"],
        source=source_label(ctx, o["source_id"]),
    )


def names(ctx: Context, fid: str) -> list[str]:
    """None: a figure is found by its heading (what it counts) and its text, after the names of bodies, places
    and pages, which search ranks first."""
    return []


def page(ctx: Context, fid: str) -> str:
    o = ctx.data.row(RESOURCE, fid)
    s = ctx.data.sources[o["source_id"]]
    out = [
        f"# {esc(what(ctx, o))}",
        "",
        f'<p class="figure-big" markdown="span">{reading(ctx, o)}</p>',
        "",
        ctx.fact("where_when", esc(where_when(ctx, o))),
        ctx.fact("as_printed_reading", f"{printed(ctx, o['figure_text'])} → {reading(ctx, o)}"),
        ctx.fact("source", source_facts(ctx, s)),
        "",
        check_links(ctx, o, s),
        "",
        ctx.ours(o["note"]),
        "",
    ]
    out += sections(
        [
            (esc(ctx.word("see_also")), see_also(ctx, fid)),
            (esc(ctx.word("cite_figure")), receipt(ctx, o)),
            (esc(ctx.word("the_row")), the_row(ctx, o, s)),
        ]
    )
    return "\n".join(out)


def source_facts(ctx: Context, s: Any) -> str:
    """A source as a reader cites it, linked to its page: title, publisher and date; the site that republished
    it; on a Chinese page, that it is in English."""
    titled = bool(s["title_zh"])
    parts = [link(source_title(ctx, s) if titled else ctx.text(s, "publisher"), f"{ctx.up}sources/{s['id']}.md")]
    parts += [esc(ctx.text(s, "publisher"))] if titled else []
    parts.append(esc(dated(ctx, s)))
    if s["host_zh"]:
        parts.append(esc(ctx.word("republished_by", host=ctx.text(s, "host"))))
    if ctx.lang == CHINESE and s["language"] == "en":
        parts.append(esc(ctx.code("sources", "language", s)))
    return ctx.sep.join(parts)


def check_links(ctx: Context, o: Any, s: Any) -> str:
    """Where the reader checks the figure: the public page with the figure highlighted, as a button; and the
    line of the archived copy. With no public page and no other report, one sentence says so."""
    out = []
    if s["url"]:
        target = text_fragment(s["url"], o["figure_text"])
        out.append(f"{link(ctx.word('check_on_page'), target)}{{ .md-button .md-button--primary }}")
    if o["locator"] is not None:
        line = f"{ctx.up}sources/{s['id']}.md#L{o['locator']}"
        out.append(f"{link(ctx.word('check_archived', line=o['locator']), line)}{{ .md-button }}")
    if not s["url"] and not _corroborations(ctx, o["id"]):
        out.append(esc(ctx.word("no_public_page", date=s["url_checked"], line=o["locator"])))
    return "\n\n".join(out)


def _corroborations(ctx: Context, fid: str) -> list[Any]:
    return ctx.data.rows("SELECT * FROM corroborations WHERE observation_id = ? ORDER BY source_id, id", fid)


def see_also(ctx: Context, fid: str) -> str:
    """Other public reports of the figure, each with a link that highlights the figure on its page."""
    found = _corroborations(ctx, fid)
    if not found:
        return ""
    items = []
    for c in found:
        s = ctx.data.sources[c["source_id"]]
        items.append(
            f"- {source_facts(ctx, s)}{ctx.colon}{printed(ctx, c['figure_text'])} "
            f"{link(ctx.word('check_on_page'), text_fragment(s['url'], c['figure_text']))}"
        )
    return esc(ctx.word("see_also_intro")) + "\n\n" + "\n".join(items) + "\n"


def citations(ctx: Context, o: Any) -> dict[str, str]:
    """The figure cited in GB/T 7714 (Chinese) and in English, with the dataset's version and the figure's id."""
    english, chinese = PACKAGE["title"].split(" / ")
    version, released = PACKAGE["version"], PACKAGE["created"][:10]
    zh = Context(ctx.data, CHINESE, ctx.up)
    en = Context(ctx.data, "en", ctx.up)
    return {
        "zh": f"{chinese}贡献者. {chinese}: 数字 {o['id']}（{what(zh, o)}，{where_when(zh, o)}）[DS/OL]. "
        f"{version}版. ({released})[引用日期]. {address(zh, o['id'])}.",
        "en": f"{PACKAGE['contributors'][0]['title']} ({released[:4]}). Figure {o['id']}: {what(en, o)}, "
        f"{where_when(en, o)}. {english}, version {version} [Data set]. {address(en, o['id'])}",
    }


def receipt(ctx: Context, o: Any) -> str:
    """The citation in the page's language first, then the other, and the QR code of the page's address."""
    forms = citations(ctx, o)
    first, second = (forms["zh"], forms["en"]) if ctx.lang == CHINESE else (forms["en"], forms["zh"])
    qr = segno.make(address(ctx, o["id"]), error="m").svg_inline(scale=3, svgclass="qr", title=ctx.word("qr_caption"))
    return (
        f"```text\n{first}\n```\n\n```text\n{second}\n```\n\n"
        f'<figure class="qr">{qr}<figcaption>{esc(ctx.word("qr_caption"))}</figcaption></figure>\n'
    )


def as_written(value: Any) -> Any:
    """A value as the package's CSV writes it: 440, not SQLite's 440.0."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def the_row(ctx: Context, o: Any, s: Any) -> str:
    """The figure's row as the package's CSV has it and as JSON; for an archived source, its file, hash and line."""
    row = {k: as_written(v) for k, v in zip(o.keys(), tuple(o), strict=True)}
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerows([row.keys(), ["" if v is None else v for v in row.values()]])
    as_json = json.dumps(row, ensure_ascii=False, indent=1)
    out = [
        ctx.word("row_in_table", table=code(RESOURCE)),
        "",
        f"```csv\n{text.getvalue()}```",
        "",
        f"```json\n{as_json}\n```",
        "",
    ]
    if o["locator"] is not None:
        archived = ctx.word("archived_at", file=code(s["archive_file"]), sha=code(s["sha256"]), line=o["locator"])
        out += [f"{esc(ctx.word('archived_copy'))}{ctx.colon}{archived}", ""]
    return "\n".join(out)


def _plain(markdown: str) -> str:
    """Escaped text back to plain text, for the front matter (which the template escapes)."""
    return html.unescape(markdown)
