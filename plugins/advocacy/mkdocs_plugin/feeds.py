"""Feeds, written after every page is rendered: each post's HTML is rendered once, on its
page, and reused here with its addresses made absolute."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from importlib.metadata import version

from mkdocs.plugins import get_plugin_logger

from advocacy import __version__
from advocacy.core.cache.store import BuildCache
from advocacy.core.i18n.catalog import text
from advocacy.core.model.entities import Post
from advocacy.core.model.site import Site
from advocacy.core.publishing.edition import Edition
from advocacy.core.publishing.feed_plan import FeedGroup, feed_groups
from advocacy.core.publishing.feeds import (
    ATOM_NAME,
    JSON_NAME,
    RSS_NAME,
    Enclosure,
    FeedAuthor,
    FeedInfo,
    FeedItem,
    absolutize,
    atom,
    json_feed,
    rss,
)
from advocacy.core.publishing.seo import absolute, aware
from advocacy.mkdocs_plugin.context import Feed
from advocacy.mkdocs_plugin.media import MediaPublisher, link_outputs

log = get_plugin_logger(__name__)
TYPES = {
    RSS_NAME: "application/rss+xml",
    ATOM_NAME: "application/atom+xml",
    JSON_NAME: "application/feed+json",
}
FORMAT = f"advocacy {__version__}, feedgen {version('feedgen')}"  # part of each feed's key


class FeedWriter:
    """Plans the feeds in ``on_files``, collects post HTML, writes the files after the build."""

    def __init__(
        self, site: Site, edition: Edition, limit: int, tz: dt.tzinfo, store: BuildCache
    ) -> None:
        self.site, self.edition, self.tz, self.store = site, edition, tz, store
        self.groups: list[FeedGroup] = feed_groups(edition, site, limit)
        self.html: dict[str, str] = {}  # rendered HTML of the posts some feed shows
        self.shown = {p.src_uri for group in self.groups for p in group.posts}

    def links(self) -> dict[str, list[Feed]]:
        """Feed links by page key ("" on every page), plus "follow" for the home page."""
        out: dict[str, list[Feed]] = {}
        for group in self.groups:
            out[group.key] = [
                Feed(group.folder + name, TYPES[name], group.title) for name in _names(group)
            ]
        out["follow"] = [
            Feed(g.folder + RSS_NAME, TYPES[RSS_NAME], g.title)
            for g in self.groups
            if not g.key.startswith("author:")
        ]
        return out

    def _item(self, post: Post, base: str, media: MediaPublisher) -> FeedItem:
        url = absolute(base, post.url)
        authors = tuple(
            FeedAuthor(a.name, absolute(base, a.url))
            for a in (self.edition.authors[s] for s in post.authors if s in self.edition.authors)
        )
        image = None
        processed = media.processed.get(post.image or "")
        if processed is not None and media.processing is not None:
            fallback = processed.fallback
            size = (media.processing.slots[post.image or ""].folder / fallback.file).stat().st_size
            image = Enclosure(
                absolute(base, fallback.name),
                size,
                "image/png" if fallback.format == "png" else "image/jpeg",
            )
        return FeedItem(
            id=url,
            url=url,
            title=post.title,
            summary=post.description,
            content_html=self.html.get(post.src_uri, ""),  # absolutized when a feed is made
            published=aware(post.date, self.tz),
            updated=aware(post.updated or post.date, self.tz),
            authors=authors,
            categories=tuple(post.categories),
            tags=tuple(post.tags),
            language=post.language,
            image=image,
        )

    def write(self, site_dir: str, base: str | None, media: MediaPublisher) -> list[str]:
        """Put every feed into the built site (nothing when there is no site_url); return
        their names."""
        if not base:
            log.info(text(self.site.language, "build.no_feeds"))
            return []
        # Only the posts some feed shows (each feed holds the newest few).
        items = {
            p.src_uri: self._item(p, base, media) for group in self.groups for p in group.posts
        }
        made, outputs = 0, []
        absolute_items: dict[str, FeedItem] = {}  # content with absolute addresses
        for group in self.groups:
            info = FeedInfo(
                title=group.title,
                description=self.site.site_name,
                home_url=absolute(base, group.home),
                folder_url=absolute(base, group.folder),
                language=group.language,
                site_name=self.site.site_name,
            )
            entries = [items[p.src_uri] for p in group.posts]
            names = _names(group)
            # A feed is a pure function of its description and items: unchanged, it is
            # linked from the cache instead of serialised again.
            key = hashlib.sha256(repr((FORMAT, names, info, entries)).encode()).hexdigest()
            cached = {
                name: self.store.path(
                    "feeds",
                    self.store.key("feeds", key, name),
                    ".json" if name.endswith(".json") else ".xml",
                )
                for name in names
            }
            if not all(self.store.existing("feeds", p.stem, p.suffix) for p in cached.values()):
                made += 1
                entries = [
                    absolute_items.setdefault(
                        item.id, replace(item, content_html=absolutize(item.content_html, item.url))
                    )
                    for item in entries
                ]
                writers = {RSS_NAME: rss, ATOM_NAME: atom, JSON_NAME: json_feed}
                for name in names:
                    self.store.write(
                        "feeds",
                        cached[name].stem,
                        cached[name].suffix,
                        writers[name](info, entries),
                        now=True,
                    )
            outputs += [(group.folder + name, cached[name]) for name in names]
        link_outputs(site_dir, outputs)
        log.info(text(self.site.language, "build.feeds", written=len(self.groups), made=made))
        return [name for name, _ in outputs]


def _names(group: FeedGroup) -> tuple[str, ...]:
    """The files of a feed: JSON Feed only for the whole blog."""
    return (RSS_NAME, ATOM_NAME, JSON_NAME) if group.key == "" else (RSS_NAME, ATOM_NAME)
