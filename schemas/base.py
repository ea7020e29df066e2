"""The table base class, the column helper, and the markers a column's type can carry.

Every column is declared once, as a Pydantic field carrying its bilingual description and unit. What a
column says about other tables rides on its type, as Annotated markers: `References` (a foreign key),
`AtMost` and `Equals` (a value bounded by, or equal to, a column of the row a foreign key points to),
`InUnitOf` (the column holding a value's unit, whose code says whether it may be negative), `NotBefore`,
`GivenWhen` and `Above` (rules across the columns of one row), and a `CodeTable` (see codes.py). A check
across a row's columns raises `ColumnError`, naming its column. What a table says about its source, if it cites one, is its `Citation`.
From these declarations the generators emit the Table Schemas, the JSON Schemas, the Datasette metadata,
the data dictionary and the site's labels, in the manner of PUDL's metadata classes.
"""

import functools
import re
import sys
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.fields import FieldInfo

from .codes import CodeTable


def column(
    zh: str, en: str, *, unit: str | None = None, ours: bool = False, reading: bool = False, **constraints: Any
) -> Any:
    """Declare a column: its Chinese and English description, its unit, its constraints.

    `ours` marks text written by this project (a summary, a note, a reason), not read from a source; `reading`
    a value we read from the source (a figure in base units, a place in a list), not the words as printed, so
    that it does not capture a number of the line for `coverage`.
    """
    extra: dict[str, Any] = {"description_zh": zh}
    if unit:
        extra["unit"] = unit
    if ours:
        extra["ours"] = True
    if reading:
        extra["reading"] = True
    return Field(description=en, json_schema_extra=extra, **constraints)


@dataclass(frozen=True)
class References:
    """Type marker: the column holds the primary key of a row of `resource` (a foreign key)."""

    resource: str


@dataclass(frozen=True)
class AtMost:
    """Type marker: the value is at most `column` of the row that the foreign key `via` points to."""

    via: str
    column: str


@dataclass(frozen=True)
class Line(AtMost):
    """Type marker on a locator: a line of the source that the foreign key `via` points to, given exactly when
    that source is archived (its `column`, the number of lines, is given), and at most that number. A row
    citing a source that is not archived, a web page, has no line: it carries the words as printed instead."""


@dataclass(frozen=True)
class Equals:
    """Type marker: the value equals `column` of the row that the foreign key `via` points to."""

    via: str
    column: str


@dataclass(frozen=True)
class PairedWith:
    """Type marker on a body column: the body must be paired with the region in `region` (a column of this
    row) by a row of the table `by` (whose `Meta.pairs` says how), or a predecessor or successor of the body
    must be (the body table's self-reference, followed both ways)."""

    region: str
    by: str


@dataclass(frozen=True)
class EndsWithSuccession:
    """Type marker on a status column: when the body that `via` points to has a successor (the body table's
    self-reference), the status is `ended`, unless the row's `note` names that successor and says why not."""

    via: str
    ended: str
    note: str = "note"


@dataclass(frozen=True)
class Distinct:
    """Type marker: no two rows have this column's value once case, spacing, punctuation, quotation marks
    and (in English) the order of words and their plural -s are ignored: one row per concept."""


@dataclass(frozen=True)
class Pairs:
    """What a row of a pairing table covers: its `body` with its `region`, and, when `members` lists names
    (separated by 、), each region within `region` that the list names."""

    body: str
    region: str
    members: str


@dataclass(frozen=True)
class Identity:
    """What a row states a figure of (`of`) and the figure (`values`): two rows alike in every column of `of`
    must state the same `values`; a column of `of` (such as a subset) is how two different figures differ."""

    of: tuple[str, ...]
    values: tuple[str, ...]


@dataclass(frozen=True)
class InUnitOf:
    """Type marker: the value is in the unit that `column` holds (a code of the unit table); a unit declared
    `nonnegative` (persons, households, counts...) admits no negative value."""

    column: str


@dataclass(frozen=True)
class NotBefore:
    """Type marker on the end of a period written YYYY, YYYY-MM or YYYY-MM-DD: its last day (a month ends on
    the 31st, for ordering) is not before the first day of `column`, the period's start."""

    column: str


@dataclass(frozen=True)
class GivenWhen:
    """Type marker: the column has a value when, and only when, `column` holds `code` (with `unless`: when it
    holds anything else); `what` names the value."""

    column: str
    code: str
    what: str
    unless: bool = False


@dataclass(frozen=True)
class Above:
    """Type marker: the value is greater than `column` of the same row, which `what` names."""

    column: str
    what: str


