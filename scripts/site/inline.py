"""MkDocs hook: fragments inside a sentence, and the public Datasette address.

`{{ name.zh.md }}` in a narrative page, or in its front matter's description, is replaced by the fragment's text (such as 五份, the number of
sources), read from the folders pymdownx.snippets reads.

The address of a public Datasette instance is configured once, as `extra.datasette_url` in mkdocs.yml. A
page holds what to say with one (`<!-- datasette:public -->…<!-- /datasette:public -->`, where
`{{ datasette }}` is the address) and without one (`<!-- datasette:local -->…`, how to run it locally);
the hook keeps the part that applies.

A block fragment stands on a line of its own (`--8<-- "name.zh.md"`), so it cannot sit inside a Chinese
sentence without a break; this hook fills the gap. It only reads what `python -m scripts site` wrote, and
a missing fragment fails the build. It imports nothing of the project, because MkDocs loads it by path.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

INLINE = re.compile(r"\{\{\s*([\w.-]+\.md)\s*\}\}")
PART = re.compile(r"<!-- datasette:(public|local) -->\n?(.*?)<!-- /datasette:\1 -->\n?", re.S)
ADDRESS = re.compile(r"\{\{\s*datasette\s*\}\}")


def fragment(name: str, folders: list[str]) -> str:
    """A fragment's text, from the first folder that holds it, on one line."""
    for folder in folders:
        path = Path(folder) / name
        if path.is_file():
            return " ".join(path.read_text(encoding="utf-8").split())
    raise PluginError(f"no fragment {name!r} in {folders}: run `python -m scripts site`")


def spaced(match: re.Match[str], value: str) -> str:
    """A fragment's text, after a space where digits follow a Chinese character (老区 35 个县, not 老区35 个县)."""
    before = match.string[match.start() - 1 : match.start()]
    return f" {value}" if value[:1].isdigit() and "\u4e00" <= before <= "\u9fff" else value


def datasette(markdown: str, address: str | None) -> str:
    """The page with the part that applies: with a public address, the public part with the address in it;
    without one, the part that says how to run Datasette locally."""
    address = (address or "").rstrip("/")
    kept = "public" if address else "local"
    markdown = PART.sub(lambda match: match[2] if match[1] == kept else "", markdown)
    return ADDRESS.sub(address, markdown)


def on_page_markdown(markdown, page, config, files):
    """The page with its inline fragments filled in, in the text and in the front matter's description."""
    folders = config["mdx_configs"]["pymdownx.snippets"]["base_path"]
    fill = lambda text: INLINE.sub(lambda match: spaced(match, fragment(match[1], folders)), text)  # noqa: E731
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = fill(page.meta["description"])
    return fill(datasette(markdown, config["extra"].get("datasette_url")))
