"""What people read for a value: the label of a code, a column in the page's language, the name of a row.

Every label of a coded value comes from the code table of its column (schemas/codes.py), found through
the column's type; a code that a table does not know is shown as itself, never an error.
"""

from collections.abc import Iterable
from typing import Any

from schemas import BY_NAME, RESOURCES, Table
from schemas.codes import Code


def code(resource: str, column: str, value: Any, lang: str) -> str:
    """The label of a coded cell in a language; a column without a code table shows its value."""
    if value is None:
        return ""
    table = BY_NAME[resource].codes_of(column)
    return table.label(str(value), lang) if table else str(value)


def codes(resource: str, column: str) -> tuple[Code, ...]:
    """The codes of a column's code table, in their order."""
    table = BY_NAME[resource].codes_of(column)
    return table.codes if table else ()


def in_code_order(resource: str, column: str, values: Iterable[str]) -> list[str]:
    """Values of a coded column in the order of its code table; values the table does not know go last."""
    order = {c.code: i for i, c in enumerate(codes(resource, column))}
    return sorted(set(values), key=lambda v: (order.get(v, len(order)), v))


def definition(resource: str, column: str, value: str, lang: str) -> str:
    """The definition of a code, where its table gives one."""
    table = BY_NAME[resource].codes_of(column)
    found = next((c for c in table.codes if c.code == value), None) if table else None
    if not found:
        return ""
    return getattr(found, f"definition_{lang}")


def text(row: Any, base: str, lang: str) -> str:
    """A column that the table holds in both languages (`name_zh`, `name_en`), in the page's language."""
    return row[f"{base}_{lang}"]


def printed_words(model: type[Table], row: Any) -> str | None:
    """The words as printed that a row rests on, which a link to a web page highlights: its figure as printed,
    or the first text its citation names."""
    cites = model.meta.cites
    if cites is None:
        return None
    return (row[cites.figure] if cites.figure else None) or row[cites.texts[0].column]


def citing_models() -> list[type[Table]]:
    """The tables whose rows cite a source line, in the package's order."""
    return [model for model in RESOURCES if model.meta.cites]


def title(model: type[Table], lang: str) -> str:
    """What a reader's page calls a table, in a language: its reader's name where it declares one, else its
    title."""
    reader = model.meta.reader
    return reader[0 if lang == "zh" else 1] if reader else getattr(model.meta, f"title_{lang}")


def naming_column(model: type[Table]) -> str:
    """The column that names a row: the citation's label, else the label column, else the last key column."""
    cites = model.meta.cites
    return (cites.label if cites else None) or model.meta.label_column or model.meta.primary_key[-1]


def in_language(row: Any, column: str, lang: str) -> str:
    """A row's column, or its twin in the page's language where it has one (name_zh → name_en)."""
    if column.endswith("_zh") and f"{column[:-3]}_{lang}" in row.keys():  # noqa: SIM118 (a Row's `in` tests values)
        column = f"{column[:-3]}_{lang}"
    return row[column]


def row_name(model: type[Table], row: Any, lookup, lang: str) -> str:
    """How a row is named, in the page's language where the table has it in both: its naming column, or
    through a foreign key the label of the row it points to.

    `lookup(resource, key)` returns a row of another table by its primary key.
    """
    column = naming_column(model)
    target = next((fk.resource for fk in model.foreign_keys() if fk.field == column), None)
    if target is None or row[column] is None:
        return in_language(row, column, lang)
    meta = BY_NAME[target].meta
    return in_language(lookup(target, row[column]), meta.label_column or meta.primary_key[-1], lang)
