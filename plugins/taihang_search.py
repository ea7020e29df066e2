"""Datasette plugin: segment_query(text), the FTS5 MATCH expression of a Chinese or English query; and the
limits that keep one request from stalling the server.

segment_query cuts the query with the same jieba dictionary the database was indexed with, so that
`search_index MATCH segment_query(:q)` finds 乡村振兴 or 八路军太行纪念馆 as words (only the first
`MAX_QUERY_CHARS` characters of a query are cut).

The limits: a query string longer than `MAX_QUERY_BYTES` (414) or with more than `MAX_PARAMETERS` parameters
(400) is refused before Datasette parses it, whose parsing grows with the square of their number; only GET
and HEAD are served (405), as the database is read-only; on every connection, no string or blob longer than
`MAX_LENGTH` bytes (SQLITE_LIMIT_LENGTH: one printf cannot fill the memory), no statement whose rows hold
more than `MAX_RESULT_BYTES` (the 1,000 rows of `max_returned_rows` can be large), and a printf or format
with a width or precision over `MAX_WIDTH` gives NULL, as SQLite's own does for a result over its length
limit (SQLite pads character by character, out of reach of the time limit); an error Datasette leaves
at 500 although the request caused it (an unknown `_sort`) is a 400; and no rich traceback with local
variables is printed for every error response.
"""

import re
import sqlite3
import weakref
from typing import Any

from datasette import hookimpl
from datasette.plugins import pm
from datasette.views.base import DatasetteError

from scripts.segment import Segmenter, words_from

MAX_QUERY_BYTES = 16_384
MAX_PARAMETERS = 64
MAX_LENGTH = 1_000_000
MAX_COLUMNS = 64
MAX_RESULT_BYTES = 20_000_000
MAX_WIDTH = 1000
# A conversion of SQLite's printf: flags, width, precision (a number, or * for the next argument), length, type.
CONVERSION = re.compile(r"%[-+ #0!,]*(\*|[0-9]*)(?:\.(\*|[0-9]*))?l{0,2}([a-zA-Z%]?)")

# Datasette's own exception handler prints a rich traceback, with local variables, for each 4xx and 5xx.
pm.get_plugin("datasette.handle_exception").rich = None

_segmenters: dict[str, Segmenter] = {}


class Budget:
    """A row factory that counts the bytes of the rows a statement returns, and stops it past the budget."""

    def __init__(self) -> None:
        self.cursor: Any = None
        self.spent = 0

    def __call__(self, cursor: sqlite3.Cursor, row: tuple) -> sqlite3.Row:
        if self.cursor is None or self.cursor() is not cursor:  # a new statement
            self.cursor, self.spent = weakref.ref(cursor), 0
        self.spent += sum(len(v) if isinstance(v, str | bytes) else 8 for v in row)
        if self.spent > MAX_RESULT_BYTES:
            raise sqlite3.OperationalError(
                f"the rows of this query hold more than {MAX_RESULT_BYTES:,} bytes: ask for fewer rows or columns"
            )
        return sqlite3.Row(cursor, row)


def _integer(value: Any) -> int:
    """An argument as SQLite's printf reads a width from it."""
    try:
        return int(float(value))
    except (TypeError, ValueError, OverflowError):
        return 0


def bounded_printf(side: sqlite3.Connection):
    """SQLite's printf (and format), run on a side connection once every width and precision is checked;
    NULL when one is over MAX_WIDTH."""

    def printf(form: Any, *args: Any) -> Any:
        if isinstance(form, str):
            taken = 0
            for conversion in CONVERSION.finditer(form):
                for part in conversion.group(1, 2):
                    size = _integer(args[taken] if taken < len(args) else 0) if part == "*" else int(part or 0)
                    taken += part == "*"
                    if abs(size) > MAX_WIDTH:
                        return None
                taken += conversion.group(3) not in ("%", "")
        marks = ", ".join("?" * (len(args) + 1))
        return side.execute(f"SELECT printf({marks})", (form, *args)).fetchone()[0]

    return printf


@hookimpl
def prepare_connection(conn, database):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    conn.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, MAX_COLUMNS)
    conn.row_factory = Budget()
    side = sqlite3.connect(":memory:", check_same_thread=False)  # used, as conn is, by one thread at a time
    side.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    for name in ("printf", "format"):
        conn.create_function(name, -1, bounded_printf(side), deterministic=True)
    if database not in _segmenters:
        try:
            _segmenters[database] = Segmenter(words_from(conn))
        except sqlite3.OperationalError:  # a database without our tables, such as Datasette's _internal
            return
    conn.create_function("segment_query", 1, _segmenters[database].query, deterministic=True)


async def _refuse(send, status: int, message: str, headers: tuple = ()) -> None:
    body = f"{status}: {message}\n".encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", b"%d" % len(body)),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


@hookimpl
def asgi_wrapper(datasette):
    """Refuse, before Datasette sees it, a request that is not a GET or HEAD or whose query string is too long."""

    def wrap(app):
        async def guarded(scope, receive, send):
            if scope["type"] == "http":
                query = scope.get("query_string", b"")
                if scope["method"] not in ("GET", "HEAD"):
                    return await _refuse(send, 405, "this server is read-only", ((b"allow", b"GET, HEAD"),))
                if len(query) > MAX_QUERY_BYTES:
                    return await _refuse(send, 414, f"the query string is longer than {MAX_QUERY_BYTES} bytes")
                if query.count(b"&") + query.count(b";") >= MAX_PARAMETERS:
                    return await _refuse(send, 400, f"the query string has more than {MAX_PARAMETERS} parameters")
            return await app(scope, receive, send)

        return guarded

    return wrap


@hookimpl(tryfirst=True)
def handle_exception(datasette, request, exception):
    """A DatasetteError that Datasette leaves at 500 is raised for a bad parameter (`_sort`, `_through`):
    the default handler, which runs next, answers it as the client error it is."""
    if isinstance(exception, DatasetteError) and exception.status == 500:
        exception.status = 400
