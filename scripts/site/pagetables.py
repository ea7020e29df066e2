"""MkDocs hook: each table a page shows, as a CSV file beside the page (`tables/1.csv`, `tables/2.csv`...),
with links to them at the page's end, each named by the heading the table stands under.

A CSV holds exactly what the table shows: its headings and cells as text (a link as its words, a list of
bodies as their names), in UTF-8 with a byte order mark so that Excel on Chinese Windows reads it. It runs
after cards.py, on the page's HTML, and imports nothing of the project, because MkDocs loads it by path.
"""

import csv
import html
import io
import re
from collections import Counter
from pathlib import Path

TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.S)
HEADING = re.compile(r"<h[1-4]\b[^>]*>(.*?)</h[1-4]>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.S)
TAG = re.compile(r"<[^>]+>")
NOT_CODE = re.compile(r"<(?!/?code\b)[^>]+>")
PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
AROUND_CHINESE_PUNCTUATION = re.compile(r"\s*([、，；：。（）])\s*")
FOLDER = "tables"
WORDS = {"zh": ("本页表格（CSV）：", "、", "（{n}）"), "en": ("This page's tables (CSV): ", ", ", " ({n})")}


def text(cell: str) -> str:
    """A cell's or heading's text: tags dropped, entities read, spaces collapsed."""
    spaced = " ".join(html.unescape(TAG.sub(" ", PERMALINK.sub("", cell))).split())
    return AROUND_CHINESE_PUNCTUATION.sub(r"\1", spaced)


def label(heading: str) -> str:
    """A heading as the label of a link: its HTML (already escaped) without its tags, code kept as code."""
    return " ".join(NOT_CODE.sub("", PERMALINK.sub("", heading)).split())


def tables(page_html: str) -> list[tuple[str, list[list[str]]]]:
    """Each table of a page with the heading it stands under (the page's title before any other) as HTML,
    and its rows, the heading row first, as text."""
    found = []
    for match in TABLE.finditer(page_html):
        headings = HEADING.findall(page_html, 0, match.start())
        rows = [[text(c) for c in CELL.findall(row)] for row in ROW.findall(match[1])]
        found.append((label(headings[-1]) if headings else "", rows))
    return found


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def on_page_content(html_text, page, config, files):
    """The page with links to its tables as CSV, each written beside the page in the site folder."""
    found = tables(html_text)
    if not found:
        return html_text
    folder = Path(config["site_dir"]) / page.url / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    lead, sep, numbered = WORDS["en" if page.url.startswith("en/") else "zh"]
    shared = Counter(heading for heading, _ in found)
    links = []
    for n, (heading, rows) in enumerate(found, 1):
        (folder / f"{n}.csv").write_bytes(csv_bytes(rows))
        named = heading + numbered.format(n=n) if shared[heading] > 1 or not heading else heading
        links.append(f'<a href="{FOLDER}/{n}.csv" download>{named}</a>')
    return html_text + f'\n<p class="page-tables" data-search-exclude>{lead}{sep.join(links)}</p>\n'
