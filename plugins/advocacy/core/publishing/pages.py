"""The pages the blog generates, in every language the site speaks: listings, archive,
categories, tags, teams, people and author pages, and the careers pages (an entry page per
language, jobs, feeds).

Each is planned as data (address, title, template, context); the MkDocs adapter turns them
into generated files. Listings show the front matter's description, never a rendered
excerpt, so each post's Markdown is rendered exactly once, on its own page. A listing shows
a story once, in its reader's language, with links to its other versions.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from advocacy.core.i18n.ui import plural, strings
from advocacy.core.model.entities import Post
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slugify
from advocacy.core.publishing.careers.languages import Languages, once, versions
from advocacy.core.publishing.careers.site_pages import Careers, careers_pages, team_views
from advocacy.core.publishing.edition import Edition
from advocacy.core.publishing.views import (
    author_view,
    category_url,
    other_versions,
    post_card,
    tag_url,
)

Card = Callable[[Post, str], dict[str, Any]]  # a post's card for a reader's language


@dataclass
class GeneratedPage:
    """One generated page: ``src_uri`` is in the docs folder's space, ending in index.md."""

    src_uri: str
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    search: bool = False

    def markdown(self) -> str:
        """The page's Markdown source with front matter (written by YAML's own writer: a
        title from a person's name or a tag can hold any character)."""
        meta: dict[str, Any] = {"title": self.title, "template": self.template}
        if not self.search:
            meta["search"] = {"exclude": True}
        return front_matter(meta) + self.body + "\n"


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def as_text(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text: a bio is words, never links,
    pictures or markup, whatever it looks like."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(_MARKDOWN.sub(r"\\\1", html.escape(p, quote=False)) for p in paragraphs)


def front_matter(meta: dict[str, Any]) -> str:
    """``---`` front matter for generated Markdown, by ``yaml.safe_dump``."""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def _paginate(
    prefix: str,
    title: str,
    cards: list[dict[str, Any]],
    per_page: int,
    t: dict,
    extra: dict[str, Any] | None = None,
    template: str = "advocacy/listing.html",
) -> Iterable[GeneratedPage]:
    """A listing split into pages: ``prefix/`` then ``prefix/page/N/``."""
    pages = max(1, -(-len(cards) // per_page))
    url = [f"{prefix}/" if n == 1 else f"{prefix}/page/{n}/" for n in range(1, pages + 1)]
    for n in range(1, pages + 1):
        context = {
            "kind": "listing",
            "heading": title,
            "posts": cards[(n - 1) * per_page : n * per_page],
            "pagination": {
                "page": n,
                "pages": pages,
                "label": t["page_of"].format(page=n, pages=pages),
                "newer": url[n - 2] if n > 1 else None,
                "older": url[n] if n < pages else None,
            },
            **(extra or {}),
        }
        page_title = title if n == 1 else f"{title} ({t['page_of'].format(page=n, pages=pages)})"
        yield GeneratedPage(f"{url[n - 1]}index.md", page_title, template, context)


def _compact(
    prefix: str, title: str, cards: list[dict[str, Any]], extra: dict[str, Any]
) -> GeneratedPage:
    """A one-page list of titles (archive years, topics): quick to scan, quick to build."""
    return GeneratedPage(
        f"{prefix}/index.md",
        title,
        "advocacy/compact.html",
        {"kind": "compact", "heading": title, "posts": cards, **extra},
    )


def plan_pages(
    site: Site, edition: Edition, card: Card | None = None, careers: Careers | None = None
) -> list[GeneratedPage]:
    """Every generated page for today's edition; ``card`` makes (or recalls) a post's card
    for a reader's language; ``careers`` says which languages, teams and brand there are."""
    careers = careers or Careers(Languages(site.language))
    make: Card = card or (lambda p, lang: post_card(p, edition, lang, site.blog_dir, careers.langs))
    stories = versions(edition)
    pages: list[GeneratedPage] = []
    for lang in careers.langs.spoken:
        pages += _pages_in(lang, site, edition, make, careers, stories)
    return pages


def _pages_in(
    lang: str,
    site: Site,
    edition: Edition,
    card: Card,
    careers: Careers,
    stories: dict[str, list[Post]],
) -> list[GeneratedPage]:
    """The generated pages of one language."""
    langs = careers.langs
    blog, per_page, t = site.blog_dir, site.per_page, strings(lang)
    prefix = langs.prefix(lang)
    own = lang == langs.default  # the site's own language: these pages are searched
    at = f"{prefix}{blog}"
    base = {"lang": lang}

    def listing(posts: Iterable[Post], dedupe: bool = True) -> list[dict[str, Any]]:
        if not dedupe:
            return [card(p, lang) for p in posts]
        return [
            {**card(shown, lang), "versions": other_versions(others, lang)}
            for shown, others in once(posts, lang, stories)
        ]

    codes = sorted({p.language for p in edition.posts})
    filters = (
        [{"label": t["all_languages"], "url": f"{at}/", "lang": ""}]
        + [
            {"label": t.get(f"lang_{code}", code), "url": f"{at}/lang/{code}/", "lang": code}
            for code in codes
        ]
        if len(codes) > 1
        else []
    )
    pages = list(
        _paginate(
            at,
            t["stories"],
            listing(edition.posts),
            per_page,
            t,
            {**base, "feed_key": "", "filters": filters, "filter": "", "intro": t["stories_intro"]},
        )
    )
    for code in codes if filters else ():
        in_lang = t["in_lang"].format(language=t.get(f"lang_name_{code}", code))
        pages += _paginate(
            f"{at}/lang/{code}",
            f"{t['stories']} {in_lang}",
            listing((p for p in edition.posts if p.language == code), False),
            per_page,
            t,
            {**base, "feed_key": f"lang:{code}", "filters": filters, "filter": code},
        )
    by_year: dict[int, list[Post]] = defaultdict(list)
    by_category: dict[str, list[Post]] = defaultdict(list)
    by_tag: dict[str, list[Post]] = defaultdict(list)
    for post in edition.posts:
        by_year[post.date.year].append(post)
        for category in post.categories:
            by_category[category].append(post)
        for tag in post.tags:
            by_tag[tag].append(post)
    for year, posts in sorted(by_year.items(), reverse=True):
        pages.append(
            _compact(
                f"{at}/archive/{year}", t["archive_year"].format(year=year), listing(posts), base
            )
        )
    for name, posts in sorted(by_category.items()):
        pages += _paginate(
            f"{at}/category/{slugify(name)}",
            t["category"].format(name=langs.word(name, lang)),
            listing(posts),
            per_page,
            t,
            {**base, "kind": "category", "feed_key": f"category:{name}"},
        )
    for name, posts in sorted(by_tag.items()):
        pages.append(
            _compact(f"{at}/tag/{slugify(name)}", t["tag"].format(name=name), listing(posts), base)
        )
    count = {k: plural(lang, "stories", len(v)) for k, v in by_tag.items()}
    tags = [
        {"name": n, "url": tag_url(n, blog, prefix), "count": len(p), "label": count[n]}
        for n, p in sorted(by_tag.items(), key=lambda item: item[0].lower())
    ]
    years = [
        {"year": y, "url": f"{at}/archive/{y}/", "count": len(p)}
        for y, p in sorted(by_year.items(), reverse=True)
    ]
    categories = [
        {
            "name": langs.word(n, lang),
            "url": category_url(n, blog, prefix),
            "count": len(p),
            "label": plural(lang, "stories", len(p)),
        }
        for n, p in sorted(by_category.items())
    ]
    pages.append(
        GeneratedPage(
            f"{at}/tags/index.md",
            t["tags"],
            "advocacy/tags.html",
            {
                **base,
                "kind": "tags",
                "tags": tags,
                "years": years,
                "categories": categories,
                "intro": t["tags_intro"],
            },
        )
    )
    teams = team_views(edition, site, careers, lang)
    stories_of = careers.team_stories(edition)
    for team in teams:
        pages += _paginate(
            team["url"].rstrip("/"),
            t["team_title"].format(name=team["name"]),
            listing(stories_of.get(team["team"], [])),
            per_page,
            t,
            {**base, "kind": "team", "team": team, "feed_key": f"team:{team['team']}"},
            "advocacy/team.html",
        )
    pages.append(
        GeneratedPage(
            f"{at}/authors/index.md",
            t["meet"],
            "advocacy/authors.html",
            {**base, "kind": "authors", "teams": teams, "intro": t["meet_intro"]},
            search=own,
        )
    )
    for author in edition.authors.values():
        view = author_view(author, edition, lang, blog, langs)
        pages.append(
            GeneratedPage(
                f"{at}/author/{author.slug}/index.md",
                author.name,
                "advocacy/author.html",
                {
                    **base,
                    "kind": "author",
                    "author": view,
                    "posts": listing(edition.posts_by(author.slug)),
                    "heading": t["posts_by"].format(name=view["first_name"]),
                },
                body=as_text(view["bio"] or ""),
                search=own,
            )
        )
    for spec in careers_pages(lang, site, careers, teams):
        pages.append(GeneratedPage(**{**spec, "context": {**base, **spec["context"]}}))
    return pages
