"""Read the whole repository (the policy, authors, posts, pages) and cross-check what refers
to what."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advocacy.core.cache.store import BuildCache
from advocacy.core.model.entities import Author, DocPage, Memo, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import rule
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slugify
from advocacy.core.reading.authors import read_author
from advocacy.core.reading.files import (
    Inventory,
    MediaRef,
    resolve_media,
    take_inventory,
    tracked_caches,
)
from advocacy.core.reading.pages import read_page
from advocacy.core.reading.policy import Policy, load_policy
from advocacy.core.reading.posts import read_post
from advocacy.core.reading.references import (
    SYMLINK,
    author_media,
    duplicate_addresses,
    post_references,
)

PostReader = Callable[[Site, Path, str], tuple[Post | None, list[Finding]]]
E, W = Severity.ERROR, Severity.WARNING

DOCS_FILE = rule(
    "docs-file-refused",
    E,
    (
        "Only Markdown pages are published from the pages folder.",
        "Kun Markdown-sider udgives fra mappen med sider.",
    ),
    (
        "'{path}' is not a Markdown page; only pages are published from this folder.",
        "Move photos, videos and captions to media/ and refer to them from a post; delete other "
        "files, or ask a site maintainer.",
    ),
    (
        "'{path}' er ikke en Markdown-side; kun sider bliver udgivet fra denne mappe.",
        "Flyt billeder, video og undertekster til media/, og henvis til dem fra et indlæg; slet "
        "andre filer, eller spørg en ansvarlig for sitet.",
    ),
    adjustable=False,
)

CACHE_COMMITTED = rule(
    "cache-committed",
    E,
    (
        "No build cache is committed to the repository.",
        "Ingen build-cache bliver lagt i repositoriet.",
    ),
    (
        "'{path}' is a build cache file committed to the repository; a cache is this machine's "
        "own and is never taken from a branch.",
        "Remove it from the repository (git rm -r --cached .cache) and keep .cache/ in .gitignore.",
    ),
    (
        "'{path}' er en fil fra byggecachen, der er lagt i repositoriet; en cache er maskinens "
        "egen og hentes aldrig fra en gren.",
        "Fjern den fra repositoriet (git rm -r --cached .cache), og behold .cache/ i .gitignore.",
    ),
    adjustable=False,
)


@dataclass
class Repository:
    """Everything the site is made of, with the problems found while reading it."""

    site: Site
    authors: dict[str, Author] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    pages: list[DocPage] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    broken_authors: set[str] = field(default_factory=set)  # files that exist but have errors
    lang: str = "en"
    policy: Policy = field(default_factory=Policy)
    inventory: Inventory = field(default_factory=Inventory)
    cache: Memo = field(default_factory=Memo)  # work done once per run (name patterns)
    resolved: dict[tuple[str, str], MediaRef] = field(default_factory=dict)
    store: BuildCache | None = None  # where what can be remembered between runs is kept
    media: Any = None  # the media catalog (core.media.catalog), set when the check starts
    renderer: Any = None  # what rendered the posts and pages (core.rendering.documents)

    @property
    def documents(self) -> list[Post | DocPage]:
        """Every post and page, posts first."""
        return [*self.posts, *self.pages]

    def resolve(self, ref: str, from_file: str) -> MediaRef:
        """A media reference resolved (once per build): only files under the media folder."""
        key = (ref, posixpath.dirname(from_file))
        found = self.resolved.get(key)
        if found is None:
            site = self.site
            found = resolve_media(ref, from_file, site.root, site.media_dir)
            media = site.media_dir.strip("/") + "/"
            if found.path and not found.problem and not found.path.startswith(media):
                found = MediaRef(ref, found.path, "not-media")
            self.resolved[key] = found
        return found


def author_files(site: Site) -> list[Path]:
    """All author files, in name order (symbolic links are not followed)."""
    return take_inventory(site).authors


def post_files(site: Site) -> list[Path]:
    """All post files below the posts folder, in path order."""
    return take_inventory(site).posts


def load_repository(
    site: Site,
    lang: str = "en",
    posts: Iterable[Path] | None = None,
    reader: PostReader | None = None,
    store: BuildCache | None = None,
    inventory: Inventory | None = None,
) -> Repository:
    """Read the policy, every author, every page and the given posts (all when None).

    ``reader`` reads one post (the build cache passes one that remembers posts by their
    bytes); :func:`read_post` by default.
    """
    repo = Repository(site=site, lang=lang, store=store)
    repo.inventory = inventory = inventory or take_inventory(site)
    for link in inventory.symlinks:
        repo.findings.append(SYMLINK.finding(lang, link, None, path=link))
    for cache_file in tracked_caches(
        site.root, [site.root / ".cache", *([store.folder] if store is not None else [])]
    )[:20]:
        repo.findings.append(CACHE_COMMITTED.finding(lang, cache_file, None, path=cache_file))
    for refused in inventory.refused:
        repo.findings.append(DOCS_FILE.finding(lang, refused, None, path=refused))
    repo.policy, findings = load_policy(site, lang)
    repo.findings.extend(findings)
    repo.files += (site.root / site.policy).is_file()
    for path in inventory.authors:
        repo.files += 1
        author, findings = read_author(site, path, lang)
        repo.findings.extend(findings)
        if author is None:
            repo.broken_authors.add(path.stem)
        else:
            repo.authors[author.slug] = author
            repo.findings.extend(author_media(repo, author))
    read = reader or read_post
    for path in inventory.posts if posts is None else posts:
        repo.files += 1
        post, findings = read(site, path, lang)
        repo.findings.extend(findings)
        if post is not None:
            repo.posts.append(post)
            repo.findings.extend(post_references(repo, post))
    for path in inventory.pages:
        repo.files += 1
        page, findings = read_page(site, path, lang)
        repo.findings.extend(findings)
        if page is not None:
            repo.pages.append(page)
    repo.findings.extend(duplicate_addresses(repo))
    _one_spelling(repo)
    return repo


def _one_spelling(repo: Repository) -> None:
    """Teams and tags that share an address share one name: the spelling most used.

    ``IT`` and ``It``, or ``Aarhus`` and ``aarhus``, would otherwise be two pages at one
    address (and two feeds in one folder).
    """

    def canonical(names: list[str]) -> dict[str, str]:
        counts: dict[str, dict[str, int]] = {}
        for name in names:
            spellings = counts.setdefault(slugify(name), {})
            spellings[name] = spellings.get(name, 0) + 1
        return {
            name: max(sorted(spellings), key=lambda n: spellings[n])
            for spellings in counts.values()
            for name in spellings
        }

    teams = canonical([a.team for a in repo.authors.values()])
    for author in repo.authors.values():
        author.team = teams.get(author.team, author.team)
    tags = canonical([t for p in repo.posts for t in p.tags])
    for post in repo.posts:
        post.tags = list(dict.fromkeys(tags.get(t, t) for t in post.tags))
