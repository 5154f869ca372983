"""Content digests of media files, remembered by file identity so a build hashes each photo
at most once, and an unchanged photo not at all.

A file's identity is its size, modification and change times (nanoseconds) and inode, as
Git's index uses them: editing, replacing or checking out a file changes at least one.
The remembered digests live in the build cache (``digests.json``); losing them only costs
hashing again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from advocacy.core.cache.writer import write_atomic

_Identity = tuple[int, int, int, int]
_MEMO: dict[str, tuple[_Identity, str]] = {}
_changed = False  # digests made since the last save


def _identity(stat: os.stat_result) -> _Identity:
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


def file_digest(path: Path) -> str:
    """The sha256 of a file's bytes (hex); OSError when it cannot be read."""
    name = os.path.abspath(path)
    identity = _identity(os.stat(name))
    known = _MEMO.get(name)
    if known is not None and known[0] == identity:
        return known[1]
    digest = hashlib.sha256()
    with open(name, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    global _changed
    _MEMO[name] = (identity, digest.hexdigest())
    _changed = True
    return _MEMO[name][1]


def load_digests(file: Path) -> None:
    """Remember the digests a previous build saved (a broken file is ignored)."""
    try:
        data = json.loads(file.read_text("utf-8"))
        entries = {name: (tuple(identity), digest) for name, (identity, digest) in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return
    for name, (identity, digest) in entries.items():
        if len(identity) == 4 and isinstance(digest, str):
            _MEMO.setdefault(name, (identity, digest))  # type: ignore[arg-type]


def save_digests(file: Path) -> None:
    """Keep the digests of files that still exist for the next build."""
    global _changed
    if not _changed:
        return  # nothing hashed since the digests were loaded or saved
    data = {name: [list(identity), digest] for name, (identity, digest) in sorted(_MEMO.items())
            if os.path.exists(name)}
    with contextlib.suppress(OSError):  # lost digests only cost hashing again
        write_atomic(file, json.dumps(data).encode())
        _changed = False
