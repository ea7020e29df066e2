"""What a model declares about its columns, translated once into polars expressions over the CSV cells as text.

`suspect(model)` is true for a row that any declaration may refuse: a required cell that is empty, a type
(integer, number, date, boolean), a pattern, a length, a code table, a bound, a known validator of
schemas/fields.py (control characters, line breaks, formulas, real dates), the sign a unit allows (`InUnitOf`),
a rule across the row's columns (`NotBefore`, `GivenWhen`, `Above`), and white space at either end of any cell.
It may flag a row that turns out valid, never miss one that is not: a flagged row goes through the model
itself (`reader.typed`), which gives its exact problems. A validator or a model validator it does not know
flags every row it could refuse, so a new declaration is never skipped, only slower.
"""

import functools
import re
from typing import Any

import polars as pl
from pydantic.functional_validators import AfterValidator, BeforeValidator

from schemas import Table, fields
from schemas.base import ENGLISH_WORDS, RULES, Above, GivenWhen, InUnitOf, NotBefore, markers

EDGE_SPACE = r"^[\s\x1c-\x1f]|[\s\x1c-\x1f]$"  # what str.strip() removes: Unicode white space and \x1c-\x1f
KNOWN_MODEL_VALIDATORS = {
    "_empty_cells_are_null",
    "_share_the_set_of_columns",
    "_signs",
    "_rules",
    "_chinese_is_chinese",
}
ISO_DATE = r"^[12][0-9]{3}-[0-9]{2}-[0-9]{2}$"


def _full(pattern: str) -> str:
    return f"^(?:{pattern})$"


def _no_date(cell: pl.Expr) -> pl.Expr:
    return cell.str.to_date("%Y-%m-%d", strict=False).is_null()


def _free_text(cell: pl.Expr) -> pl.Expr:
    return cell.str.contains(fields.CONTROL.pattern) | cell.str.contains("^[" + re.escape(fields.FORMULA) + "]")


def _number(cell: pl.Expr) -> pl.Expr:
    number = cell.cast(pl.Float64, strict=False)
    underflow = (number == 0) & cell.str.contains("[1-9]")
    return ~cell.str.contains(_full(fields.NUMBER.pattern)) | number.is_infinite() | number.is_nan() | underflow


# The validators of schemas/fields.py, each as the cells it may refuse (a superset of what it refuses).
VALIDATORS = {
    fields._free_text: _free_text,
    fields._one_line: lambda cell: _free_text(cell) | cell.str.contains(fields.LINE_BREAK.pattern),
    fields._real_date: lambda cell: (cell.str.len_chars() == 10) & _no_date(cell),
    fields._iso_date: lambda cell: ~cell.str.contains(ISO_DATE) | _no_date(cell),
    fields._flag: lambda cell: ~cell.is_in(["true", "false"]),
    fields._number: _number,
}
MATCHING = fields._matching("", "", "").func.__code__  # the code of every `_matching` validator


def _validator(func: Any) -> Any:
    """The expression builder of a validator function, or None when it is not known."""
    if func in VALIDATORS:
        return VALIDATORS[func]
    if getattr(func, "__code__", None) is MATCHING:
        pattern = next(c.cell_contents for c in func.__closure__ if isinstance(c.cell_contents, re.Pattern))
        return lambda cell: ~cell.str.contains(_full(pattern.pattern))
    return None


def _spec(model: type[Table], name: str) -> tuple[dict[str, Any], bool]:
    """A column's JSON Schema (its nullable branch merged) and whether a value is required."""
    schema = _json_schema(model)
    prop = schema["properties"][name]
    branches = [p for p in prop.get("anyOf", []) if p.get("type") != "null"]
    return ({**prop, **branches[0]} if branches else prop), "anyOf" not in prop


@functools.cache
def _json_schema(model: type[Table]) -> dict[str, Any]:
    return model.model_json_schema()


