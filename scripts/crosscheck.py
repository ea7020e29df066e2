"""Pass 2 of validation: what spans rows and tables, as the models declare it.

Primary keys are unique; every foreign key (a `References` on a column's type) resolves; a value marked
`AtMost` or `Equals` is checked against the column of the row its foreign key points to (a locator
against its source's line count, an observation's unit against its metric's, the date an update is as of
against its source's date). Rows are seen one at a time, in dependency order, so only keys and the few
referenced values are kept. A reference to a table read later (sources.publisher_id to organizations) is
kept until that table has been read, then checked. What rows must agree on beyond keys is checked on the
same stream: who did it (`attribution.py`) and rows that must not contradict each other (`consistency.py`).
"""

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from schemas import BY_NAME, Table
from schemas.base import AtMost, Equals, Line, first_day
from schemas.fields import ISO_DATE, PARTIAL_DATE

from .attribution import Attribution
from .consistency import Consistency
from .problems import Problem


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _exceeds(value: str, limit: str) -> bool:
    """Whether a value is greater than its limit: both numbers, or both dates written YYYY-MM-DD (which sort
    as text); values of other kinds are not compared."""
    if ISO_DATE.fullmatch(limit) and PARTIAL_DATE.fullmatch(value):  # a partial date by its first day
        return first_day(value) > limit
    number, bound = _number(value), _number(limit)
    return number is not None and bound is not None and number > bound


class CrossCheck:
    """Collects keys as rows stream past, and reports what does not hold across them."""

    def __init__(self, models: list[type[Table]]):
        self.models = models
        self.keys: dict[str, dict[tuple[str, ...], int]] = {}
        self.unreadable: set[str] = set()
        self.attribution, self.consistency = Attribution(models), Consistency(models)
        # references to a table not read yet: (file, line, column number, column, value, table)
        self.forward: list[tuple[str, int, int, str, str, str]] = []
        # (resource, column) → {primary key: value}, for the columns that AtMost and Equals compare with
        self.values: dict[tuple[str, str], dict[str, str]] = {}
        for model in models:
            for _, marker in model.marked(AtMost) + model.marked(Equals):
                target = self._target(model, marker.via)
                self.values[(target, marker.column)] = {}

    @staticmethod
    def _target(model: type[Table], via: str) -> str:
        return next(fk.resource for fk in model.foreign_keys() if fk.field == via)

    def table(self, model: type[Table], name: str, rows: Iterator[tuple[int, dict[str, str]]]) -> Iterator[Problem]:
        """Check the rows of one table, read in order; yields the problems."""
        meta, columns = model.meta, model.columns()
        resource = meta.resource
        seen: dict[tuple[str, ...], int] = {}
        self_refs: list[tuple[int, str, str, str]] = []  # line, column, value, the row's own key
        remember = [(column, values) for (r, column), values in self.values.items() if r == resource]
        compare = [(column, marker, self._target(model, marker.via)) for column, marker in model.marked(AtMost)]
        compare += [(column, marker, self._target(model, marker.via)) for column, marker in model.marked(Equals)]
        for line, row in rows:
            yield from self._row(model, name, line, row, seen, self_refs, compare)
            yield from self.attribution.row(model, name, line, row)
            yield from self.consistency.row(model, name, line, row)
            for column, values in remember:
                values[row[meta.primary_key[0]]] = row[column]
        for line, field, value, _ in self_refs:
            if (value,) not in seen:
                yield dangling(name, line, columns.index(field) + 1, field, value, resource)
        yield from loops(name, columns, seen, self_refs)
        self.keys[resource] = seen

    def unreadable_file(self, resource: str) -> None:
        """A file whose rows could not be read (its problems are reported): references to it are not checked,
        which would only repeat its problems."""
        self.keys.pop(resource, None)
        self.unreadable.add(resource)
        self.attribution.forget(resource)

    def _row(self, model, name, line, row, seen, self_refs, compare) -> Iterator[Problem]:
        meta, columns = model.meta, model.columns()
        key = tuple(row[c] for c in meta.primary_key)
        if key in seen:
            yield duplicate(model, name, line, key, seen[key])
        else:
            seen[key] = line
        for fk in model.foreign_keys():
            value = row[fk.field]
            if not value:
                continue
            if fk.resource == meta.resource:
                self_refs.append((line, fk.field, value, key[0]))
            elif fk.resource in self.keys:
                if (value,) not in self.keys[fk.resource]:
                    yield dangling(name, line, columns.index(fk.field) + 1, fk.field, value, fk.resource)
            elif fk.resource not in self.unreadable:
                self.forward.append((name, line, columns.index(fk.field) + 1, fk.field, value, fk.resource))
        for column, marker, target in compare:
            bound = self.values[(target, marker.column)].get(row[marker.via])
            problem = compared(model, name, line, row, column, marker, target, bound)
            if problem:
                yield problem

    def forward_references(self) -> Iterator[Problem]:
        """Once every table is read: the references to a table read after the one that holds them."""
        for name, line, at, field, value, resource in self.forward:
            if resource in self.keys and (value,) not in self.keys[resource]:
                yield dangling(name, line, at, field, value, resource)

    def missing(self, name_of) -> Iterator[Problem]:
        """A foreign key into a resource whose file is absent cannot be checked: say so."""
        loaded = set(self.keys) | self.unreadable
        for model in self.models:
            if model.meta.resource in self.unreadable:  # its rows were not read: nothing of it refers anywhere
                continue
            for fk in model.foreign_keys():
                if fk.resource not in loaded:
                    yield Problem(
                        name_of(model.meta.resource),
                        0,
                        0,
                        fk.field,
                        None,
                        f"{name_of(fk.resource)} to exist: {fk.field} refers to it",
                    )


