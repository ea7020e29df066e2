"""The files the site offers for download: the release in dist/, the descriptor, the boundaries, every
CSV and every table as Parquet; the table that lists them with size and checksum; and links to them from a page.

Under downloads/ the package keeps its own layout (datapackage.json beside data/*.csv), so that the
descriptor the site serves loads from its URL with any Data Package client.
"""

import json
from pathlib import Path
from typing import NamedTuple

from .. import release
from ..layout import Layout
from ..package import tabular
from ..reader import sha256
from .context import Context
from .markup import download_link, esc, table
from .words import CHINESE

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = {
    "zh": ["文件", "内容", "格式", "字节", "SHA-256"],
    "en": ["File", "Contents", "Format", "Bytes", "SHA-256"],
}


def version(layout: Layout) -> str:
    """The version of the package that datapackage.json describes."""
    return json.loads(layout.descriptor.read_text(encoding="utf-8"))["version"]


class Download(NamedTuple):
    title: str
    path: Path  # where the build finds it
    mediatype: str
    name: str  # where it is served, relative to downloads/: the package's own layout


def downloads(layout: Layout) -> list[Download]:
    """The files the site offers: the release, then the package's files."""
    package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    files = release.names(package["version"])
    dist = layout.dist
    offered = [
        ("Data package (CSV, descriptor, README, licences) 数据包", dist / files["zip"], "application/zip"),
        ("Excel workbook, one sheet per table 工作簿", dist / files["xlsx"], XLSX),
        ("SQLite database 数据库", dist / files["sqlite"], "application/vnd.sqlite3"),
        ("Checksums of the release 校验和", dist / files["sums"], "text/plain"),
        ("Data package descriptor 数据包描述", layout.descriptor, "application/json"),
        ("County boundaries 县界（示意）", layout.boundaries, "application/geo+json"),
    ]
    offered += [(r["title"], layout.root / r["path"], "text/csv") for r in package["resources"] if r["format"] == "csv"]
    parquet = [(f"{r['title']} (Parquet)", dist / files[f"parquet:{r['name']}"]) for r in tabular(package)]
    offered += [(title, path, "application/vnd.apache.parquet") for title, path in parquet]
    return [Download(title, path, media, _served_as(layout, path)) for title, path, media in offered]


def _served_as(layout: Layout, path: Path) -> str:
    """A release file is served by its name; a file of the package at its path in the package."""
    return path.name if path.parent == layout.dist else layout.name(path)


def up(lang: str, home: bool = False) -> str:
    """From a narrative page to the downloads folder: the home page is served at the root of its language,
    every other page one folder down (policy/, aid-history/ ...); English pages sit under en/."""
    return ("" if home else "../") + ("" if lang == CHINESE else "../")


def table_link(ctx: Context, name: str, home: bool = False) -> str:
    """A link to the downloadable table behind a chart."""
    return f"{ctx.word('table')} {download_link(name, up(ctx.lang, home))}"


def download_table(ctx: Context, layout: Layout) -> str:
    """Every download, with its contents, format, size and SHA-256 (for the page data/index)."""
    rows = [
        [
            download_link(d.name, up(ctx.lang), code=False),
            esc(d.title),
            esc(d.mediatype),
            f"{d.path.stat().st_size:,}",
            f"`{sha256(d.path)}`",
        ]
        for d in downloads(layout)
    ]
    return table(HEADER[ctx.lang], rows)
