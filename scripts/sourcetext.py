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

from .layout import ROOT
from .problems import Stop
from .reader import Dataset
from .segment import to_simplified

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
    data = path.read_bytes()
    raw = tuple(data.decode("utf-8").splitlines())
    text = tuple(map(readable, raw))
    lines = tuple(SPACE.sub("", t) for t in text)
    return Source(source_id, hashlib.sha256(data).hexdigest(), path, raw, text, lines)


def load(dataset: Dataset, folder: Path) -> dict[str, Source]:
    """Every source of the sources table whose archived file is in folder, keyed by id."""
    return {
        row.id: read(row.id, folder / row.archive_file)
        for row in dataset.rows("sources")
        if (folder / row.archive_file).exists()
    }
