"""One search index per language: MkDocs writes one index of every page in both languages; this splits it
into `search/search_index.zh.json` and `search/search_index.en.json` and removes the whole, so a reader
loads only their language's index, and only when they open search (`docs/javascripts/search.js`).

Data tables are not in either index (the card hook marks them `data-search-exclude`): names, titles and
prose are, and the data itself is searchable in Datasette.
"""

import json
from pathlib import Path

import jieba

from .words import CHINESE, ENGLISH, LANGS

INDEX = Path("search") / "search_index.json"
ENGLISH_PAGES = "en/"  # the English site's folder; the Chinese pages are at the root
# The languages search reads each index in: the English pages also hold Chinese names (壶关, 总工会), which an
# English-only pipeline would trim away.
LUNR_LANGUAGES = {CHINESE: [CHINESE], ENGLISH: [ENGLISH, CHINESE]}


def language_of(location: str) -> str:
    return ENGLISH if location.startswith(ENGLISH_PAGES) else CHINESE


def _named_once(doc: dict) -> dict:
    """An entry of the index, whose page's names (tags) are kept on the page's first entry only: on each of
    its sections they would rank every section of a page named 长治市… above the page named 长治."""
    return doc if "#" not in doc["location"] else {k: v for k, v in doc.items() if k != "tags"}


def _cut_tags(whole: dict, userdict: Path) -> None:
    """The page's names cut into words with the site's dictionary, with the shorter words inside the longer
    ones (Material leaves names whole): the browser cuts a search for 总工会 into 总 and 工会, which then meet
    the words of the name 中华全国总工会 (中华, 全国, 工会, 总工会)."""
    cutter = jieba.Tokenizer()
    cutter.load_userdict(str(userdict))
    for doc in whole["docs"]:
        if "tags" in doc:
            doc["tags"] = ["\u200b".join(cutter.cut_for_search(tag)) for tag in doc["tags"]]


def split(site: Path, userdict: Path) -> list[Path]:
    """Cut the names into words, write each language's index beside the whole one, then remove the whole one."""
    whole = json.loads((site / INDEX).read_text(encoding="utf-8"))
    _cut_tags(whole, userdict)
    written = []
    for lang in LANGS:
        part = {
            "config": {**whole["config"], "lang": LUNR_LANGUAGES[lang]},
            "docs": [_named_once(doc) for doc in whole["docs"] if language_of(doc["location"]) == lang],
        }
        path = site / INDEX.with_suffix(f".{lang}.json")
        path.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written.append(path)
    (site / INDEX).unlink()
    return written
