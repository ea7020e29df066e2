"""The archived sources as the checks read them: located by TAIHANG_SOURCES, verified by hash, normalized.

Normalizing a line strips the pinyin glosses that 001 inserts mid-word, such as 績(jì) and 會(huì ),
converts traditional characters to simplified with OpenCC, and removes white space, so that a name or
figure is found whatever the script or spacing of the line.
"""

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from schemas import BY_NAME

from .layout import ROOT
from .problems import Problem, Stop
from .reader import Dataset
from .simplified import to_simplified

FOLDER_HELP = "folder of archived sources (default: $TAIHANG_SOURCES, or ../shared/sources)"
GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\s*\)")
SPACE = re.compile(r"\s+")


def sources_dir() -> Path:
    """The folder of archived sources: $TAIHANG_SOURCES, or ../shared/sources beside the project."""
    return Path(os.environ.get("TAIHANG_SOURCES", ROOT.parent / "shared" / "sources"))


def folder(given: Path | None) -> Path:
    """The sources folder a command was given, or the default; stops when there is no such folder."""
    found = given or sources_dir()
    if not found.is_dir():
        raise Stop(f"The archived sources are not at {found}: set TAIHANG_SOURCES or pass --sources.")
    return found


def readable(text: str) -> str:
    """Text without the pinyin glosses, in simplified script."""
    return to_simplified(GLOSS.sub("", text))


def normalize(text: str) -> str:
    """Text as the checks compare it: readable, and without white space."""
    return SPACE.sub("", readable(text))


@dataclass(frozen=True)
class Source:
    """One archived source: its row in sources.csv and its lines, as archived and normalized."""

    id: str
    sha256: str
    path: Path
    raw: tuple[str, ...]
    text: tuple[str, ...]
    lines: tuple[str, ...]

    def line(self, locator: int) -> str:
        """The normalized text of a 1-based line."""
        return self.lines[locator - 1]


def read(source_id: str, path: Path) -> Source:
    """One archived file, as archived and normalized."""
    return _parsed(source_id, path, path.read_bytes())


def _parsed(source_id: str, path: Path, data: bytes) -> Source:
    raw = tuple(data.decode("utf-8").splitlines())
    text = tuple(map(readable, raw))
    lines = tuple(SPACE.sub("", t) for t in text)
    return Source(source_id, hashlib.sha256(data).hexdigest(), path, raw, text, lines)


def load(dataset: Dataset, folder: Path, table: str) -> tuple[dict[str, Source], list[Problem]]:
    """Every source of the sources table (named `table` in problems) whose archived file in folder is the one
    recorded, keyed by id; and a problem for each other source, whose file is missing, unreadable, not the
    file recorded (its SHA-256 differs: truncated or replaced) or not UTF-8. The rows citing those are not
    checked: the problem of the file is the one to fix."""
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    columns = BY_NAME["sources"].columns()
    for line, row in dataset.numbered("sources"):
        if not row.archived:  # a web page cited by its address: nothing of it is here to check
            continue
        path = folder / row.archive_file

        def problem(column: str, value: str, expected: str, row=row, line=line) -> None:
            unchecked = f"; nothing that cites {row.id} is checked"
            problems.append(Problem(table, line, columns.index(column) + 1, column, value, expected + unchecked))

        try:
            data = path.read_bytes()
        except OSError as err:
            problem("archive_file", row.archive_file, f"a readable file in {folder} ({err.strerror})")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != row.sha256:
            problem("sha256", row.sha256, f"the SHA-256 of {path}, which is {digest}: it is not the file archived")
            continue
        try:
            sources[row.id] = _parsed(row.id, path, data)
        except UnicodeDecodeError as err:
            problem("archive_file", row.archive_file, f"UTF-8 text, as archived (byte {err.start} of {path} is not)")
    return sources, problems
