"""What each page's template gets under ``advocacy``: the page's language and words, its
frame (header, navigation, footer, language switch), post, listing, author or entry-page
data, the head (link previews, structured data, feed links), share links and the
employee's share kit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from advocacy.core.i18n.ui import genitive, strings
from advocacy.core.media.catalog import MediaCatalog
from advocacy.core.model.entities import Author, Post
from advocacy.core.model.site import Site
from advocacy.core.publishing.careers.languages import Languages, pick, versions
from advocacy.core.publishing.careers.navigation import (
    Navigation,
    Slots,
    mark_active,
    page_address,
    section_of,
)
from advocacy.core.publishing.careers.site_pages import Careers, feed_list, team_views
from advocacy.core.publishing.edition import Edition
from advocacy.core.publishing.seo import absolute, author_meta, page_meta, post_meta
from advocacy.core.publishing.share import share_kit, share_links
from advocacy.core.publishing.teams import CANDIDATES, RELATED, related_posts, team_url
from advocacy.core.publishing.views import author_view, post_card, video_view
from advocacy.core.reading.policy import Policy
from advocacy.mkdocs_plugin.careers import published
from advocacy.mkdocs_plugin.home import hiring_page, home_data, not_found

# Pages laid out without sidebars, on the full width: everything but the plain pages.
WIDE = frozenset(
    {
        "post",
        "listing",
        "category",
        "compact",
        "tags",
        "authors",
        "author",
        "team",
        "home",
        "jobs",
        "feeds",
        "404",
    }
)


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
    careers: Careers | None = None
    media: MediaCatalog | None = None  # where brand pictures are planned
    posts: dict[str, Post] = field(default_factory=dict)  # published posts by src_uri
    generated: dict[str, dict[str, Any]] = field(default_factory=dict)  # by src_uri
    card_urls: dict[str, str] = field(default_factory=dict)  # "post:<src_uri>", "author:<slug>"
    feeds: dict[str, list[Feed]] = field(default_factory=dict)  # by page key; "" for every page
    cards: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    related: dict[str, list[Post]] = field(default_factory=dict)  # ranked, by src_uri
    stories: dict[str, list[Post]] = field(default_factory=dict)  # a post's versions
    _teams: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _nav: Navigation | None = None

    def __post_init__(self) -> None:
        self.careers = self.careers or Careers(Languages(self.site.language))
        self.related = related_posts(self.edition, CANDIDATES)
        self.stories = versions(self.edition)

    @property
    def langs(self) -> Languages:
        """The languages the site speaks."""
        assert self.careers is not None
        return self.careers.langs

    def card(self, post: Post, lang: str | None = None) -> dict[str, Any]:
        """A post's card for a reader of ``lang``, made once per build and language and
        shared by its page and every listing."""
        lang = lang or self.langs.chrome(post.language)
        found = self.cards.get((post.src_uri, lang))
        if found is None:
            found = self.cards[(post.src_uri, lang)] = post_card(
                post, self.edition, lang, self.site.blog_dir, self.langs
            )
        return found

    def media_files(self) -> list[str]:
        """The brand's files and today's team photos: published like a post's pictures."""
        assert self.careers is not None
        brand = self.careers.brand
        return [*(brand.files() if brand else []), *self.careers.photos(self.edition)]

    def share_card(self, name: str, alt: str) -> dict[str, Any] | None:
        """A page's LinkedIn card: path below the site, size and alt text."""
        url = self.card_urls.get(name)
        return {"url": url, "width": 1200, "height": 627, "alt": alt} if url else None

    # -- the frame of every page ---------------------------------------------------------------

    def exists(self, src_uri: str) -> bool:
        """Whether the site has a page at ``src_uri`` (a docs page or a generated one)."""
        assert self.careers is not None
        if src_uri in self.generated or src_uri in self.careers.pages:
            return True
        # Made by the plugin after the plan: the story ideas, and the policy in each language.
        local = self.langs.local(src_uri)
        return local == self.careers.policy_page or src_uri == "story-ideas/index.md"

    @property
    def navigation(self) -> Navigation:
        """The navigation of every language (made once)."""
        if self._nav is None:
            c = self.careers
            assert c is not None
            slots = Slots(
                self.site.blog_dir, c.hiring_page, c.write_page, c.policy_page, jobs=c.jobs_url
            )
            self._nav = Navigation(self.langs, slots, self.exists, self.config.nav)
        return self._nav

    def teams(self, lang: str) -> list[dict[str, Any]]:
        """The teams as a reader of ``lang`` sees them (made once per language)."""
        if lang not in self._teams:
            assert self.careers is not None
            self._teams[lang] = team_views(self.edition, self.site, self.careers, lang)
        return self._teams[lang]

    def frame(self, lang: str, url: str, kind: str, switch: list[dict[str, str]]) -> dict[str, Any]:
        """Header, navigation and footer of a page in ``lang`` at ``url``."""
        assert self.careers is not None
        t, brand, langs = strings(lang), self.careers.brand, self.langs
        nav = self.navigation.for_lang(lang)
        name = brand.name if brand else self.careers.company
        return {
            "home": self.home(lang),
            "name": name,
            "site_name": langs.word(self.config.site_name, lang),
            "tagline": brand.in_lang(brand.tagline, lang, langs.default) if brand else "",
            "logo": published(brand.logo, self.media) if brand else None,
            "jobs": {"url": self.careers.jobs_url, "label": t["jobs"], "short": t["jobs_short"]}
            if self.careers.jobs_url
            else None,
            "nav": mark_active(nav["entries"], url, section_of(kind)),
            "footer": nav["footer"],
            "switch": switch,
            "company": self.careers.company,
            "year": self.edition.today.year,
        }

    def home(self, lang: str) -> str:
        """The entry page of ``lang`` (``./`` for the site's own: the url filter makes it
        ``../`` and so on, where an empty address would become ``..``)."""
        return self.langs.prefix(lang) or "./"

    def counterparts(self, src_uri: str, lang: str) -> list[dict[str, str]]:
        """The same page in the other languages (their entry page when it has none)."""
        out = []
        for other in self.langs.spoken:
            if other == lang:
                continue
            there = self.langs.localize(src_uri, other)
            url = (page_address(there) or "./") if self.exists(there) else self.home(other)
            out.append({"url": url, "lang": other, "label": strings(other)["self_name"]})
        return out

    # -- each page -------------------------------------------------------------------------

    def for_page(self, page: Page) -> dict[str, Any]:
        """The ``advocacy`` context of one page."""
        src_uri = page.file.src_uri
        if src_uri in self.posts:
            post = self.posts[src_uri]
            kind, lang = "post", self.langs.chrome(post.language)
        elif src_uri in self.generated:
            kind = self.generated[src_uri].get("kind", "page")
            lang = self.generated[src_uri].get("lang", self.site.language)
        else:
            kind, lang = "page", self.langs.of_path(src_uri)
        data: dict[str, Any] = {
            "t": strings(lang),
            "lang": lang,
            "kind": kind,
            "layout": "wide" if kind in WIDE else "doc",
        }
        if data["layout"] == "doc":  # a contents list only where there is a lot to list
            data["toc"] = _toc_size(page.toc) >= 3
        feed_key = ""
        if kind == "post":
            feed_key = self._post(post, lang, data)
        elif src_uri in self.generated:
            data.update(self.generated[src_uri])
            feed_key = self._generated(data, lang)
        if kind == "home":
            home_data(self, lang, data)
        if "switch" not in data:
            data["switch"] = self.counterparts(src_uri, lang)
        base = self.config.site_url
        if base and "meta" not in data:
            description = _plain(page.meta.get("description")) or self.langs.word(
                self.config.site_description or "", lang
            )
            data["meta"] = page_meta(
                _plain(page.title) or self.config.site_name,
                description,
                absolute(base, page.url),
                self.config.site_name,
                lang,
            )
            others = [
                (s["lang"], absolute(base, s["url"]))
                for s in data["switch"]
                if s["url"] != self.home(s["lang"]) or kind == "home"
            ]
            if others:
                data["meta"]["alternates"] = [(lang, absolute(base, page.url)), *others]
        data["chrome"] = self.frame(lang, page.url, kind, data.pop("switch"))
        data["feeds"] = (
            [*self.feeds.get("", []), *self.feeds.get(feed_key, [])]
            if feed_key
            else self.feeds.get("", [])
        )
        data["own_feeds"] = self.feeds.get(feed_key, []) if feed_key else []
        return data

    def _post(self, post: Post, lang: str, data: dict[str, Any]) -> str:
        """A post page: the story, who wrote it, where to go next; the head's preview."""
        site, edition = self.site, self.edition
        data["post"] = self.card(post, lang)
        data["card"] = self.share_card(f"post:{post.src_uri}", post.title)
        data["video"] = (
            video_view(post, site.root, post.video.captions, lang) if (post.video) else None
        )
        authors = [edition.authors[s] for s in post.authors if s in edition.authors]
        data["related"] = self._related(post, lang)
        data["work_with"] = self._work_with(authors, lang)
        others = [p for p in self.stories.get(post.src_uri, [post]) if p is not post]
        t = strings(lang)
        data["translations"] = [
            {
                "url": p.url,
                "language": p.language,
                "title": p.title,
                "label": t["translation"].format(
                    language=t.get(f"lang_name_{p.language}", p.language)
                ),
            }
            for p in others
        ]
        data["switch"] = [
            {"url": p.url, "lang": p.language, "label": strings(p.language)["self_name"]}
            for p in others
            if p.language in self.langs.spoken
        ] or [
            {"url": self.home(o), "lang": o, "label": strings(o)["self_name"]}
            for o in self.langs.spoken
            if o != lang
        ]
        base = self.config.site_url
        if base:
            url = absolute(base, post.url)
            company = self.policy.company or self.config.site_name
            data["meta"] = post_meta(
                post,
                authors,
                base,
                self.config.site_name,
                company,
                data["card"] and data["card"]["url"],
                self.tz,
            )
            data["meta"]["alternates"] = (
                [(post.language, url)] + [(p.language, absolute(base, p.url)) for p in others]
                if others
                else []
            )
            data["share"] = {
                "links": share_links(url, post.title),
                "url": url,
                "kit": share_kit(post, self.policy, url),
            }
        return ""

    def _related(self, post: Post, lang: str) -> list[dict[str, Any]]:
        """Stories to read next: never this story in another language, each story once, in
        the reader's language when it has a version in it."""
        own = {p.src_uri for p in self.stories.get(post.src_uri, [post])}
        shown: list[dict[str, Any]] = []
        seen: set[str] = set()
        for other in self.related.get(post.src_uri, []):
            story = self.stories.get(other.src_uri, [other])
            key = story[0].src_uri
            if other.src_uri in own or key in seen:
                continue
            seen.add(key)
            shown.append(self.card(pick(story, lang), lang))
            if len(shown) == RELATED:
                break
        return shown

    def _generated(self, data: dict[str, Any], lang: str) -> str:
        """A listing, author, team, jobs or feeds page; returns the key of its own feeds."""
        edition = self.edition
        if data.get("kind") == "author":
            view = data["author"]
            author = edition.authors[view["slug"]]
            data["card"] = self.share_card(f"author:{author.slug}", author.name)
            if self.config.site_url:
                data["meta"] = author_meta(
                    author,
                    self.config.site_url,
                    self.config.site_name,
                    self.policy.company or self.config.site_name,
                    view["bio"],
                    None,
                    lang,
                )
                data["meta"]["alternates"] = []
            return f"author:{author.slug}"
        if data.get("kind") == "feeds":
            data["groups"] = feed_list(self.feeds, self.edition, self.langs, lang)
        if data.get("kind") == "jobs":
            data["hiring"] = hiring_page(self, lang)
        return data.get("feed_key", "")

    def for_404(self) -> dict[str, Any]:
        """The 404 page's data (see :func:`~advocacy.mkdocs_plugin.home.not_found`)."""
        return not_found(self)

    def card_author(self, author: Author, lang: str) -> dict[str, Any]:
        """An author's face and name for the entry page."""
        return author_view(author, self.edition, lang, self.site.blog_dir, self.langs)

    def _work_with(self, authors: list[Author], lang: str) -> dict[str, Any] | None:
        """ "Work with <author>'s team": the first author's team page and where to apply."""
        if not authors:
            return None
        assert self.careers is not None
        first = authors[0]
        t = strings(lang)
        jobs, _ = self.careers.jobs_of(first.team)
        name = first.name.split()[0] if first.name.split() else first.name
        return {
            "label": t["work_with"].format(possessive=genitive(name, lang)),
            "url": team_url(first.team, self.site.blog_dir, self.langs.prefix(lang)),
            "jobs": jobs,
            "jobs_label": t["jobs"],
        }


def _toc_size(toc: Any) -> int:
    """How many headings a table of contents lists, at every level."""
    return sum(1 + _toc_size(item.children) for item in toc or ())


def _plain(value: object) -> str:
    """Text from page meta, which the plugin escapes for Material (see patches.escape_meta)."""
    if value is None:
        return ""
    return value.unescape() if isinstance(value, Markup) else str(value)
