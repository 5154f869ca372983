"""The typed objects everything else works with: authors, people, posts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from advocacy.core.reading.yamlsource import YamlDoc


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
    left: dt.date | None = None

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
    valid: bool = True  # False when the front matter has errors
    words: int = 0
    digest: str = ""  # sha256 of the file's text: what the rule cache is keyed on
    meta_lines: YamlDoc | None = field(default=None, repr=False, compare=False)
    cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

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
