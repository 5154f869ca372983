"""The build cache: one object that owns every file a build keeps for the next one.

Everything in it is derived data a build can make again, so it is never trusted beyond what
it can prove: entries are plain data (JSON, or the files a build made: pictures, cards,
pages, feeds), never pickles; every name read back is checked against a strict pattern and
stays inside the folder; and every key is an HMAC with a secret that lives outside the
repository (made once per machine, or given to CI as ``ADVOCACY_CACHE_SECRET``). A cache
folder committed to the repository, restored from someone else's build or written by a pull
request therefore never matches: its entries were keyed without the secret.

The folder is outside the work tree by default (the user's cache folder, one sub-folder per
repository); ``ADVOCACY_CACHE_DIR`` moves it, e.g. to a folder CI restores. Entries no build
has used for ``max_age_days`` are removed, at most once a day.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal

from advocacy.core.cache.digests import Digests

CACHE_ENV = "ADVOCACY_CACHE_DIR"
SECRET_ENV = "ADVOCACY_CACHE_SECRET"
MAX_AGE_ENV = "ADVOCACY_CACHE_MAX_AGE_DAYS"
DAY = 86_400
# Each kind of entry has a folder of its own and the suffixes its files may have; the type
# lets the type checker refuse a kind nobody declared.
CacheKind = Literal[
    "reads", "findings", "html", "pages", "images", "cards", "feeds", "digests", "copied"
]
KINDS: dict[CacheKind, tuple[str, ...]] = {
    "reads": (".json",),  # posts as read, by their bytes
    "findings": (".json",),  # rule findings per post and context
    "html": (".json",),  # rendered pages (the core's rendering)
    "pages": (".html", ".search.json"),  # finished pages and their search entries
    "images": (".json", ".webp", ".jpeg", ".png"),  # processed pictures
    "cards": (".jpg",),  # LinkedIn share cards
    "feeds": (".xml", ".json"),  # finished feeds
    "digests": (".json",),  # photo digests by file identity
    "copied": (".json",),  # the copied-text answers of a set of posts
}
KEY = re.compile(r"^[0-9a-f]{64}$")
# A file inside an entry (a picture's variant): a key, a width and a known suffix.
MEMBER = re.compile(r"^[0-9a-f]{16,64}(?:-[0-9]{1,5})?\.(?:webp|jpeg|png|jpg)$")


class CacheError(ValueError):
    """A name that does not belong in the cache (refused rather than followed)."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, making its folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # workers are processes
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)  # only left after a failure


def _config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def _cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def machine_secret() -> bytes:
    """This machine's cache secret: ``ADVOCACY_CACHE_SECRET``, else a file made once in the
    user's configuration folder (readable by the user only), else one for this process."""
    given = os.environ.get(SECRET_ENV, "").strip()
    if given:
        return given.encode()
    path = _config_home() / "advocacy" / "cache-secret"
    try:
        existing = path.read_bytes().strip()
        if len(existing) >= 32:
            return existing
    except OSError:
        pass
    value = secrets.token_hex(32).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(value)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_bytes().strip() or value
    except OSError:
        pass  # no home to keep it in: a cache for this process only
    return value


