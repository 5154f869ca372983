"""Media references: the two forms the contract allows, and the ones it refuses."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass(frozen=True)
class MediaRef:
    """A resolved reference: ``path`` is repository-relative, or ``problem`` says why not."""

    ref: str
    path: str | None = None
    problem: str | None = None  # "external", "absolute", "outside" or "missing"


def is_external(ref: str) -> bool:
    """True for ``https://…``, ``//host/…`` and any other scheme (``data:``, ``mailto:``)."""
    return bool(_EXTERNAL.match(ref))


# Resolved references of the current build: a cover is looked up by the loader, two rules,
# the picture pipeline and the page rewriter. ``forget_resolved`` starts a new build.
_RESOLVED: dict[tuple[str, str, str, str], MediaRef] = {}


def forget_resolved() -> None:
    """Drop the resolved references (files may have come or gone since the last build)."""
    _RESOLVED.clear()


def resolve_media(ref: str, from_file: str, root: Path, media_dir: str = "media") -> MediaRef:
    """Resolve ``ref`` as written in ``from_file`` (both relative to the repository ``root``).

    ``media/…`` is taken from the repository root (the form the web editor suggests); any
    other relative path from the file's folder (the form GitHub's preview shows). Absolute
    paths, paths leaving the repository and symlinks pointing outside it are refused.
    """
    key = (ref, posixpath.dirname(from_file), str(root), media_dir)
    found = _RESOLVED.get(key)
    if found is None:
        found = _RESOLVED[key] = _resolve(ref, from_file, root, media_dir)
    return found


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
    if joined.startswith("../") or joined == "..":
        return MediaRef(ref, problem="outside")
    target = root / joined
    try:
        real = target.resolve()
        real.relative_to(root.resolve())
    except ValueError:
        return MediaRef(ref, problem="outside")
    except OSError:
        return MediaRef(ref, problem="missing")
    if not target.is_file():
        return MediaRef(ref, path=joined, problem="missing")
    return MediaRef(ref, path=joined)
