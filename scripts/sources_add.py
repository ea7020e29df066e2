"""python -m scripts source add FILE: archive a new source text and record its row in data/sources.csv.

The archived name is NNN_HHHHHHHHHHHHHHHH.txt: NNN is the next three-digit number after the highest one
in the sources folder or in sources.csv, and the 16 hex digits begin the file's SHA-256. Nothing is
written unless the file is UTF-8 text not archived yet, its id is new, its row validates through the
`Source` model and its publisher, if given, is a body of organizations.csv; then the archive and
sources.csv are each written atomically.
"""

import argparse
import csv
import hashlib
import io
import re
from dataclasses import replace
from pathlib import Path

from schemas.codes import CONSULTED, LANGUAGE, SOURCE_KIND, URL_KIND
from schemas.reference import Organization, Source

from . import sourcetext
from .atomic import write_bytes
from .layout import Layout
from .problems import Problem, Stop
from .reader import read_model, typed

ARCHIVED = re.compile(r"^([0-9]{3})_[0-9a-f]{16}\.txt$")
# The option that sets each column, named in problems with the column.
OPTIONS = {
    "id": "--id",
    "publisher_zh": "--publisher-zh",
    "publisher_en": "--publisher-en",
    "publisher_id": "--publisher-id",
    "title_zh": "--title-zh",
    "title_en": "--title-en",
    "kind": "--kind",
    "language": "--language",
    "url": "--url",
    "url_kind": "--url-kind",
    "host_zh": "--host-zh",
    "host_en": "--host-en",
    "url_checked": "--url-checked",
    "publisher_note": "--publisher-note",
    "published": "--date",
    "published_earliest": "--date-earliest",
    "published_latest": "--date-latest",
    "date_note": "--date-note",
    "notes": "--notes",
}
CODES = {"kind": SOURCE_KIND, "language": LANGUAGE, "url_kind": URL_KIND}
WEB = "stored_copy"  # how the address of a web source was consulted, unless --consulted says otherwise
FLAGS = {  # the flags of the command, each with the column it sets and its help
    "--publisher-inferred": ("publisher_inferred", "The text does not name its publisher."),
    "--date-inferred": ("date_inferred", "The source does not print its date."),
}
DATES = ("published", "published_earliest", "published_latest", "url_checked")


