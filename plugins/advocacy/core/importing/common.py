"""What readers and the writer share: the imported posts and authors, the old site's
addresses and files, the user's options, and small helpers for reading fields."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advocacy.core.model.slugs import slugify


class SourceError(Exception):
    """The source cannot be imported at all (exit code 2): a message key of the report's
    table and the values it names, so the command says why in the user's language."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key, values)
        self.key = key
        self.values = {k: str(v) for k, v in values.items()}


@dataclass(frozen=True)
class Note:
    """One thing a human should look at: a message key and the values it names."""

    key: str
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, key: str, **values: object) -> Note:
        """A note with its values as text, in a stable order."""
        return cls(key, tuple((k, str(v)) for k, v in values.items()))


@dataclass
class SourceAuthor:
    """A person as the source describes them; ``id`` is what the source's posts use."""

    id: str
    slug: str = ""  # the file name the source suggests (authors/<slug>.yml)
    name: str | None = None
    role: str | None = None
    team: str | None = None
    location: str | None = None
    bio: str | None = None
    linkedin: str | None = None
    github: list[str] = field(default_factory=list)
    from_record: bool = True  # False: made up from a post's author id, no record exists


@dataclass(frozen=True)
class Embed:
    """A video or third-party post found in a body; ``kind`` is youtube, vimeo or link."""

    kind: str
    value: str  # the video id, or the address to link to
    title: str | None = None


@dataclass
class SourcePost:
    """One post as read from the source, its body already in Markdown.

    The body may hold two kinds of tokens the writer resolves once every post is known:
    ``@@import:embed:N@@`` (``embeds[N]``) and ``@@import:post:N@@`` (``refs[N]``, a link to
    another post by one of its ``keys``).
    """

    source: str  # where it came from, for the report (a path, or "item 12" of a WXR file)
    slug: str
    title: str | None = None
    date: dt.date | None = None  # already in the site's time zone
    body: str = ""
    authors: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)  # candidates, best first
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    draft: bool = False
    expires: dt.date | None = None
    image: str | None = None
    image_alt: str | None = None
    old_urls: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    base: str = ""  # folder (relative to the source root) that relative references start from
    notes: list[Note] = field(default_factory=list)
    embeds: list[Embed] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)  # (key, text as written)
    error: str | None = None  # why it could not be imported at all

    def note(self, key: str, **values: object) -> None:
        """Record something for the report."""
        self.notes.append(Note.of(key, **values))

    def embed(self, embed: Embed) -> str:
        """The token standing for ``embed`` in the body."""
        self.embeds.append(embed)
        return f"@@import:embed:{len(self.embeds) - 1}@@"

    def ref(self, key: str, original: str) -> str:
        """The token standing for a link to the post known as ``key``."""
        self.refs.append((key, original))
        return f"@@import:post:{len(self.refs) - 1}@@"


