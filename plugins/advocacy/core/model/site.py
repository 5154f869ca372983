"""Site settings the core needs, read from ``mkdocs.yml`` without importing MkDocs."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TODAY_ENV = "ADVOCACY_TODAY"
CACHE_ENV = "ADVOCACY_CACHE_DIR"


class SiteError(Exception):
    """The repository cannot be read as a site (no mkdocs.yml, broken YAML, bad option)."""


def zone(name: str) -> dt.tzinfo:
    """A time zone by name (UTC when the machine lacks the zone database)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def today_from_env(default: dt.date | None = None) -> dt.date:
    """Today, or the day ``ADVOCACY_TODAY`` names (for previews and tests)."""
    value = os.environ.get(TODAY_ENV)
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise SiteError(f"{TODAY_ENV}={value!r} is not a date: use YYYY-MM-DD.") from None
    return default or dt.date.today()


@dataclass
class Site:
    """Where things are and the site-wide defaults; all paths are relative to ``root``."""

    root: Path
    docs_dir: str = "site_src"
    posts_dir: str = "blog/posts"  # relative to docs_dir
    blog_dir: str = "blog"  # relative to docs_dir: where listings and author pages go
    authors_dir: str = "authors"
    media_dir: str = "media"
    policy: str = "policy.yml"
    language: str = "da"
    languages: tuple[str, ...] = ("da", "en")
    categories: tuple[str, ...] = ()
    site_name: str = ""
    site_url: str | None = None
    per_page: int = 10
    jobs_url: str | None = None  # the company's open positions
    team_jobs: dict[str, str] = field(default_factory=dict)  # a team's own jobs page
    spoken: tuple[str, ...] = ()  # the languages the pages speak (the option `languages`)
    today: dt.date = field(default_factory=today_from_env)
    timezone: str = "Europe/Copenhagen"  # a post's date is a day here
    policy_page: str = "some-policy"  # where the readable policy is generated
    # mkdocs.yml's markdown_extensions and mdx_configs, as MkDocs loaded them: the check
    # renders with exactly what the build renders with.
    markdown_extensions: tuple[Any, ...] = ()
    markdown_configs: dict[str, Any] = field(default_factory=dict)

    @property
    def posts_path(self) -> Path:
        """The folder holding posts."""
        return self.root / self.docs_dir / self.posts_dir

    @property
    def cache_path(self) -> Path:
        """Work that can be redone (processed images, cards): git-ignored, safe to delete.

        ``ADVOCACY_CACHE_DIR`` moves it, e.g. to a folder CI restores between runs.
        """
        folder = os.environ.get(CACHE_ENV)
        return Path(folder) if folder else self.root / ".cache" / "advocacy"

    @property
    def authors_path(self) -> Path:
        """The folder holding author files."""
        return self.root / self.authors_dir

    def generated(self, src_uri: str) -> bool:
        """Whether a page at ``src_uri`` (below docs_dir) is one the plugin generates: the
        blog's listings, people and topic pages, the policy, the story ideas, the jobs and
        feeds pages, and, for each other language the site speaks, their mirror below its
        code (``en/blog/``, ``en/index.md``)."""
        if not src_uri.endswith("index.md"):
            return False
        for lang in self.spoken:
            if lang != self.language and src_uri.startswith(f"{lang}/"):
                src_uri = src_uri[len(lang) + 1 :]
                if src_uri == "index.md":
                    return True
                break
        blog = self.blog_dir.strip("/") + "/"
        return (
            src_uri.startswith(blog) and not src_uri.startswith(self.posts_dir.strip("/") + "/")
        ) or src_uri in (
            f"{self.policy_page.strip('/')}/index.md",
            "story-ideas/index.md",
            "feeds/index.md",
            *(["jobs/index.md"] if self.jobs_url else []),
        )

    def rel(self, path: Path) -> str:
        """``path`` relative to the repository root, with ``/``."""
        try:  # the common case, a path built from root: no file system calls
            if ".." not in path.parts:
                return path.relative_to(self.root).as_posix()
        except ValueError:
            pass
        return path.resolve().relative_to(self.root.resolve()).as_posix()
