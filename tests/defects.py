"""Bad packages as one-defect patches over a fresh copy of the real package.

A `Defect` names its table and either a cell (row, column, bad value) or a change to the whole file; it is
applied by column name, so a column added to a model, or rows added to the data, cost it nothing. What
`validate` must then say is built from the same names: the file, the line and column where the defect lands,
the value, and the rule's own words (`expected`).
"""

import codecs
import csv
import functools
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from schemas import BY_NAME, RowChange
from schemas.reference import NO_HEADLINE, NO_PUBLIC_COPY
from scripts.layout import ROOT, Layout
from scripts.problems import Problem

Row = dict[str, str]


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def data_rows(resource: str) -> list[Row]:
    """The rows of one of the checkout's tables: what a test counts, rather than a count written by hand."""
    return read_rows(ROOT / "data" / f"{resource}.csv")[1]


def old_area_codes() -> list[str]:
    """The codes of the counties designated as the old area, in the data's order."""
    return [d["region_code"] for d in data_rows("designations") if d["designation"] == "taihang_old_area"]


# A county outside the data, as a row of regions by column name: a test that adds it outlives a new column.
WENSHUI = {"code": "141121", "name_zh": "文水县", "qualified_name_zh": "吕梁市文水县", "name_en": "Wenshui County"}
WENSHUI |= {"level": "county", "kind_zh": "县", "parent_code": "141100"}


def append_row(path: Path, cells: Row) -> None:
    """A row added at the end of a CSV file, by column name in its header's order (a column not named is empty)."""
    header = read_rows(path)[0]
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, header, lineterminator="\n").writerow(cells)


def write_rows(path: Path, header: list[str], rows: list[Row]) -> None:
    """Write a CSV file as the project does (minimal quoting, LF line ends)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@dataclass(frozen=True)
class Defect:
    """One defect. A cell defect: `column` of the first row that `where` accepts (any row by default) gets
    `value` (a string, or a function of the row and all rows); `append` first adds a copy of that row at the end
    and puts the defect there. A file defect: `file` turns the file's bytes into the bad ones, and `at` says
    where validate reports it (line, column, value), given the header and the rows."""

    table: str
    expected: str | Callable[[Row], str]  # the rule's words, or a function of the defective row (before the defect)
    column: str = ""
    value: str | Callable[[Row, list[Row]], str] = ""
    where: Callable[[Row], bool] = lambda row: True
    append: bool = False
    file: Callable[[bytes], bytes] | None = None
    at: Callable[[list[str], list[Row]], tuple[int, int, str, str | None]] | None = None

    def apply(self, root: Path) -> str:
        """Seed the defect in the package at root; return the start of the line validate must print."""
        path = Layout(root).csv(self.table)
        name = f"data/{self.table}.csv"
        header, rows = read_rows(path)
        if self.file:
            path.write_bytes(self.file(path.read_bytes()))
            line, column, field, value = self.at(header, rows) if self.at else (0, 0, "", None)
            assert isinstance(self.expected, str), "a file defect's rule is words, not a function of a row"
            return str(Problem(name, line, column, field, value, self.expected))
        index = next(i for i, row in enumerate(rows) if self.where(row))
        if self.append:
            rows.append(dict(rows[index]))
            index = len(rows) - 1
        bad = self.value(rows[index], rows) if callable(self.value) else self.value
        expected = self.expected(rows[index]) if callable(self.expected) else self.expected
        rows[index][self.column] = bad
        write_rows(path, header, rows)
        return str(Problem(name, index + 2, header.index(self.column) + 1, self.column, bad, expected))


def fresh_copy(target: Path) -> Layout:
    """The real package's data and checks, to seed a defect in."""
    shutil.copytree(ROOT / "data", target / "data")
    shutil.copytree(ROOT / "checks", target / "checks")
    return Layout(target)


def _gbk(header: list[str], rows: list[Row]) -> tuple[int, int, str, str | None]:
    """The first cell whose GBK bytes are not UTF-8, and those bytes, as validate shows them."""
    for n, row in enumerate(rows, 2):
        for c, column in enumerate(header, 1):
            encoded = row[column].encode("gb18030")
            try:
                encoded.decode("utf-8")
            except UnicodeDecodeError as err:
                return n, c, "", "bytes " + encoded[err.start : err.start + 4].hex(" ")
    raise AssertionError("no cell that GBK makes invalid UTF-8")


def _cycle(row: Row, rows: list[Row]) -> str:
    """The id of the body whose successor this row is: the pair then succeed each other."""
    return next(r["id"] for r in rows if r["successor_id"] == row["id"])


def _earlier_year(row: Row, rows: list[Row]) -> str:
    return str(int(row["period_start"][:4]) - 1)


def _header_at(column: str, value: str, offset: int = 0) -> Callable[[list[str], list[Row]], tuple]:
    return lambda header, rows: (1, len(header) + offset, column, value)


