"""Writing outputs so that a failed, killed or concurrent build leaves the last good one in place.

A file is written to a temporary file beside it and renamed over it; a folder (dist/, site/) is built in a
temporary folder beside it, on the same filesystem, and exchanged with the old one in a single step
(Linux's renameat2 with RENAME_EXCHANGE). Every temporary name is `.<name>.<random>.tmp`, unique to its
run, so that two runs never share one, and the next run (holding the build lock) sweeps up what a killed
run left behind.
"""

import ctypes
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # what mkstemp and mkdtemp make of our prefix and suffix
SET_ASIDE = ".previous"  # the old folder, while the fallback swap (two renames) is between its two steps
AT_FDCWD, RENAME_EXCHANGE = -100, 2


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


@contextmanager
def replacing_dir(target: Path) -> Iterator[Path]:
    """Yield a new empty folder beside target; when the block succeeds, it takes target's place in one step.
    Whatever happens, the temporary folder (after a swap, the old target) is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        yield tmp
        os.chmod(tmp, 0o755)
        swap(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def swap(built: Path, target: Path) -> None:
    """Put the folder built in target's place, atomically: a rename when there is no target yet, else an
    exchange of the two. Where the kernel or filesystem cannot exchange, two renames, with the old folder
    set aside under a name that `sweep` restores if the run is killed between them."""
    if not os.path.lexists(target):
        os.rename(built, target)
    elif not _exchange(built, target):
        aside = target.with_name(f".{target.name}{SET_ASIDE}")
        shutil.rmtree(aside, ignore_errors=True)
        os.rename(target, aside)
        os.rename(built, target)
        shutil.rmtree(aside, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Exchange two paths with renameat2(RENAME_EXCHANGE); False where it is not available."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def sweep(root: Path) -> list[Path]:
    """Clean up after killed runs: remove temporary files and folders under root, and put back a folder that
    a killed fallback swap left set aside. Only the holder of the build lock may call it."""
    swept = []
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            if TEMPORARY.match(name):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                swept.append(path)
            elif name.startswith(".") and name.endswith(SET_ASIDE) and path.is_dir():
                original = path.with_name(name[1 : -len(SET_ASIDE)])
                if os.path.lexists(original):
                    shutil.rmtree(path)
                else:
                    os.rename(path, original)
                swept.append(path)
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "node_modules"]
    return swept
