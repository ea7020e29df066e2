"""The release: dist/ with the data package as a zip, the SQLite database, an Excel workbook, each table as
Parquet (typed, for analysts) and SHA256SUMS.

The zip's `excel/` folder holds each CSV file again after a UTF-8 byte order mark, which Excel needs to read
it as UTF-8 rather than in the system's code page (GBK on Chinese Windows).

Every artifact is reproducible: the zip has fixed timestamps, order and permissions; the workbook's
dates are the package's release date. The same commit gives byte-identical files. dist/ is built in a
temporary folder beside it and swapped in whole, so a failed release leaves the last good one in place.
"""

import codecs
import hashlib
import io
import json
import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from schemas import PACKAGE, RESOURCES

from . import workbook
from .atomic import replacing_dir
from .columnar import typed_frame
from .layout import Layout
from .package import tabular
from .reader import Dataset

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
ZIP_FILES = ("LICENSE", "LICENSE-DATA", "CITATION.cff")
EXCEL = "excel"


def names(version: str) -> dict[str, str]:
    """Each file of a release, by kind; a table's Parquet file by `parquet:<table>`."""
    base = f"taihang-old-area-{version}"
    files = {"zip": f"{base}.zip", "sqlite": f"{base}.sqlite", "xlsx": f"{base}.xlsx"}
    files |= {f"parquet:{m.meta.resource}": f"{base}-{m.meta.resource.replace('_', '-')}.parquet" for m in RESOURCES}
    return files | {"sums": "SHA256SUMS"}


def _parquet(layout: Layout, resource: dict[str, Any]) -> bytes:
    """A table as Parquet, typed as its Table Schema says (integers, numbers, booleans, dates; empty = null)."""
    buffer = io.BytesIO()
    typed_frame(layout, resource).write_parquet(buffer, compression="zstd", statistics=True)
    return buffer.getvalue()


def _readme(package: dict[str, Any]) -> str:
    lines = [
        f"# {package['title']}",
        "",
        f"Version {package['version']}, {package['created'][:10]}. {package['description']}",
        "",
        "Files: `datapackage.json` (the Frictionless descriptor: every table's columns, types, keys and "
        "descriptions), one CSV per table in `data/` (UTF-8, header row, empty cell = null), the county "
        "boundaries in `data/geo/counties.geojson` and their province's outline in `data/geo/provinces.geojson`. "
        "Join on the six-digit GB/T 2260 codes.",
        "",
        f"For Excel: the workbook `{names(package['version'])['xlsx']}` of the release is the easiest to read. "
        f"`{EXCEL}/` holds each CSV file again with a UTF-8 byte order mark, which Excel needs to read it as "
        "UTF-8 (it reads a CSV without one in the system's code page: GBK on Chinese Windows); the files of "
        "`data/` are for every other program.",
        "",
        "Tables:",
        "",
    ]
    lines += [f"- `{r['path']}`: {r['title']}. {r['description']}" for r in tabular(package)]
    lines += [
        "",
        "Licence: the data is CC BY 4.0 (LICENSE-DATA); the code that built it is MIT (LICENSE). "
        "Cite it as CITATION.cff says.",
        "",
    ]
    return "\n".join(lines)


def _zip(layout: Layout, package: dict[str, Any]) -> bytes:
    entries = {"README.md": _readme(package).encode("utf-8"), "datapackage.json": layout.descriptor.read_bytes()}
    for resource in package["resources"]:
        entries[resource["path"]] = (layout.root / resource["path"]).read_bytes()
    for resource in tabular(package):
        entries[f"{EXCEL}/{Path(resource['path']).name}"] = codecs.BOM_UTF8 + entries[resource["path"]]
    for name in ZIP_FILES:
        entries[name] = (layout.root / name).read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()


def build(layout: Layout, dataset: Dataset) -> Path:
    """Write dist/ from the package, its typed rows and the database."""
    package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    files = names(package["version"])
    with replacing_dir(layout.dist) as tmp:
        (tmp / files["zip"]).write_bytes(_zip(layout, package))
        shutil.copyfile(layout.database, tmp / files["sqlite"])
        created = datetime.fromisoformat(PACKAGE["created"].replace("Z", "+00:00")).replace(tzinfo=None)
        workbook.write(dataset, package, _readme(package), created, tmp / files["xlsx"])
        for resource in tabular(package):
            (tmp / files[f"parquet:{resource['name']}"]).write_bytes(_parquet(layout, resource))
        sums = "".join(
            f"{hashlib.sha256((tmp / name).read_bytes()).hexdigest()}  {name}\n"
            for kind, name in files.items()
            if kind != "sums"
        )
        (tmp / files["sums"]).write_text(sums, encoding="utf-8")
    return layout.dist
