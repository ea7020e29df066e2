"""The site step: check the inputs, generate the pages and fragments once, build with MkDocs (strict) into
a temporary folder beside site/, add the downloads, and swap the result into site/ in one step.

A failed build leaves the last good site in place. MkDocs itself generates nothing: the pages must exist
before it starts, because mkdocs-static-i18n sees only files that are in docs/.
"""

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from schemas import PACKAGE

from ..atomic import replacing_dir, write_files
from ..frontmatter import front_matter
from ..layout import Layout
from ..lock import dies_with_parent
from ..problems import Stop
from ..segment import site_userdict
from . import (
    featured,
    figure,
    fragments,
    indexes,
    inputs,
    measure,
    organization,
    project,
    region,
    search,
    source,
    withdrawn,
)
from .context import Context
from .data import Data
from .downloads import downloads
from .feed import feeds
from .words import LANGS, suffix

# Each: FOLDER, keys(ctx), and for a key description(ctx, key), names(ctx, key) and page(ctx, key).
PAGE_KINDS = (region, organization, measure, project, source, figure)


def kind_pages(ctx: Context, kind: Any) -> dict[str, str]:
    """The pages of one kind in one language, by their paths under docs/."""
    return {
        f"{kind.FOLDER}/{key}{suffix(ctx.lang)}.md": front_matter(
            kind.description(ctx, key), kind.names(ctx, key), getattr(kind, "SEARCH_BOOST", None)
        )
        + kind.page(ctx, key)
        for key in kind.keys(ctx)
    }


def pages(data: Data) -> dict[str, str]:
    """Every generated page, by its path under docs/."""
    out: dict[str, str] = {}
    for lang in LANGS:
        ctx = Context(data, lang)
        for kind in PAGE_KINDS:
            out |= kind_pages(ctx, kind)
        out |= indexes.pages(ctx) | withdrawn.pages(ctx)
    return out


def _remove_stale(folder: Path, pattern: str, kept: dict[Path, bytes]) -> None:
    for stale in set(folder.glob(pattern)) - set(kept):
        stale.unlink()


def generate(layout: Layout) -> list[Path]:
    """Write the generated pages, the fragments and the search dictionary; remove what is no longer generated."""
    with Data(layout.database) as data:
        docs = {layout.docs / name: text.encode("utf-8") for name, text in pages(data).items()}
        parts = {layout.fragments / name: text.encode("utf-8") for name, text in fragments.every(data, layout).items()}
        words = site_userdict(data.db)
        charts = {layout.chart_data / name: text.encode("utf-8") for name, text in featured.chart_data(data).items()}
    changed = write_files(docs) + write_files(parts) + write_files({layout.jieba_userdict: words.encode("utf-8")})
    changed += write_files(charts)
    for kind in PAGE_KINDS:
        _remove_stale(layout.docs / kind.FOLDER, "*.md", docs)
    _remove_stale(layout.fragments, "*.md", parts)
    _remove_stale(layout.chart_data, "*.csv", charts)
    return changed


def mkdocs_env() -> dict[str, str]:
    """MkDocs' environment: the package's release date as the build date (the sitemap's dates, the gzip
    header), so that two builds of one commit on different days are byte-identical."""
    created = datetime.fromisoformat(PACKAGE["created"].replace("Z", "+00:00"))
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(int(created.timestamp()))}


def build(layout: Layout) -> Path:
    """Build site/ from the database and the release: generate, MkDocs (strict), downloads, swap."""
    inputs.check(layout)
    generate(layout)
    with replacing_dir(layout.site) as tmp:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp)],
            cwd=layout.root,
            capture_output=True,
            text=True,
            env=mkdocs_env(),
            preexec_fn=dies_with_parent,
        )
        if result.returncode != 0:
            print(f"{result.stdout}{result.stderr}", end="", file=sys.stderr)
            raise Stop("mkdocs build failed (its output is above); the last good site is left in place.")
        search.split(tmp, layout.jieba_userdict)
        (tmp / "downloads" / featured.CHARTS).mkdir(parents=True, exist_ok=True)
        for chart in sorted(layout.chart_data.glob("*.csv")):
            shutil.copy2(chart, tmp / "downloads" / featured.CHARTS / chart.name)
        for download in downloads(layout):
            target = tmp / "downloads" / download.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(download.path, target)
        with Data(layout.database) as data:
            for name, content in feeds(data).items():
                (tmp / name).write_bytes(content)
    return layout.site
