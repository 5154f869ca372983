"""Content digests of media files, remembered by file identity so a build hashes each photo
at most once, and an unchanged photo not at all.

A file's identity is its size, modification and change times (nanoseconds) and inode, as
Git's index uses them: editing, replacing or checking out a file changes at least one.
The build cache owns one :class:`Digests` and keeps it between runs
(:meth:`~advocacy.core.cache.store.BuildCache.close`); losing it only costs hashing again.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_Identity = tuple[int, int, int, int]


def sha256_file(path: Path) -> str:
    """The sha256 of a file's bytes (hex); OSError when it cannot be read."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _identity(stat: os.stat_result) -> _Identity:
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


class Digests:
    """File digests by identity; :meth:`of` is a drop-in for :func:`sha256_file`."""

    def __init__(self) -> None:
        self._memo: dict[str, tuple[_Identity, str]] = {}
        self._changed = False  # digests made since the last snapshot

    def of(self, path: Path) -> str:
        """The sha256 of a file's bytes (hex), hashed only when its identity changed."""
        name = os.path.abspath(path)
        identity = _identity(os.stat(name))
        known = self._memo.get(name)
        if known is not None and known[0] == identity:
            return known[1]
        self._memo[name] = (identity, sha256_file(Path(name)))
        self._changed = True
        return self._memo[name][1]

    def remember(self, data: object) -> None:
        """Take up digests a previous run kept (anything malformed is ignored)."""
        if not isinstance(data, dict):
            return
        for name, entry in data.items():
            try:
                raw, digest = entry
                identity = tuple(int(x) for x in raw)
            except (TypeError, ValueError):
                continue
            if (
                isinstance(name, str)
                and len(identity) == 4
                and isinstance(digest, str)
                and len(digest) == 64
            ):
                self._memo.setdefault(name, (identity, digest))

    def snapshot(self) -> dict[str, list[object]] | None:
        """The digests to keep for the next run, or None when none were made since the last."""
        if not self._changed:
            return None
        self._changed = False
        return {
            name: [list(identity), digest]
            for name, (identity, digest) in sorted(self._memo.items())
            if os.path.exists(name)
        }
