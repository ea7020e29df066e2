"""Building build/taihang.db from datapackage.json and its tables, typed by their Table Schemas: the package
is the contract. It must be current (its recorded hashes match the files); its data was validated when it
was written, so each table is read whole, columnar, and its rows inserted as they are.

Tables are typed from the Table Schemas, with primary keys, foreign keys and an index on every
foreign key and facet column; the views of schemas/statements.toml answer the common questions (a view
declared materialized is a table, indexed as the tables it shows columns of); every
searchable text column is indexed for full-text search with jieba-segmented Chinese. The same package
gives a byte-identical file, written through a temporary file and a rename.
"""

import functools
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import sqlite_utils

from schemas import BY_NAME
from schemas.statements import VIEWS

from .atomic import replacing
from .columnar import typed_frame
from .layout import Layout
from .package import tabular
from .reader import current
from .segment import index_text, write_dictionary

SQL_TYPES = {"integer": int, "number": float, "boolean": int}
# Full-text tokenizer: the text is already cut into words (jieba); Porter stems English (railways → railway).
TOKENIZER = "porter unicode61 remove_diacritics 2"
SEARCH_INDEX = (  # the one table of the database that no model declares: full-text search across the tables
    "CREATE VIRTUAL TABLE search_index USING fts5("
    f"resource UNINDEXED, key UNINDEXED, label UNINDEXED, text, tokenize = '{TOKENIZER}')"
)


def searchable(field: dict[str, Any]) -> bool:
    """Free text: a string column with no pattern or enumeration (names, titles, notes, figures as printed)."""
    constraints = field.get("constraints", {})
    return field["type"] == "string" and "pattern" not in constraints and "enum" not in constraints


def _rows(layout: Layout, resource: dict[str, Any], columns: list[str]) -> Iterator[tuple[Any, ...]]:
    """A table's rows in column order, as SQLite stores them: dates as ISO text, booleans as 0 and 1."""
    frame = typed_frame(layout, resource).select(columns)
    return frame.with_columns(pl.col(pl.Date).dt.to_string("%Y-%m-%d"), pl.col(pl.Boolean).cast(pl.Int64)).iter_rows()


def _create_tables(db: sqlite_utils.Database, layout: Layout, package: dict[str, Any]) -> None:
    # A foreign key to a table created later (sources.publisher_id to organizations) is added once it is.
    created: set[str] = set()
    later = []
    for resource in tabular(package):
        schema = resource["schema"]
        columns = {f["name"]: SQL_TYPES.get(f["type"], str) for f in schema["fields"]}
        foreign_keys = [
            (fk["fields"], fk["reference"]["resource"] or resource["name"], fk["reference"]["fields"])
            for fk in schema.get("foreignKeys", [])
        ]
        now = [fk for fk in foreign_keys if fk[1] in created | {resource["name"]}]
        later += [(resource["name"], *fk) for fk in foreign_keys if fk not in now]
        pk = schema["primaryKey"]
        not_null = {f["name"] for f in schema["fields"] if f.get("constraints", {}).get("required")}
        table = db.table(resource["name"])
        table.create(columns, pk=pk[0] if len(pk) == 1 else tuple(pk), foreign_keys=now, not_null=not_null)
        names = list(columns)
        db.conn.executemany(
            f'INSERT INTO "{resource["name"]}" ({", ".join(f"[{c}]" for c in names)}) '
            f"VALUES ({', '.join('?' * len(names))})",
            _rows(layout, resource, names),
        )
        created.add(resource["name"])
        meta = BY_NAME[resource["name"]].meta
        indexed = [fk[0] for fk in foreign_keys] + list(meta.facets)
        for column in dict.fromkeys(indexed):
            if column not in pk[:1]:
                table.create_index([column], index_name=f"idx_{resource['name']}_{column}")
        for ordered in meta.indexes:
            table.create_index(list(ordered), index_name=f"idx_{resource['name']}_{'_'.join(ordered)}")
    db.add_foreign_keys(later)


def _create_search(conn: sqlite3.Connection, package: dict[str, Any]) -> None:
    """The search dictionary; one FTS5 table per table with free text (rowids shared), and search_index across
    all of them."""
    segmenter = write_dictionary(conn)
    cut = functools.cache(functools.partial(index_text, segmenter))  # many cells repeat: segment each text once
    conn.execute(SEARCH_INDEX)
    for resource in tabular(package):
        name = resource["name"]
        columns = [f["name"] for f in resource["schema"]["fields"] if searchable(f)]
        if not columns:
            continue
        quoted = ", ".join(f'"{c}"' for c in columns)
        conn.execute(f"CREATE VIRTUAL TABLE \"{name}_fts\" USING fts5({quoted}, tokenize = '{TOKENIZER}')")
        key = " || ',' || ".join(f'"{c}"' for c in resource["schema"]["primaryKey"])
        label = BY_NAME[name].meta.label_column or resource["schema"]["primaryKey"][0]
        rows = conn.execute(f'SELECT rowid, {key}, "{label}", {quoted} FROM "{name}" ORDER BY rowid').fetchall()
        segmented = [(rowid, pk, shown, [cut(t) if t else None for t in texts]) for rowid, pk, shown, *texts in rows]
        conn.executemany(
            f'INSERT INTO "{name}_fts" (rowid, {quoted}) VALUES (?, {", ".join("?" * len(columns))})',
            ([rowid, *texts] for rowid, _, _, texts in segmented),
        )
        conn.executemany(
            "INSERT INTO search_index (resource, key, label, text) VALUES (?, ?, ?, ?)",
            ((name, pk, shown, " ".join(t for t in texts if t)) for _, pk, shown, texts in segmented),
        )


def build(layout: Layout) -> Path:
    """Write build/taihang.db from the current package; return its path."""
    package = current(layout)
    target = layout.database
    with replacing(target) as tmp:
        # A temporary file that replaces the database only when whole: no journal and no sync while it is
        # built, each table's rows in one executemany, and foreign keys checked once, at the end.
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        db = sqlite_utils.Database(conn)
        _create_tables(db, layout, package)
        for view in VIEWS:
            conn.execute(f'CREATE {"TABLE" if view.materialized else "VIEW"} "{view.name}" AS {view.sql.strip()}')
            for index in view.indexes() if view.materialized else ():
                columns = ", ".join(f'"{column}"' for column in index)
                conn.execute(f'CREATE INDEX "idx_{view.name}_{"_".join(index)}" ON "{view.name}" ({columns})')
        _create_search(conn, package)
        conn.commit()
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            conn.close()
            raise sqlite3.IntegrityError(f"foreign keys that do not resolve: {problems[:5]}")
        conn.execute("VACUUM")
        conn.close()
    return target
