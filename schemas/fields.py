"""Column types shared by several tables: identifiers, codes, dates, references and the shared columns.

A shared column (the source a row cites, its line, a note) is declared here once, with its description,
and every table that has it uses the same type, as PUDL's FIELD_METADATA does.
"""

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints
from pydantic_core import PydanticCustomError

from .base import AtMost, References, column
from .codes import GOVERNMENT_LEVEL, PRECISION

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
REGION_CODE_PATTERN = r"^[1-9][0-9]{5}$"
# A year, a year and month, or a full date: the precision of a period as the source states it.
PARTIAL_DATE_PATTERN = r"^[12][0-9]{3}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
RegionCode = Annotated[str, StringConstraints(pattern=REGION_CODE_PATTERN)]
PartialDate = Annotated[str, StringConstraints(pattern=PARTIAL_DATE_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]

Precision = Annotated[str, PRECISION.only("day", "month", "year")]  # the precision of a date as written
GovernmentLevel = Annotated[str, GOVERNMENT_LEVEL]


def _iso_date(value: Any) -> Any:
    """Accept a date only as YYYY-MM-DD (not a timestamp or a datetime), as Frictionless does."""
    if isinstance(value, str):
        if not ISO_DATE.fullmatch(value):
            raise PydanticCustomError("iso_date", "a date written as YYYY-MM-DD")
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


# Pydantic's lax mode would take "1.0" as an integer and "1_000" as a number; Frictionless would not.
Integer = Annotated[int, _matching(r"-?[0-9]+", "integer", "an integer written in digits, such as 134")]
Number = Annotated[
    float,
    _matching(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?", "number", "a number written in digits, such as 13849000"),
]
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
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
    Integer,
    AtMost("source_id", "lines"),
    column("来源中的行号（从 1 起）", "1-based line number in the archived source file.", unit="line", ge=1),
]
Note = Annotated[Text | None, column("备注", "Note.", ours=True)]

# What a reader should be told when a value does not match a pattern.
PATTERN_HINTS = {
    SLUG_PATTERN: "a lowercase ASCII slug such as 'example-body-2021'",
    REGION_CODE_PATTERN: "a six-digit GB/T 2260 code such as '110101'",
    PARTIAL_DATE_PATTERN: "a year, year-month or date: YYYY, YYYY-MM or YYYY-MM-DD",
}
