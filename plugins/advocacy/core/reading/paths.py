"""Media references: the two forms the contract allows, and the ones it refuses."""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass(frozen=True)
class MediaRef:
    """A resolved reference: ``path`` is repository-relative, or ``problem`` says why not."""

    ref: str
    path: str | None = None
    problem: str | None = None  # "external", "absolute", "outside", "symlink" or "missing"


def is_external(ref: str) -> bool:
    """True for ``https://…``, ``//host/…`` and any other scheme (``data:``, ``mailto:``)."""
    return bool(_EXTERNAL.match(ref))


def resolve_media(ref: str, from_file: str, root: Path, media_dir: str = "media") -> MediaRef:
    """Resolve ``ref`` as written in ``from_file`` (both relative to the repository ``root``).

    ``media/…`` is taken from the repository root (the form the web editor suggests); any
    other relative path from the file's folder (the form GitHub's preview shows). Absolute
    paths, paths leaving the repository and symbolic links (anywhere on the way) are refused.
    """
    return _resolve(ref, from_file, root, media_dir)


def _resolve(ref: str, from_file: str, root: Path, media_dir: str) -> MediaRef:
    clean = ref.split("#", 1)[0].split("?", 1)[0].strip()
    if is_external(clean):
        return MediaRef(ref, problem="external")
    if clean.startswith("/") or clean.startswith("\\") or re.match(r"^[A-Za-z]:", clean):
        return MediaRef(ref, problem="absolute")
    if clean.startswith(media_dir.rstrip("/") + "/"):
        joined = posixpath.normpath(clean)
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_file), clean))
    if joined.startswith("../") or joined == ".." or joined == ".":
        return MediaRef(ref, problem="outside")
    target = root / joined
    for depth in range(1, len(PurePosixPath(joined).parts) + 1):
        part = root.joinpath(*PurePosixPath(joined).parts[:depth])
        try:
            mode = os.lstat(part).st_mode
        except OSError:
            return MediaRef(ref, path=joined, problem="missing")
        if stat.S_ISLNK(mode):  # never followed: it could lead anywhere
            return MediaRef(ref, path=joined, problem="symlink")
    if not target.is_file():
        return MediaRef(ref, path=joined, problem="missing")
    return MediaRef(ref, path=joined)
