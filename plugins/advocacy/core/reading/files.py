"""What the repository holds under the folders that are published (posts, pages, authors),
and where a media reference leads.

The folders are walked without following symbolic links (a link could lead to the policy,
another person's file, or anywhere on the machine), and every link found is reported. Under
``docs_dir`` only Markdown pages are published: MkDocs would copy anything else verbatim, so
anything else is refused here, by name, rather than published unjudged.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from advocacy.core.model.site import Site


@dataclass
class Inventory:
    """Repository paths (``site_src/...``), each list in path order."""

    posts: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)
    authors: list[Path] = field(default_factory=list)
    symlinks: list[str] = field(default_factory=list)  # repository-relative
    refused: list[str] = field(default_factory=list)  # files under docs_dir that are not pages


def _is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def _walk(root: Path, folder: str, out: Inventory) -> list[tuple[str, Path]]:
    """Every regular file below ``folder`` (repository-relative), links reported, not followed."""
    base = root / folder
    parts = PurePosixPath(folder).parts
    for depth in range(1, len(parts) + 1):  # the folder itself, or one on the way to it
        if _is_link(root.joinpath(*parts[:depth])):
            out.symlinks.append("/".join(parts[:depth]))
            return []
    if not base.is_dir():
        return []
    found = []
    for current, dirs, files in os.walk(base, followlinks=False):
        here = Path(current)
        for name in [*dirs, *files]:
            if _is_link(here / name):
                out.symlinks.append((here / name).relative_to(root).as_posix())
        dirs[:] = sorted(d for d in dirs if not _is_link(here / d) and not d.startswith("."))
        for name in sorted(files):
            path = here / name
            if not _is_link(path):
                found.append((path.relative_to(root).as_posix(), path))
    return found


def tracked_caches(root: Path, folders: list[Path]) -> list[str]:
    """Files Git tracks under ``folders`` (cache folders: ``.cache/`` and wherever the build
    cache is, when that is inside the work tree). A branch that tracks them replaces a
    machine's own on checkout; nothing may be committed there. Empty when Git is not there."""
    inside = []
    for folder in folders:
        try:
            inside.append(folder.resolve().relative_to(root.resolve()).as_posix())
        except (ValueError, OSError):
            continue
    if not inside:
        return []
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--", *inside],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if proc.returncode != 0:
        return []
    return sorted(p.decode("utf-8", "surrogateescape") for p in proc.stdout.split(b"\0") if p)


def take_inventory(site: Site) -> Inventory:
    """Walk ``docs_dir``, the media and the author folders once."""
    out = Inventory()
    root = site.root
    docs = site.docs_dir.strip("/")
    posts = f"{docs}/{site.posts_dir.strip('/')}/"
    for rel, path in _walk(root, docs, out):
        if not rel.endswith(".md"):
            if not PurePosixPath(rel).name.startswith("."):
                out.refused.append(rel)
        elif rel.startswith(posts):
            out.posts.append(path)
        else:
            out.pages.append(path)
    for rel, path in _walk(root, site.authors_dir.strip("/"), out):
        if rel.endswith((".yml", ".yaml")) and "/" not in rel[len(site.authors_dir) + 1 :]:
            out.authors.append(path)
    _walk(root, site.media_dir.strip("/"), out)  # links only: media are judged where used
    out.symlinks = sorted(set(out.symlinks))
    return out


# Media references: the two forms the contract allows (``media/...`` from the repository
# root, or relative to the file), and the ones it refuses.
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
