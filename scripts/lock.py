"""One writing command at a time in a project: an exclusive lock on build/.lock, held for the whole command.

A second command waits for the lock a bounded time, then stops with one line naming the process that holds
it. The holder first sweeps up what a killed run left behind (see `atomic.sweep`): no other run can be
writing then. The lock is the kernel's (flock), so it is released when its holder exits, even by kill -9;
a process the holder starts (MkDocs) is killed with it, so that nothing writes once the lock is free.
"""

import ctypes
import fcntl
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .atomic import sweep
from .layout import Layout
from .problems import Stop

POLL = 0.1  # seconds between attempts while another command holds the lock
PR_SET_PDEATHSIG = 1


@contextmanager
def exclusive(layout: Layout, wait: float) -> Iterator[None]:
    """Hold the project's build lock for the block, waiting at most `wait` seconds for it."""
    path = layout.lock
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise Stop(f"cannot open the build lock {layout.name(path)}: {err.strerror}") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "another process"
                    raise Stop(
                        f"another command (process {holder}) is writing in {layout.root}; waited {wait:g} s "
                        "for it: run this again when it is done, or give --wait more seconds"
                    ) from None
                time.sleep(POLL)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        sweep(layout.root)
        yield
    finally:
        os.close(fd)


def dies_with_parent() -> None:
    """For subprocess's preexec_fn: the child gets SIGKILL when the command that started it ends (Linux)."""
    prctl = getattr(ctypes.CDLL(None), "prctl", None)
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
