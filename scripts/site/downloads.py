"""The files the site offers for download: the release in dist/, the descriptor, the boundaries, every
CSV and every table as Parquet; the table that lists them with size and checksum; and links to them from a page.

Under downloads/ the package keeps its own layout (datapackage.json beside data/*.csv), so that the
descriptor the site serves loads from its URL with any Data Package client.
"""

import json
from pathlib import Path
from typing import NamedTuple

from schemas import BY_NAME

from .. import release
from ..layout import Layout
from ..package import tabular
from ..reader import sha256
from .context import Context
from .markup import code, download_link, esc, table
from .words import CHINESE, LANGS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"
HEADER = {
    "zh": ["文件", "内容", "格式", "大小", "SHA-256"],
    "en": ["File", "Contents", "Format", "Size", "SHA-256"],
}


def version(layout: Layout) -> str:
    """The version of the package that datapackage.json describes."""
    return json.loads(layout.descriptor.read_text(encoding="utf-8"))["version"]


class Download(NamedTuple):
    titles: tuple[str, str]  # in Chinese and English
    path: Path  # where the build finds it
    mediatype: str
    name: str  # where it is served, relative to downloads/: the package's own layout

    @property
    def title(self) -> str:
        """The title in both languages, for a reader of either."""
        return f"{self.titles[1]} / {self.titles[0]}"


def downloads(layout: Layout) -> list[Download]:
    """The files the site offers: the release, then the package's files."""
    package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    files = release.names(package["version"])
    dist = layout.dist
    offered = [
        (
            ("数据包（CSV、描述文件、说明和许可）", "Data package (CSV, descriptor, README, licences)"),
            dist / files["zip"],
            ZIP,
        ),
        (("Excel 工作簿，每张表一页", "Excel workbook, one sheet per table"), dist / files["xlsx"], XLSX),
        (("SQLite 数据库", "SQLite database"), dist / files["sqlite"], "application/vnd.sqlite3"),
        (("本次发布的校验和", "Checksums of the release"), dist / files["sums"], "text/plain"),
        (("数据包描述文件", "Data package descriptor"), layout.descriptor, "application/json"),
        (("县界（示意）", "County boundaries (schematic)"), layout.boundaries, "application/geo+json"),
        (("省界（示意）", "Province outline (schematic)"), layout.outlines, "application/geo+json"),
    ]
    offered += [
        ((BY_NAME[r["name"]].meta.title_zh, BY_NAME[r["name"]].meta.title_en), layout.root / r["path"], "text/csv")
        for r in package["resources"]
        if r["format"] == "csv"
    ]
    parquet = [
        (
            (f"{BY_NAME[r['name']].meta.title_zh}（Parquet）", f"{BY_NAME[r['name']].meta.title_en} (Parquet)"),
            dist / files[f"parquet:{r['name']}"],
        )
        for r in tabular(package)
    ]
    offered += [(titles, path, "application/vnd.apache.parquet") for titles, path in parquet]
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


def size(n: int) -> str:
    """A file's size as people read it: 0.8 KB, 8.2 KB, 1.4 MB."""
    return f"{n / 1024**2:.1f} MB" if n >= 1024**2 else f"{n / 1024:.1f} KB"


def download_table(ctx: Context, layout: Layout) -> str:
    """Every download, with its contents, format, size and SHA-256 (for the page data/index)."""
    rows = [
        [
            download_link(d.name, up(ctx.lang)),
            esc(d.titles[LANGS.index(ctx.lang)]),
            code(d.mediatype),
            size(d.path.stat().st_size),
            f"`{sha256(d.path)}`",
        ]
        for d in downloads(layout)
    ]
    return table(HEADER[ctx.lang], rows)
