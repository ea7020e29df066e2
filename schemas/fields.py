"""Column types shared by several tables: identifiers, codes, dates, references and the shared columns.

A shared column (the source a row cites, its line, a note) is declared here once, with its description,
and every table that has it uses the same type, as PUDL's FIELD_METADATA does.
"""

import math
import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from .base import Line, References, column
from .codes import GOVERNMENT_LEVEL, PRECISION

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
REGION_CODE_PATTERN = r"^[1-9][0-9]{5}$"
# A year, a year and month, or a full date: the precision of a period as the source states it.
PARTIAL_DATE_PATTERN = r"^[12][0-9]{3}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"

CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # control characters but the line breaks
LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
FORMULA = "=+-@"  # how a cell starts that a spreadsheet would run as a formula


def _free_text(value: str) -> str:
    """Text as people write it: no control characters, and not a formula for a spreadsheet that opens it."""
    found = CONTROL.search(value)
    if found:
        where = f"U+{ord(found.group()):04X} at character {found.start() + 1}"
        raise PydanticCustomError("control_character", f"text without control characters ({where})")
    if value[:1] in FORMULA:
        raise PydanticCustomError(
            "formula", "text that does not start with =, +, - or @ (a spreadsheet would run it as a formula)"
        )
    return value


def _one_line(value: str) -> str:
    """A name or title: free text on one line."""
    if LINE_BREAK.search(_free_text(value)):
        raise PydanticCustomError("line_break", "text on one line: a name or title has no line break")
    return value


def _real_date(value: str) -> str:
    """A partial date whose day, if it has one, is a day of the calendar."""
    if len(value) == len("YYYY-MM-DD"):
        try:
            date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("partial_date", "a real calendar date: YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
RegionCode = Annotated[str, StringConstraints(pattern=REGION_CODE_PATTERN)]
PartialDate = Annotated[str, StringConstraints(pattern=PARTIAL_DATE_PATTERN), AfterValidator(_real_date)]
# Names, titles and figures as printed: one line. Prose (notes, summaries, definitions, reasons) may run
# over several lines. Every text column has a maximum length.
Text = Annotated[str, StringConstraints(min_length=1, max_length=500), AfterValidator(_one_line)]
Prose = Annotated[str, StringConstraints(min_length=1, max_length=4000), AfterValidator(_free_text)]

Precision = Annotated[str, PRECISION.only("day", "month", "year")]  # the precision of a date as written
GovernmentLevel = Annotated[str, GOVERNMENT_LEVEL]


def _iso_date(value: Any) -> Any:
    """Accept a date only as YYYY-MM-DD (not a timestamp or a datetime), as Frictionless does."""
    if isinstance(value, str):
        if not ISO_DATE.fullmatch(value):
            raise PydanticCustomError("iso_date", "a date written as YYYY-MM-DD, its year from 1000 to 2999")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("iso_date", "a real calendar date written as YYYY-MM-DD") from None
    return value


def _flag(value: Any) -> Any:
    """Accept a boolean only as the words true and false."""
    if isinstance(value, str):
        if value not in ("true", "false"):
            raise PydanticCustomError("flag", "true or false")
        return value == "true"
    return value


def _matching(pattern: str, error: str, expected: str) -> BeforeValidator:
    """A before-validator that lets a string through only when it matches the whole pattern."""
    compiled = re.compile(pattern)

    def check(value: Any) -> Any:
        if isinstance(value, str) and not compiled.fullmatch(value):
            raise PydanticCustomError(error, expected)
        return value

    return BeforeValidator(check)


def _number(value: Any) -> Any:
    """A number as it is written, kept only if a double holds it: not infinite, and not 1e-400 (0 as a double)."""
    if isinstance(value, str):
        if not NUMBER.fullmatch(value):
            raise PydanticCustomError("number", "a number written in digits without leading zeros, such as 13849000")
        number = float(value)
        if math.isinf(number):
            raise PydanticCustomError("finite_number", "a finite number")
        if number == 0 and re.search(r"[1-9]", re.split("[eE]", value)[0]):
            raise PydanticCustomError("number_underflow", "a number that a double can hold: this one would be 0")
        return number
    return value


# Pydantic's lax mode would take "1.0" as an integer and "1_000" as a number; Frictionless would not.
# Integers are bounded, as a database column is.
MAX_INTEGER = 999_999_999
NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
Integer = Annotated[
    int,
    _matching(r"0|-?[1-9][0-9]*", "integer", "an integer written in digits without leading zeros, such as 134"),
    Field(ge=-MAX_INTEGER, le=MAX_INTEGER),
]
Number = Annotated[float, BeforeValidator(_number)]
ISO_DATE = re.compile(r"[12][0-9]{3}-[0-9]{2}-[0-9]{2}")
PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Flag = Annotated[bool, BeforeValidator(_flag)]

# References: a foreign key is part of the column's type, so a citing table cannot forget one.
SourceRef = Annotated[Slug, References("sources")]
RegionRef = Annotated[RegionCode, References("regions")]
OrganizationRef = Annotated[Slug, References("organizations")]
PolicyRef = Annotated[Slug, References("policies")]
MeasureRef = Annotated[Slug, References("policy_measures")]
ProjectRef = Annotated[Slug, References("projects")]
TargetRef = Annotated[Slug, References("policy_targets")]
MetricRef = Annotated[Slug, References("metrics")]
ErratumRef = Annotated[Slug, References("errata")]
ObservationRef = Annotated[Slug, References("observations")]

# The shared columns: declared once, with their descriptions.
SourceId = Annotated[SourceRef, column("来源", "Source the row was read from.")]
Locator = Annotated[
    Integer | None,
    Line("source_id", "lines"),
    column(
        "来源中的行号（从 1 起；引用未存档的网页时为空）",
        "1-based line number in the archived source file; empty for a row citing a web page that is not archived.",
        unit="line",
        ge=1,
    ),
]
# Our own words in English (a note, a reason): the Chinese site shows its rendering, the row of translations
# keyed by the same text, so the column refers to that row and a note without a rendering is refused.
Rendered = Annotated[Prose, References("translations")]
RenderedLine = Annotated[Text, References("translations")]
Note = Annotated[Rendered | None, column("备注", "Note.", ours=True)]

# What a reader should be told when a value does not match a pattern.
PATTERN_HINTS = {
    SLUG_PATTERN: "a lowercase ASCII slug such as 'example-body-2021'",
    REGION_CODE_PATTERN: "a six-digit GB/T 2260 code such as '110101'",
    PARTIAL_DATE_PATTERN: "a year, year-month or date: YYYY, YYYY-MM or YYYY-MM-DD",
}
