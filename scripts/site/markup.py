"""Putting data into Markdown safely: every value is escaped, so a name can never become markup.

Also the few shapes the pages share: tables, headed sections, figures with captions, download links.
"""

import html
import re
from urllib.parse import quote

# Characters that HTML or Markdown would read as markup, written as numeric entities, in one pass.
_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_[]|#{}!~"})
# What makes the start of a line a list, a rule or a heading: 1986. or 1986) or - + =.
_LEADING = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+=])")


def _entity(match: re.Match) -> str:
    return f"{match[1]}&#{ord(match[2])};" if match[1] else f"&#{ord(match[3])};"


def code(value: object) -> str:
    """A value shown as code: an HTML <code> element with its text escaped for HTML. Markdown's backticks
    would show esc()'s entities (&#95; for _) literally."""
    return f"<code>{html.escape(str(value), quote=True)}</code>"


def esc(value: object) -> str:
    """A value as safe Markdown text: HTML and Markdown syntax written as entities, on one line, and a start
    that would open a list, a rule or a heading (1986. , - , ---) written as an entity, wherever it stands."""
    if value is None:
        return ""
    return _LEADING.sub(_entity, " ".join(str(value).translate(_ENTITIES).split()))


# A run of Chinese text: Han characters, with the Chinese punctuation and quotation marks between or around them.
_CHINESE_RUN = re.compile(
    r"[《“〔（]*[\u3400-\u9fff\uf900-\ufaff](?:[\u3000-\u303f\uff00-\uffef\u3400-\u9fff\uf900-\ufaff“”《》·…—]*"
    r"[\u3400-\u9fff\uf900-\ufaff])?[》”〕）]*"
)


def chinese_marked(value: object) -> str:
    """English text escaped, with each Chinese run in it (a name or figure quoted as printed) marked as
    Chinese, so that a screen reader reads it as Chinese."""
    return _CHINESE_RUN.sub(lambda m: f'<span lang="zh">{m[0]}</span>', esc(value))


def link(label: object, target: str) -> str:
    """A Markdown link with an escaped label; the target is percent-encoded where it needs to be."""
    return f"[{esc(label)}]({quote(target, safe='/#.:-_~?=&%')})"  # % stays: an address may be encoded


def chips(links: list[str]) -> str:
    """Links in a row, each kept on one line and tall enough to tap (the class `chips`)."""
    return "\u00a0· ".join(links) + "\n{: .chips }\n"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table from cells that are already escaped."""
    if not rows:
        return ""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def sections(parts: list[tuple[str, str]], level: int = 2) -> list[str]:
    """A heading and its body for each part that has a body; the headings are already escaped."""
    out = []
    for heading, body in parts:
        if body:
            out += [f"{'#' * level} {heading}", "", body]
    return out


def figure(svg: str, caption: str) -> str:
    """A chart or map with its caption, as Material renders a figure."""
    return f'<figure markdown="span" class="chart">\n{svg}\n<figcaption markdown="span">{caption}</figcaption>\n</figure>\n'


def download_link(name: str, up: str) -> str:
    """A link to a file of the downloads folder, named as code (raw HTML: it is not a docs page)."""
    return f'<a href="{up}downloads/{esc(name)}">{code(name)}</a>'