def _declared(spec: dict[str, Any], cell: pl.Expr) -> pl.Expr:
    """The type and constraints of a column's JSON Schema."""
    flags = []
    kind = spec.get("type")
    if kind == "integer":
        number = cell.cast(pl.Int64, strict=False)
        flags.append(number.is_null() | (cell.str.len_chars() > 12))
    elif kind == "number":
        number = cell.cast(pl.Float64, strict=False)
        flags.append(number.is_null())
    elif kind == "boolean":
        flags.append(~cell.is_in(["true", "false"]))
    else:
        number = None
    if spec.get("format") == "date":
        flags.append(~cell.str.contains(ISO_DATE) | _no_date(cell))
    if "pattern" in spec:
        flags.append(~cell.str.contains(spec["pattern"]))
    if "enum" in spec:
        flags.append(~cell.is_in(spec["enum"]))
    if "minLength" in spec:
        flags.append(cell.str.len_chars() < spec["minLength"])
    if "maxLength" in spec:
        flags.append(cell.str.len_chars() > spec["maxLength"])
    if number is not None:  # the same double as the model reads, compared as the model compares it
        flags += [number < spec[key] for key in ("minimum", "ge") if key in spec]
        flags += [number <= spec[key] for key in ("exclusiveMinimum", "gt") if key in spec]
        flags += [number > spec[key] for key in ("maximum", "le") if key in spec]
        flags += [number >= spec[key] for key in ("exclusiveMaximum", "lt") if key in spec]
    return pl.any_horizontal(flags) if flags else pl.lit(False)


def _column(model: type[Table], name: str) -> pl.Expr:
    """The rows a column's own declarations may refuse."""
    cell = pl.col(name)
    spec, required = _spec(model, name)
    flags = [_declared(spec, cell)]
    for marker in markers(model.model_fields[name]):
        if isinstance(marker, AfterValidator | BeforeValidator):
            build = _validator(marker.func)
            flags.append(build(cell) if build else pl.lit(True))
    empty = cell == ""
    return empty | pl.any_horizontal(flags) if required else ~empty & pl.any_horizontal(flags)


def _rule(model: type[Table], name: str, marker: Any) -> pl.Expr:
    """The rows a marker on a column may refuse: a negative value in a unit that admits none, a rule across the
    row's columns."""
    cell, other = pl.col(name), pl.col(marker.column)
    given = (cell != "") & (other != "")
    if isinstance(marker, InUnitOf):
        codes = model.codes_of(marker.column)
        nonnegative = [c.code for c in codes.codes if c.nonnegative] if codes else []
        return cell.str.starts_with("-") & other.is_in(nonnegative)
    if isinstance(marker, NotBefore):
        start = other + pl.lit("-01-01").str.slice(other.str.len_chars() - 4)
        end = pl.when(cell.str.len_chars() < 10).then(cell + pl.lit("-12-31").str.slice(cell.str.len_chars() - 4))
        return given & (start > end.otherwise(cell))
    if isinstance(marker, GivenWhen):
        return ((other == marker.code) != marker.unless) != (cell != "")
    if isinstance(marker, Above):
        return given & ~(cell.cast(pl.Float64, strict=False) > other.cast(pl.Float64, strict=False)).fill_null(False)
    raise TypeError(f"no columnar form for {marker!r}")


def opaque(model: type[Table]) -> bool:
    """Whether the model has a row or field validator of its own (a decorated method), which only it can run."""
    decorators = model.__pydantic_decorators__
    return bool(set(decorators.model_validators) - KNOWN_MODEL_VALIDATORS or decorators.field_validators)


@functools.cache
def suspect(model: type[Table]) -> pl.Expr:
    """True for a row that the model may refuse, or whose cells have white space at either end."""
    if opaque(model):
        return pl.lit(True)
    flags = [_column(model, name) for name in model.columns()]
    flags += [_rule(model, name, marker) for name, marker in model.marked((InUnitOf, *RULES))]
    flags += [pl.col(name).str.contains(EDGE_SPACE) for name in model.columns()]
    flags += [pl.col(name).str.contains(ENGLISH_WORDS.pattern) for name in model.chinese_columns()]
    return pl.any_horizontal(flags)
