"""Keep the built site between builds instead of emptying it; then remove what is stale.

MkDocs empties the site folder before every build. Our pages, pictures, cards and feeds are
hard links into the build cache, so on an unchanged site nearly every file would be put
back as it was: thousands of folders made and links created for nothing, a good part of a
warm build on a slow disk. So during a build MkDocs' emptying only notes the folder, and
after it everything this build neither linked nor wrote is removed, as MkDocs would have
(hidden entries at the top are left alone, as MkDocs leaves them). A file about to be
written where a link into the cache is must be unlinked first (:func:`unshare`): writing
into it would change the cache.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable

import mkdocs.utils


def unshare(path: str) -> None:
    """Remove a hard link at ``path`` (so what is written there does not reach the cache)."""
    try:
        if os.lstat(path).st_nlink > 1:
            os.unlink(path)
    except OSError:
        pass


class SiteKeeper:
    """Stands in for MkDocs' ``clean_directory`` during one build."""

    def __init__(self) -> None:
        self.folder: str | None = None
        # A little before now: the file system's clock may lag the one Python reads.
        self.started = time.time_ns() - 50_000_000
        self._original: Callable[[str], None] | None = None

    def install(self) -> None:
        """From here on, emptying the site folder only notes it."""
        self._original = mkdocs.utils.clean_directory
        mkdocs.utils.clean_directory = self._note

    def _note(self, directory: str) -> None:
        self.folder = directory

    def uninstall(self) -> None:
        """Give MkDocs its own function back."""
        if self._original is not None:
            mkdocs.utils.clean_directory = self._original
            self._original = None

    def sweep(self, kept: Iterable[str]) -> int:
        """Remove what this build neither linked (``kept``, site-relative) nor wrote."""
        if self.folder is None or not os.path.isdir(self.folder):
            return 0
        keep = {os.path.normpath(os.path.join(self.folder, name)) for name in kept}
        removed = 0
        for folder, dirs, files in os.walk(self.folder):
            if folder == self.folder:  # hidden entries at the top: not ours (.git, ...)
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                files = [f for f in files if not f.startswith(".")]
            for name in files:
                path = os.path.join(folder, name)
                if path in keep:
                    continue
                try:
                    if os.lstat(path).st_mtime_ns < self.started:
                        os.unlink(path)
                        removed += 1
                except OSError:
                    pass
        for folder, _, files in os.walk(self.folder, topdown=False):
            top = os.path.relpath(folder, self.folder).split(os.sep)[0]
            if folder != self.folder and not files and not top.startswith("."):
                with contextlib.suppress(OSError):  # only when empty; sub-folders went first
                    os.rmdir(folder)
        return removed