@dataclass
class OldSite:
    """Where the old site lived and where its files are: to tell local media from remote.

    ``origins`` are the old site's ``scheme://host`` values, ``base_path`` its sub-folder
    (Jekyll's baseurl), ``mounts`` map a site path prefix to a folder of the source.
    """

    root: Path
    origins: tuple[str, ...] = ()
    base_path: str = ""
    mounts: tuple[tuple[str, Path], ...] = ()

    def site_path(self, ref: str) -> str | None:
        """``ref`` as a path of the old site (``/2015/x/``), or None for another site."""
        ref = ref.strip()
        parts = urlsplit(ref)
        if parts.scheme or ref.startswith("//"):
            origin = f"{parts.scheme or 'https'}://{parts.netloc}".lower()
            if not any(origin.split("://", 1)[1] == o.split("://", 1)[1] for o in self.origins):
                return None
            ref = ref[ref.index(parts.netloc) + len(parts.netloc) :] or "/"
        if not ref.startswith("/"):
            return None
        base = self.base_path.rstrip("/")
        if base and (ref == base or ref.startswith(base + "/")):
            ref = ref[len(base) :] or "/"
        return ref

    def locate(self, ref: str, base: str) -> tuple[str, Path | None]:
        """Classify a media reference: ("file", path), ("remote", None) or ("missing", None).

        ``base`` is the folder (relative to the source root) a relative reference starts from.
        """
        clean = unquote(ref.split("#", 1)[0].split("?", 1)[0].strip())
        path = self.site_path(clean)
        absolute = bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", clean, re.IGNORECASE))
        if path is None and absolute:
            return "remote", None
        candidates: list[Path] = []
        if path is not None:
            for prefix, folder in self.mounts:
                if path.startswith(prefix):
                    candidates.append(folder / path[len(prefix) :].lstrip("/"))
        elif clean:
            candidates.append(self.root / posixpath.normpath(posixpath.join(base, clean)))
        root = Path(os.path.abspath(self.root))
        for candidate in candidates:
            # Inside the source: no link on the way from its root (a mount folder that is a
            # link too); elsewhere (WordPress uploads given apart), from that folder.
            inside = Path(os.path.abspath(candidate)).is_relative_to(root)
            for folder in [self.root] if inside else [f for _, f in self.mounts]:
                try:
                    real = confined(folder, candidate)
                except OutsideSource:
                    continue
                if real.is_file():
                    return "file", real
        # On the old site but not in the source (e.g. WordPress uploads not given): remote.
        return ("remote" if absolute else "missing"), None


@dataclass
class Archive:
    """Everything read from one source."""

    kind: str  # jekyll, hugo or wordpress
    source: Path
    site: OldSite
    posts: list[SourcePost] = field(default_factory=list)
    authors: dict[str, SourceAuthor] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)  # about the source as a whole
    language: str | None = None  # the source's own language setting


@dataclass
class ImportOptions:
    """What the user chose on the command line."""

    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Copenhagen"))
    language: str | None = None  # default language of posts without their own
    permalink: str | None = None  # overrides the source's permalink setting
    uploads: Path | None = None  # WordPress: a copy of wp-content/uploads
    old_url: str | None = None  # the old site's address, when the source does not say


# --- small helpers -----------------------------------------------------------------------


def as_list(value: Any, split: bool = False) -> list[str]:
    """A field that may be one value or a list, as a list of non-empty texts.

    ``split`` splits a single text on white space, as Jekyll does for ``tags: a b``.
    """
    if value is None:
        return []
    if isinstance(value, str):
        items: Iterable[Any] = value.split() if split else [value]
    elif isinstance(value, list | tuple):
        items = value
    else:
        items = [value]
    return [
        str(item).strip()
        for item in items
        if item is not None and not isinstance(item, dict | list) and str(item).strip()
    ]


