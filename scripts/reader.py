"""The one typed reader: each CSV of the package read once, checked against its model, and handed on typed.

`read` runs the row checks (pass 1) and the checks across tables (pass 2) as it streams each file, and
returns the valid rows as model instances with their CSV lines. `load` is how every later step gets the
data: it first checks that datapackage.json is current (the recorded hashes match the files), and stops
with one clear message when it is not, or when the data has problems.
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas import RESOURCES, Table
from schemas.base import ColumnError
from schemas.fields import PATTERN_HINTS

from .crosscheck import CrossCheck
from .csvfile import read_rows
from .layout import Layout
from .problems import Problem, Stop

# How to tell the reader what a value should have been, by Pydantic error type.
EXPECTED = {
    "literal_error": "one of {expected}",
    "string_too_short": "at least {min_length} character(s): this column is required",
    "string_too_long": "at most {max_length} characters",
    "greater_than_equal": "a value of at least {ge}",
    "less_than_equal": "a value of at most {le}",
    "finite_number": "a finite number",
}


@dataclass
class Dataset:
    """The package's tables as typed rows, in file order, with the CSV line of each row."""

    tables: dict[str, list[Any]] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    _keyed: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    def rows(self, resource: str) -> list[Any]:
        return self.tables.get(resource, [])

    def numbered(self, resource: str) -> Iterator[tuple[int, Any]]:
        """(CSV line, row) for every row of a resource."""
        return zip(self.lines.get(resource, []), self.rows(resource), strict=True)

    def keyed(self, resource: str) -> dict[str, Any]:
        """The rows of a resource with a one-column primary key, by that key."""
        if resource not in self._keyed:
            [key] = _model(resource).meta.primary_key
            self._keyed[resource] = {getattr(row, key): row for row in self.rows(resource)}
        return self._keyed[resource]

    def models(self) -> list[type[Table]]:
        return [model for model in RESOURCES if model.meta.resource in self.tables]


def _model(resource: str) -> type[Table]:
    return next(model for model in RESOURCES if model.meta.resource == resource)


def present(layout: Layout) -> list[type[Table]]:
    """The resources whose CSV file exists: these make up the package."""
    return [model for model in RESOURCES if layout.csv(model.meta.resource).exists()]


def _expected(error: Any) -> str:
    if error["type"] == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        return PATTERN_HINTS.get(pattern, f"text matching {pattern}")
    if error["type"] in ("string_type", "int_type", "float_type", "bool_type", "date_type") and error["input"] is None:
        return "a value: this column is required"
    if error["type"] in EXPECTED:
        return EXPECTED[error["type"]].format(**error.get("ctx", {}))
    return error["msg"][0].lower() + error["msg"][1:]


def typed(model: type[Table], name: str, line: int, row: dict[str, str], problems: list[Problem]) -> Table | None:
    """One row as a model instance; None, with its problems reported, when it does not validate."""
    try:
        return model.model_validate(row)
    except ValidationError as err:
        columns = model.columns()
        for error in err.errors():
            blamed = error.get("ctx", {}).get("error")
            column = str(error["loc"][0]) if error["loc"] else ""
            expected = _expected(error)
            if isinstance(blamed, ColumnError):  # a model validator that names the column at fault
                column, expected = blamed.column, blamed.expected
            at = columns.index(column) + 1 if column in columns else 0
            problems.append(Problem(name, line, at, column, row.get(column) if column else None, expected))
        return None


def read(layout: Layout) -> tuple[Dataset, list[Problem]]:
    """Every table of the package, checked row by row and across tables."""
    problems: list[Problem] = []
    models = present(layout)
    cross = CrossCheck(models)
    dataset = Dataset()
    for model in models:
        resource = model.meta.resource
        name = layout.name(layout.csv(resource))
        rows, lines = dataset.tables.setdefault(resource, []), dataset.lines.setdefault(resource, [])
        refused = layout.refuses(layout.csv(resource))
        if refused:
            problems.append(Problem(name, 0, 0, "", None, refused))
            cross.unreadable_file(resource)
            continue

        malformed: list[bool] = []

        def checked(model=model, name=name, rows=rows, lines=lines, malformed=malformed):
            path = layout.csv(model.meta.resource)
            for line, raw in read_rows(path, name, model.columns(), problems.append, lambda: malformed.append(True)):
                row = typed(model, name, line, raw, problems)
                if row is not None:
                    rows.append(row)
                    lines.append(line)
                yield line, raw

        before = len(problems)
        across = list(cross.table(model, name, checked()))
        if malformed:  # pass 2 stops: its problems would follow from the broken file, not from the data
            cross.unreadable_file(resource)
            continue
        problems.extend(across)
        if not cross.keys.get(resource) and len(problems) > before:
            cross.unreadable_file(resource)
    problems.extend(cross.forward_references())
    problems.extend(cross.missing(lambda resource: layout.name(layout.csv(resource))))
    return dataset, problems


def read_model(path: Path, name: str, model: type[Table]) -> tuple[list[tuple[int, Any]], list[Problem]]:
    """A CSV file outside the package (such as checks/coverage_exclusions.csv), read through its model."""
    problems: list[Problem] = []
    rows = []
    for line, raw in read_rows(path, name, model.columns(), problems.append):
        row = typed(model, name, line, raw, problems)
        if row is not None:
            rows.append((line, row))
    return rows, problems


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current(layout: Layout) -> dict[str, Any]:
    """datapackage.json, when every file it names is the one it records (by SHA-256); else the step stops.
    The package step writes it only for clean data, so a current package is validated data."""
    if not layout.descriptor.exists():
        raise Stop(f"{layout.name(layout.descriptor)} is missing: run `python -m scripts package` first")
    package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        path = layout.root / resource["path"]
        refused = layout.refuses(path) if path.exists() else None
        if refused:
            raise Stop(f"{layout.name(layout.descriptor)} names {resource['path']!r}: expected {refused}")
        if not path.exists() or "sha256:" + sha256(path) != resource["hash"]:
            raise Stop(
                f"{resource['path']} differs from what {layout.name(layout.descriptor)} records: "
                "run `python -m scripts package` to bring the package up to date"
            )
    return package


def load(layout: Layout) -> Dataset:
    """The data for a build step: the package must be current and the data clean, or the step stops."""
    current(layout)
    dataset, problems = read(layout)
    if problems:
        raise Stop("The data has problems: fix them, then run `python -m scripts package`.", problems)
    return dataset


def text(value: Any) -> str:
    """A typed value written back as the CSV cell it came from."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)
