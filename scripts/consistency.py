"""Rows that must not contradict each other, checked as they stream past (part of pass 2), as the models
declare it.

Two rows alike in every column of their table's `Identity.of` state a figure of the same thing, so they
must state the same `Identity.values` (numbers compared as numbers); a column of `of`, such as a subset,
is how two different figures are told apart. A column marked `Distinct` holds no value twice once case,
spacing, punctuation and quotation marks, and in English the order of words, a few small words and a plural
-s are ignored: two metrics named or defined alike are one concept.
"""

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from schemas import Table
from schemas.base import Distinct

from .problems import Problem

SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "per", "by", "for", "to", "and"}
WORD = re.compile(r"[^\W_]+")  # a run of letters or digits: an English word, a number, or a run of Chinese


def normalized(text: str) -> str:
    """A name or definition reduced to what tells it apart: 'Yearly gain, per village' and 'village gains
    yearly' read alike, as do 享受“两项补贴” and 享受两项补贴."""
    runs = WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    english = sorted(w.removesuffix("s") if len(w) > 3 else w for w in runs if w.isascii() and w not in SMALL_WORDS)
    return "".join(w for w in runs if not w.isascii()) + " " + " ".join(english)


def _same(text: str) -> Decimal | str:
    """A cell as compared: a number by its value (7 and 7.0 agree), anything else as written."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    return number.normalize() if number.is_finite() else text


class Consistency:
    """Remembers, per table, the figure each identity states and the normalized value of each distinct column."""

    def __init__(self, models: list[type[Table]]):
        # per table: a digest of the identity (not the cells, which would hold every row's text) → first line, values
        self.stated: dict[str, dict[bytes, tuple[int, tuple[str, ...]]]] = {}
        self.distinct: dict[tuple[str, str], dict[str, tuple[int, str]]] = {}
        self.columns = {m.meta.resource: [c for c, _ in m.marked(Distinct)] for m in models}

    def row(self, model: type[Table], name: str, line: int, row: dict[str, str]) -> Iterator[Problem]:
        resource = model.meta.resource
        identity = model.meta.identity
        if identity:
            key = hashlib.blake2b("\x1f".join(row[c] for c in identity.of).encode(), digest_size=16).digest()
            values = tuple(row[c] for c in identity.values)
            first, theirs = self.stated.setdefault(resource, {}).setdefault(key, (line, values))
            differ = first != line and [
                (c, b) for c, a, b in zip(identity.values, values, theirs, strict=True) if _same(a) != _same(b)
            ]
            if differ:
                column, other = differ[0]
                expected = (
                    f"{other!r} as on line {first}, which has the same {', '.join(identity.of)}; "
                    "or a column of these that tells the two figures apart"
                )
                yield Problem(name, line, model.columns().index(column) + 1, column, row[column], expected)
        for column in self.columns.get(resource, ()):
            if not row[column]:
                continue
            seen = self.distinct.setdefault((resource, column), {})
            earlier = seen.setdefault(normalized(row[column]), (line, row[column]))
            if earlier[0] != line:
                expected = (
                    f"a {column} no other row has (ignoring case, punctuation and word order): "
                    f"line {earlier[0]} has {earlier[1]!r}"
                )
                yield Problem(name, line, model.columns().index(column) + 1, column, row[column], expected)
