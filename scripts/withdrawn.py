"""Published addresses stay: the rules on the keys of a table whose rows have pages (`Meta.pages`).

Read from the release history (`row_changes`) and `withdrawals`: a key removed is never used again; every key
removed has a row of `withdrawals`, whose page says why and what replaced it; a withdrawal names a key that was
removed, of such a table, and a replacement that is there now.
"""

from typing import Any

from schemas import RESOURCES, RowChange, Table, Withdrawal

from .history import version_order
from .layout import Layout
from .problems import Problem
from .reader import Dataset

PAGED: dict[str, type[Table]] = {m.meta.resource: m for m in RESOURCES if m.meta.pages}


def _key(model: type[Table], row: Any) -> str:
    return "|".join(str(getattr(row, column)) for column in model.meta.primary_key)


def _events(dataset: Dataset) -> dict[tuple[str, str], list[Any]]:
    """The events of each row of a paged table, in version order."""
    events: dict[tuple[str, str], list[Any]] = {}
    for row in sorted(dataset.rows(RowChange.meta.resource), key=lambda e: version_order(e.version)):
        if row.resource in PAGED:
            events.setdefault((row.resource, row.key), []).append(row)
    return events


def check(layout: Layout, dataset: Dataset) -> list[Problem]:
    """Every key reused after its removal, every removed key without a withdrawal, and every withdrawal that
    names no removed key of a paged table or a replacement that is not there."""

    def name(resource: str) -> str:
        return layout.name(layout.csv(resource))

    problems: list[Problem] = []
    events = _events(dataset)
    current = {res: {_key(m, row): line for line, row in dataset.numbered(res)} for res, m in PAGED.items()}
    for (res, key), history in events.items():
        removals = [e.version for e in history if e.change == "removed"]
        if removals and history[-1].change != "removed":
            column = 1 + PAGED[res].columns().index(PAGED[res].meta.primary_key[0])
            expected = f"a key never published before: {key} was removed in version {removals[0]}; choose another"
            problems.append(
                Problem(name(res), current[res].get(key, 0), column, PAGED[res].meta.primary_key[0], key, expected)
            )
    removed = {k: h[-1].version for k, h in events.items() if h[-1].change == "removed"}
    file, columns = name(Withdrawal.meta.resource), Withdrawal.columns()
    given = set()
    for line, row in dataset.numbered(Withdrawal.meta.resource):
        given.add((row.resource, row.key))
        if row.resource not in PAGED:
            expected = "a table whose rows have pages: " + ", ".join(sorted(PAGED))
            problems.append(Problem(file, line, 1 + columns.index("resource"), "resource", row.resource, expected))
        elif (row.resource, row.key) not in removed:
            still = f"it is still in {name(row.resource)}" if row.key in current[row.resource] else "no version had it"
            expected = f"a key that a version removed from {row.resource} ({still})"
            problems.append(Problem(file, line, 1 + columns.index("key"), "key", row.key, expected))
        if row.resource in PAGED and row.replaced_by and row.replaced_by not in current[row.resource]:
            expected = f"a key of {name(row.resource)}, or empty"
            problems.append(
                Problem(file, line, 1 + columns.index("replaced_by"), "replaced_by", row.replaced_by, expected)
            )
    for (res, key), version in sorted(removed.items()):
        if (res, key) not in given:
            expected = (
                f"a row for {res} {key}, removed in version {version}: its page must say why, and what replaced it"
            )
            problems.append(Problem(file, 0, 0, "", None, expected))
    return problems
