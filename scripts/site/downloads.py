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
from .context import Context
from .markup import code, download_link, esc, table
from .words import CHINESE, LANGS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"
HEADER = {"zh": ["文件", "内容", "大小"], "en": ["File", "Contents", "Size"]}
PARQUET = "application/vnd.apache.parquet"
PER_TABLE = {  # the closed list of each table's files: its summary, its heading, and where the checksums are
    "zh": (
        "每张表单独下载：{n} 张表，各有 CSV 和 Parquet",
        ["表", "CSV", "Parquet"],
        "校验和：发布的文件见 {sums}，每张表的 CSV 见 {descriptor} 中该表的 {hash}。",
    ),
    "en": (
        "Each table on its own: {n} tables, as CSV and as Parquet",
        ["Table", "CSV", "Parquet"],
        "Checksums: the release's files are in {sums}, and each table's CSV in its {hash} in {descriptor}.",
    ),
}


def version(layout: Layout) -> str:
    """The version of the package that datapackage.json describes."""
    return json.loads(layout.descriptor.read_text(encoding="utf-8"))["version"]


class Download(NamedTuple):
    titles: tuple[str, str]  # in Chinese and English
    path: Path  # where the build finds it
    mediatype: str
    name: str  # where it is served, relative to downloads/: the package's own layout
    table: str = ""  # the resource a table's own file holds (its CSV or Parquet)

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
    found = [Download(title, path, media, _served_as(layout, path)) for title, path, media in offered]
    for r in package["resources"]:
        if r["format"] == "csv":
            meta = BY_NAME[r["name"]].meta
            path = layout.root / r["path"]
            found.append(
                Download((meta.title_zh, meta.title_en), path, "text/csv", _served_as(layout, path), r["name"])
            )
    for r in tabular(package):
        meta = BY_NAME[r["name"]].meta
        path = dist / files[f"parquet:{r['name']}"]
        titles = (f"{meta.title_zh}（Parquet）", f"{meta.title_en} (Parquet)")
        found.append(Download(titles, path, PARQUET, _served_as(layout, path), r["name"]))
    return found


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
    """The downloads (for the page data/index): the release, the descriptor and the boundaries with their
    contents and size; then, in a closed list, each table's CSV and Parquet file; and where the checksums are."""
    found = downloads(layout)
    here = up(ctx.lang)
    rows = [
        [download_link(d.name, here), esc(d.titles[LANGS.index(ctx.lang)]), size(d.path.stat().st_size)]
        for d in found
        if not d.table
    ]
    own: dict[str, dict[str, Download]] = {}
    for d in found:
        if d.table:
            own.setdefault(d.table, {})[d.mediatype] = d
    summary, header, sums = PER_TABLE[ctx.lang]

    def cell(d: Download | None) -> str:
        return f"{download_link(d.name, here)}{ctx.paren(size(d.path.stat().st_size))}" if d else ""

    def title(name: str) -> str:
        meta = BY_NAME[name].meta
        return f"{esc(meta.title_zh if ctx.lang == CHINESE else meta.title_en)} {code(name)}"

    tables = [[title(name), cell(files.get("text/csv")), cell(files.get(PARQUET))] for name, files in own.items()]
    return (
        table(HEADER[ctx.lang], rows)
        + f'\n<details markdown="1"><summary>{esc(summary.format(n=len(own)))}</summary>\n\n'
        + table(header, tables)
        + "\n</details>\n\n"
        + sums.format(sums=code("SHA256SUMS"), descriptor=code("datapackage.json"), hash=code("hash"))
        + "\n"
    )
