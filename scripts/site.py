"""The site step: generated pages and fragments from build/taihang.db, then MkDocs, then the downloads.

The site is built into a temporary folder and swapped into site/ only when MkDocs succeeds, so a failed
build leaves the last good site in place.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .atomic import replace_dir, write_files
from .fragments import Fragments, downloads
from .layout import Layout
from .pages import Site
from .segment import site_userdict

GENERATED_DIRS = ("regions", "organizations", "measures", "sources")


def generate(layout: Layout | None = None) -> list[Path]:
    """Write the generated pages, fragments and the search dictionary; remove pages no longer generated."""
    layout = layout or Layout()
    site = Site(layout)
    try:
        pages = {layout.docs / name: text.encode("utf-8") for name, text in site.pages().items()}
        fragments = {
            layout.fragments / name: text.encode("utf-8") for name, text in Fragments(site, layout).all().items()
        }
        words = site_userdict(site.db)
    finally:
        site.close()
    changed = write_files(pages) + write_files(fragments)
    changed += write_files({layout.jieba_userdict: words.encode("utf-8")})
    for folder in GENERATED_DIRS:
        for stale in set((layout.docs / folder).glob("*.md")) - set(pages):
            stale.unlink()
    return changed


def build(layout: Layout) -> Path:
    """Build the site with MkDocs (strict) into a temporary folder, add the downloads, and swap it in."""
    generate(layout)
    target = layout.root / "site"
    tmp = layout.root / "build" / "site.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp)],
        cwd=layout.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        raise RuntimeError(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
    (tmp / "downloads").mkdir()
    for _, path, _ in downloads(layout):
        shutil.copy2(path, tmp / "downloads" / path.name)
    return replace_dir(tmp, target)
