"""The typed objects everything else works with: authors, people, posts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

Path_ = tuple[str | int, ...]
T = TypeVar("T")


class Memo:
    """Work done once per run and kept for its length (a post's words, the patterns of a
    repository's names): made by ``make`` on first use, under a key only its maker uses."""

    def __init__(self) -> None:
        self._kept: dict[str, object] = {}

    def get(self, key: str, make: Callable[[], T]) -> T:
        """The value kept under ``key``, made now if this run has not made it yet."""
        if key not in self._kept:
            self._kept[key] = make()
        return cast(T, self._kept[key])

    def __contains__(self, key: str) -> bool:
        return key in self._kept


@dataclass
class YamlDoc:
    """Parsed YAML data plus the 1-based file line of every key and list item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, *path: str | int) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        key: Path_ = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.first_line


@dataclass(frozen=True)
class Consent:
    """An author's consent record, kept by HR."""

    profile: dt.date | None = None
    photo: dt.date | None = None
    evidence: str | None = None
    withdrawn: dt.date | None = None
    expires: dt.date | None = None


@dataclass
class Author:
    """An employee who writes (``authors/<slug>.yml``)."""

    slug: str
    file: str
    name: str
    role: str
    team: str
    location: str | None = None
    photo: str | None = None  # repository-relative path
    linkedin: str | None = None
    github: list[str] = field(default_factory=list)
    bio: dict[str, str] = field(default_factory=dict)
    consent: Consent = field(default_factory=Consent)
    consent_readable: bool = True  # False: a consent field could not be read (held back)
    left: dt.date | None = None

    meta_lines: Any = field(default=None, repr=False, compare=False)  # reading's YamlDoc

    def line_of(self, *path: str | int) -> int | None:
        """The file line of a field of the author file."""
        return self.meta_lines.line(*path) if self.meta_lines else None

    @property
    def url(self) -> str:
        """The author page's address below the site root."""
        return f"blog/author/{self.slug}/"

    def bio_in(self, language: str) -> str | None:
        """The bio in ``language``, else in any language there is."""
        return self.bio.get(language) or next(iter(self.bio.values()), None)


@dataclass(frozen=True)
class Person:
    """Someone named or pictured in a post besides its authors."""

    author: str | None = None
    name: str | None = None
    consent: dt.date | None = None
    evidence: str | None = None
    expires: dt.date | None = None
    media: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Video:
    """A post's video: a file in the repository, or a YouTube or Vimeo id."""

    src: str | None = None
    youtube: str | None = None
    vimeo: str | None = None
    captions: str | None = None
    poster: str | None = None
    title: str | None = None
    captions_on_host: bool = False  # YouTube or Vimeo shows captions of its own


@dataclass
class Post:
    """A story: front matter plus Markdown body, as read from ``site_src/blog/posts/``."""

    file: str  # repository-relative, e.g. site_src/blog/posts/2026/x.md
    src_uri: str  # relative to docs_dir, e.g. blog/posts/2026/x.md
    slug: str
    title: str
    date: dt.datetime
    authors: list[str]
    description: str
    language: str
    body: str
    body_line: int = 1
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    image: str | None = None  # repository-relative path
    image_alt: str | None = None
    people: list[Person] = field(default_factory=list)
    video: Video | None = None
    share_text: str | None = None
    draft: bool = False
    expires: dt.date | None = None
    featured: bool = False
    translation_of: str | None = None
    updated: dt.datetime | None = None
    aliases: list[str] = field(default_factory=list)  # old addresses that lead here
    meta: dict[str, Any] = field(default_factory=dict)  # MkDocs' own keys (hide, search)
    valid: bool = True  # False when the front matter has errors
    words: int = 0  # set when the post is rendered
    digest: str = ""  # sha256 of the file's text: what the rule cache is keyed on
    meta_lines: YamlDoc | None = field(default=None, repr=False, compare=False)
    cache: Memo = field(default_factory=Memo, repr=False, compare=False)
    rendered: Any = field(default=None, repr=False, compare=False)  # rendering.page.Rendered

    def line_of(self, *path: str | int) -> int | None:
        """The file line of a front-matter field (``line_of("people", 0)``)."""
        return self.meta_lines.line(*path) if self.meta_lines else None

    @property
    def url(self) -> str:
        """The post's address below the site root: ``blog/YYYY/MM/DD/<slug>/``."""
        return f"blog/{self.date:%Y/%m/%d}/{self.slug}/"

    @property
    def reading_minutes(self) -> int:
        """Minutes to read at 200 words a minute, at least 1."""
        return max(1, round(self.words / 200))


@dataclass
class DocPage:
    """A Markdown page of the site that is not a post (``site_src/write.md``)."""

    file: str  # repository-relative
    src_uri: str  # relative to docs_dir
    url: str
    title: str | None
    description: str | None
    body: str
    body_line: int = 1
    meta: dict[str, Any] = field(default_factory=dict)  # the validated front matter
    language: str = "da"
    digest: str = ""
    valid: bool = True
    meta_lines: YamlDoc | None = field(default=None, repr=False, compare=False)
    rendered: Any = field(default=None, repr=False, compare=False)  # rendering.page.Rendered

    def line_of(self, *path: str | int) -> int | None:
        """The file line of a front-matter field."""
        return self.meta_lines.line(*path) if self.meta_lines else None