PROJECT = Path(__file__).resolve().parent.parent  # the folder holding schemas/, to name a model's file
RULES = (NotBefore, GivenWhen, Above)  # the markers that relate two columns of one row
CHINESE = "_zh"  # a column so named holds Chinese: its English, if any, is in the column named _en
ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,}(?:[ -]+[A-Za-z]{2,})+")  # "line ignored"; not 5G, GB/T 2260 or a name
OWN_COLUMNS: dict[type, tuple[str, ...]] = {  # the attributes of each marker that name a column of its own table
    AtMost: ("via",),
    Equals: ("via",),
    PairedWith: ("region",),
    EndsWithSuccession: ("via", "note"),
    InUnitOf: ("column",),
    NotBefore: ("column",),
    GivenWhen: ("column",),
    Above: ("column",),
}


def first_day(value: str) -> str:
    """The first day of a period written as YYYY, YYYY-MM or YYYY-MM-DD."""
    return value + "-01-01"[len(value) - 4 :]


def last_day(value: str) -> str:
    """The last day of a period written as YYYY, YYYY-MM or YYYY-MM-DD (months end on the 31st for ordering)."""
    return value + "-12-31"[len(value) - 4 :] if len(value) < 10 else value


@dataclass(frozen=True)
class Timeline:
    """A table of dated rows about subjects (the ledger): each row is about exactly one of the `subjects`
    (foreign keys), dated by `date`, with a `status` whose codes declare their stage, if it has one. Its rows
    are dated no earlier than the `since` column (table, column) that the subject leads to by foreign keys (the
    policy's date: a report of what came later). The rows about one subject of the `course` column (a project,
    not a measure that names many) follow one course: nothing starts after it is in service."""

    subjects: tuple[str, ...]
    date: str
    status: str | None = None
    since: tuple[str, str] | None = None
    course: str | None = None


class DeclarationError(TypeError):
    """A model declared wrongly: it names a column it does not have, or a citation that checks nothing."""


class ColumnError(ValueError):
    """Raised by a model validator to blame one column of the row, with what that column should hold."""

    def __init__(self, column: str, expected: str):
        super().__init__(expected)
        self.column = column
        self.expected = expected


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


@dataclass(frozen=True)
class Cite:
    """A text the cited line must contain: a column's value, or through a foreign key the texts that name
    the row it points to (that table's `names`). `form` says how the text may be printed: `text` as is,
    `list` a list separated by 、 (any item), `place` a place name with or without its generic (长治市, 长治),
    `date` a date in any of the ways the sources print one. `when` = (column, value) applies it only then."""

    column: str
    form: str = "text"
    when: tuple[str, str] | None = None


@dataclass(frozen=True)
class Citation:
    """How a row cites its source line: in its `source_id` and `locator` columns.

    `texts`: what the line must contain. With `first`, only the first that applies (has a value and
    meets its `when`) is looked for; with `every`, each that applies must be there; otherwise any one of
    them will do.
    `figure`: the column holding a figure as printed, read and checked against the row's `value`,
    `qualifier` and `unit` columns; `erratum`: the column whose erratum (its `as_printed` and `reading`)
    the figure is read through.
    `label`: the column that names the row on a source's page; through a foreign key, the label of the
    row it points to. `reading`: the column holding the reading we chose of the label as printed, shown
    beside it at the line.
    """

    texts: tuple[Cite, ...]
    first: bool = False
    every: bool = False
    figure: str | None = None
    erratum: str | None = None
    label: str | None = None
    reading: str | None = None

    def __post_init__(self) -> None:
        if not self.texts:
            raise DeclarationError(
                "Citation(texts=()) names nothing the cited line must contain: give at least one Cite"
            )


@dataclass(frozen=True)
class Meta:
    """What a table says about itself: its resource name, titles, description, keys and citation."""

    resource: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    primary_key: tuple[str, ...]
    label_column: str | None = None
    facets: tuple[str, ...] = ()  # Datasette's default facets
    sort: str | None = None  # Datasette's default sort column
    indexes: tuple[tuple[str, ...], ...] = ()  # database indexes beyond those on foreign keys and facets
    cites: Citation | None = None  # how each row cites its source line, if it does
    names: tuple[Cite, ...] = ()  # the texts that name a row, for a citation that reaches it by foreign key
    identity: Identity | None = None  # what two rows must agree on when they state a figure of the same thing
    pairs: Pairs | None = None  # for a table of pairings: which body each row pairs with which regions
    timeline: Timeline | None = None  # for a table of dated rows about subjects: the ledger's columns
    # What a reader's page calls the table, where its title is a database word (观测值: 数字), zh and en
    reader: tuple[str, str] | None = None
    # The site's folder of this table's pages (<folder>/<key>/), if each row has one. Such keys are published
    # addresses: never reused, and a row removed keeps its page, saying why (`withdrawals`)
    pages: str | None = None


