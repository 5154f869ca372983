"""Content digests of media files, remembered by file identity so a build hashes each photo
at most once, and an unchanged photo not at all.

A file's identity is its size, modification and change times (nanoseconds) and inode, as
Git's index uses them: editing, replacing or checking out a file changes at least one.
The build cache keeps the digests between runs (:meth:`BuildCache.close`); losing them only
costs hashing again. Within a process they are a memo, like ``functools.lru_cache``: a file's
identity and bytes decide its digest, whoever asks.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

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


def remember(data: object) -> None:
    """Take up digests a previous run kept (anything malformed is ignored)."""
    if not isinstance(data, dict):
        return
    for name, entry in data.items():
        try:
            identity, digest = entry
            identity = tuple(int(x) for x in identity)
        except (TypeError, ValueError):
            continue
        if isinstance(name, str) and len(identity) == 4 and isinstance(digest, str) and len(
                digest) == 64:
            _MEMO.setdefault(name, (identity, digest))  # type: ignore[arg-type]


def snapshot() -> dict[str, list[object]] | None:
    """The digests to keep for the next run, or None when none were made since the last."""
    global _changed
    if not _changed:
        return None
    _changed = False
    return {name: [list(identity), digest] for name, (identity, digest) in sorted(_MEMO.items())
            if os.path.exists(name)}
