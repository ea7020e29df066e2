"""The column names that code outside the models writes down, checked against the models at `package` time.

A column renamed on its model must fail here, naming the file, the line and the name, rather than deep in a
later step. Checked: the SQL of every view and canned query in `schemas/statements.toml` and each view
column's "table.column" description, prepared by SQLite against empty tables with the models' columns; the
SQL written as a plain string in the site's code, prepared the same way; and every `row["name"]` subscript
in the site's code, which must name a column of a model, a view or a query, or a name the SQL gives (`AS`).
"""

import ast
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from schemas import BY_NAME, RESOURCES
from schemas.statements import QUERIES, STATEMENTS, VIEWS, View

from .database import SEARCH_INDEX
from .layout import Layout
from .problems import Problem

IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
ALIAS = re.compile(r"\bAS\s+([a-z][a-z0-9_]*)", re.IGNORECASE)
PARAMETER = re.compile(r"(?<!:):([a-z_][a-z0-9_]*)", re.IGNORECASE)
COLUMN_STYLE = re.compile(r"_(zh|en|id|code)$")  # how most columns that hold a name or a key are named
SQL_START = re.compile(r"^\s*(SELECT|WITH)\b", re.IGNORECASE)


def _empty_schema() -> sqlite3.Connection:
    """An in-memory database with every table (its columns, untyped) and every view."""
    db = sqlite3.connect(":memory:")
    for model in RESOURCES:
        columns = ", ".join(f'"{c}"' for c in model.columns())
        db.execute(f'CREATE TABLE "{model.meta.resource}" ({columns})')
    db.execute(SEARCH_INDEX)
    return db


def _prepare(db: sqlite3.Connection, sql: str) -> str | None:
    """SQLite's complaint about a name in a statement (no such table or column), or None. A piece of SQL that
    the code completes at run time (a table's name, a WHERE clause) does not parse, and is not judged."""
    parameters = [None] * sql.count("?") if "?" in sql else dict.fromkeys(PARAMETER.findall(sql))
    try:
        db.execute("EXPLAIN " + sql, parameters)
    except sqlite3.Error as err:
        return str(err) if str(err).startswith(("no such column", "no such table")) else None
    return None


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def statements(layout: Layout, db: sqlite3.Connection, known: set[str]) -> Iterator[Problem]:
    """The views (created in order, as the database creates them) and the canned queries. The columns of each
    that prepares are added to `known`: a name is a row's column only where a statement that works gives it."""
    file = layout.name(STATEMENTS)
    text = STATEMENTS.read_text(encoding="utf-8")
    for statement in (*VIEWS, *QUERIES):
        line = _line_of(text, f'name = "{statement.name}"')
        complaint = _prepare(db, statement.sql)
        if complaint:
            expected = f"SQL whose tables and columns the models declare: {complaint}"
            yield Problem(file, line, 0, "", statement.name, expected)
            continue
        known |= set(ALIAS.findall(statement.sql))
        if isinstance(statement, View):
            db.execute(f'CREATE {"TABLE" if statement.materialized else "VIEW"} "{statement.name}" AS {statement.sql}')
            known |= set(statement.columns)
            for column, ref in statement.columns.items():
                resource, _, name = ref.partition(".") if isinstance(ref, str) else ("", "", "")
                if isinstance(ref, str) and (resource not in BY_NAME or name not in BY_NAME[resource].columns()):
                    yield Problem(file, line, 0, column, ref, "a description 'table.column' naming a model's column")


def _strings(tree: ast.AST) -> Iterator[tuple[ast.Constant, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node, node.value


def _packaged_columns(layout: Layout) -> set[str]:
    """The columns of the last package written (datapackage.json), to catch a name a model no longer has."""
    if not layout.descriptor.exists():
        return set()
    descriptor = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    return {f["name"] for r in descriptor["resources"] for f in r.get("schema", {}).get("fields", [])}


def code(layout: Layout, db: sqlite3.Connection, folder: Path, known: set[str]) -> Iterator[Problem]:
    """The SQL strings and the `row["name"]` subscripts of the Python files in `folder`. A subscript is judged
    when it names a column of the last package, or is named as columns are (name_zh, body_id, region_code):
    other dictionaries (a configuration, a descriptor, GeoJSON) are read by subscript too."""
    packaged = _packaged_columns(layout)
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(folder.rglob("*.py"))}
    for tree in trees.values():
        known |= {a for _, text in _strings(tree) if SQL_START.match(text) for a in ALIAS.findall(text)}
    for path, tree in trees.items():
        file = layout.name(path)
        for node, text in _strings(tree):
            if SQL_START.match(text) and (complaint := _prepare(db, text)):
                expected = f"SQL whose tables and columns the models declare: {complaint}"
                yield Problem(file, node.lineno, node.col_offset + 1, "", " ".join(text.split()), expected)
        for sub in ast.walk(tree):
            key = sub.slice if isinstance(sub, ast.Subscript) else None
            name = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else ""
            if key and IDENTIFIER.match(name) and (name in packaged or COLUMN_STYLE.search(name)) and name not in known:
                expected = "a column of a model, a view or a query (a row's column, by name)"
                yield Problem(file, key.lineno, key.col_offset + 1, "", name, expected)


def check(layout: Layout, site: Path) -> list[Problem]:
    """Every name that the statements and the site's code use, against the models."""
    db = _empty_schema()
    known = {c for model in RESOURCES for c in model.columns()}
    problems = list(statements(layout, db, known))
    return problems + list(code(layout, db, site, known))