@functools.cache
def _referenced() -> set[str]:
    """Every value that a row of another table holds: a key no other row refers to is not among them."""
    found: set[str] = set()
    for path in (ROOT / "data").glob("*.csv"):
        if path.stem == RowChange.meta.resource:  # the history names every key; it refers to none
            continue
        header, rows = read_rows(path)
        found |= {row[c] for row in rows for c in header[1:]}
    return found


@functools.cache
def _paired() -> set[str]:
    """The bodies that a pairing names (ending them would also change what the pairing's status must be)."""
    return {r["organization_id"] for r in read_rows(ROOT / "data" / "aid_assignments.csv")[1]}


@functools.cache
def _successors() -> set[str]:
    """The bodies of the real data that another body is succeeded by."""
    return {r["successor_id"] for r in read_rows(ROOT / "data" / "organizations.csv")[1] if r["successor_id"]}


@functools.cache
def _web() -> set[str]:
    """The sources of the real data that are web pages cited by their address, not archived."""
    return {r["id"] for r in read_rows(ROOT / "data" / "sources.csv")[1] if r["archived"] == "false"}


SOURCES = BY_NAME["sources"].columns()
DEFECTS: dict[str, Defect] = {
    "bad_code": Defect(
        "regions", "a six-digit GB/T 2260 code", "code", "14042", where=lambda r: r["code"] not in _referenced()
    ),
    "dangling_foreign_key": Defect(
        "regions", "a value present in regions.code", "parent_code", "149900", where=lambda r: bool(r["parent_code"])
    ),
    "duplicate_key": Defect(
        "sources", "a unique (id): line 2 already has it", "id", lambda r, rows: r["id"], append=True
    ),
    "non_numeric": Defect("sources", "an integer written in digits", "lines", "about 150"),
    "bad_date": Defect(
        "sources",
        "a real calendar date written as YYYY-MM-DD",
        "url_checked",
        "2021-02-30",
        where=lambda r: bool(r["url_checked"]),
    ),
    "unknown_enum": Defect("sources", "one of ", "language", "zh-CN"),
    "no_date_looked_for": Defect("sources", "a value: this column is required", "url_checked", ""),
    "no_public_copy_unsaid": Defect(  # the notes of a source with an address (they have a rendering)
        "sources",
        f"notes that say {NO_PUBLIC_COPY!r}",
        "notes",
        lambda r, rows: next(x["notes"] for x in rows if x["url"]),
        where=lambda r: not r["url"],
    ),
    "no_public_copy_said_beside_a_url": Defect(
        "sources",
        f"no {NO_PUBLIC_COPY!r}",
        "notes",
        lambda r, rows: next(x["notes"] for x in rows if not x["url"]),
        where=lambda r: bool(r["url"]),
    ),
    "note_without_rendering": Defect(
        "errata", "a value present in translations.text_en", "reason", "A reason no one has rendered in Chinese."
    ),
    # The ledger's sources and rows: a web page is cited by its address and words, an archived source by line.
    "line_of_a_web_page": Defect(
        "project_updates", "no line: ", "locator", "3", where=lambda r: r["source_id"] in _web()
    ),
    "no_line_of_an_archived_source": Defect(
        "project_updates", "a line of ", "locator", "", where=lambda r: r["source_id"] not in _web()
    ),
    "archived_without_its_file": Defect(
        "sources", "an archive_file, sha256 and lines", "archive_file", "", where=lambda r: r["archived"] == "true"
    ),
    "republication_without_its_host": Defect(
        "sources",
        "host_zh and host_en, the republishing site, exactly for a republication",
        "host_zh",
        "",
        where=lambda r: r["archived"] == "false" and r["url_kind"] == "republication",
    ),
    "web_page_checked_against_an_archive": Defect(
        "sources",
        "'stored_copy' or 'live_page': the page is not archived",
        "consulted",
        "archived_copy",
        where=lambda r: r["archived"] == "false",
    ),
    "web_page_not_http": Defect(
        "sources", "", "url", "ftp://example.org/page.html", where=lambda r: r["archived"] == "false"
    ),
    "web_page_without_publisher": Defect(
        "sources", "a value: this column is required", "publisher_id", "", where=lambda r: r["archived"] == "false"
    ),
    "untitled_without_saying_so": Defect(
        "sources",
        f"a title, or notes that say {NO_HEADLINE!r}",
        "title_zh",
        "",
        where=lambda r: r["archived"] == "false" and bool(r["title_zh"]) and not r["notes"],
    ),
    "status_outside_the_code_table": Defect("project_updates", "one of ", "status", "finished"),
    # Another public report of a figure must print that figure: its value is the observation's.
    "corroboration_of_another_value": Defect(
        "corroborations",
        lambda r: f"{r['value']!r}, the observations.value of {r['observation_id']}",
        "value",
        lambda r, rows: str(int(float(r["value"])) + 1),
    ),
    "corroboration_in_another_unit": Defect(
        "corroborations",
        lambda r: f"{r['unit']!r}, the observations.unit of {r['observation_id']}",
        "unit",
        "yuan",
        where=lambda r: r["unit"] != "yuan",
    ),
    "report_on_an_unknown_project": Defect(
        "project_updates",
        "a value present in projects.id",
        "project_id",
        "no-such-project",
        where=lambda r: bool(r["project_id"]),
    ),
    "english_in_chinese": Defect(
        "translations",
        "Chinese: 'line ignored' is English",
        "text_zh",
        lambda r, rows: r["text_zh"] + "（line ignored）",
    ),
    "impossible_partial_date": Defect(
        "events", "a real calendar date: YYYY, YYYY-MM or YYYY-MM-DD", "date", "2021-02-30"
    ),
    "year_0021": Defect(
        "sources", "a date written as YYYY-MM-DD, its year from 1000 to 2999", "published", "0021-04-01"
    ),
    "negative_count": Defect(
        "observations",
        "a value of at least 0: a figure in persons is never negative",
        "value",
        "-440",
        where=lambda r: r["unit"] == "person",
    ),
    "number_underflow": Defect(
        "observations", "a number that a double can hold: this one would be 0", "value", "1e-400"
    ),
    "period_order": Defect(
        "observations",
        "a period_end not before period_start",
        "period_end",
        _earlier_year,
        where=lambda r: bool(r["period_start"]),
    ),
    "successor_cycle": Defect(
        "organizations",
        "no cycle of successor_id",
        "successor_id",
        _cycle,
        where=lambda r: not r["successor_id"] and r["id"] in _successors() and r["id"] not in _paired(),
    ),
    "self_implementing_policy": Defect(
        "policies",
        "another row than this one",
        "implements_id",
        lambda r, rows: r["id"],
        where=lambda r: bool(r["implements_id"]),
    ),
    "long_text": Defect("policies", "at most 500 characters", "doc_number", "晋" * 600),
    "nul_in_name": Defect(
        "regions",
        "text without control characters (U+0000 at character 3)",
        "name_zh",
        lambda r, rows: r["name_zh"][:2] + "\x00" + r["name_zh"][2:],
    ),
    "line_break_in_name": Defect(
        "regions",
        "text on one line: a name or title has no line break",
        "name_zh",
        lambda r, rows: r["name_zh"][:2] + "\n" + r["name_zh"][2:],
    ),
    "formula_cell": Defect(
        "sources",
        "text that does not start with =, +, - or @ (a spreadsheet would run it as a formula)",
        "title_en",
        '=HYPERLINK("http://example.com","Click")',
    ),
    "huge_integer": Defect("sources", "a value of at most 999999999", "lines", "12345678901234567890"),
    "leading_zeros": Defect(
        "sources", "an integer written in digits without leading zeros", "lines", lambda r, rows: "0" + r["lines"]
    ),
    # defects of the whole file
    "gbk_encoding": Defect("sources", "UTF-8 text", file=lambda b: b.decode("utf-8").encode("gb18030"), at=_gbk),
    "bom": Defect(
        "sources",
        "UTF-8 without a byte-order mark (BOM)",
        file=lambda b: codecs.BOM_UTF8 + b,
        at=lambda h, r: (1, 1, "", "\ufeff"),
    ),
    "cr_line_ends": Defect(
        "sources",
        "lines that end in LF or CRLF: this file ends them in CR alone",
        file=lambda b: b.replace(b"\n", b"\r"),
        at=lambda h, r: (1, 0, "", None),
    ),
    "zip_file": Defect(
        "sources",
        "a CSV text file, not a ZIP archive (an Excel workbook?)",
        file=lambda b: b"PK\x03\x04" + b,
        at=lambda h, r: (1, 0, "", None),
    ),
    "empty_file": Defect("sources", "a header row: the file is empty", file=lambda b: b""),
    "missing_column": Defect(
        "sources",
        f"a column named {SOURCES[-1]!r}: it is missing",
        file=lambda b: b.replace(("," + SOURCES[-1]).encode(), b"", 1),
        at=lambda h, r: (1, 0, SOURCES[-1], None),
    ),
    "extra_column": Defect(
        "sources",
        "only the schema's columns: ",
        file=lambda b: b.replace(b"\n", b",author\n", 1),
        at=_header_at("author", "author", 1),
    ),
    "duplicate_header_column": Defect(
        "sources",
        f"each column once: it is already column {SOURCES.index('title_en') + 1}",
        file=lambda b: b.replace(b"\n", b",title_en\n", 1),
        at=_header_at("title_en", "title_en", 1),
    ),
    "unterminated_quote": Defect(
        "sources",
        "well-formed CSV (unexpected end of data; a quote opened on this line is never closed)",
        file=lambda b: b + b'"a quote opened and never closed\n',
        at=lambda h, r: (len(r) + 2, 0, "", None),
    ),
}
