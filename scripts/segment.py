"""Chinese word segmentation for full-text search, with jieba.

SQLite's tokenizers treat a run of Chinese characters as one token, so the database indexes text that
jieba has cut into words, in search mode (全国总工会 → 全国 总工 工会 总工会 全国总工会), and a query is cut
the same way before it is matched. The names of regions, bodies and projects are added to jieba's
dictionary, so that 壶关县 or 总工会 stay whole.
"""

import functools
import logging
import sqlite3
from collections.abc import Iterable

import jieba

jieba.setLogLevel(logging.WARNING)


@functools.cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Text in simplified script (OpenCC's traditional-to-simplified conversion)."""
    return _converter().convert(text)


# The names that should stay whole words: read from the database, the same at build and at query time.
WORDS_SQL = """
SELECT name_zh FROM regions UNION SELECT qualified_name_zh FROM regions
UNION SELECT name_zh FROM organizations UNION SELECT short_name_zh FROM organizations
UNION SELECT name_zh FROM projects UNION SELECT printed_zh FROM projects
"""


# jieba's time grows faster than the length of its text: only so many characters of a text are cut. A cell
# holds at most 4,000; a search query that needs more than a hundred is not a query.
MAX_INDEXED_CHARS = 10_000
MAX_QUERY_CHARS = 100


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


class Segmenter:
    """A jieba tokenizer with the project's names in its dictionary."""

    def __init__(self, words: Iterable[str]):
        self._jieba = jieba.Tokenizer()
        for word in sorted(set(words)):
            self._jieba.add_word(word)
        for name in sorted(set(words)):
            short = name[:-1] if len(name) > 2 and name[-1] in "省市县区" else ""
            if short:
                self._jieba.add_word(short)

    def index(self, text: str) -> str:
        """Text as it is indexed: every word and sub-word, separated by spaces; text in traditional script is
        indexed in simplified script too, so that a query in either finds it. Only the first MAX_INDEXED_CHARS
        characters are cut, so that one huge cell cannot stall the build."""
        text = text[:MAX_INDEXED_CHARS]
        words = [t for t in self._jieba.cut_for_search(text) if _is_word(t)]
        simplified = to_simplified(text)
        if simplified != text:
            words += [t for t in self._jieba.cut_for_search(simplified) if _is_word(t)]
        return " ".join(words)

    def query(self, text: str) -> str:
        """An FTS5 MATCH expression for a query (its first MAX_QUERY_CHARS characters): every word of it,
        quoted, must appear."""
        words = [t.replace('"', '""') for t in self._jieba.cut((text or "")[:MAX_QUERY_CHARS]) if _is_word(t)]
        return " ".join(f'"{w}"' for w in words) or '""'


def words_from(conn: sqlite3.Connection) -> list[str]:
    """The dictionary words: names of regions, bodies and projects in the database."""
    return [row[0] for row in conn.execute(WORDS_SQL) if row[0]]


# Words the site's search should always find as words of their own, wherever they occur.
SEARCH_TERMS = ("总工会", "乡村振兴", "脱贫攻坚", "革命老区", "太行", "定点帮扶", "驻村工作队", "光伏", "帮扶")


def site_userdict(conn: sqlite3.Connection) -> str:
    """jieba's user dictionary for the site's search (MkDocs Material cuts pages with jieba.cut).

    The site's search matches a query against the start of each word, so a long name that jieba keeps
    whole would hide the words inside it: 中华全国总工会 would not be found by 总工会. Region names and a
    few key terms are kept whole; names of bodies and projects that jieba would keep whole are removed
    from its dictionary (frequency 0), so that they are cut into their words.
    """
    keep = {name for (name,) in conn.execute("SELECT name_zh FROM regions")} | set(SEARCH_TERMS)
    keep |= {n[:-1] for n in keep if len(n) > 2 and n[-1] in "省市县区"}
    split = set()
    for name in words_from(conn):
        if name not in keep and len(name) > 3 and list(jieba.cut(name)) == [name]:
            split.add(name)
    lines = [f"{word} 100000" for word in sorted(keep)] + [f"{word} 0" for word in sorted(split)]
    return "".join(line + "\n" for line in lines if " " not in line.rsplit(" ", 1)[0])
