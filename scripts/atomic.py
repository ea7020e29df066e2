"""Writing outputs so that a failed build leaves the last good one in place."""

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside path; when the block succeeds, it replaces path. On failure it is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        with tmp.open("rb") as written:  # on disk before it takes the old file's place
            os.fsync(written.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> bool:
    """Write data to path through a temporary file and a rename. Returns whether the file changed."""
    if path.exists() and path.read_bytes() == data:
        return False
    with replacing(path) as tmp:
        tmp.write_bytes(data)
    return True


def write_files(files: dict[Path, bytes]) -> list[Path]:
    """Write each file atomically; return those that changed."""
    return [path for path, data in files.items() if write_bytes(path, data)]


def stale_files(files: dict[Path, bytes]) -> list[Path]:
    """The files whose content on disk differs from what would be written now."""
    return [path for path, data in files.items() if not path.exists() or path.read_bytes() != data]


def replace_dir(built: Path, target: Path) -> Path:
    """Swap a folder built elsewhere into target's place; the old one is kept aside until the swap is done."""
    previous = built.with_name(built.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    built.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
    return target
