"""The database's views and Datasette's canned queries, declared in statements.toml.

The SQL and its bilingual titles live in that file, beside the models; a view column is described as the
table column it shows ("table.column", so its description comes from the model) or in its own words.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .base import Statement

STATEMENTS = Path(__file__).with_name("statements.toml")


def column_of(ref: str) -> tuple[str, str]:
    """The Chinese and English description of a table's column ("resource.column"), as its model declares it."""
    from . import BY_NAME

    resource, column = ref.split(".")
    return BY_NAME[resource].describe(column)


def _foreign(model) -> set[str]:
    return {fk.field for fk in model.foreign_keys()}


@dataclass(frozen=True)
class View(Statement):
    columns: dict[str, str | tuple[str, str]]  # column → "table.column" it shows, or (Chinese, English)
    label_column: str | None = None
    materialized: bool = False  # built as a table when the database is (a view over a large table is slow to page)

    def indexes(self) -> list[tuple[str, ...]]:
        """How a materialized view is indexed: as the tables its columns come from are, on each foreign key it
        shows, and on each declared index (`Meta.indexes`) whose columns it shows, all from one table."""
        from . import BY_NAME

        shown = {tuple(ref.split(".")): name for name, ref in self.columns.items() if isinstance(ref, str)}
        found: list[tuple[str, ...]] = [
            (n,) for (resource, column), n in shown.items() if column in _foreign(BY_NAME[resource])
        ]
        for resource in dict.fromkeys(resource for resource, _ in shown):
            for index in BY_NAME[resource].meta.indexes:
                if all((resource, column) in shown for column in index):
                    found.append(tuple(shown[(resource, column)] for column in index))
        return found

    def describe(self) -> dict[str, tuple[str, str]]:
        """Every column's (Chinese, English) description."""
        return {name: column_of(d) if isinstance(d, str) else d for name, d in self.columns.items()}


@dataclass(frozen=True)
class Query(Statement):
    example: dict[str, str]  # parameters for a known input; the tests run every query with them


def _load() -> tuple[tuple[View, ...], tuple[Query, ...]]:
    document = tomllib.loads(STATEMENTS.read_text(encoding="utf-8"))
    views = tuple(
        View(**{**v, "columns": {k: c if isinstance(c, str) else (c[0], c[1]) for k, c in v["columns"].items()}})
        for v in document["view"]
    )
    queries = tuple(Query(**{"example": {}, **q}) for q in document["query"])
    return views, queries


VIEWS, QUERIES = _load()
