"""Streaming a CSV file as the models expect it: UTF-8 without a BOM, the exact header, one row at a time.

Every problem is reported with its line and column; nothing is read into memory whole. A file that is not a
CSV text (a ZIP or other binary file, lines ended by CR alone), or whose header, encoding or quoting is
broken, is reported as malformed once, so that its rows are not checked against other tables.
"""

import codecs
import csv
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from .problems import Problem

Report = Callable[[Problem], None]
MAX_FIELD = 1_000_000  # characters; a longer cell is reported, not read

csv.field_size_limit(MAX_FIELD)


def _column_at(raw: bytes, offset: int) -> int:
    """The 1-based CSV column in which byte offset falls, counting commas outside quotes."""
    column, quoted = 1, False
    for byte in raw[:offset]:
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x2C and not quoted:
            column += 1
    return column


def _not_text(first: bytes) -> str | None:
    """What the first line of a file shows it is, when it is not CSV text."""
    if first.startswith(b"PK\x03\x04"):
        return "a CSV text file, not a ZIP archive (an Excel workbook?): save the sheet as CSV UTF-8"
    if b"\0" in first:
        return "a CSV text file, not binary data or UTF-16 (the first line holds NUL bytes): save it as CSV UTF-8"
    if b"\r" in first.removesuffix(b"\r\n"):
        return "lines that end in LF or CRLF: this file ends them in CR alone (old Mac format); re-save it"
    return None


def _decoded(path: Path, name: str, report: Report, fail: Report) -> Iterator[str]:
    """The file's lines as text. A BOM or bytes that are not UTF-8 are reported once, with their place; a file
    that is not CSV text is reported (through `fail`) and yields nothing."""
    bad_lines: list[tuple[int, bytes, UnicodeDecodeError]] = []
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            shape = _not_text(raw) if number == 1 else None
            if shape:
                fail(Problem(name, 1, 0, "", None, shape))
                return
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                report(Problem(name, 1, 1, "", "\ufeff", "UTF-8 without a byte-order mark (BOM); re-save without BOM"))
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                bad_lines.append((number, raw, error))
                continue
            if not bad_lines:
                yield text
    if bad_lines:
        number, raw, first = bad_lines[0]
        guess = "; it decodes as GBK/GB18030" if _is_gb18030(path) else ""
        fail(
            Problem(
                name,
                number,
                _column_at(raw, first.start),
                "",
                "bytes " + raw[first.start : first.start + 4].hex(" "),
                f"UTF-8 text; {len(bad_lines)} line(s) are not UTF-8{guess}: re-save the file as UTF-8",
            )
        )


def _is_gb18030(path: Path) -> bool:
    try:
        path.read_bytes().decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def read_rows(
    path: Path, name: str, columns: list[str], report: Report, malformed: Callable[[], None] = lambda: None
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line, row) for each record of a CSV file whose header must equal columns, in order.

    `name` is how the file is named in problems. A file whose header is wrong yields no rows: its rows
    cannot be read reliably, and checking them would only repeat the header problem. `malformed` is called
    when the file is not well-formed CSV text (its header, encoding or quoting is broken).
    """
    failed: list[Problem] = []

    def fail(problem: Problem) -> None:
        if not failed:
            malformed()
        failed.append(problem)
        report(problem)

    reader = csv.reader(_decoded(path, name, report, fail), strict=True)
    header: list[str] | None = None
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if header is None:
                header = record
                if not _header_ok(name, header, columns, fail):
                    return
                continue
            if not record:
                report(Problem(name, line, 0, "", "", "no blank lines: every line is a record"))
                continue
            if len(record) != len(columns):
                report(Problem(name, line, 0, "", f"{len(record)} fields", f"{len(columns)} fields, one per column"))
                continue
            row = dict(zip(columns, record, strict=True))
            if any(value != value.strip() for value in record):
                edges(name, line, row, report)
            yield line, row
    except csv.Error as err:
        hint = "; a quote opened on this line is never closed" if str(err) == "unexpected end of data" else ""
        fail(Problem(name, start, 0, "", None, f"well-formed CSV ({err}{hint})"))
    if header is None and not failed:
        fail(Problem(name, 0, 0, "", None, "a header row: the file is empty; the header is " + ",".join(columns)))


def edges(name: str, line: int, row: dict[str, str], report: Report) -> None:
    """Report each cell of a record that starts or ends with white space."""
    for index, (column, value) in enumerate(row.items(), 1):
        if value != value.strip():
            report(Problem(name, line, index, column, value, "no leading or trailing white space"))


def _header_ok(name: str, header: list[str], columns: list[str], report: Report) -> bool:
    """Whether the header is the schema's columns in order; if not, each column that is missing, extra or
    repeated is reported (in time linear in the header's length)."""
    if header == columns:
        return True
    wanted, counts = set(columns), Counter(header)
    first: dict[str, int] = {}
    missing = [c for c in columns if c not in counts]
    for column in missing:
        report(Problem(name, 1, 0, column, None, f"a column named {column!r}: it is missing"))
    for position, column in enumerate(header, 1):
        if column not in wanted:
            report(Problem(name, 1, position, column, column, "only the schema's columns: " + ",".join(columns)))
        elif column in first:
            report(
                Problem(name, 1, position, column, column, f"each column once: it is already column {first[column]}")
            )
        first.setdefault(column, position)
    if not missing and len(first) == len(header) and set(header) <= wanted:
        report(Problem(name, 1, 0, "", ",".join(header), "the columns in schema order: " + ",".join(columns)))
    return False
