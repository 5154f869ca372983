"""The plugin's options in ``mkdocs.yml`` (``plugins: - advocacy: {...}``)."""

from __future__ import annotations

import os
import re
import stat
import zoneinfo
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class Colour(c.Type):
    """A colour as ``#rrggbb`` (it is written into a style sheet: nothing else gets in)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(str, **kwargs)

    def run_validation(self, value: object) -> str:
        """Only ``#`` and six hexadecimal digits."""
        text = str(super().run_validation(value)).strip()
        if not _HEX.match(text):
            raise c.ValidationError(
                f"'{text}' is not a colour: write it as #rrggbb, for example '#0e4d64'."
            )
        return text.lower()


class Count(c.Type):
    """A whole number within limits (a page of 0 posts, or of a million, is a mistake)."""

    def __init__(self, low: int, high: int, **kwargs: Any) -> None:
        super().__init__(int, **kwargs)
        self.low, self.high = low, high

    def run_validation(self, value: object) -> int:
        """A number from ``low`` to ``high``."""
        if isinstance(value, bool):
            raise c.ValidationError(
                f"Expected a number from {self.low} to {self.high}, not {value!r}."
            )
        number = int(super().run_validation(value))
        if not self.low <= number <= self.high:
            raise c.ValidationError(
                f"{number} is not allowed: use a number from {self.low} to {self.high}."
            )
        return number


class TimeZone(c.Type):
    """A time zone by its name in the tz database (``Europe/Copenhagen``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(str, **kwargs)

    def run_validation(self, value: object) -> str:
        """A name the tz database knows."""
        name = str(super().run_validation(value)).strip()
        try:
            zoneinfo.ZoneInfo(name)
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            raise c.ValidationError(
                f"'{name}' is not a time zone: write it like 'Europe/Copenhagen'."
            ) from None
        return name


class RepositoryFile(c.Type):
    """A file in the repository, by its path from ``mkdocs.yml``'s folder: it must exist,
    be a plain file (not a symbolic link) inside the repository, and end in one of
    ``suffixes``. The value stays the path as written (the core reads it from there)."""

    def __init__(self, suffixes: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(str, **kwargs)
        self.suffixes = suffixes
        self.config_dir: str | None = None

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        """Remember where ``mkdocs.yml`` is: paths are read from there."""
        self.config_dir = (
            os.path.dirname(config.config_file_path) if config.config_file_path else None
        )

    def run_validation(self, value: object) -> str:
        """The path, when it names a file this option may use."""
        path = str(super().run_validation(value)).strip()
        parts = path.replace("\\", "/").split("/")
        if os.path.isabs(path) or ".." in parts or not path.lower().endswith(self.suffixes):
            raise c.ValidationError(
                f"'{path}' must be a path in the repository, like "
                f"'media/brand/logo.png', to a {'/'.join(self.suffixes)} "
                "file."
            )
        if self.config_dir is not None:
            full = os.path.join(self.config_dir, path)
            try:
                mode = os.lstat(full).st_mode
            except OSError:
                raise c.ValidationError(f"The file '{path}' does not exist.") from None
            if not stat.S_ISREG(mode):
                raise c.ValidationError(
                    f"'{path}' is not a plain file (a symbolic link or a folder is never used)."
                )
        return path


class CardsConfig(base.Config):
    """The company's look on LinkedIn share cards (the brand's colours when left out)."""

    background = Colour(default="#1f3a5f")
    text = Colour(default="#ffffff")
    accent = Colour(default="#f2a541")
    # A PNG or JPEG in the repository, e.g. media/brand/logo.png
    logo = c.Optional(RepositoryFile((".png", ".jpg", ".jpeg")))


class JobsConfig(base.Config):
    """Where applicants find open positions: the company's page, and a team's own."""

    url = c.Optional(c.URL())
    teams = c.DictOfItems(c.URL(), default={})


class BrandConfig(base.Config):
    """The company's look on every page. Files are repository paths under the media folder:
    a photo (processed like every picture) or an SVG that ``policy.yml`` lists under
    ``brand_assets``. Texts given per language: ``{da: "...", en: "..."}``."""

    name = c.Optional(c.Type(str))  # short name in the header; else policy.yml's company
    logo = c.Optional(c.Type(str))  # e.g. media/brand/logo.svg
    favicon = c.Optional(c.Type(str))  # e.g. media/brand/favicon.svg
    hero = c.Optional(c.Type(str))  # a wide photo for the entry page
    hero_alt = c.DictOfItems(c.Type(str), default={})  # required with a hero
    tagline = c.DictOfItems(c.Type(str), default={})  # the entry page's headline
    primary = c.Optional(Colour())  # header, headings, links (shades are derived)
    accent = c.Optional(Colour())  # the jobs button and highlights


class AdvocacyConfig(base.Config):
    """Options of the ``advocacy`` plugin; paths are relative to ``mkdocs.yml``."""

    posts_dir = c.Type(str, default="blog/posts")  # below docs_dir
    blog_dir = c.Type(str, default="blog")  # below docs_dir: listings and author pages
    authors_dir = c.Type(str, default="authors")
    media_dir = c.Type(str, default="media")
    policy = c.Type(str, default="policy.yml")
    language = c.Choice(("da", "en"), default="da")
    # The languages the site's pages speak: the site's own at the usual addresses, every
    # other one under its code (en/blog/, en/blog/author/x/). Left out: only `language`.
    languages = c.ListOfItems(c.Choice(("da", "en")), default=[])
    # The site's own words in its other languages: categories, team names, roles, places,
    # navigation titles and the site's name ({en: {Hverdag: Everyday}}).
    translations = c.DictOfItems(c.DictOfItems(c.Type(str)), default={})
    categories = c.ListOfItems(c.Type(str), default=[])
    per_page = Count(1, 100, default=10)
    policy_page = c.Type(str, default="some-policy")  # the readable SoMe policy
    timezone = TimeZone(default="Europe/Copenhagen")  # a post's date is a local day
    feed_size = Count(1, 500, default=20)  # newest posts in each feed
    cards = c.SubConfig(CardsConfig)
    jobs = c.SubConfig(JobsConfig)
    brand = c.SubConfig(BrandConfig)
    teams_file = c.Type(str, default="teams.yml")  # what applicants read about each team
    # Pages below docs_dir the site links to when they exist (in every language it speaks:
    # en/how-we-hire.md is the English one): how the company hires, how to write a story.
    hiring_page = c.Type(str, default="how-we-hire.md")
    write_page = c.Type(str, default="write.md")
    # The GitHub repository, for the "new post" buttons; not Material's repo_url, which
    # makes every reader's browser call GitHub's API.
    repository = c.Optional(c.URL())
    branch = c.Type(str, default="main")
