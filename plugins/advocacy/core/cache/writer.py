"""Cache files written by a background thread: creating thousands of small files is slow on
some disks, and the build need not wait for them (the thread releases the interpreter while
the disk works). Every write is atomic; a failed one only costs the cache entry."""

from __future__ import annotations

import atexit
import contextlib
import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

_pool: ThreadPoolExecutor | None = None
_pending: list[Future[None]] = []


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, making its folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # workers are processes
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)  # only left after a failure


def _quietly(path: Path, data: bytes) -> None:
    with contextlib.suppress(OSError):  # an entry not written is made again next time
        write_atomic(path, data)


def write_later(path: Path, data: bytes) -> None:
    """Write a cache file in the background (see :func:`flush`)."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="advocacy-cache")
    _pending.append(_pool.submit(_quietly, path, data))


def flush() -> None:
    """Wait until every cache file asked for is written."""
    while _pending:
        _pending.pop().result()


atexit.register(flush)
