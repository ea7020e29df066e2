"""Datasette plugin: Chinese full-text search that agrees everywhere, and the limits that keep one request
from stalling the server. It needs only Datasette and jieba: what it knows of the project is in the database.

Search: `Segmenter` is the one definition of how text is cut into words, for the index (the build imports
it) and for a query. On each connection to a database that holds the `search_dictionary` table (the words
jieba keeps whole, written by the build), `segment_query(text)` and Datasette's own `escape_fts(text)`
both give the FTS5 MATCH expression of a query cut with that dictionary, so that `search_everything`, the
table page's search box, `?_search=` and `?_search_COLUMN=` find 乡村振兴 or 八路军太行纪念馆 alike (only the
first `MAX_QUERY_CHARS` characters of a query are cut; `_searchmode=raw` passes FTS5 syntax as it is).

Excel: `.csv_excel` on any table, query or row page gives Datasette's own CSV of it, every row
(`_stream=on`), after a UTF-8 byte order mark, without which Excel reads the file in the system's code page
(GBK on Chinese Windows).

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

import codecs
import logging
import re
import sqlite3
import weakref
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlencode

import jieba
from datasette import hookimpl
from datasette.utils.asgi import Response

MAX_QUERY_BYTES = 16_384
MAX_PARAMETERS = 64
MAX_LENGTH = 1_000_000
MAX_COLUMNS = 64
MAX_RESULT_BYTES = 20_000_000
MAX_WIDTH = 1000
# A conversion of SQLite's printf: flags, width, precision (a number, or * for the next argument), length, type.
CONVERSION = re.compile(r"%[-+ #0!,]*(\*|[0-9]*)(?:\.(\*|[0-9]*))?l{0,2}([a-zA-Z%]?)")

# The words jieba keeps whole (names of regions, bodies and projects), as the build wrote them.
DICTIONARY = "search_dictionary"
# jieba's time grows faster than the length of its text: a search query that needs more than a hundred
# characters is not a query.
MAX_QUERY_CHARS = 100

jieba.setLogLevel(logging.WARNING)


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


class Segmenter:
    """jieba with the project's dictionary: the words of a text as they are indexed, and a query's MATCH."""

    def __init__(self, words: Iterable[str], places: Iterable[str] = ()):
        self._jieba = jieba.Tokenizer()
        self._places = set(places)
        for word in sorted(set(words) | self._places):
            self._jieba.add_word(word)

    @classmethod
    def of(cls, conn: sqlite3.Connection) -> "Segmenter":
        """The segmenter of a database, from its dictionary table."""
        rows = conn.execute(f"SELECT word, place FROM {DICTIONARY}").fetchall()
        return cls((word for word, _ in rows), (word for word, place in rows if place))

    def words(self, text: str) -> list[str]:
        """The words of a text, each preceded by the words it splits into, down to two characters: 中华全国总工会
        also as 全国总工会 and 总工会, so that a query finds a name inside a longer one. A word splits along its
        parts (`_split`), not into every word that overlaps it as jieba's cut_for_search does: 晋阳高速 gives
        晋阳 and 高速, never 阳高 (a county), and 阳高县 gives 阳高, never 高县."""
        found = []
        for token in self._jieba.cut(text):
            if _is_word(token):
                found += [*self._parts(token), token]
        return found

    def _parts(self, word: str) -> list[str]:
        if len(word) <= 2 or word.isascii():
            return []
        parts = []
        for piece in self._pieces(word):
            parts += [*self._parts(piece), piece]
        return list(dict.fromkeys(parts))

    def _pieces(self, word: str) -> list[str]:
        """The words of two or more characters a word is made of, as names nest: first the longest place name
        it starts with (山西省|农业农村厅; 晋城|市, not 晋|城市; 阳高|县, not 阳|高县); then the words of every
        best cut of the rest into words of jieba's dictionary, best being the fewest characters left outside
        a word of two or more (晋阳|高速, not 晋|阳高|速), then the fewest words (中药|材 and 中|药材 both)."""
        size = len(word)
        lead = next((n for n in range(size - 1, 1, -1) if word[:n] in self._places), 0)
        dag = self._jieba.get_DAG(word)
        edges = {(start, end + 1) for start in range(lead, size) for end in (start, *dag[start])} - {(0, size)}

        def score(start: int, end: int) -> tuple[int, int]:  # characters in a word of two or more; -words
            return (end - start if end - start > 1 else 0, -1)

        ahead = {size: (0, 0)}  # the best score of a cut of word[i:]
        for start in range(size - 1, lead - 1, -1):
            ahead[start] = max(_plus(score(start, end), ahead[end]) for s, end in edges if s == start)
        behind = {lead: (0, 0)}  # the best score of a cut of word[lead:i]
        for end in range(lead + 1, size + 1):
            behind[end] = max(_plus(behind[start], score(start, end)) for start, e in edges if e == end)
        on_best_cuts = [
            word[start:end]
            for start, end in sorted(edges)
            if end - start > 1 and _plus(_plus(behind[start], score(start, end)), ahead[end]) == ahead[lead]
        ]
        return [word[:lead]] * bool(lead) + on_best_cuts

    def query(self, text: str) -> str:
        """An FTS5 MATCH expression for a query (its first MAX_QUERY_CHARS characters): every word of it,
        quoted, must appear."""
        words = [t.replace('"', '""') for t in self._jieba.cut((text or "")[:MAX_QUERY_CHARS]) if _is_word(t)]
        return " ".join(f'"{w}"' for w in words) or '""'


def _plus(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return (a[0] + b[0], a[1] + b[1])


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


@hookimpl(trylast=True)  # after Datasette's own, whose escape_fts it replaces
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
            _segmenters[database] = Segmenter.of(conn)
        except sqlite3.OperationalError:  # a database without a dictionary, such as Datasette's _internal
            return
    for name in ("segment_query", "escape_fts"):
        conn.create_function(name, 1, _segmenters[database].query, deterministic=True)


EXCEL = "csv_excel"  # a format name in a path is a word: no hyphen


@hookimpl
def register_output_renderer(datasette):
    return {"extension": EXCEL, "render": csv_for_excel, "can_render": lambda: True}


async def csv_for_excel(datasette, request, database, table, query_name) -> Response:
    """Datasette's CSV of the same page, every row of it, after a byte order mark."""
    args = [
        (k, v) for k, v in parse_qsl(request.query_string, keep_blank_values=True) if k not in ("_format", "_stream")
    ]
    path = request.path.removesuffix(f".{EXCEL}") + ".csv?" + urlencode([*args, ("_stream", "on")])
    answer = await datasette.client.get(path)
    if answer.status_code != 200:
        return Response(answer.content, status=answer.status_code, content_type=answer.headers["content-type"])
    name = table or query_name or database
    return Response(
        codecs.BOM_UTF8 + answer.content,
        content_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}.csv"'},
    )


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


@hookimpl
def startup(datasette):
    """Datasette's own exception handler prints a rich traceback, with local variables, for each 4xx and 5xx:
    not here. (Done at startup, not import: Datasette's plugin manager loads its unit registry, 0.5 s, and the
    build imports this module for its names.)"""
    from datasette.plugins import pm

    pm.get_plugin("datasette.handle_exception").rich = None


@hookimpl(tryfirst=True)
def handle_exception(datasette, request, exception):
    """A DatasetteError that Datasette leaves at 500 is raised for a bad parameter (`_sort`, `_through`):
    the default handler, which runs next, answers it as the client error it is."""
    from datasette.views.base import DatasetteError

    if isinstance(exception, DatasetteError) and exception.status == 500:
        exception.status = 400
