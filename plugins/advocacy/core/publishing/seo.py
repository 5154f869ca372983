"""Link previews and structured data: Open Graph, Twitter cards and JSON-LD, as plain data.

Absolute URLs only: LinkedIn, search engines and feed readers do not know which page a
relative address was relative to.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from advocacy.core.model.entities import Author, Post

LOCALES = {"da": "da_DK", "en": "en_GB"}


def aware(value: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """A post's date as a moment in the site's time zone (midnight for a plain date)."""
    return value if value.tzinfo else value.replace(tzinfo=tz)


def absolute(base: str, path: str) -> str:
    """``path`` (relative to the site root) under the site's address."""
    return base.rstrip("/") + "/" + path.lstrip("/")


def _person(author: Author, base: str, photo: str | None) -> dict[str, Any]:
    person: dict[str, Any] = {
        "@type": "Person",
        "name": author.name,
        "url": absolute(base, author.url),
        "jobTitle": author.role,
    }
    if author.linkedin:
        person["sameAs"] = [author.linkedin]
    if photo:
        person["image"] = absolute(base, photo)
    return person


def post_meta(
    post: Post,
    authors: list[Author],
    base: str,
    site_name: str,
    company: str,
    card: str | None,
    tz: dt.tzinfo,
) -> dict[str, Any]:
    """Open Graph, Twitter and a ``BlogPosting`` for a post page."""
    url = absolute(base, post.url)
    published = aware(post.date, tz).isoformat()
    modified = aware(post.updated or post.date, tz).isoformat()
    og = [
        ("og:type", "article"),
        ("og:title", post.title),
        ("og:description", post.description),
        ("og:url", url),
        ("og:site_name", site_name),
        ("og:locale", LOCALES.get(post.language, post.language)),
        ("article:published_time", published),
        ("article:modified_time", modified),
    ]
    og += [("article:author", absolute(base, a.url)) for a in authors]
    og += [("article:section", c) for c in post.categories[:1]]
    og += [("article:tag", t) for t in post.tags]
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": post.description,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published,
        "dateModified": modified,
        "inLanguage": post.language,
        "author": [_person(a, base, None) for a in authors],
        "publisher": {"@type": "Organization", "name": company or site_name, "url": base},
    }
    if post.tags:
        posting["keywords"] = ", ".join(post.tags)
    if card:
        posting["image"] = {
            "@type": "ImageObject",
            "url": absolute(base, card),
            "width": 1200,
            "height": 627,
        }
    return {
        "og": og,
        "twitter": _twitter(post.title, post.description),
        "jsonld": posting,
        "canonical": url,
    }


def author_meta(
    author: Author,
    base: str,
    site_name: str,
    company: str,
    bio: str | None,
    photo: str | None,
    lang: str,
) -> dict[str, Any]:
    """Open Graph, Twitter and a ``ProfilePage`` about a ``Person`` for an author page."""
    url = absolute(base, author.url)
    description = bio or f"{author.name}, {author.role}, {author.team}"
    og = [
        ("og:type", "profile"),
        ("og:title", author.name),
        ("og:description", description),
        ("og:url", url),
        ("og:site_name", site_name),
        ("og:locale", LOCALES.get(lang, lang)),
    ]
    person = _person(author, base, photo)
    person["worksFor"] = {"@type": "Organization", "name": company or site_name}
    if bio:
        person["description"] = bio
    profile = {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": url,
        "inLanguage": lang,
        "mainEntity": person,
    }
    return {
        "og": og,
        "twitter": _twitter(author.name, description),
        "jsonld": profile,
        "canonical": url,
    }


def page_meta(title: str, description: str, url: str, site_name: str, lang: str) -> dict[str, Any]:
    """Open Graph for any other page (listings, the home page, the policy)."""
    og = [
        ("og:type", "website"),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:site_name", site_name),
        ("og:locale", LOCALES.get(lang, lang)),
    ]
    return {
        "og": og,
        "twitter": _twitter(title, description, large=False),
        "jsonld": None,
        "canonical": url,
    }


def _twitter(title: str, description: str, large: bool = True) -> list[tuple[str, str]]:
    return [
        ("twitter:card", "summary_large_image" if large else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
