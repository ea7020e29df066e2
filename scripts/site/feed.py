"""The ledger as an Atom feed (RFC 4287), newest first: one entry for each dated report, in each language
(ledger.xml, en/ledger.xml).

Written with the standard library's ElementTree rather than a feed library: the feed is one fixed shape, and
this way its bytes depend only on the data (the entries' dates are the reports' dates, the feed's date the
newest of them), so two builds of one commit give the same file.
"""

import xml.etree.ElementTree as ET

from schemas import PACKAGE
from schemas.base import first_day

from .context import Context
from .data import Data
from .links import measure_title
from .words import CHINESE, LANGS

ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:taihang-open-data.github.io,2026:ledger/"  # an entry's id: stable, whatever the site's address


def path(lang: str) -> str:
    """Where the feed of a language is served, from the site's root."""
    return "ledger.xml" if lang == CHINESE else f"{lang}/ledger.xml"


def _when(dated: str) -> str:
    """An Atom date from a report's date (its first day, for a month or a year)."""
    return first_day(dated) + "T00:00:00Z"


def feed(data: Data, lang: str) -> bytes:
    """The feed of one language."""
    ctx = Context(data, lang, up="")
    site = PACKAGE["site_url"] + ("" if lang == CHINESE else f"{lang}/")
    rows = data.rows("SELECT * FROM project_updates ORDER BY as_of DESC, id")
    root = ET.Element("feed", xmlns=ATOM)
    ET.SubElement(root, "title").text = ctx.word("feed_title")
    ET.SubElement(root, "id").text = TAG + lang
    ET.SubElement(root, "updated").text = _when(rows[0]["as_of"]) if rows else _when(PACKAGE["created"][:10])
    ET.SubElement(root, "link", href=site + "ledger/")
    ET.SubElement(root, "link", rel="self", href=site + "ledger.xml")
    ET.SubElement(ET.SubElement(root, "author"), "name").text = ctx.word("feed_author")
    for r in rows:
        subject, page = _subject(ctx, r)
        entry = ET.SubElement(root, "entry")
        status = ctx.code("project_updates", "status", r)
        ET.SubElement(entry, "title").text = f"{subject}{ctx.colon}{status}{ctx.paren(r['as_of'])}"
        ET.SubElement(entry, "id").text = TAG + r["id"]
        ET.SubElement(entry, "updated").text = _when(r["as_of"])
        ET.SubElement(entry, "link", href=site + page)
        source = data.sources[r["source_id"]]
        said = ctx.word(
            "feed_summary", words=r["status_zh"], publisher=ctx.text(source, "publisher"), date=source["published"]
        )
        ET.SubElement(entry, "summary").text = said
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _subject(ctx: Context, r) -> tuple[str, str]:
    """The name of what a report is about, and its page (from the site's root)."""
    if r["project_id"]:
        return ctx.text(ctx.data.row("projects", r["project_id"]), "name"), f"projects/{r['project_id']}/"
    if r["measure_id"]:
        return measure_title(ctx.data.measures[r["measure_id"]], ctx.lang), f"measures/{r['measure_id']}/"
    target = ctx.data.row("policy_targets", r["target_id"])
    return ctx.text(target, "text"), "ledger/"


def feeds(data: Data) -> dict[str, bytes]:
    """Every feed, by its path from the site's root."""
    return {path(lang): feed(data, lang) for lang in LANGS}