def markers(field: FieldInfo) -> list[Any]:
    """Every marker on a column's type, including those inside an `X | None`."""
    found = list(field.metadata)
    stack = [field.annotation]
    while stack:
        annotation = stack.pop()
        if typing.get_origin(annotation) is typing.Annotated:
            found += list(getattr(annotation, "__metadata__", ()))
            stack.append(typing.get_args(annotation)[0])
        else:
            stack += [a for a in typing.get_args(annotation) if a is not type(None)]
    return found


class Table(BaseModel):
    """One row of a resource. Subclasses set `meta` and declare their columns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    meta: ClassVar[Meta]

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """A model is checked when it is defined: every column its `meta` and its markers name is one of its own."""
        super().__pydantic_init_subclass__(**kwargs)
        if "meta" in cls.__dict__:
            for where, name in _named_columns(cls):
                if name not in cls.model_fields:
                    raise DeclarationError(
                        f"{_file_of(cls)}: {cls.__name__}.{where} names {name!r}, "
                        f"which is not a column of {cls.meta.resource}"
                    )

    @model_validator(mode="before")
    @classmethod
    def _empty_cells_are_null(cls, data: Any) -> Any:
        """A CSV cell that is empty means 'no value'."""
        if isinstance(data, dict):
            return {k: (None if v == "" else v) for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _share_the_set_of_columns(self) -> Any:
        """A row read from a CSV file sets every column: it then shares one set of their names with the other rows
        of its table instead of holding its own (a set of 19 names takes 2 KB, 2 GB at a million rows). The rows
        are frozen, so nothing adds to the shared set."""
        if len(self.__pydantic_fields_set__) == len(type(self).model_fields):
            object.__setattr__(self, "__pydantic_fields_set__", _all_columns(type(self)))
        return self

    @model_validator(mode="after")
    def _signs(self) -> "Table":
        """No negative value in a unit that cannot be negative (see `InUnitOf`)."""
        for column, marker in self.marked(InUnitOf):
            value, unit, codes = getattr(self, column), getattr(self, marker.column), self.codes_of(marker.column)
            if value is not None and value < 0 and unit and codes and codes[unit].nonnegative:
                raise ColumnError(column, f"a value of at least 0: a figure in {codes[unit].en} is never negative")
        return self

    @model_validator(mode="after")
    def _chinese_is_chinese(self) -> "Table":
        """No English words in a Chinese column (one Latin word, such as a name, 5G or GB/T, may stand)."""
        for column in self.chinese_columns():
            value = getattr(self, column)
            found = ENGLISH_WORDS.search(value) if isinstance(value, str) else None
            if found:
                raise ColumnError(column, f"Chinese: {found[0]!r} is English, which belongs in the _en column")
        return self

    @model_validator(mode="after")
    def _rules(self) -> "Table":
        """The rules across a row's columns that its markers declare (`RULES`), in column order."""
        for column, marker in self.marked(RULES):
            value, other = getattr(self, column), getattr(self, marker.column)
            if isinstance(marker, NotBefore) and value and other and first_day(other) > last_day(value):
                raise ColumnError(column, f"a {column} not before {marker.column} {other!r}")
            if isinstance(marker, GivenWhen) and ((other == marker.code) != marker.unless) != (value is not None):
                if value is None:
                    which = f"is {other!r}" if marker.unless else f"is {marker.code!r}"
                    raise ColumnError(column, f"{marker.what}: the {marker.column} {which}")
                if marker.unless:
                    raise ColumnError(column, f"no value, as the {marker.column} is {other!r}")
                raise ColumnError(
                    column, f"no value: only a {marker.code} has one, and the {marker.column} is {other!r}"
                )
            if isinstance(marker, Above) and value is not None and other is not None and value <= other:
                raise ColumnError(column, f"a value greater than {marker.what}, {other:g}")
        return self

    @classmethod
    def columns(cls) -> list[str]:
        """The column names, in the order the CSV file must have them."""
        return list(cls.model_fields)

    @classmethod
    @functools.cache
    def chinese_columns(cls) -> tuple[str, ...]:
        """The columns that hold Chinese only, by the naming convention (`CHINESE`)."""
        return tuple(c for c in cls.model_fields if c.endswith(CHINESE))

    @classmethod
    def marked(cls, kind: type | tuple[type, ...]) -> list[tuple[str, Any]]:
        """(column, marker) for every marker of a kind on the columns, in column order."""
        return list(_marked(cls, kind))

    @classmethod
    def foreign_keys(cls) -> list[ForeignKey]:
        """The foreign keys, read from the `References` on the column types."""
        return [ForeignKey(name, ref.resource) for name, ref in cls.marked(References)]

    @classmethod
    def self_reference(cls) -> str | None:
        """The column that refers to another row of the same table (a parent, a successor), if there is one."""
        found = [fk.field for fk in cls.foreign_keys() if fk.resource == cls.meta.resource]
        assert len(found) <= 1, f"{cls.meta.resource} has more than one self-reference: {found}"
        return found[0] if found else None

    @classmethod
    def codes_of(cls, name: str) -> CodeTable | None:
        """The code table of a column, if it has one."""
        return next((m for c, m in cls.marked(CodeTable) if c == name), None)

    @classmethod
    def describe(cls, name: str) -> tuple[str, str]:
        """A column's description in Chinese and English, with its codes and their labels if it has them."""
        field = cls.model_fields[name]
        zh, en = _extra(field)["description_zh"], field.description or ""
        codes = cls.codes_of(name)
        if codes:
            zh, en = f"{zh}。{codes.describe('zh')}", f"{en} {codes.describe('en')}"
        return zh, en

    @classmethod
    def unit_of(cls, name: str) -> str | None:
        return _extra(cls.model_fields[name]).get("unit")

    @classmethod
    def ours(cls, name: str) -> bool:
        """Whether a column holds text written by this project rather than read from the source."""
        return bool(_extra(cls.model_fields[name]).get("ours"))

    @classmethod
    def reads(cls, name: str) -> bool:
        """Whether a column holds our reading of the source (a value in base units, an order), not the words
        as printed."""
        return bool(_extra(cls.model_fields[name]).get("reading"))


