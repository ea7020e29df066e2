"""MkDocs hook: every cell of a table carries the heading of its column, `<td data-label="出处">`, so that
on a narrow screen the stylesheet shows each row as a card of labelled fields (docs/stylesheets/extra.css)
while the desktop keeps the table; and marks each table `data-search-exclude`, which keeps it out of the
search index (scripts/site/search.py). It works on the HTML that Python-Markdown writes for a table, whatever
page or fragment it came from. It imports nothing of the project, because MkDocs loads it by path.
"""

import html
import re

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
HEADING = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
CELL = re.compile(r"<td\b")
TAG = re.compile(r"<[^>]+>")


def label(heading: str) -> str:
    """A heading's text as an attribute value: its tags dropped, its entities read, then escaped."""
    return html.escape(" ".join(html.unescape(TAG.sub("", heading)).split()), quote=True)


def labelled(table: str) -> str:
    """A table whose cells each carry the label of their column."""
    rows = ROW.findall(table)
    if not rows:
        return table
    labels = [label(h) for h in HEADING.findall(rows[0])]

    def cells(row: re.Match) -> str:
        column = iter(labels)
        return "<tr>" + CELL.sub(lambda _: f'<td data-label="{next(column, "")}"', row[1]) + "</tr>"

    return ROW.sub(cells, table)


def on_page_content(html_text, page, config, files):
    """Every table labelled, and kept out of the search index: the data is searchable in Datasette."""
    return TABLE.sub(lambda m: f"<table data-search-exclude>{labelled(m[1])}</table>", html_text)
