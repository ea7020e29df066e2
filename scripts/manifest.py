"""Which package each artifact holds: build/manifest.json records, for build/taihang.db, dist/ and site/,
the version and SHA-256 of the datapackage.json it was built from and a fingerprint of what was written.

A step records its artifact after swapping it in. A step that fails later leaves the earlier artifacts
newer than the rest; `serve` then refuses the mixed set with one line, as it refuses an artifact that is
missing, unrecorded (a build killed between the swap and the record) or changed since it was recorded.
"""

import hashlib
import json
from pathlib import Path
from typing import Any

from .atomic import write_bytes
from .layout import Layout
from .problems import Stop
from .reader import sha256

BUILD = "run `python -m scripts build`"


def artifacts(layout: Layout) -> list[Path]:
    """What one build publishes, in the order the steps write it."""
    return [layout.database, layout.dist, layout.site]


def fingerprint(path: Path) -> str:
    """The SHA-256 of a file, or of a folder: every file's path and SHA-256, in order."""
    if path.is_file():
        return sha256(path)
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(f"{file.relative_to(path).as_posix()}\0{sha256(file)}\n".encode())
    return digest.hexdigest()


def package_of(layout: Layout) -> dict[str, str]:
    """The version and SHA-256 of datapackage.json as it is now."""
    version = json.loads(layout.descriptor.read_text(encoding="utf-8"))["version"]
    return {"version": version, "package": sha256(layout.descriptor)}


def _recorded(layout: Layout) -> dict[str, Any]:
    try:
        recorded = json.loads(layout.manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return recorded if isinstance(recorded, dict) else {}


def record(layout: Layout, artifact: Path) -> None:
    """Record that artifact now holds the package of datapackage.json (call it under the build lock)."""
    entries = _recorded(layout) | {layout.name(artifact): {**package_of(layout), "fingerprint": fingerprint(artifact)}}
    write_bytes(layout.manifest, (json.dumps(entries, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def _held(layout: Layout, artifact: Path, entry: Any) -> str:
    """What an artifact holds, as a reader is told it."""
    if not artifact.exists():
        return "is missing"
    if not isinstance(entry, dict) or entry.get("fingerprint") != fingerprint(artifact):
        return f"is not recorded in {layout.name(layout.manifest)} (an interrupted build, or changed by hand)"
    return f"holds {entry.get('version')} ({str(entry.get('package'))[:12]})"


def check(layout: Layout) -> None:
    """Stop, with one line, unless every artifact is there and holds the package datapackage.json describes."""
    if not layout.descriptor.exists():
        raise Stop(f"{layout.name(layout.descriptor)} is missing: {BUILD}")
    now = package_of(layout)
    expected = f"{now['version']} ({now['package'][:12]})"
    recorded = _recorded(layout)
    held = {layout.name(a): _held(layout, a, recorded.get(layout.name(a))) for a in artifacts(layout)}
    if any(h != f"holds {expected}" for h in held.values()):
        shown = "; ".join(f"{name} {h}" for name, h in held.items())
        raise Stop(f"not one build: {layout.name(layout.descriptor)} is {expected}; {shown}: {BUILD}")