def _file_of(model: type) -> str:
    """The file a model is defined in, relative to the project (its path as given where it lies elsewhere)."""
    module = sys.modules.get(model.__module__)
    path = Path(getattr(module, "__file__", None) or model.__module__)
    return str(path.relative_to(PROJECT)) if path.is_relative_to(PROJECT) else str(path)


def _named_columns(model: type[Table]) -> Iterator[tuple[str, str]]:
    """(where, column) for every column that a model's meta and its column markers name."""
    meta = model.meta
    for where, names in (
        ("meta.primary_key", meta.primary_key),
        ("meta.label_column", (meta.label_column,)),
        ("meta.facets", meta.facets),
        ("meta.sort", (meta.sort,)),
        ("meta.indexes", tuple(c for index in meta.indexes for c in index)),
        ("meta.names", tuple(c.column for c in meta.names)),
        ("meta.identity", meta.identity.of + meta.identity.values if meta.identity else ()),
        ("meta.pairs", (meta.pairs.body, meta.pairs.region, meta.pairs.members) if meta.pairs else ()),
        (
            "meta.timeline",
            (*meta.timeline.subjects, meta.timeline.date, meta.timeline.status, meta.timeline.course)
            if meta.timeline
            else (),
        ),
    ):
        yield from ((where, n) for n in names if n)
    if meta.cites:
        c = meta.cites
        for cite in c.texts:
            yield "meta.cites.texts", cite.column
            if cite.when:
                yield "meta.cites.texts.when", cite.when[0]
        for attr in ("figure", "erratum", "label", "reading"):
            if getattr(c, attr):
                yield f"meta.cites.{attr}", getattr(c, attr)
    for column, field in model.model_fields.items():
        for marker in markers(field):
            for attr in OWN_COLUMNS.get(type(marker), ()):
                yield f"{column}: {type(marker).__name__}.{attr}", getattr(marker, attr)


@functools.cache
def _marked(model: type[Table], kind: type | tuple[type, ...]) -> tuple[tuple[str, Any], ...]:
    """Read once per model: the checks ask for a table's markers at every row."""
    return tuple((name, m) for name, f in model.model_fields.items() for m in markers(f) if isinstance(m, kind))


@functools.cache
def _all_columns(model: type[Table]) -> set[str]:
    return set(model.model_fields)


def _extra(field: FieldInfo) -> dict[str, Any]:
    extra = field.json_schema_extra
    return extra if isinstance(extra, dict) else {}
