"""What each page's template gets under ``advocacy``: post, listing or author data, the head
(link previews, structured data, feed links), share links and the employee's share kit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from advocacy.core.i18n.ui import strings
from advocacy.core.model.entities import Author, Post
from advocacy.core.model.site import Site
from advocacy.core.publishing.edition import Edition
from advocacy.core.publishing.seo import absolute, author_meta, page_meta, post_meta
from advocacy.core.publishing.share import share_kit, share_links
from advocacy.core.publishing.teams import related_posts, team_url, translations
from advocacy.core.publishing.views import post_card, video_view
from advocacy.core.reading.policy import Policy


@dataclass
class Feed:
    """A feed a page links to: its path below the site, MIME type and title."""

    url: str
    type: str
    title: str


@dataclass
class PageData:
    """Everything ``on_page_context`` needs, gathered during ``on_files``."""

    site: Site
    edition: Edition
    policy: Policy
    config: MkDocsConfig
    tz: dt.tzinfo
    posts: dict[str, Post] = field(default_factory=dict)  # published posts by src_uri
    generated: dict[str, dict[str, Any]] = field(default_factory=dict)  # by src_uri
    card_urls: dict[str, str] = field(default_factory=dict)  # "post:<src_uri>", "author:<slug>"
    feeds: dict[str, list[Feed]] = field(default_factory=dict)  # by page key; "" for every page
    cards: dict[str, dict[str, Any]] = field(default_factory=dict)
    related: dict[str, list[Post]] = field(default_factory=dict)  # by src_uri
    translated: dict[str, list[Post]] = field(default_factory=dict)  # by src_uri

    def __post_init__(self) -> None:
        self.related = related_posts(self.edition)
        self.translated = translations(self.edition)

    def card(self, post: Post) -> dict[str, Any]:
        """A post's card, made once per build and shared by its page and every listing."""
        found = self.cards.get(post.src_uri)
        if found is None:
            found = self.cards[post.src_uri] = post_card(post, self.edition, self.site.language,
                                                         self.site.blog_dir)
        return found

    def share_card(self, name: str, alt: str) -> dict[str, Any] | None:
        """A page's LinkedIn card: path below the site, size and alt text."""
        url = self.card_urls.get(name)
        return {"url": url, "width": 1200, "height": 627, "alt": alt} if url else None

    def for_page(self, page: Page) -> dict[str, Any]:
        """The ``advocacy`` context of one page."""
        site, edition = self.site, self.edition
        src_uri = page.file.src_uri
        data: dict[str, Any] = {"t": strings(site.language), "lang": site.language}
        base = self.config.site_url
        company = self.policy.company or self.config.site_name
        feed_key = ""
        if src_uri in self.posts:
            post = self.posts[src_uri]
            data["post"] = self.card(post)
            data["card"] = self.share_card(f"post:{src_uri}", post.title)
            data["video"] = self._video(post)
            authors = [edition.authors[s] for s in post.authors if s in edition.authors]
            data["related"] = [self.card(p) for p in self.related.get(src_uri, [])]
            data["work_with"] = self._work_with(authors)
            data["translations"] = [
                {"url": p.url, "language": p.language, "title": p.title,
                 "label": strings(site.language)["translation"].format(
                     language=strings(site.language).get(f"lang_name_{p.language}",
                                                         p.language))}
                for p in self.translated.get(src_uri, [])]
            if base:
                url = absolute(base, post.url)
                data["meta"] = post_meta(post, authors, base, self.config.site_name, company,
                                         data["card"] and data["card"]["url"], self.tz)
                data["meta"]["alternates"] = [(post.language, url)] + [
                    (p.language, absolute(base, p.url))
                    for p in self.translated.get(src_uri, [])] if self.translated.get(
                    src_uri) else []
                data["share"] = {"links": share_links(url, post.title), "url": url,
                                 "kit": share_kit(post, self.policy, url)}
        elif src_uri in self.generated:
            data.update(self.generated[src_uri])
            if data.get("kind") == "author":
                view = data["author"]
                author = edition.authors[view["slug"]]
                data["card"] = self.share_card(f"author:{author.slug}", author.name)
                feed_key = f"author:{author.slug}"
                if base:
                    data["meta"] = author_meta(author, base, self.config.site_name, company,
                                               view["bio"], None, site.language)
            else:
                feed_key = data.get("feed_key", "")
        elif src_uri == "index.md":
            featured = [p for p in edition.posts if p.featured][:3]
            data["featured"] = [self.card(p) for p in featured]
            # A featured story's translation would show the same story twice.
            shown = {p.src_uri for p in featured} | {t.src_uri for p in featured
                                                      for t in self.translated.get(p.src_uri, [])}
            data["latest"] = [self.card(p) for p in edition.posts if p.src_uri not in shown][
                : site.per_page]
            data["teams"] = [{"name": name, "url": team_url(name, site.blog_dir),
                              "people": len(people)}
                             for name, people in edition.teams().items()]
            data["jobs_url"] = site.jobs_url
            data["blog_url"] = f"{site.blog_dir}/"
            data["follow"] = self.feeds.get("follow", [])
        if base and "meta" not in data:
            description = _plain(page.meta.get("description")) or (
                self.config.site_description or "")
            data["meta"] = page_meta(_plain(page.title) or self.config.site_name, description,
                                     absolute(base, page.url), self.config.site_name,
                                     site.language)
        data["feeds"] = [*self.feeds.get("", []), *self.feeds.get(feed_key, [])] if feed_key \
            else self.feeds.get("", [])
        data["own_feeds"] = self.feeds.get(feed_key, []) if feed_key else []
        return data

    def _work_with(self, authors: list[Author]) -> dict[str, Any] | None:
        """"Work with <author>'s team": the first author's team page and its jobs."""
        if not authors:
            return None
        first = authors[0]
        t = strings(self.site.language)
        return {"label": t["work_with"].format(name=first.name.split()[0]),
                "url": team_url(first.team, self.site.blog_dir),
                "jobs": self.site.team_jobs.get(first.team) or self.site.jobs_url,
                "jobs_label": t["jobs"]}

    def _video(self, post: Post) -> dict[str, Any] | None:
        if not post.video:
            return None
        return video_view(post, self.site.root, post.video.captions)


def _plain(value: object) -> str:
    """Text from page meta, which the plugin escapes for Material (see patches.escape_meta)."""
    if value is None:
        return ""
    return value.unescape() if isinstance(value, Markup) else str(value)
