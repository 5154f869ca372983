"""What templates show about a post or an author, as plain data (no MkDocs, no Jinja).

URLs are relative to the site root (``blog/author/x/``); templates pass them through MkDocs'
``url`` filter to make them relative to the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from advocacy.core.i18n.ui import format_date, strings
from advocacy.core.media.video import VIDEO_TYPES, embed_url, transcript, watch_url
from advocacy.core.model.entities import Author, Post
from advocacy.core.model.slugs import initials, slugify
from advocacy.core.publishing.edition import Edition


def category_url(name: str, blog_dir: str = "blog") -> str:
    """The address of a category's listing."""
    return f"{blog_dir}/category/{slugify(name)}/"


def tag_url(name: str, blog_dir: str = "blog") -> str:
    """The address of a tag's listing."""
    return f"{blog_dir}/tag/{slugify(name)}/"


def author_url(slug: str, blog_dir: str = "blog") -> str:
    """The address of an author's page."""
    return f"{blog_dir}/author/{slug}/"


def author_view(author: Author, edition: Edition, lang: str, blog_dir: str = "blog"
                ) -> dict[str, Any]:
    """An author as templates show them: photo only with consent, else initials."""
    t = strings(lang)
    return {
        "slug": author.slug,
        "name": author.name,
        "role": author.role,
        "team": author.team,
        "location": author.location,
        "url": author_url(author.slug, blog_dir),
        "photo": author.photo if edition.show_photo(author) else None,
        "photo_alt": t["photo_of"].format(name=author.name),
        "initials": initials(author.name),
        "linkedin": author.linkedin,
        "linkedin_label": t["linkedin"].format(name=author.name),
        "bio": author.bio_in(lang),
        "former": author.left is not None and author.left <= edition.today,
    }


def post_card(post: Post, edition: Edition, lang: str, blog_dir: str = "blog") -> dict[str, Any]:
    """A post as listings and post pages show it; nothing here needs the body rendered."""
    authors = [author_view(edition.authors[s], edition, lang, blog_dir)
               for s in post.authors if s in edition.authors]
    return {
        "title": post.title,
        "url": post.url,
        "description": post.description,
        "date": post.date.date().isoformat(),
        "date_display": format_date(post.date.date(), lang),
        "reading_minutes": post.reading_minutes,
        "language": post.language,
        "language_name": strings(lang).get(f"lang_{post.language}", post.language),
        "authors": authors,
        "categories": [{"name": c, "url": category_url(c, blog_dir)} for c in post.categories],
        "tags": [{"name": t, "url": tag_url(t, blog_dir)} for t in post.tags],
        "image": post.image,
        "image_alt": post.image_alt,
    }


def video_view(post: Post, root: Path, captions_path: str | None) -> dict[str, Any] | None:
    """A post's video as the template shows it; ``captions_path`` is repository-relative."""
    video = post.video
    if video is None:
        return None
    t = strings(post.language)
    title = video.title or post.title
    view: dict[str, Any] = {
        "title": title,
        "poster": video.poster,
        "captions": captions_path,
        "captions_lang": post.language,
        "captions_label": t["captions"],
        "transcript": transcript(root / captions_path) if captions_path else [],
    }
    if video.src:
        view.update(kind="file", src=video.src,
                    type=VIDEO_TYPES.get(Path(video.src).suffix.lower(), "video/mp4"))
    else:
        service = "YouTube" if video.youtube else "Vimeo"
        view.update(kind="embed", service=service, embed=embed_url(video.youtube, video.vimeo),
                    watch=watch_url(video.youtube, video.vimeo),
                    play=t["play_video"].format(title=title, service=service),
                    note=t["embed_note"].format(service=service),
                    watch_label=t["watch_on"].format(service=service))
    return view
