"""Posts as read by the last run, by their bytes: an unchanged post is not parsed again.

Reading a post (YAML, schema) is most of what a run with nothing changed still does per post.
One entry holds every post's result as plain data: the post's fields and its findings, for
exactly its bytes, the site's settings, the language of the messages and this package's code.
What is read back is checked field by field; anything that does not fit is read again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from advocacy import __version__
from advocacy.core.cache.store import BuildCache
from advocacy.core.model.entities import Person, Post, Video, YamlDoc
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.site import Site

Entry = tuple[Post | None, list[Finding]]
Reader = Callable[[Site, Path, str], Entry]
_CODE = Path(__file__).resolve().parents[1]  # the core: a change to it changes the key
_DATES = ("date", "updated", "expires")


@functools.cache
def code_fingerprint(folder: Path = _CODE) -> str:
    """The code in ``folder`` (the core by default), by its bytes: a change to any module, or
    to the data the rules read (word lists, the message catalog), invalidates what was worked
    out with it, and the same code gives the same key in every checkout (a cache restored in
    CI, where every file's time is new)."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".py", ".txt", ".yml")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return ["dt", value.isoformat()]
    if isinstance(value, dt.date):
        return ["d", value.isoformat()]
    return value


def _undate(value: Any) -> Any:
    if isinstance(value, list) and len(value) == 2 and value[0] in ("dt", "d"):
        parse = dt.datetime.fromisoformat if value[0] == "dt" else dt.date.fromisoformat
        return parse(value[1])
    return value


def post_to_data(post: Post) -> dict[str, Any]:
    """A post as plain data (its rendering and working memory are not kept)."""
    data = {
        f.name: getattr(post, f.name)
        for f in dataclasses.fields(Post)
        if f.name not in ("meta_lines", "cache", "rendered", "people", "video")
    }
    for name in _DATES:
        data[name] = _date(data[name])
    data["people"] = [{k: _date(v) for k, v in dataclasses.asdict(p).items()} for p in post.people]
    data["video"] = dataclasses.asdict(post.video) if post.video else None
    lines = post.meta_lines
    data["lines"] = [[list(k), v] for k, v in lines.lines.items()] if lines else []
    data["first_line"] = lines.first_line if lines else 1
    return data


def _person(data: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if k == "media" else _undate(v) for k, v in data.items()}


def post_from_data(data: dict[str, Any]) -> Post:
    """The post back from :func:`post_to_data`; raises on anything that does not fit."""
    values = {k: v for k, v in data.items() if k not in ("lines", "first_line", "people", "video")}
    for name in _DATES:
        values[name] = _undate(values[name])
    people = [Person(**_person(p)) for p in data["people"]]
    video = Video(**data["video"]) if data["video"] else None
    post = Post(**values, people=people, video=video)
    if not isinstance(post.date, dt.datetime) or not all(
        isinstance(getattr(post, name), str)
        for name in ("file", "src_uri", "slug", "title", "body", "digest")
    ):
        raise ValueError("not a post")
    post.meta_lines = YamlDoc(
        None, {tuple(k): int(v) for k, v in data["lines"]}, int(data["first_line"])
    )
    return post


def _finding(data: list[Any]) -> Finding:
    rule, severity, file, line, message, fix = data
    if not all(isinstance(x, str) for x in (rule, file, message, fix)) or not (
        line is None or isinstance(line, int)
    ):
        raise ValueError("not a finding")
    return Finding(rule, Severity(severity), file, line, message, fix)


class ReadCache:
    """Loaded at the start of a read, saved at its end when anything changed."""

    def __init__(self, store: BuildCache, site: Site, lang: str, read: Reader) -> None:
        settings = repr(dataclasses.replace(site, today=dt.date(1970, 1, 1)))
        self.store, self.read_post = store, read
        self.key = store.key("reads", code_fingerprint(), settings, lang)
        loaded = store.read_json("reads", self.key, lambda d: isinstance(d, dict))
        self.entries: dict[str, list[Any]] = loaded or {}
        self.changed = False

    def read(self, site: Site, path: Path, lang: str) -> Entry:
        """The post and its findings, from the cache when the file did not change."""
        rel = site.rel(path)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return self.read_post(site, path, lang)  # reports why it cannot be read
        known = self.entries.get(rel)
        if isinstance(known, list) and len(known) == 3 and known[0] == digest:
            try:
                post = post_from_data(known[1]) if known[1] is not None else None
                return post, [_finding(f) for f in known[2]]
            except (KeyError, TypeError, ValueError, AttributeError):
                pass  # not what this code writes: read the post again
        post, findings = self.read_post(site, path, lang)
        self.entries[rel] = [
            digest,
            post_to_data(post) if post else None,
            [[f.rule, str(f.severity), f.file, f.line, f.message, f.fix] for f in findings],
        ]
        self.changed = True
        return post, findings

    def save(self, read: set[str] | None = None) -> None:
        """Keep the entries for the next run (``read``: all files were read, drop others)."""
        if read is not None and set(self.entries) - read:
            self.entries = {rel: e for rel, e in self.entries.items() if rel in read}
            self.changed = True
        if self.changed:
            self.store.write_json("reads", self.key, self.entries)