def duplicate(model: type[Table], name: str, line: int, key: tuple[str, ...], first: int) -> Problem:
    """A row whose primary key an earlier row, on line `first`, already has."""
    shown = ",".join(model.meta.primary_key)
    at = model.columns().index(model.meta.primary_key[0]) + 1
    return Problem(name, line, at, shown, ",".join(key), f"a unique ({shown}): line {first} already has it")


def compared(model, name, line, row, column, marker, target, bound) -> Problem | None:
    """A value marked `Equals` or `AtMost`, against `bound`, the column of the row its foreign key points to;
    a `Line` is given exactly when the source it points to has lines (is archived)."""
    at = model.columns().index(column) + 1
    if isinstance(marker, Line) and bound is not None and (bound == "") != (not row[column]):
        if bound == "":
            expected = f"no line: {row[marker.via]} is not archived, and a row citing it carries the words as printed"
        else:
            expected = f"a line of {row[marker.via]}, which is archived ({bound} lines)"
        return Problem(name, line, at, column, row[column], expected)
    if bound is None or not row[column]:
        return None
    where = f"the {target}.{marker.column} of {row[marker.via]}"
    if isinstance(marker, Equals) and row[column] != bound:
        return Problem(name, line, at, column, row[column], f"{bound!r}, {where}")
    if isinstance(marker, AtMost) and _exceeds(row[column], bound):
        return Problem(name, line, at, column, row[column], f"a value of at most {bound}, {where}")
    return None


def dangling(name: str, line: int, at: int, field: str, value: str, resource: str) -> Problem:
    """A foreign key whose value is not a key of the table it refers to."""
    target = f"{resource}.{BY_NAME[resource].meta.primary_key[0]}"
    return Problem(name, line, at, field, value, f"a value present in {target}")


def loops(name: str, columns: list[str], keys: dict[tuple[str, ...], int], refs: list) -> Iterator[Problem]:
    """A column that refers to its own table (a successor, the policy implemented) must not lead back to the
    row it starts from: one problem per self-reference or cycle, at its first row. Linear in the rows: each
    row has one such reference per column, so each chain is walked once."""
    line_of = {key[0]: line for key, line in keys.items()}
    for field in dict.fromkeys(f for _, f, _, _ in refs):
        points = {key: value for _, f, value, key in refs if f == field}
        done: set[str] = set()
        for start in points:
            path: dict[str, int] = {}  # the rows of this walk, in order
            node = start
            while node in points and node not in done and node not in path:
                path[node] = len(path)
                node = points[node]
            done.update(path)
            if node in path:
                cycle = list(path)[path[node] :]
                first = min(cycle, key=line_of.__getitem__)
                shown = " → ".join([*cycle[cycle.index(first) :], *cycle[: cycle.index(first)], first])
                expected = (
                    f"no cycle of {field} ({shown})" if len(cycle) > 1 else f"another row than this one ({shown})"
                )
                yield Problem(name, line_of[first], columns.index(field) + 1, field, points[first], expected)
