"""The table base class and the column helper.

Every column is declared once, as a Pydantic field carrying its bilingual description and unit.
From these declarations the generators emit the Table Schemas, the JSON Schemas, the Datasette
metadata and the data dictionary, in the manner of PUDL's metadata classes.
"""

from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator


def column(zh: str, en: str, *, unit: str | None = None, **constraints: Any) -> Any:
    """Declare a column: its Chinese and English description, its unit, its constraints."""
    extra: dict[str, Any] = {"description_zh": zh}
    if unit:
        extra["unit"] = unit
    return Field(description=en, json_schema_extra=extra, **constraints)


@dataclass(frozen=True)
class Statement:
    """A named SQL statement with a bilingual title and description: a view, or a canned query."""

    name: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    sql: str


class ForeignKey(NamedTuple):
    """A column of this table that refers to the primary key of another (or the same) table."""

    field: str
    resource: str
    reference: str


@dataclass(frozen=True)
class Meta:
    """What a table says about itself: its resource name, titles, description and keys."""

    resource: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    label_column: str | None = None
    facets: tuple[str, ...] = ()  # Datasette's default facets
    sort: str | None = None  # Datasette's default sort column


class Table(BaseModel):
    """One row of a resource. Subclasses set `meta` and declare their columns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    meta: ClassVar[Meta]

    @model_validator(mode="before")
    @classmethod
    def _empty_cells_are_null(cls, data: Any) -> Any:
        """A CSV cell that is empty means 'no value'."""
        if isinstance(data, dict):
            return {k: (None if v == "" else v) for k, v in data.items()}
        return data

    @classmethod
    def columns(cls) -> list[str]:
        """The column names, in the order the CSV file must have them."""
        return list(cls.model_fields)


SOURCE_FK = ForeignKey("source_id", "sources", "id")


def cited_source() -> Any:
    """The source_id column: the source a row was read from."""
    return column("来源", "Source the row was read from.")


def cited_line() -> Any:
    """The locator column: the line of the source a row was read from."""
    return column(
        "来源中的行号（从 1 起）",
        "1-based line number in the archived source file.",
        ge=1,
    )
