"""Validation, in three passes: each row against its model; what spans tables; and Frictionless.

Every problem is collected and reported; none stops the others from being found.
"""

import re
from collections.abc import Iterator

from pydantic import ValidationError

from schemas import RESOURCES, Table
from schemas.fields import PATTERN_HINTS

from .csvfile import read_rows
from .layout import Layout
from .problems import Problem

# How to tell the reader what a value should have been, by Pydantic error type.
EXPECTED = {
    "literal_error": "one of {expected}",
    "string_too_short": "at least {min_length} character(s): this column is required",
    "string_too_long": "at most {max_length} characters",
    "greater_than_equal": "a value of at least {ge}",
    "less_than_equal": "a value of at most {le}",
    "finite_number": "a finite number",
}


LINE_NUMBER = re.compile(r"[0-9]{1,9}")

# A column that must equal a column of the row its foreign key points to:
# (resource, column, foreign key column, referenced resource, referenced column).
MATCHING = (("observations", "unit", "metric_id", "metrics", "unit"),)


def present(layout: Layout) -> list[type[Table]]:
    """The resources whose CSV file exists: these make up the package."""
    return [model for model in RESOURCES if layout.csv(model.meta.resource).exists()]


def _expected(error: dict) -> str:
    if error["type"] == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        return PATTERN_HINTS.get(pattern, f"text matching {pattern}")
    if error["type"] in ("string_type", "int_type", "float_type", "bool_type", "date_type") and error["input"] is None:
        return "a value: this column is required"
    if error["type"] in EXPECTED:
        return EXPECTED[error["type"]].format(**error.get("ctx", {}))
    return error["msg"][0].lower() + error["msg"][1:]


def row_problems(model: type[Table], name: str, line: int, row: dict[str, str]) -> Iterator[Problem]:
    """Check one row against its model."""
    try:
        model.model_validate(row)
    except ValidationError as err:
        columns = model.columns()
        for error in err.errors():
            field = str(error["loc"][0]) if error["loc"] else ""
            column = columns.index(field) + 1 if field in columns else 0
            value = row.get(field) if field else None
            yield Problem(name, line, column, field, value, _expected(error))


def check_rows(layout: Layout) -> list[Problem]:
    """Passes 1 and 2: every row against its model, then keys, foreign keys and locators across tables."""
    problems: list[Problem] = []
    keys: dict[str, dict[tuple[str, ...], int]] = {}
    source_lines: dict[str, int] = {}
    unreadable: set[str] = set()
    remembered = {(target, column): {} for _, _, _, target, column in MATCHING}
    for model in present(layout):
        meta = model.meta
        path = layout.csv(meta.resource)
        name = layout.name(path)
        columns = model.columns()
        seen: dict[tuple[str, ...], int] = {}
        self_refs: list[tuple[int, str, str]] = []
        before = len(problems)
        cites = "locator" in columns and "source_id" in columns
        remember = [(c, v) for (t, c), v in remembered.items() if t == meta.resource]
        match = [
            (column, fk, remembered[(target, target_column)], f"{target}.{target_column} of")
            for resource, column, fk, target, target_column in MATCHING
            if resource == meta.resource
        ]
        for line, row in read_rows(path, name, columns, problems.append):
            problems.extend(row_problems(model, name, line, row))
            key = tuple(row[c] for c in meta.primary_key)
            if key in seen:
                shown = ",".join(meta.primary_key)
                column = columns.index(meta.primary_key[0]) + 1
                expected = f"a unique ({shown}): line {seen[key]} already has it"
                problems.append(Problem(name, line, column, shown, ",".join(key), expected))
            else:
                seen[key] = line
            for fk in meta.foreign_keys:
                value = row[fk.field]
                if not value:
                    continue
                if fk.resource == meta.resource:
                    self_refs.append((line, fk.field, value))
                elif fk.resource in keys and (value,) not in keys[fk.resource]:
                    column = columns.index(fk.field) + 1
                    target = f"{fk.resource}.{fk.reference}"
                    problems.append(Problem(name, line, column, fk.field, value, f"a value present in {target}"))
            for target_column, values in remember:
                values[row[meta.primary_key[0]]] = row[target_column]
            for column, fk, values, where in match:
                expected = values.get(row[fk])
                if expected is not None and row[column] != expected:
                    at = columns.index(column) + 1
                    problems.append(
                        Problem(name, line, at, column, row[column], f"{expected!r}, the {where} {row[fk]}")
                    )
            if meta.resource == "sources" and _line_number(row["lines"]):
                source_lines[row["id"]] = _line_number(row["lines"])
            elif cites and (locator := _line_number(row["locator"])) and row["source_id"] in source_lines:
                limit = source_lines[row["source_id"]]
                if locator > limit:
                    column = columns.index("locator") + 1
                    expected = f"a line of {row['source_id']}, which has {limit} lines"
                    problems.append(Problem(name, line, column, "locator", row["locator"], expected))
        for line, field, value in self_refs:
            if (value,) not in seen:
                column = columns.index(field) + 1
                target = f"{meta.resource}.{meta.primary_key[0]}"
                problems.append(Problem(name, line, column, field, value, f"a value present in {target}"))
        if seen or len(problems) == before:
            keys[meta.resource] = seen
        else:
            unreadable.add(meta.resource)  # its problems are reported; checking references to it would repeat them
    problems.extend(_missing_references(layout, set(keys) | unreadable))
    return problems


def _line_number(text: str) -> int | None:
    """A line number or count written in ASCII digits, or None (the row check reports anything else)."""
    return int(text) if LINE_NUMBER.fullmatch(text) else None


def _missing_references(layout: Layout, loaded: set[str]) -> Iterator[Problem]:
    """A foreign key into a resource whose file is absent cannot be checked: say so."""
    for model in present(layout):
        for fk in model.meta.foreign_keys:
            if fk.resource not in loaded:
                name = layout.name(layout.csv(model.meta.resource))
                target = layout.name(layout.csv(fk.resource))
                yield Problem(name, 0, 0, fk.field, None, f"{target} to exist: {fk.field} refers to it")


def check_frictionless(layout: Layout) -> list[Problem]:
    """Pass 3: `frictionless validate datapackage.json`, its errors translated to problems."""
    from frictionless import Package, system

    name = layout.name(layout.descriptor)
    if not layout.descriptor.exists():
        return [Problem(name, 0, 0, "", None, "a data package descriptor: run `make build` to write it")]
    with system.use_context(trusted=False):
        report = Package(str(layout.descriptor)).validate()
    problems = []
    for task in report.tasks:
        file = task.place or name
        for error in task.errors:
            line = getattr(error, "row_number", 0) or 0
            column = getattr(error, "field_number", 0) or 0
            field = getattr(error, "field_name", "") or ""
            value = getattr(error, "cell", None)
            problems.append(Problem(file, line, column, field, value, f"no Frictionless {error.type}: {error.note}"))
    for error in report.errors:
        problems.append(Problem(name, 0, 0, "", None, f"no Frictionless {error.type}: {error.note}"))
    return problems