def default_folder(root: Path) -> Path:
    """The cache folder of the repository at ``root``: ``ADVOCACY_CACHE_DIR`` or one under
    the user's cache folder, outside the work tree."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given)
    name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return _cache_home() / "advocacy" / f"{root.resolve().name[:40]}-{name}"


class BuildCache:
    """Keys, reads and writes of the cache of one repository."""

    def __init__(self, folder: Path, secret: bytes, max_age_days: float = 30.0) -> None:
        self.folder = folder
        self._secret = secret
        self.max_age = max_age_days * DAY
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future[None]] = []
        self.used: set[Path] = set()  # entries this build read or wrote (kept from pruning)
        self.digests = Digests()  # media file digests by file identity, kept between runs

    @classmethod
    def for_repository(cls, root: Path) -> BuildCache:
        """The cache of the repository at ``root``, where and with what this machine keeps it.

        The photo digests a previous run kept are taken up at once (see digests).
        """
        try:
            age = float(os.environ.get(MAX_AGE_ENV) or 30)
        except ValueError:
            age = 30.0
        cache = cls(default_folder(root), machine_secret(), age)
        cache.digests.remember(cache.read_json("digests", cache.key("digests")))
        return cache

    # -- keys and names ---------------------------------------------------------------------
    def key(self, *parts: str | bytes) -> str:
        """An HMAC of ``parts``: the name of an entry only this machine (or CI) can make."""
        mac = hmac.new(self._secret, digestmod=hashlib.sha256)
        for part in parts:
            data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
            mac.update(len(data).to_bytes(8, "big") + data)
        return mac.hexdigest()

    def path(self, kind: CacheKind, key: str, suffix: str = ".json") -> Path:
        """Where the entry ``key`` of ``kind`` lives; a bad kind, key or suffix is refused."""
        if kind not in KINDS or suffix not in KINDS[kind] or not KEY.match(key):
            raise CacheError(f"not a cache entry: {kind}/{key}{suffix}")
        return self.folder / kind / key[:2] / f"{key}{suffix}"

    def member(self, kind: CacheKind, name: str) -> Path:
        """A file an entry lists (a picture's variant), checked before it is followed."""
        if kind not in KINDS or not MEMBER.match(name):
            raise CacheError(f"not a cache file name: {name!r}")
        return self.folder / kind / name[:2] / name

    # -- reading and writing ----------------------------------------------------------------
    def read_json(
        self,
        kind: CacheKind,
        key: str,
        check: Callable[[Any], bool] | None = None,
        suffix: str = ".json",
    ) -> Any:
        """The data of an entry, or None when it is missing, broken or fails ``check``."""
        path = self.path(kind, key, suffix)
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None
        if check is not None:
            try:
                if not check(data):
                    return None
            except (KeyError, TypeError, ValueError, AttributeError):
                return None
        self.used.add(path)
        return data

    def write_json(self, kind: CacheKind, key: str, data: Any, now: bool = False) -> Path:
        """Keep ``data`` as the entry ``key`` (in the background unless ``now``)."""
        return self.write(kind, key, ".json", json.dumps(data, ensure_ascii=False).encode(), now)

    def write(self, kind: CacheKind, key: str, suffix: str, data: bytes, now: bool = False) -> Path:
        """Keep bytes as an entry's file; written at once when ``now`` (it is linked next)."""
        path = self.path(kind, key, suffix)
        self.used.add(path)
        if now:
            write_atomic(path, data)
        else:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="adv-cache")
            self._pending.append(self._pool.submit(self._quietly, path, data))
        return path

    @staticmethod
    def _quietly(path: Path, data: bytes) -> None:
        with contextlib.suppress(OSError):  # an entry not written is made again next time
            write_atomic(path, data)

    def existing(self, kind: CacheKind, key: str, suffix: str) -> Path | None:
        """The entry's file when it exists (as a real file, not a link elsewhere)."""
        path = self.path(kind, key, suffix)
        try:
            if path.is_symlink() or not path.is_file():
                return None
        except OSError:
            return None
        self.used.add(path)
        return path

    def flush(self) -> None:
        """Wait until every entry asked for is written."""
        while self._pending:
            self._pending.pop().result()

    # -- keeping it small ---------------------------------------------------------------------
    def close(self) -> int:
        """Keep the digests, flush, mark what this run used, and prune (at most once a day);
        returns how many entries were removed."""
        kept = self.digests.snapshot()
        if kept is not None:
            self.write_json("digests", self.key("digests"), kept)
        self.flush()
        now = time.time()
        for path in self.used:
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime > DAY:  # kept fresh without a write per build
                    os.utime(path)
        self.used = set()
        stamp = self.folder / ".pruned"
        try:
            if now - stamp.stat().st_mtime < DAY:
                return 0
        except OSError:
            pass
        removed = self.prune(now)
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp.write_text(str(int(now)))
        return removed

    def prune(self, now: float | None = None) -> int:
        """Remove entries untouched for longer than the maximum age."""
        now = now or time.time()
        removed = 0
        for kind in KINDS:
            for folder, _, files in os.walk(self.folder / kind):
                for name in files:
                    path = os.path.join(folder, name)
                    with contextlib.suppress(OSError):
                        if now - os.lstat(path).st_mtime > self.max_age:
                            os.unlink(path)
                            removed += 1
        return removed
