"""The repository as the base branch has it, read from Git and checked like the work tree.

What a pull request takes off the site or puts on it is the difference between two
editions: the base branch's and the pull request's. The base branch's files are written
into a temporary folder from Git (``git ls-tree -z``, ``git cat-file --batch``), never
checked out over the work tree. A file the pull request does not change is copied from
the work tree instead, so that pictures kept in Git LFS are the real ones there too.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path, PurePosixPath

from advocacy.core.checking.run import check_repository
from advocacy.core.model.site import Site
from advocacy.core.publishing.edition import Edition, decide
from advocacy.core.reading.repository import Repository
from advocacy.core.review.changes import Change, blobs_at, tree_at


def _published(site: Site, path: str) -> bool:
    """Whether ``path`` is one of the files an edition is made from."""
    folders = tuple(
        str(PurePosixPath(f)) + "/" for f in (site.docs_dir, site.authors_dir, site.media_dir)
    )
    return (path.startswith(folders) or path == site.policy) and not any(
        part.startswith(".") for part in PurePosixPath(path).parts
    )


def _copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)  # same file system: no copy at all
    except OSError:
        shutil.copyfile(source, target)


def write_base(site: Site, commit: str, changes: list[Change], folder: Path) -> None:
    """Write the files an edition is made from, as they are at ``commit``, into ``folder``."""
    changed = {c.path for c in changes}
    wanted = [p for p in tree_at(site.root, commit) if _published(site, p)]
    from_git = [
        p
        for p in wanted
        if p in changed or not (site.root / p).is_file() or (site.root / p).is_symlink()
    ]
    blobs = blobs_at(site.root, commit, from_git)
    for path in wanted:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if path in blobs:
            target.write_bytes(blobs[path])
        elif path not in from_git:
            _copy(site.root / path, target)


def base_edition(
    site: Site, commit: str, changes: list[Change], lang: str
) -> tuple[Repository, Edition]:
    """The base branch's repository at ``commit``, read and checked as the build would,
    and what it publishes today.

    The temporary folder is gone when this returns: what the review needs of the base
    (titles, addresses, consent, what was published) is in the returned objects.
    """
    with tempfile.TemporaryDirectory(prefix="advocacy-base-") as temp:
        folder = Path(temp)
        write_base(site, commit, changes, folder)
        repo, _ = check_repository(replace(site, root=folder), (), lang)
        return repo, decide(repo)
