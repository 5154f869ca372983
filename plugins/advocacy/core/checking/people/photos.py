"""Whose author photo a file is: a post or page that shows one needs that person's current
profile and photo consent (see consent.photo_problems). A copy under another name is the
same face: files are compared by size and content too, and a copy re-saved, resized or
cropped a little by likeness (see :mod:`advocacy.core.checking.people.likeness`).
"""

from __future__ import annotations

import hashlib
import posixpath

from advocacy.core.checking.people.likeness import distinct, near, shape_and_hash
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.reading.repository import Repository


def _photo_owners(repo: Repository) -> dict[object, str]:
    """Whose author photo each file is: by path, and by size and content (a copy under
    another name is the same face)."""

    def make() -> dict[object, str]:
        owners: dict[object, str] = {}
        for slug, author in sorted(repo.authors.items()):
            if not author.photo:
                continue
            owners.setdefault(posixpath.normpath(author.photo), slug)
            try:
                data = (repo.site.root / author.photo).read_bytes()
            except OSError:
                continue
            owners.setdefault((len(data), hashlib.sha256(data).hexdigest()), slug)
        return owners

    return repo.cache.get("photo-owners", make)


def photo_owner(repo: Repository, path: str) -> str | None:
    """The author whose photo the repository file ``path`` is, if it is one."""
    owners = _photo_owners(repo)
    if not owners:
        return None
    path = posixpath.normpath(path)
    if path in owners:
        return owners[path]
    sizes = {key[0] for key in owners if isinstance(key, tuple)}
    full = repo.site.root / path
    try:
        if full.is_symlink() or full.stat().st_size not in sizes:
            return None
        data = full.read_bytes()
    except OSError:
        return None
    return owners.get((len(data), hashlib.sha256(data).hexdigest()))


def _photo_hashes(repo: Repository) -> list[tuple[float, int, str]]:
    """Each author photo's shape and hash, with whose it is (photos too plain to tell
    apart are left out: an exact copy of one is still found by its bytes)."""

    def make() -> list[tuple[float, int, str]]:
        out = []
        for slug, author in sorted(repo.authors.items()):
            if author.photo:
                found = shape_and_hash(repo, repo.site.root / author.photo, [])
                if found is not None and distinct(found[1]):
                    out.append((found[0], found[1], slug))
        return out

    return repo.cache.get("photo-hashes", make)


def photo_likeness(repo: Repository, path: str) -> str | None:
    """The author whose photo the repository file ``path`` looks like (a copy re-saved,
    resized or cropped a little), if any."""
    photos = _photo_hashes(repo)
    if not photos:
        return None
    found = shape_and_hash(repo, repo.site.root / path, [ratio for ratio, _, _ in photos])
    if found is None:
        return None
    return next((slug for _, value, slug in photos if near(found[1], value)), None)


def pictures(doc: Post | DocPage) -> list[tuple[str, str, int | None]]:
    """The files a post or page shows: (repository path, as written, line)."""
    out: list[tuple[str, str, int | None]] = []
    if isinstance(doc, Post):
        if doc.image:
            out.append((doc.image, doc.image, doc.line_of("image")))
        if doc.video and doc.video.poster:
            out.append((doc.video.poster, doc.video.poster, doc.line_of("video", "poster")))
    if doc.rendered is not None:
        out += [(ref.path, ref.written, line) for ref, line in doc.rendered.refs if ref.path]
    return out
