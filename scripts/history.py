"""The release history, row by row: `data/releases.csv` and `data/row_changes.csv`, generated.

A row is known by its table and primary key, and its content by a fingerprint of its non-empty cells, so that a
new empty column changes no row. The events of earlier versions are kept as recorded; those of the current
version (the package's) are the difference between the data and the state the earlier events leave, so that
the files are the same however often they are generated.
"""

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from schemas import PACKAGE, RESOURCES, Release, RowChange, Table

from .layout import Layout

TRACKED = tuple(m for m in RESOURCES if m not in (Release, RowChange))  # the history records every other table
Key = tuple[str, str]  # (resource, key)


def version_order(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def row_key(model: type[Table], row: Mapping[str, str]) -> str:
    """A row's primary key as one text: the values of a key of several columns joined by |."""
    return "|".join(row.get(column) or "" for column in model.meta.primary_key)


def fingerprint(row: Mapping[str, str]) -> str:
    """The first 16 hex digits of the SHA-256 of a row's non-empty cells, sorted by column."""
    cells = sorted((column, value) for column, value in row.items() if column and value)
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def state_of(tables: Mapping[type[Table], str]) -> dict[Key, str]:
    """Every row's fingerprint, by (resource, key), from the tables' CSV texts."""
    return {
        (model.meta.resource, row_key(model, row)): fingerprint(row)
        for model, text in tables.items()
        for row in csv.DictReader(io.StringIO(text))
    }


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))) if path.exists() else []


def replay(events: Iterable[Mapping[str, str]]) -> dict[Key, str]:
    """The state that a sequence of events, in version order, leaves."""
    state: dict[Key, str] = {}
    for event in events:
        key = (event["resource"], event["key"])
        if event["change"] == "removed":
            state.pop(key, None)
        else:
            state[key] = event["fingerprint"]
    return state


def diff(before: Mapping[Key, str], after: Mapping[Key, str]) -> list[tuple[str, str, str, str]]:
    """(resource, key, change, fingerprint) for every row added, changed or removed, sorted."""
    out = [(*k, "removed", "") for k in before if k not in after]
    out += [(*k, "added" if k not in before else "changed", f) for k, f in after.items() if before.get(k) != f]
    return sorted(out)


def _csv(header: Iterable[str], rows: Iterable[Iterable[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def generated(layout: Layout, replaced: Mapping[Path, bytes] = {}) -> dict[Path, bytes]:
    """The two history files, for the data as it is (with `replaced` files read in place of those on disk).
    Nothing, if a table is not UTF-8 text: validation reports that, and the files are left as they are."""
    try:
        tables = {
            m: (replaced.get(path) or path.read_bytes()).decode("utf-8")
            for m in TRACKED
            if (path := layout.csv(m.meta.resource)).exists() or path in replaced
        }
    except UnicodeDecodeError:
        return {}
    version, released = PACKAGE["version"], PACKAGE["created"][:10]
    releases = {r["version"]: r["released"] for r in _rows(layout.csv(Release.meta.resource))}
    releases = {v: d for v, d in releases.items() if version_order(v) < version_order(version)} | {version: released}
    earlier = [
        e for e in _rows(layout.csv(RowChange.meta.resource)) if e["version"] in releases and e["version"] != version
    ]
    earlier.sort(key=lambda e: version_order(e["version"]))
    now = [[version, *event] for event in diff(replay(earlier), state_of(tables))]
    ordered = sorted(releases, key=version_order)
    return {
        layout.csv(Release.meta.resource): _csv(Release.columns(), ((v, releases[v]) for v in ordered)),
        layout.csv(RowChange.meta.resource): _csv(
            RowChange.columns(), [[e[c] for c in RowChange.columns()] for e in earlier] + now
        ),
    }
