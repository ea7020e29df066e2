"""One search index per language: MkDocs writes one index of every page in both languages; this splits it
into `search/search_index.zh.json` and `search/search_index.en.json` and removes the whole, so a reader
loads only their language's index, and only when they open search (`docs/javascripts/search.js`).

Data tables are not in either index (the card hook marks them `data-search-exclude`): names, titles and
prose are, and the data itself is searchable in Datasette.
"""

import json
from pathlib import Path

from .words import CHINESE, ENGLISH, LANGS

INDEX = Path("search") / "search_index.json"
ENGLISH_PAGES = "en/"  # the English site's folder; the Chinese pages are at the root


def language_of(location: str) -> str:
    return ENGLISH if location.startswith(ENGLISH_PAGES) else CHINESE


def _named_once(doc: dict) -> dict:
    """An entry of the index, whose page's names (tags) are kept on the page's first entry only: on each of
    its sections they would rank every section of a page named 长治市… above the page named 长治."""
    return doc if "#" not in doc["location"] else {k: v for k, v in doc.items() if k != "tags"}


def split(site: Path) -> list[Path]:
    """Write each language's index beside the whole one, then remove the whole one."""
    whole = json.loads((site / INDEX).read_text(encoding="utf-8"))
    written = []
    for lang in LANGS:
        part = {
            "config": {**whole["config"], "lang": [lang]},
            "docs": [_named_once(doc) for doc in whole["docs"] if language_of(doc["location"]) == lang],
        }
        path = site / INDEX.with_suffix(f".{lang}.json")
        path.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written.append(path)
    (site / INDEX).unlink()
    return written
