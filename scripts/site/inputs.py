"""What the site step needs before it starts: the database and the release it offers for download, both of
the version that datapackage.json describes, and the package's own files. Anything missing or stale stops
the step with what to run."""

import json

from .. import release
from ..layout import Layout
from ..problems import Stop
from ..reader import sha256
from .downloads import downloads

PACKAGE = "run `python -m scripts package`"
RELEASE = "run `python -m scripts release`"
DATABASE = "run `python -m scripts database`, then `python -m scripts release`"


def check(layout: Layout) -> None:
    """Stop unless build/taihang.db, every file of dist/ and every other download are present and current."""
    if not layout.descriptor.exists():
        raise Stop(f"{layout.name(layout.descriptor)} is missing: {PACKAGE} first")
    version = json.loads(layout.descriptor.read_text(encoding="utf-8"))["version"]
    _database(layout)
    sums = _release(layout, release.names(version), version)
    if sums[release.names(version)["sqlite"]] != sha256(layout.database):
        raise Stop(
            f"{layout.name(layout.database)} differs from the database of the release, "
            f"{layout.name(layout.dist)}/{release.names(version)['sqlite']}: {RELEASE}"
        )
    for d in downloads(layout):
        if not d.path.exists():
            raise Stop(f"{layout.name(d.path)}, which the site offers for download, is missing: {PACKAGE}")


def _database(layout: Layout) -> None:
    db = layout.name(layout.database)
    if not layout.database.exists():
        raise Stop(f"{db} is missing: {DATABASE}")
    if layout.database.stat().st_mtime_ns < layout.descriptor.stat().st_mtime_ns:
        raise Stop(f"{db} is older than {layout.name(layout.descriptor)}: {DATABASE}")


def _release(layout: Layout, files: dict[str, str], version: str) -> dict[str, str]:
    """The checksums of the release, once every file of it is there and matches its checksum."""
    dist = layout.name(layout.dist)
    missing = [name for name in files.values() if not (layout.dist / name).exists()]
    if missing:
        found = {p.name for pattern in release.names("*").values() for p in layout.dist.glob(pattern)}
        others = sorted(found - set(files.values()))
        held = f"; it holds {', '.join(others)}" if others else ""
        raise Stop(f"{dist}/ has no {', '.join(missing)} for version {version} of the package{held}: {RELEASE}")
    sums = {}
    for line in (layout.dist / files["sums"]).read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        sums[name] = digest
    for key, name in files.items():
        if key != "sums" and sums.get(name) != sha256(layout.dist / name):
            raise Stop(f"{dist}/{name} does not match its checksum in {files['sums']}: {RELEASE}")
    return sums
