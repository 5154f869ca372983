"""``advocacy new``: a post started from a story template, front matter filled in.

The file name follows the contract (``YYYY-MM-DD-<slug>.md``, the slug from the title in
readable ASCII), so a later change of title never moves the published address.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from advocacy.core.model.entities import Author
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slugify
from advocacy.core.reading.paths import resolve_media
from advocacy.core.writing.stories import STORY_TYPES

COMMENTS = {
    "en": ["# people:            # everyone named or pictured besides you, with consent",
           "#   - author: colleague-slug", "#   - name: \"Full Name\"",
           "#     consent: YYYY-MM-DD", "#     evidence: HR-...",
           "# share:", "#   text: \"Your own words for LinkedIn\""],
    "da": ["# people:            # alle andre, der nævnes eller ses, med deres samtykke",
           "#   - author: kollegas-filnavn", "#   - name: \"Fulde Navn\"",
           "#     consent: ÅÅÅÅ-MM-DD", "#     evidence: HR-...",
           "# share:", "#   text: \"Dine egne ord til LinkedIn\""],
}


class NewPostError(ValueError):
    """Options that cannot make a post; the message says which and why."""


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
        known = ", ".join(sorted(authors)) or "-"
        raise NewPostError(f"There is no author '{spec.author}'. Known authors: {known}.")
    if spec.language not in site.languages:
        raise NewPostError(f"The language must be one of {', '.join(site.languages)}.")
    if spec.story not in STORY_TYPES:
        raise NewPostError(f"The story type must be one of {', '.join(STORY_TYPES)}.")
    if not spec.title.strip():
        raise NewPostError("The title is empty.")
    template = STORY_TYPES[spec.story][spec.language]
    author = authors[spec.author]
    first = author.name.split()[0]
    lines = ["---", f"title: {_quote(spec.title.strip())}", f"date: {spec.date.isoformat()}",
             f"authors: [{spec.author}]",
             f"description: {_quote(str(template['description']).format(first=first))}",
             f"language: {spec.language}"]
    category = str(template["category"])
    if not site.categories or category in site.categories:
        lines.append(f"categories: [{_quote(category)}]")
    lines.append("tags: []")
    if spec.image:
        resolved = resolve_media(spec.image, site.rel(site.posts_path / "x.md"), site.root,
                                 site.media_dir)
        if resolved.problem or not resolved.path:
            raise NewPostError(f"The image '{spec.image}' is not a file under "
                               f"{site.media_dir}/.")
        if not spec.image_alt:
            raise NewPostError("Describe the image in a few words (image alt text) for "
                               "readers who cannot see it.")
        lines += [f"image: {resolved.path}", f"image_alt: {_quote(spec.image_alt)}"]
    lines += COMMENTS[spec.language] + ["---", ""]
    prompts = "\n".join(f"- {prompt}" for prompt in template["prompts"])  # type: ignore[union-attr]
    heading = "Skriv din historie her. Spørgsmål til at komme i gang:" if (
        spec.language == "da") else "Write your story here. Questions to get you started:"
    lines += ["<!--", heading, prompts, "-->", ""]
    return "\n".join(lines)


def create_post(site: Site, authors: dict[str, Author], spec: NewPost) -> Path:
    """Write the new post; never overwrites an existing file."""
    text = render_post(site, authors, spec)
    path = post_path(site, spec)
    if path.exists():
        raise NewPostError(f"{site.rel(path)} exists already; choose another title.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path
