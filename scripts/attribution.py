"""Who did it, checked as the rows stream past (part of pass 2), as the models declare it.

A column marked `PairedWith` names a body that must be paired with the row's region by a row of the
pairing table (`Meta.pairs`): a pairing of the region itself, or of its parent region with the region
named in its list of members; a pairing of a predecessor or successor of the body (the body table's
self-reference, followed both ways) will do. A status column marked `EndsWithSuccession` must be the
ended code once the body it belongs to has a successor, unless the row's note names the successor.
The tables these read (bodies, regions, pairings) come earlier in dependency order, and are small.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from schemas import BY_NAME, Table
from schemas.base import EndsWithSuccession, PairedWith

from .forms import FORMS
from .problems import Problem


@dataclass
class Linked:
    """The rows of a table that has a self-reference (a body and its successor, a region and its parent):
    each row's link and the texts that name it."""

    link: dict[str, str] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)

    def lineage(self, key: str) -> set[str]:
        """The row, the rows its links lead to (successors), and the rows whose links lead to it (predecessors)."""
        found = {key}
        at: str | None = key
        while at in self.link and self.link[at] not in found:
            at = self.link[at]
            found.add(at)
        todo = [key]
        while todo:
            at = todo.pop()
            earlier = [row for row, to in self.link.items() if to == at and row not in found]
            found.update(earlier)
            todo += earlier
        return found


def _names(model: type[Table], row: dict[str, str]) -> set[str]:
    return {form for cite in model.meta.names if row[cite.column] for form in FORMS[cite.form](row[cite.column])}


def _target(model: type[Table], column: str) -> str:
    return next(fk.resource for fk in model.foreign_keys() if fk.field == column)


class Attribution:
    """Remembers bodies, regions and pairings as their tables stream past; checks the rows that name a body."""

    def __init__(self, models: list[type[Table]]):
        self.claims = {m.meta.resource: m.marked(PairedWith) for m in models if m.marked(PairedWith)}
        self.statuses = {m.meta.resource: m.marked(EndsWithSuccession) for m in models if m.marked(EndsWithSuccession)}
        self.linked: dict[str, Linked] = {}  # the body and region tables, by resource
        self.pairings: dict[str, dict[str, list[tuple[str, set[str]]]]] = {}  # by table: body → (region, members)
        self._covered: dict[tuple[str, str, str], bool] = {}
        self._by_region: dict[tuple[str, str], dict[str, list[set[str]]]] = {}  # (table, body) → region → members
        for model in models:
            pairs = model.meta.pairs
            if pairs:
                self.linked.update({_target(model, pairs.body): Linked(), _target(model, pairs.region): Linked()})
            for _, marker in model.marked(EndsWithSuccession):
                self.linked[_target(model, marker.via)] = Linked()

    def forget(self, resource: str) -> None:
        """A table whose rows could not be read: what depends on it is not checked."""
        self.linked.pop(resource, None)
        self.pairings.pop(resource, None)

    def row(self, model: type[Table], name: str, line: int, row: dict[str, str]) -> Iterator[Problem]:
        resource = model.meta.resource
        if resource in self.linked:
            key, link = row[model.meta.primary_key[0]], model.self_reference()
            if link and row[link]:
                self.linked[resource].link[key] = row[link]
            self.linked[resource].names[key] = _names(model, row) | {key}
        pairs = model.meta.pairs
        if pairs:
            members = set(FORMS["list"](row[pairs.members])) if row[pairs.members] else set()
            found = self.pairings.setdefault(resource, {}).setdefault(row[pairs.body], [])
            found.append((row[pairs.region], members))
            self._by_region.clear()
        for column, marker in self.claims.get(resource, ()):
            if row[column] and not self.paired(model, row[column], row[marker.region], marker):
                region = row[marker.region]
                expected = (
                    f"a body that {marker.by} pairs with {region} (a pairing of {region}, or of its parent "
                    f"region listing it), or a predecessor or successor of one"
                )
                yield Problem(name, line, model.columns().index(column) + 1, column, row[column], expected)
        for column, marker in self.statuses.get(resource, ()):
            yield from self._status(model, name, line, row, column, marker)

    def paired(self, model: type[Table], body: str, region: str, marker: PairedWith) -> bool:
        key = (marker.by, body, region)
        if key not in self._covered:
            pairs = BY_NAME[marker.by].meta.pairs
            assert pairs is not None, f"{marker.by} declares no pairs"
            bodies = self.linked.get(_target(BY_NAME[marker.by], pairs.body))
            regions = self.linked.get(_target(BY_NAME[marker.by], pairs.region))
            if marker.by not in self.pairings or bodies is None or regions is None:
                return True  # a table it needs is absent or unreadable: its own problems are reported
            parent, names = regions.link.get(region), regions.names.get(region, set())
            self._covered[key] = any(
                region in at or any(members & names for members in at.get(parent or "", ()) if members)
                for at in (self._regions(marker.by, other) for other in bodies.lineage(body))
            )
        return self._covered[key]

    def _regions(self, table: str, body: str) -> dict[str, list[set[str]]]:
        """The pairings of a body in a pairing table, by region: the lists of members of each."""
        if (table, body) not in self._by_region:
            found: dict[str, list[set[str]]] = {}
            for at, members in self.pairings[table].get(body, ()):
                found.setdefault(at, []).append(members)
            self._by_region[(table, body)] = found
        return self._by_region[(table, body)]

    def _status(
        self, model: type[Table], name: str, line: int, row: dict[str, str], column: str, marker: EndsWithSuccession
    ) -> Iterator[Problem]:
        bodies = self.linked.get(_target(model, marker.via))
        successor = bodies.link.get(row[marker.via]) if bodies else None
        if bodies is None or successor is None or row[column] == marker.ended:
            return
        if any(text in row[marker.note] for text in bodies.names.get(successor, {successor})):
            return
        expected = (
            f"{marker.ended!r}: {row[marker.via]} has since been replaced by {successor}; "
            f"or a {marker.note} that names {successor} and says why the pairing goes on"
        )
        yield Problem(name, line, model.columns().index(column) + 1, column, row[column], expected)
