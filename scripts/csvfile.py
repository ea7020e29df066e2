"""Streaming a CSV file as the models expect it: UTF-8 without a BOM, the exact header, one row at a time.

Every problem is reported with its line and column; nothing is read into memory whole.
"""

import codecs
import csv
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


def _decoded(path: Path, name: str, report: Report) -> Iterator[str]:
    """The file's lines as text. A BOM or bytes that are not UTF-8 are reported once, with their place."""
    bad_lines: list[tuple[int, bytes, UnicodeDecodeError]] = []
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
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
        report(
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


def read_rows(path: Path, name: str, columns: list[str], report: Report) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line, row) for each record of a CSV file whose header must equal columns, in order.

    `name` is how the file is named in problems. A file whose header is wrong yields no rows: its rows
    cannot be read reliably, and checking them would only repeat the header problem.
    """
    reader = csv.reader(_decoded(path, name, report), strict=True)
    header: list[str] | None = None
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if header is None:
                header = record
                if not _header_ok(name, header, columns, report):
                    return
                continue
            if not record:
                report(Problem(name, line, 0, "", "", "no blank lines: every line is a record"))
                continue
            if len(record) != len(columns):
                report(Problem(name, line, 0, "", f"{len(record)} fields", f"{len(columns)} fields, one per column"))
                continue
            if any(value != value.strip() for value in record):
                for index, (column, value) in enumerate(zip(columns, record, strict=True), 1):
                    if value != value.strip():
                        report(Problem(name, line, index, column, value, "no leading or trailing white space"))
            yield line, dict(zip(columns, record, strict=True))
    except csv.Error as err:
        report(Problem(name, start, 0, "", None, f"well-formed CSV ({err})"))
    if header is None:
        report(Problem(name, 0, 0, "", None, "a header row: the file is empty; the header is " + ",".join(columns)))


def _header_ok(name: str, header: list[str], columns: list[str], report: Report) -> bool:
    if header == columns:
        return True
    missing = [c for c in columns if c not in header]
    extra = [c for c in header if c not in columns]
    for column in missing:
        report(Problem(name, 1, 0, column, None, f"a column named {column!r}: it is missing"))
    for column in extra:
        position = header.index(column) + 1
        report(Problem(name, 1, position, column, column, "only the schema's columns: " + ",".join(columns)))
    if not missing and not extra:
        report(Problem(name, 1, 0, "", ",".join(header), "the columns in schema order: " + ",".join(columns)))
    return False