def decoding_problem(data: bytes, name: str) -> Problem | None:
    """Where data stops being UTF-8, and whether it reads as GB18030; None when it is UTF-8."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as err:
        start = data.rfind(b"\n", 0, err.start) + 1
        line, column = data.count(b"\n", 0, err.start) + 1, len(data[start : err.start].decode("utf-8")) + 1
        bad = "bytes " + data[err.start : err.start + 4].hex(" ")
    try:
        data.decode("gb18030")
        hint = "; the file decodes as GB18030: convert it first (iconv -f GB18030 -t UTF-8)"
    except UnicodeDecodeError:
        hint = ""
    return Problem(name, line, column, "", bad, "UTF-8 text" + hint)


def archive_name(folder: Path, recorded: list[str], sha256: str) -> str:
    """The next free three-digit number, then the first 16 hex digits of the SHA-256."""
    names = [*(path.name for path in folder.iterdir()), *recorded]
    taken = [int(m[1]) for name in names if (m := ARCHIVED.match(name))]
    return f"{max(taken, default=-1) + 1:03d}_{sha256[:16]}.txt"


def _row(args: argparse.Namespace, archived: dict[str, str]) -> dict[str, str]:
    """The new row: the options, what the command computes (the archived file's name, hash and lines; or, for
    a web page, no file) and the flags."""
    given = {column: getattr(args, column) for column in OPTIONS}
    window = "window" if args.published_earliest or args.published_latest else "day"
    consulted = ("archived_copy" if archived else args.consulted) if args.url else ""
    computed = {"published_precision": window, "archived": "true" if archived else "false", "consulted": consulted}
    flags = {column: "true" if getattr(args, column) else "false" for column, _ in FLAGS.values()}
    row = given | computed | archived | flags
    return {column: row.get(column, "") for column in Source.columns()}


def duplicates(
    file: Path | None, sha256: str, folder: Path, existing: list[tuple[int, Source]], name: str, id_: str
) -> list[Problem]:
    """The problems of a file already archived (same SHA-256) or of an id already in sources.csv."""
    problems = []
    for path in sorted(folder.glob("*.txt")) if file else ():
        if hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
            source = next((f" (source {row.id})" for _, row in existing if row.archive_file == path.name), "")
            problems.append(Problem(str(file), 0, 0, "", None, f"a file not archived yet: it is {path}{source}"))
    for line, row in existing:
        if row.id == id_:
            problems.append(Problem(name, line, 1, "id", id_, "an id no other source has: choose another --id"))
    return problems


def publisher_problems(layout: Layout, publisher_id: str, name: str, line: int) -> list[Problem]:
    """--publisher-id, when given, must be the id of a body in organizations.csv."""
    path = layout.csv("organizations")
    bodies = {row.id for _, row in read_model(path, layout.name(path), Organization)[0]} if path.is_file() else set()
    if not publisher_id or publisher_id in bodies:
        return []
    at = Source.columns().index("publisher_id") + 1
    return [Problem(name, line, at, "publisher_id", publisher_id, f"the id of a body in {layout.name(path)}")]


def add(layout: Layout, args: argparse.Namespace, folder: Path) -> tuple[Path | None, dict[str, str]]:
    """Check everything, then archive the file (if one is given: without one, the source is a web page cited by
    its address) and append its row; stop with every problem found."""
    csv_path = layout.csv("sources")
    name = layout.name(csv_path)
    if not csv_path.is_file():
        raise Stop(f"{csv_path} is missing: --root must be the project, the folder that holds data/")
    existing, problems = read_model(csv_path, name, Source)
    data, archived = None, {}
    if args.file is not None:
        try:
            data = args.file.read_bytes()
        except OSError as err:
            raise Stop(f"{args.file}: cannot read it: {err.strerror}") from None
        problems += [p for p in [decoding_problem(data, str(args.file))] if p]
        sha256 = hashlib.sha256(data).hexdigest()
        problems += duplicates(args.file, sha256, folder, existing, name, args.id)
        archive_file = archive_name(folder, [row.archive_file or "" for _, row in existing], sha256)
        lines = len(data.decode("utf-8", "replace").splitlines())
        archived = {"archive_file": archive_file, "sha256": sha256, "lines": str(lines)}
    else:
        problems += duplicates(None, "", folder, existing, name, args.id)
        problems += _same_address(existing, name, args.url)
    row = _row(args, archived)
    line = csv_path.read_bytes().count(b"\n") + 1
    checked: list[Problem] = []
    typed(Source, name, line, row, checked)
    checked += publisher_problems(layout, args.publisher_id, name, line)
    for flag, (column, _) in FLAGS.items():
        note = column.replace("inferred", "note")
        if getattr(args, column) and not getattr(args, note):
            at = Source.columns().index(note) + 1
            expected = f"how the {column.split('_')[0]} was inferred, as {flag} says"
            said = [p for p in checked if p.field or note not in p.expected]  # drop the same problem, said by the row
            checked = [*said, Problem(name, line, at, note, "", expected)]
    problems += [
        replace(p, expected=f"{p.expected} (set by {OPTIONS[p.field]})") if p.field in OPTIONS else p for p in checked
    ]
    if problems:
        raise Stop("Nothing archived or recorded.", problems)
    if data is None:
        return _write(None, b"", csv_path, row), row
    return _write(folder / row["archive_file"], data, csv_path, row), row


def _same_address(existing: list[tuple[int, Source]], name: str, url: str) -> list[Problem]:
    """A web source whose address another source already has."""
    at = Source.columns().index("url") + 1
    expected = "an address no other source has: it is source {}"
    return [
        Problem(name, line, at, "url", url, expected.format(row.id)) for line, row in existing if url and row.url == url
    ]


def _write(archive: Path | None, data: bytes, csv_path: Path, row: dict[str, str]) -> Path | None:
    """The archive (if any), then the row appended to sources.csv; if the second write fails, the first is
    undone."""
    line = io.StringIO()
    csv.writer(line, lineterminator="\n").writerow(row.values())
    before = csv_path.read_bytes()
    try:
        if archive:
            write_bytes(archive, data)
    except OSError as err:
        raise Stop(f"cannot write {archive}: {err.strerror}") from None
    try:
        write_bytes(csv_path, before + (b"" if before.endswith(b"\n") else b"\n") + line.getvalue().encode())
    except OSError as err:
        if archive:
            archive.unlink(missing_ok=True)
        raise Stop(f"cannot write {csv_path}: {err.strerror}") from None
    return archive


def run(args: argparse.Namespace) -> int:
    layout = Layout(args.root)
    archive, row = add(layout, args, sourcetext.folder(args.sources))
    written = f"wrote {layout.name(layout.csv('sources'))}: {row['id']}"
    if archive:
        print(f"archived {archive}")
        print(f"{written}, {row['lines']} lines, sha256 {row['sha256']}")
    else:
        print(f"{written}, a web page cited by its address, not archived ({row['url']})")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """The `source add` subcommand."""
    source = sub.add_parser("source", help="record a new source in data/sources.csv (archived, or a web page)")
    add_ = source.add_subparsers(dest="action", required=True, metavar="ACTION").add_parser(
        "add",
        help="archive FILE in the sources folder and append its row to data/sources.csv; without FILE, record "
        "a web page cited by its --url and not archived",
    )
    add_.add_argument("file", type=Path, metavar="FILE", nargs="?", help="the source text, UTF-8 (none: a web page)")
    for column, option in OPTIONS.items():
        described = Source.model_fields[column].description or ""
        codes = f" {CODES[column].describe('en')}" if column in CODES else ""
        default = "zh-Hans" if column == "language" else ""
        metavar = "YYYY-MM-DD" if column in DATES else None
        add_.add_argument(option, dest=column, default=default, metavar=metavar, help=described + codes)
    for flag, (column, described) in FLAGS.items():
        add_.add_argument(flag, dest=column, action="store_true", help=described)
    add_.add_argument(
        "--consulted",
        default=WEB,
        choices=[c for c in CONSULTED.values() if c != "archived_copy"],
        help="how the address of a web page was consulted (default: %(default)s)",
    )
    add_.add_argument("--sources", type=Path, help=sourcetext.FOLDER_HELP)
    add_.set_defaults(run=run)
