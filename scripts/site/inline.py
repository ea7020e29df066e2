"""MkDocs hook: fragments inside a sentence. `{{ name.zh.md }}` in a narrative page is replaced by the
fragment's text (such as 五份, the number of sources), read from the folders pymdownx.snippets reads.

A block fragment stands on a line of its own (`--8<-- "name.zh.md"`), so it cannot sit inside a Chinese
sentence without a break; this hook fills the gap. It only reads what `python -m scripts site` wrote, and
a missing fragment fails the build. It imports nothing of the project, because MkDocs loads it by path.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

INLINE = re.compile(r"\{\{\s*([\w.-]+\.md)\s*\}\}")


def fragment(name: str, folders: list[str]) -> str:
    """A fragment's text, from the first folder that holds it, on one line."""
    for folder in folders:
        path = Path(folder) / name
        if path.is_file():
            return " ".join(path.read_text(encoding="utf-8").split())
    raise PluginError(f"no fragment {name!r} in {folders}: run `python -m scripts site`")


def on_page_markdown(markdown, page, config, files):
    folders = config["mdx_configs"]["pymdownx.snippets"]["base_path"]
    return INLINE.sub(lambda match: fragment(match[1], folders), markdown)
