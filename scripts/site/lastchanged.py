"""When the data behind each page last changed, from the release history: for every row of a table whose rows
have pages, the newest version that changed the row itself or a row that refers to it (the figures of a
region, the reports of a project, the rows citing a source), by the page's path (`regions/140427`)."""

from collections.abc import Iterator

from schemas import RESOURCES, RowChange

from ..history import version_order
from .data import Data

PAGED = {m.meta.resource: m.meta.pages for m in RESOURCES if m.meta.pages}


def _children(data: Data) -> Iterator[tuple[str, str, str]]:
    """(resource, key, parent page) for every reference from a row to a row with a page."""
    for model in RESOURCES:
        for fk in model.foreign_keys():
            if fk.resource not in PAGED or model is RowChange:
                continue
            key = " || '|' || ".join(f'"{c}"' for c in model.meta.primary_key)
            sql = f'SELECT {key} AS key, "{fk.field}" AS parent FROM "{model.meta.resource}" WHERE parent IS NOT NULL'
            for row in data.rows(sql):
                yield model.meta.resource, str(row["key"]), f"{PAGED[fk.resource]}/{row['parent']}"


def versions(data: Data) -> dict[str, str]:
    """The newest version that changed what each page of a row shows, by the page's path."""
    latest: dict[tuple[str, str], str] = {}
    for e in data.rows(f"SELECT resource, key, version FROM {RowChange.meta.resource}"):
        pair = (e["resource"], e["key"])
        if pair not in latest or version_order(e["version"]) > version_order(latest[pair]):
            latest[pair] = e["version"]
    out = {f"{PAGED[res]}/{key}": v for (res, key), v in latest.items() if res in PAGED}
    for res, key, parent in _children(data):
        child = latest.get((res, key))
        if child and parent in out and version_order(child) > version_order(out[parent]):
            out[parent] = child
    return dict(sorted(out.items()))
