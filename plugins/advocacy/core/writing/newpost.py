"""``advocacy new``: a post started from a story template, front matter filled in.

The file name follows the contract (``YYYY-MM-DD-<slug>.md``, the slug from the title in
readable ASCII), so a later change of title never moves the published address. Nothing is
filled in for the writer that they should write themselves: the description is left as a
commented line with what it is for, so the check asks for one until it is there.

Every answer is judged by one function per question (:func:`check_title`,
:func:`check_author`, ...), whether it comes from an option or from the terminal, so a
refused answer is always refused with the same reason.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from advocacy.core.checking.consent import OK, profile_state
from advocacy.core.i18n.catalog import format_list, lines, text
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
        values = {
            k: format_list(v, lang, "or") if isinstance(v, tuple) else v
            for k, v in self.values.items()
        }
        return text(lang, f"newpost.error.{self.key}", **values)


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


# -- the answers, one judge each ------------------------------------------------------------


def check_title(title: str | None) -> str:
    """A title with letters or digits in it (the file name and address are made from it)."""
    title = (title or "").strip()
    if not title:
        raise NewPostError("title_empty")
    if not slugify(title):
        raise NewPostError("title_no_letters", title=title)
    return title


def current_authors(authors: dict[str, Author], today: dt.date) -> list[Author]:
    """The colleagues a post can be started for today: profile consent that is current, and
    still employed. By name."""
    return sorted(
        (
            a
            for a in authors.values()
            if profile_state(a, today)[0] == OK and (a.left is None or a.left > today)
        ),
        key=lambda a: (a.name.casefold(), a.slug),
    )


def check_author(slug: str | None, authors: dict[str, Author], today: dt.date) -> str:
    """One of the current colleagues, by the name of their author file."""
    slug = (slug or "").strip().removesuffix(".yml")
    current = current_authors(authors, today)
    known = ", ".join(a.slug for a in current) or "-"
    if slug not in authors:
        raise NewPostError("no_author", author=slug, known=known)
    author = authors[slug]
    if author.left is not None and author.left <= today:
        raise NewPostError("author_left", author=slug, day=author.left.isoformat(), known=known)
    if profile_state(author, today)[0] != OK:
        raise NewPostError("author_consent", author=slug, known=known)
    return slug


def check_language(value: str | None, site: Site) -> str:
    """One of the languages the site's posts are written in."""
    value = (value or "").strip().lower()
    if value not in site.languages:
        raise NewPostError("language", value=value, choices=tuple(site.languages))
    return value


def check_story(value: str | None) -> str:
    """One of the kinds of story (:data:`STORY_TYPES`)."""
    value = (value or "").strip().lower()
    if value not in STORY_TYPES:
        raise NewPostError("story", value=value, choices=tuple(STORY_TYPES))
    return value


def check_date(value: str | None, today: dt.date) -> dt.date:
    """The publish date, written YYYY-MM-DD (today when not given)."""
    if not value:
        return today
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise NewPostError("date", value=value) from None


# -- the file -------------------------------------------------------------------------------


def _quote(value: str) -> str:
    """A YAML double-quoted string (JSON's escaping is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def post_path(site: Site, spec: NewPost) -> Path:
    """Where the new post goes: ``site_src/blog/posts/YYYY/YYYY-MM-DD-<slug>.md``."""
    slug = slugify(spec.title) or "historie"
    return site.posts_path / f"{spec.date:%Y}" / f"{spec.date.isoformat()}-{slug}.md"


def post_address(site: Site, spec: NewPost) -> str:
    """The address the post will have: ``blog/YYYY/MM/DD/<slug>/``."""
    return f"{site.blog_dir}/{spec.date:%Y/%m/%d}/{slugify(spec.title) or 'historie'}/"


def render_post(
    site: Site, authors: dict[str, Author], spec: NewPost, head: list[str] | None = None
) -> str:
    """The new post's text; raises :class:`NewPostError` for options that do not fit.

    ``head`` are comment lines put first in the front matter (the story-idea buttons say
    there how to name the file).
    """
    if spec.author not in authors:
        raise NewPostError("no_author", author=spec.author, known=", ".join(sorted(authors)) or "-")
    check_language(spec.language, site)
    check_story(spec.story)
    title = check_title(spec.title)
    author = authors[spec.author]
    template = story(spec.story, spec.language, first=author.name.split()[0])
    out = [
        "---",
        *(head or []),
        f"title: {_quote(title)}",
        f"date: {spec.date.isoformat()}",
        f"authors: [{spec.author}]",
        *lines(spec.language, "newpost.description", guidance=template.description),
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
    else:
        out += lines(spec.language, "newpost.image", year=f"{spec.date:%Y}")
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
