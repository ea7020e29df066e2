"""The frozen context a page is written in: the data, the language, and the way up to the docs folder.

A page or fragment receives its context and passes it on; nothing sets the language from outside.
"""

from dataclasses import dataclass
from typing import Any

from . import labels, words
from .data import Data
from .markup import chinese_marked, esc


@dataclass(frozen=True)
class Context:
    data: Data
    lang: str
    up: str = "../"  # from the page to docs/: "../" for a generated page, "" for a narrative page

    def word(self, key: str, **values: object) -> str:
        return words.word(key, self.lang, **values)

    def code(self, resource: str, column: str, row: Any) -> str:
        """The label of a row's coded column."""
        return labels.code(resource, column, row[column], self.lang)

    def text(self, row: Any, base: str) -> str:
        return labels.text(row, base, self.lang)

    def ours(self, note: str | None) -> str:
        """A note we wrote in English, escaped, in the page's language: on a Chinese page its rendering from
        the table translations (the English, where it has none yet, which the site's tests report); on an
        English page with what it quotes in Chinese marked as Chinese."""
        if not note:
            return ""
        if self.lang == words.CHINESE:
            return esc(self.data.renderings.get(note, note))
        return chinese_marked(note)

    def paren(self, text: str) -> str:
        return words.paren(text, self.lang)

    def sentence(self, text: str) -> str:
        return words.sentence(text, self.lang)

    def fact(self, key: str, value: str) -> str:
        return words.fact(self.word(key), value, self.lang)

    @property
    def sep(self) -> str:
        return words.SEPARATOR[self.lang]

    @property
    def semicolon(self) -> str:
        return words.SEMICOLON[self.lang]

    @property
    def stop(self) -> str:
        return words.STOP[self.lang]

    @property
    def colon(self) -> str:
        return words.COLON[self.lang]
