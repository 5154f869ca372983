"""What templates show about a post or an author, as plain data (no MkDocs, no Jinja).

URLs are relative to the site root (``blog/author/x/``); templates pass them through MkDocs'
``url`` filter to make them relative to the page. Every view is made for one reader's
language (``lang``): its words, its dates, and links to that language's pages (``langs``
says where they are, and holds the site's own words in other languages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from advocacy.core.i18n.ui import format_date, strings
from advocacy.core.media.video import VIDEO_TYPES, embed_url, transcript, watch_url
from advocacy.core.model.entities import Author, Post
from advocacy.core.model.slugs import initials, slugify
from advocacy.core.publishing.careers.languages import Languages
from advocacy.core.publishing.edition import Edition
from advocacy.core.publishing.teams import team_url


def category_url(name: str, blog_dir: str = "blog", prefix: str = "") -> str:
    """The address of a category's listing (``prefix``: a language's, like ``en/``)."""
    return f"{prefix}{blog_dir}/category/{slugify(name)}/"


def tag_url(name: str, blog_dir: str = "blog", prefix: str = "") -> str:
    """The address of a tag's listing."""
    return f"{prefix}{blog_dir}/tag/{slugify(name)}/"


def author_url(slug: str, blog_dir: str = "blog", prefix: str = "") -> str:
    """The address of an author's page."""
    return f"{prefix}{blog_dir}/author/{slug}/"


def author_view(
    author: Author,
    edition: Edition,
    lang: str,
    blog_dir: str = "blog",
    langs: Languages | None = None,
) -> dict[str, Any]:
    """An author as templates show them: photo only with consent, else initials."""
    t = strings(lang)
    langs = langs or Languages(lang)
    prefix = langs.prefix(lang)
    return {
        "slug": author.slug,
        "name": author.name,
        "first_name": author.name.split()[0] if author.name.split() else author.name,
        "role": langs.word(author.role, lang),
        "team": langs.word(author.team, lang),
        "team_url": team_url(author.team, blog_dir, prefix),
        "location": langs.word(author.location, lang) if author.location else None,
        "url": author_url(author.slug, blog_dir, prefix),
        "photo": author.photo if edition.show_photo(author) else None,
        "photo_alt": t["photo_of"].format(name=author.name),
        "initials": initials(author.name),
        "linkedin": author.linkedin,
        "linkedin_label": t["linkedin"].format(name=author.name),
        "bio": author.bio_in(lang),
        "bio_lang": lang if author.bio.get(lang) else next(iter(author.bio), lang),
        "former": author.left is not None and author.left <= edition.today,
    }


def post_card(
    post: Post, edition: Edition, lang: str, blog_dir: str = "blog", langs: Languages | None = None
) -> dict[str, Any]:
    """A post as a reader of ``lang`` sees it in listings and on its page; nothing here
    needs the body rendered."""
    langs = langs or Languages(lang)
    prefix = langs.prefix(lang)
    t = strings(lang)
    authors = [
        author_view(edition.authors[s], edition, lang, blog_dir, langs)
        for s in post.authors
        if s in edition.authors
    ]
    return {
        "title": post.title,
        "url": post.url,
        "description": post.description,
        "date": post.date.date().isoformat(),
        "date_display": format_date(post.date.date(), lang),
        "reading_minutes": post.reading_minutes,
        "language": post.language,
        "language_name": t.get(f"lang_{post.language}", post.language),
        "foreign": post.language != lang,  # shown with its language named
        "featured": post.featured,
        "authors": authors,
        "categories": [
            {"name": langs.word(c, lang), "url": category_url(c, blog_dir, prefix)}
            for c in post.categories
        ],
        "tags": [{"name": name, "url": tag_url(name, blog_dir, prefix)} for name in post.tags],
        "image": post.image,
        "image_alt": post.image_alt,
        "versions": [],  # the story's other languages, where a listing shows it once
    }


def other_versions(others: list[Post], lang: str) -> list[dict[str, Any]]:
    """Links to a story's other languages, labelled in the reader's language."""
    t = strings(lang)
    return [
        {
            "url": p.url,
            "language": p.language,
            "title": p.title,
            "label": t["also_in"].format(language=t.get(f"lang_name_{p.language}", p.language)),
        }
        for p in others
    ]


def video_view(
    post: Post, root: Path, captions_path: str | None, lang: str | None = None
) -> dict[str, Any] | None:
    """A post's video as the template shows it, in the words of ``lang`` (the page's);
    ``captions_path`` is repository-relative."""
    video = post.video
    if video is None:
        return None
    t = strings(lang or post.language)
    title = video.title or post.title
    view: dict[str, Any] = {
        "title": title,
        "poster": video.poster,
        "captions": captions_path,
        "captions_lang": post.language,
        "captions_label": strings(post.language)["captions"],  # the captions' own language
        "transcript": transcript(root / captions_path) if captions_path else [],
    }
    if video.src:
        view.update(
            kind="file",
            src=video.src,
            type=VIDEO_TYPES.get(Path(video.src).suffix.lower(), "video/mp4"),
        )
    else:
        service = "YouTube" if video.youtube else "Vimeo"
        view.update(
            kind="embed",
            service=service,
            embed=embed_url(video.youtube, video.vimeo),
            watch=watch_url(video.youtube, video.vimeo),
            play=t["play_video"].format(title=title, service=service),
            note=t["embed_note"].format(service=service),
            watch_label=t["watch_on"].format(service=service),
        )
    return view
