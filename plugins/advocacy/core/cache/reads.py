"""Posts as read by the last build, by their bytes: an unchanged post is not parsed again.

Reading a post (YAML, schema, word count) is most of what a build with nothing changed
still does per post. The entry of a post is the result of :func:`read_post` for exactly
its bytes, the site's settings, the language of the messages and this package's code; one
file holds all entries. It is a pickle: the cache folder is this machine's own (or what
CI restored from builds of the main branch), never a file someone sends in.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import pickle
from pathlib import Path

from advocacy import __version__
from advocacy.core.cache.writer import write_atomic
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding
from advocacy.core.model.site import Site
from advocacy.core.reading.posts import read_post

_CODE = Path(__file__).parent
Entry = tuple[Post | None, list[Finding]]


def code_fingerprint() -> str:
    """This package's code: a change to any module invalidates what was worked out with it."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(_CODE.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


class ReadCache:
    """Loaded at the start of a read, saved at its end when anything changed."""

    def __init__(self, site: Site, lang: str) -> None:
        settings = repr(dataclasses.replace(site, today=dt.date(1970, 1, 1)))
        self.context = hashlib.sha256(f"{code_fingerprint()}\0{settings}\0{lang}".encode()
                                      ).hexdigest()
        self.file = site.cache_path / "reads.pickle"
        self.entries: dict[str, tuple[str, bytes]] = {}  # file -> (digest, pickled entry)
        self.changed = False
        try:
            with self.file.open("rb") as handle:
                context, entries = pickle.load(handle)
            if context == self.context:
                self.entries = entries
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError,
                AttributeError, ImportError):
            pass

    def read(self, site: Site, path: Path, lang: str) -> Entry:
        """The post and its findings, from the cache when the file did not change."""
        rel = site.rel(path)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return read_post(site, path, lang)  # reports why it cannot be read
        known = self.entries.get(rel)
        if known is not None and known[0] == digest:
            return pickle.loads(known[1])  # a fresh copy: posts are changed after reading
        entry = read_post(site, path, lang)
        self.entries[rel] = (digest, pickle.dumps(entry, pickle.HIGHEST_PROTOCOL))
        self.changed = True
        return entry

    def save(self, read: set[str] | None = None) -> None:
        """Keep the entries for the next build (``read``: all files were read, drop others)."""
        if read is not None and set(self.entries) - read:
            self.entries = {rel: e for rel, e in self.entries.items() if rel in read}
            self.changed = True
        if not self.changed:
            return
        with contextlib.suppress(OSError):  # a cache not written is made again next time
            write_atomic(self.file, pickle.dumps((self.context, self.entries),
                                                 pickle.HIGHEST_PROTOCOL))
