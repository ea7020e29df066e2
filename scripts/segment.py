"""Chinese word segmentation for full-text search, with jieba.

SQLite's tokenizers treat a run of Chinese characters as one token, so the database indexes text that
jieba has cut into words, in search mode (全国总工会 → 全国 总工 工会 总工会 全国总工会), and a query is cut
the same way before it is matched. The names of regions, bodies and projects are added to jieba's
dictionary, so that 壶关县 or 总工会 stay whole.
"""

import logging
import sqlite3
from collections.abc import Iterable

import jieba

jieba.setLogLevel(logging.WARNING)

# The names that should stay whole words: read from the database, the same at build and at query time.
WORDS_SQL = """
SELECT name_zh FROM regions UNION SELECT qualified_name_zh FROM regions
UNION SELECT name_zh FROM organizations UNION SELECT short_name_zh FROM organizations
UNION SELECT name_zh FROM projects UNION SELECT printed_zh FROM projects
"""


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
        """Text as it is indexed: every word and sub-word, separated by spaces."""
        return " ".join(t for t in self._jieba.cut_for_search(text) if _is_word(t))

    def query(self, text: str) -> str:
        """An FTS5 MATCH expression for a query: every word of it, quoted, must appear."""
        words = [t.replace('"', '""') for t in self._jieba.cut(text or "") if _is_word(t)]
        return " ".join(f'"{w}"' for w in words) or '""'


def words_from(conn: sqlite3.Connection) -> list[str]:
    """The dictionary words: names of regions, bodies and projects in the database."""
    return [row[0] for row in conn.execute(WORDS_SQL) if row[0]]
