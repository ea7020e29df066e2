"""Links from a page to the pages of regions, bodies, measures and sources, and to the lines it cites.

Each link is relative to the page (`ctx.up` leads to docs/), so MkDocs checks it and rewrites it for
each language. Labels are escaped by markup.link.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from schemas import Observation

from ..simplified import to_simplified
from .context import Context
from .highlight import text_fragment
from .markup import esc, link
from .words import CHINESE, article_number

FIGURES = Observation.meta.pages  # the folder of the figures' pages: /f/<id>/, a permalink per figure


def region_name(region: Any, lang: str) -> str:
    """A region as a page names it: qualified by its parent in Chinese (阳泉市城区), in pinyin in English."""
    return region["qualified_name_zh"] if lang == CHINESE else region["name_en"]


def region_link(ctx: Context, code: str) -> str:
    return link(region_name(ctx.data.regions[code], ctx.lang), f"{ctx.up}regions/{code}.md")


def org_link(ctx: Context, oid: str) -> str:
    return link(ctx.text(ctx.data.orgs[oid], "name"), f"{ctx.up}organizations/{oid}.md")


def measure_title(measure: Any, lang: str) -> str:
    """An article with its number, as the document numbers it: （一）… in Chinese, (1) … in English."""
    return article_number(measure["number"], lang) + measure[f"title_{lang}"]


def measure_link(ctx: Context, mid: str) -> str:
    return link(measure_title(ctx.data.measures[mid], ctx.lang), f"{ctx.up}measures/{mid}.md")


def policy_name(ctx: Context, pid: str) -> str:
    """A policy by its document number, or its title where it has none (escaped)."""
    policy = ctx.data.policies[pid]
    return esc(policy["doc_number"] or ctx.text(policy, "title"))


def policy_link(ctx: Context, pid: str) -> str:
    """A policy, linked to the index of its measures when the data holds them."""
    if any(m["policy_id"] == pid for m in ctx.data.measures.values()):
        return f"[{policy_name(ctx, pid)}]({ctx.up}measures/index.md)"
    return policy_name(ctx, pid)


def policies(ctx: Context, pids: Iterable[str]) -> str:
    """Several policies by name, in the page's list style."""
    return ctx.sep.join(policy_name(ctx, pid) for pid in pids)


def source_date(source: Any) -> str:
    """A source's date as precise as it is known: 2022-04-01, or a window such as 2024-11-28–12-03."""
    first, last = source["published_earliest"], source["published_latest"]
    if not (first and last):
        return source["published"]
    return f"{first}–{last[5:] if last[:4] == first[:4] else last}"


def dated(ctx: Context, s: Any) -> str:
    """A source's date, said to be inferred where it is (the date of a page that prints none)."""
    return source_date(s) + (ctx.word("inferred") if s["date_inferred"] else "")


def inferred_from_source(date: str | None, s: Any) -> bool:
    """Whether a date is the inferred date of its source (a figure as of the page's date, which is inferred)."""
    first, last = s["published_earliest"] or s["published"], s["published_latest"] or s["published"]
    return bool(date and s["date_inferred"] and first <= date <= last)


def source_title(ctx: Context, s: Any) -> str:
    """A source's title in the page's language; for a web page whose headline was not seen, its publisher and
    date, said to be untitled."""
    if s["title_zh"]:
        return ctx.text(s, "title")
    return ctx.word("untitled", publisher=ctx.text(s, "publisher"), date=dated(ctx, s))


def source_label(ctx: Context, sid: str) -> str:
    """A source by its publisher and date; in Chinese, the publisher in simplified characters, so that a
    paper printed in traditional ones (山西日報) goes by one name (山西日报)."""
    s = ctx.data.sources[sid]
    date = dated(ctx, s)
    return f"{to_simplified(s['publisher_zh'])} {date}" if ctx.lang == CHINESE else f"{s['publisher_en']}, {date}"


def source_link(ctx: Context, sid: str, anchor: str = "") -> str:
    return link(source_label(ctx, sid), f"{ctx.up}sources/{sid}.md{anchor}")


def figure_link(ctx: Context, o: Any) -> str:
    """A figure's source, linked to the figure's page (the 出处 of a figure, wherever it is shown)."""
    return link(source_label(ctx, o["source_id"]), f"{ctx.up}{FIGURES}/{o['id']}.md")


def lines(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def cite(ctx: Context, sid: str, first: int | None, last: int | None = None, words: str | None = None) -> str:
    """A link to a cited line (or run of lines) on the source's page, named by publisher, date and line; for
    a web page that is not archived (no line), a link to the source's page and one that opens the page with
    the words as printed highlighted (`words`)."""
    if first is None:
        return web_cite(ctx, sid, words)
    last = first if last is None else last
    key = "cite_line" if first == last else "cite_lines"
    label = ctx.word(key, source=source_label(ctx, sid), lines=lines(first, last))
    return link(label, f"{ctx.up}sources/{sid}.md#L{first}")


def web_cite(ctx: Context, sid: str, words: str | None) -> str:
    """A row citing a web page: the source, and the page itself with the words highlighted."""
    url = ctx.data.sources[sid]["url"]
    target = text_fragment(url, words) if words else url
    return f"{link(source_label(ctx, sid), f'{ctx.up}sources/{sid}.md')} {link(ctx.word('on_page'), target)}"


def cite_rows(ctx: Context, rows: Iterable[Any]) -> str:
    """The lines that some rows cite: per source, from the first line to the last (a row citing a web page,
    which has no line, by its source)."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        if row["locator"] is None:
            by_source.setdefault(row["source_id"], [])
            continue
        by_source[row["source_id"]].append(row["locator"])
    if any(not found for found in by_source.values()):
        return ctx.semicolon.join(
            cite(ctx, sid, min(found), max(found)) if found else source_link(ctx, sid)
            for sid, found in by_source.items()
        )
    return ctx.semicolon.join(cite(ctx, sid, min(found), max(found)) for sid, found in by_source.items())
