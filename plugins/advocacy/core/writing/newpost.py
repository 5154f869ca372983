"""``advocacy new``: a post started from a story template, front matter filled in.

The file name follows the contract (``YYYY-MM-DD-<slug>.md``, the slug from the title in
readable ASCII), so a later change of title never moves the published address.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from advocacy.core.i18n.catalog import lines, text
from advocacy.core.model.entities import Author
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slugify
from advocacy.core.reading.files import resolve_media
from advocacy.core.writing.stories import STORY_TYPES, story


class NewPostError(ValueError):
    """Options that cannot make a post; the message says which and why.

    ``str()`` is the English message; :meth:`message` says it in another language.
    """

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        """The message in ``lang``."""
        return text(lang, f"newpost.error.{self.key}", **self.values)


@dataclass(frozen=True)
class NewPost:
    """What the author told us: the rest comes from the story template."""

    title: str
    author: str
    language: str
    story: str
    date: dt.date
    image: str | None = None
    image_alt: str | None = None


def _quote(value: str) -> str:
    """A YAML double-quoted string (JSON's escaping is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def post_path(site: Site, spec: NewPost) -> Path:
    """Where the new post goes: ``site_src/blog/posts/YYYY/YYYY-MM-DD-<slug>.md``."""
    slug = slugify(spec.title) or "historie"
    return site.posts_path / f"{spec.date:%Y}" / f"{spec.date.isoformat()}-{slug}.md"


def render_post(site: Site, authors: dict[str, Author], spec: NewPost) -> str:
    """The new post's text; raises :class:`NewPostError` for options that do not fit."""
    if spec.author not in authors:
        raise NewPostError("no_author", author=spec.author, known=", ".join(sorted(authors)) or "-")
    if spec.language not in site.languages:
        raise NewPostError("language", choices=", ".join(site.languages))
    if spec.story not in STORY_TYPES:
        raise NewPostError("story", choices=", ".join(STORY_TYPES))
    if not spec.title.strip():
        raise NewPostError("title_empty")
    author = authors[spec.author]
    template = story(spec.story, spec.language, first=author.name.split()[0])
    out = [
        "---",
        f"title: {_quote(spec.title.strip())}",
        f"date: {spec.date.isoformat()}",
        f"authors: [{spec.author}]",
        f"description: {_quote(template.description)}",
        f"language: {spec.language}",
    ]
    if not site.categories or template.category in site.categories:
        out.append(f"categories: [{_quote(template.category)}]")
    out.append("tags: []")
    if spec.image:
        resolved = resolve_media(
            spec.image, site.rel(site.posts_path / "x.md"), site.root, site.media_dir
        )
        if resolved.problem or not resolved.path:
            raise NewPostError("image_not_media", image=spec.image, media=site.media_dir)
        if not spec.image_alt:
            raise NewPostError("image_alt")
        out += [f"image: {resolved.path}", f"image_alt: {_quote(spec.image_alt)}"]
    # The comments and prompts are in the post's language, for its author.
    out += [*lines(spec.language, "newpost.comments"), "---", ""]
    prompts = "\n".join(f"- {prompt}" for prompt in template.prompts)
    out += ["<!--", text(spec.language, "newpost.prompts_heading"), prompts, "-->", ""]
    return "\n".join(out)


def create_post(site: Site, authors: dict[str, Author], spec: NewPost) -> Path:
    """Write the new post; never overwrites an existing file."""
    body = render_post(site, authors, spec)
    path = post_path(site, spec)
    if path.exists():
        raise NewPostError("exists", path=site.rel(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(body)
    return path
