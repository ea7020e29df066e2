"""Validation, in three passes: each row against its model and what spans tables (both columnar, `columnar.py`,
or, for a file a columnar parser cannot read, as the typed reader streams the files), then, when asked,
Frictionless on the package.

Every problem is collected and reported; none stops the others from being found.
"""

import json

from . import columnar
from .layout import Layout
from .problems import Problem


def check_rows(layout: Layout) -> list[Problem]:
    """Passes 1 and 2: every row against its model, then keys, foreign keys and referenced values."""
    return columnar.check(layout)[1]


def check_frictionless(layout: Layout, descriptor: bytes | None = None) -> list[Problem]:
    """Pass 3: `frictionless validate datapackage.json`, its errors translated to problems. With `descriptor`,
    that descriptor is validated (in memory, against the files of the package) instead of the one on disk."""
    from frictionless import FrictionlessException, Package, system

    name = layout.name(layout.descriptor)
    if descriptor is None and not layout.descriptor.exists():
        return [Problem(name, 0, 0, "", None, "a data package descriptor: run `make build` to write it")]
    source = json.loads(descriptor) if descriptor is not None else str(layout.descriptor)
    with system.use_context(trusted=False):
        try:
            report = Package(source, basepath=str(layout.root)).validate()
        except FrictionlessException as err:
            return [Problem(name, 0, 0, "", None, f"a valid descriptor ({err.error.type}: {err.error.note})")]
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
