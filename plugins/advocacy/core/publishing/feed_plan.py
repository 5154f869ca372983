"""Which feeds the blog has: everything, and one per author, category, team and language."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from advocacy.core.i18n.ui import strings
from advocacy.core.model.entities import Post
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slugify
from advocacy.core.publishing.edition import Edition


@dataclass
class FeedGroup:
    """The posts of one feed, where its files go and which page it follows."""

    key: str  # "" for everything, else "author:<slug>", "category:<name>", "team:<name>", ...
    folder: str  # below the site root, ending in "/"
    home: str  # the page it follows, below the site root
    title: str
    language: str
    posts: list[Post] = field(default_factory=list)  # newest first


def feed_groups(edition: Edition, site: Site, limit: int) -> list[FeedGroup]:
    """Every feed of today's edition; each holds at most ``limit`` posts, newest first."""
    blog, name, t = site.blog_dir, site.site_name, strings(site.language)
    groups = [FeedGroup("", f"{blog}/", f"{blog}/", name, site.language, edition.posts)]
    by: dict[str, dict[str, list[Post]]] = {
        k: defaultdict(list) for k in ("author", "category", "team", "lang")
    }
    for post in edition.posts:
        for slug in post.authors:
            if slug in edition.authors:
                by["author"][slug].append(post)
        for category in post.categories:
            by["category"][category].append(post)
        for team in dict.fromkeys(
            edition.authors[s].team for s in post.authors if s in edition.authors
        ):
            by["team"][team].append(post)
        by["lang"][post.language].append(post)
    for slug, posts in sorted(by["author"].items()):
        folder = f"{blog}/author/{slug}/"
        groups.append(
            FeedGroup(
                f"author:{slug}",
                folder,
                folder,
                f"{name}: {edition.authors[slug].name}",
                site.language,
                posts,
            )
        )
    for kind, path in (("category", "category"), ("team", "team")):
        for label, posts in sorted(by[kind].items()):
            folder = f"{blog}/{path}/{slugify(label)}/"
            groups.append(
                FeedGroup(
                    f"{kind}:{label}", folder, folder, f"{name}: {label}", site.language, posts
                )
            )
    for lang, posts in sorted(by["lang"].items()):
        label = t.get(f"lang_{lang}", lang)
        groups.append(
            FeedGroup(
                f"lang:{lang}", f"{blog}/lang/{lang}/", f"{blog}/", f"{name} ({label})", lang, posts
            )
        )
    for group in groups:
        group.posts = group.posts[:limit]
    return groups