def mapping(data: dict[str, Any], key: str) -> dict[str, Any]:
    """``data[key]`` when it is a mapping (``social:``, ``cover:``), else an empty one."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def first_text(data: dict[str, Any], *keys: str) -> str | None:
    """The first of ``keys`` whose value is non-empty text (numbers count as text)."""
    for key in keys:
        value = data.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            text = str(value).strip()
            if text:
                return text
    return None


def language_code(value: Any) -> str | None:
    """``en-US`` -> ``en``; None for nothing."""
    if not isinstance(value, str) or not value.strip():
        return None
    return re.split(r"[-_]", value.strip().lower())[0]


def join_url(*parts: str) -> str:
    """Join URL path parts with single slashes, keeping a leading and trailing one."""
    text = "/".join(p.strip("/") for p in parts if p and p.strip("/"))
    trailing = "/" if parts and parts[-1].endswith("/") else ""
    return "/" + text + (trailing if text else "")


class OutsideSource(OSError):
    """A file outside the folder it must be in, or reached through a symbolic link: never
    read (a link in an old site's copy could lead to any file on the machine, and what is
    read is written into the repository)."""


def confined(root: Path, path: Path) -> Path:
    """``path`` made absolute, when it lies inside ``root`` and nothing on the way from
    ``root`` to it is a symbolic link (each part is looked at with ``lstat``); raises
    :class:`OutsideSource` otherwise. A part that does not exist is left to the caller."""
    base = Path(os.path.abspath(root))
    full = Path(os.path.abspath(path))  # '..' resolved by name: a link is not followed
    try:
        parts = full.relative_to(base).parts
    except ValueError:
        raise OutsideSource(f"{path} is outside {root}; only files inside it are read") from None
    for depth in range(1, len(parts) + 1):
        part = base.joinpath(*parts[:depth])
        try:
            mode = os.lstat(part).st_mode
        except OSError:
            break
        if stat.S_ISLNK(mode):
            raise OutsideSource(
                f"{part.relative_to(base).as_posix()} is a symbolic link, which is never followed"
            )
    return full


def failure(exc: BaseException) -> str:
    """Why one post could not be imported, for its item in the report."""
    if isinstance(exc, RecursionError):
        return "it is nested too deeply to convert"
    return " ".join(str(exc).split()) or type(exc).__name__


def read_text(path: Path, root: Path) -> tuple[str, bool]:
    """A source file's text, read only when it lies inside the source folder ``root``
    without a symbolic link on the way (:func:`confined`); True when it was not UTF-8 and
    was read as Windows-1252."""
    data = confined(root, path).read_bytes()
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), True


def author_from_record(author_id: str, data: dict[str, Any], bio: str = "") -> SourceAuthor:
    """An author from the fields themes use (Jekyll ``_authors``/``_data``, Hugo data)."""
    first_last = " ".join(
        p
        for p in (
            first_text(data, "first_name", "firstname", "given_name"),
            first_text(data, "last_name", "lastname", "family_name"),
        )
        if p
    )
    name = (
        first_text(data, "full_name", "display_name", "displayname")
        or first_last
        or first_text(data, "name", "title")
        or author_id
    )
    location = first_text(data, "location") or ", ".join(
        p for p in (first_text(data, "city"), first_text(data, "state", "country")) if p
    )
    linkedin = first_text(data, "linkedin")
    if linkedin and not linkedin.startswith("http"):
        linkedin = f"https://www.linkedin.com/in/{linkedin.strip('/')}"
    social = mapping(data, "social")
    github = first_text(data, "github") or first_text(social, "github")
    return SourceAuthor(
        id=author_id,
        name=name,
        role=first_text(data, "role", "job_title", "jobtitle", "position", "job"),
        team=first_text(data, "team", "department", "group", "unit"),
        location=location or None,
        bio=first_text(data, "bio", "description", "about") or (bio.strip() or None),
        linkedin=linkedin.replace("http://", "https://") if linkedin else None,
        github=[github.rstrip("/").rsplit("/", 1)[-1]] if github else [],
    )


def source_zone(name: Any, default: dt.tzinfo) -> dt.tzinfo:
    """The source's own time zone setting (Jekyll ``timezone``, Hugo ``timeZone``), or
    ``default`` when it has none or names one this machine does not know."""
    try:
        return ZoneInfo(str(name)) if isinstance(name, str) and name.strip() else default
    except (ZoneInfoNotFoundError, ValueError):
        return default


def resolve_author(archive: Archive, ref: str) -> str:
    """The id of the author a post names: a record's id, or a record whose id or name makes
    the same slug (``Mette Hansen`` for ``_authors/mette-hansen.md``, Hugo's urlized terms).
    A name without a record gets a record of its own, marked as such for the report."""
    if ref in archive.authors:
        return ref
    wanted = slugify(ref)
    for author_id, author in archive.authors.items():
        if wanted and wanted in (slugify(author_id), slugify(author.name or "")):
            return author_id
    archive.authors[ref] = SourceAuthor(ref, wanted, name=ref, from_record=False)
    return ref
