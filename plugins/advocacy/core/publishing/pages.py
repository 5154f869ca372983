"""The pages the blog generates: listings, archive, categories, tags and author pages.

Each is planned as data (address, title, template, context); the MkDocs adapter turns them
into generated files. Listings show the front matter's description, never a rendered
excerpt, so each post's Markdown is rendered exactly once, on its own page.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from advocacy.core.i18n.ui import strings
from advocacy.core.model.entities import Post
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slugify
from advocacy.core.publishing.edition import Edition
from advocacy.core.publishing.teams import team_posts, team_url
from advocacy.core.publishing.views import author_view, category_url, post_card, tag_url


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
    return "\n\n".join(_MARKDOWN.sub(r"\\\1", html.escape(p, quote=False))
                       for p in paragraphs)


def front_matter(meta: dict[str, Any]) -> str:
    """``---`` front matter for generated Markdown, by ``yaml.safe_dump``."""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def _paginate(prefix: str, title: str, cards: list[dict[str, Any]], per_page: int, t: dict,
              extra: dict[str, Any] | None = None, template: str = "advocacy/listing.html"
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
                "page": n, "pages": pages,
                "label": t["page_of"].format(page=n, pages=pages),
                "newer": url[n - 2] if n > 1 else None,
                "older": url[n] if n < pages else None,
            },
            **(extra or {}),
        }
        page_title = title if n == 1 else f"{title} ({t['page_of'].format(page=n, pages=pages)})"
        yield GeneratedPage(f"{url[n - 1]}index.md", page_title, template, context)


def _compact(prefix: str, title: str, cards: list[dict[str, Any]]) -> GeneratedPage:
    """A one-page list of titles (archive years, topics): quick to scan, quick to build."""
    return GeneratedPage(f"{prefix}/index.md", title, "advocacy/compact.html",
                         {"kind": "compact", "heading": title, "posts": cards})


def plan_pages(site: Site, edition: Edition,
               card: Callable[[Post], dict[str, Any]] | None = None) -> list[GeneratedPage]:
    """Every generated page for today's edition; ``card`` makes (or recalls) a post's card."""
    lang, blog, per_page = site.language, site.blog_dir, site.per_page
    t = strings(lang)
    make = card or (lambda p: post_card(p, edition, lang, blog))
    cards = {id(p): make(p) for p in edition.posts}

    def listing(posts: Iterable[Post]) -> list[dict[str, Any]]:
        return [cards[id(p)] for p in posts]

    languages = sorted({p.language for p in edition.posts})
    filters = [{"label": t["all_languages"], "url": f"{blog}/", "lang": ""}] + [
        {"label": t.get(f"lang_{code}", code), "url": f"{blog}/lang/{code}/", "lang": code}
        for code in languages] if len(languages) > 1 else []
    pages = list(_paginate(blog, t["stories"], listing(edition.posts), per_page, t,
                           {"feed_key": "", "filters": filters, "filter": ""}))
    for code in languages if filters else ():
        in_lang = t["in_lang"].format(language=t.get(f"lang_name_{code}", code))
        pages += _paginate(f"{blog}/lang/{code}", f"{t['stories']} {in_lang}",
                           listing(p for p in edition.posts if p.language == code), per_page, t,
                           {"feed_key": f"lang:{code}", "filters": filters, "filter": code})
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
        pages.append(_compact(f"{blog}/archive/{year}", t["archive_year"].format(year=year),
                              listing(posts)))
    for name, posts in sorted(by_category.items()):
        pages += _paginate(f"{blog}/category/{slugify(name)}", t["category"].format(name=name),
                           listing(posts), per_page, t, {"feed_key": f"category:{name}"})
    for name, posts in sorted(by_tag.items()):
        pages.append(_compact(f"{blog}/tag/{slugify(name)}", t["tag"].format(name=name),
                              listing(posts)))
    tags = [{"name": n, "url": tag_url(n, blog), "count": len(p)} for n, p in sorted(
        by_tag.items(), key=lambda item: item[0].lower())]
    years = [{"year": y, "url": f"{blog}/archive/{y}/", "count": len(p)}
             for y, p in sorted(by_year.items(), reverse=True)]
    categories = [{"name": n, "url": category_url(n, blog), "count": len(p)}
                  for n, p in sorted(by_category.items())]
    pages.append(GeneratedPage(f"{blog}/tags/index.md", t["tags"], "advocacy/tags.html",
                               {"kind": "tags", "tags": tags, "years": years,
                                "categories": categories}))
    teams = [{"name": team, "url": team_url(team, blog),
              "authors": [author_view(a, edition, lang, blog) for a in people]}
             for team, people in edition.teams().items()]
    stories_of = team_posts(edition)
    for team in teams:
        name = team["name"]
        jobs = site.team_jobs.get(name) or site.jobs_url
        pages += _paginate(
            team["url"].rstrip("/"), t["team_title"].format(name=name),
            listing(stories_of.get(name, [])), per_page, t,
            {"kind": "team", "team": {**team, "jobs": jobs, "jobs_label": t["team_jobs"].format(
                name=name) if site.team_jobs.get(name) else t["jobs"]},
             "feed_key": f"team:{name}"}, "advocacy/team.html")
    pages.append(GeneratedPage(f"{blog}/authors/index.md", t["meet"], "advocacy/authors.html",
                               {"kind": "authors", "teams": teams}, search=True))
    for author in edition.authors.values():
        view = author_view(author, edition, lang, blog)
        pages.append(GeneratedPage(
            f"{blog}/author/{author.slug}/index.md", author.name, "advocacy/author.html",
            {"kind": "author", "author": view,
             "posts": listing(edition.posts_by(author.slug)),
             "heading": t["posts_by"].format(name=author.name)},
            body=as_text(view["bio"] or ""), search=True,
        ))
    return pages
