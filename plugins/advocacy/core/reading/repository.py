"""Read the whole repository (the policy, authors, posts, pages) and cross-check what refers
to what."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from advocacy.core.cache.store import BuildCache
from advocacy.core.i18n.messages import render
from advocacy.core.model.entities import Author, DocPage, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slugify
from advocacy.core.reading.authors import read_author
from advocacy.core.reading.files import Inventory, take_inventory, tracked_caches
from advocacy.core.reading.pages import read_page
from advocacy.core.reading.paths import MediaRef, resolve_media
from advocacy.core.reading.policy import Policy, load_policy
from advocacy.core.reading.posts import read_post

PostReader = Callable[[Site, Path, str], tuple[Post | None, list[Finding]]]


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
    cache: dict[str, object] = field(default_factory=dict)
    resolved: dict[tuple[str, str], MediaRef] = field(default_factory=dict)
    store: BuildCache | None = None  # where what can be remembered between runs is kept
    media: Any = None  # the media catalog (core.media.catalog), set when the check starts
    renderer: Any = None  # what rendered the posts and pages (core.rendering.documents)

    def finding(self, file: str, line: int | None, rule: str, key: str,
                severity: Severity = Severity.ERROR, /, **values: object) -> Finding:
        """Make a finding with the message for ``key`` in the repository's language."""
        message, fix = render(key, self.lang, **values)
        return Finding(rule, severity, file, line, message, fix)

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


def load_repository(site: Site, lang: str = "en", posts: Iterable[Path] | None = None,
                    reader: PostReader | None = None, store: BuildCache | None = None,
                    inventory: Inventory | None = None) -> Repository:
    """Read the policy, every author, every page and the given posts (all when None).

    ``reader`` reads one post (the build cache passes one that remembers posts by their
    bytes); :func:`read_post` by default.
    """
    repo = Repository(site=site, lang=lang, store=store)
    repo.inventory = inventory = inventory or take_inventory(site)
    for link in inventory.symlinks:
        repo.findings.append(repo.finding(link, None, "symlink", "symlink", path=link))
    for path in tracked_caches(site.root, [site.root / ".cache", *(
            [store.folder] if store is not None else [])])[:20]:
        repo.findings.append(repo.finding(path, None, "cache-committed", "cache-committed",
                                          path=path))
    for refused in inventory.refused:
        repo.findings.append(repo.finding(refused, None, "docs-file-refused",
                                          "docs-file-refused", path=refused))
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
            repo.findings.extend(_author_media(repo, author))
    read = reader or read_post
    for path in (inventory.posts if posts is None else posts):
        repo.files += 1
        post, findings = read(site, path, lang)
        repo.findings.extend(findings)
        if post is not None:
            repo.posts.append(post)
            repo.findings.extend(_post_references(repo, post))
    for path in inventory.pages:
        repo.files += 1
        page, findings = read_page(site, path, lang)
        repo.findings.extend(findings)
        if page is not None:
            repo.pages.append(page)
    repo.findings.extend(_duplicate_addresses(repo))
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
        return {name: max(sorted(spellings), key=lambda n: spellings[n])
                for spellings in counts.values() for name in spellings}

    teams = canonical([a.team for a in repo.authors.values()])
    for author in repo.authors.values():
        author.team = teams.get(author.team, author.team)
    tags = canonical([t for p in repo.posts for t in p.tags])
    for post in repo.posts:
        post.tags = list(dict.fromkeys(tags.get(t, t) for t in post.tags))


MEDIA_RULES = {"external": "media-external", "outside": "media-outside",
               "absolute": "media-outside", "symlink": "symlink", "not-media": "media-outside"}
MEDIA_KEYS = {"absolute": "media-absolute", "symlink": "media-symlink",
              "not-media": "media-not-media"}


def media_finding(repo: Repository, file: str, line: int | None, ref: str, problem: str
                  ) -> Finding:
    """The finding for a media reference that cannot be used (see :class:`MediaRef`)."""
    rule = MEDIA_RULES.get(problem, "media-missing")
    return repo.finding(file, line, rule, MEDIA_KEYS.get(problem, rule), path=ref,
                        media=repo.site.media_dir)


def _author_media(repo: Repository, author: Author) -> list[Finding]:
    if not author.photo:
        return []
    ref = repo.resolve(author.photo, author.file)
    if ref.problem:
        written, author.photo = author.photo, None  # never shown, whatever it points at
        return [media_finding(repo, author.file, author.line_of("photo"), written,
                              ref.problem)]
    author.photo = ref.path
    return []


def _unknown_author(repo: Repository, post: Post, slug: str, line: int | None) -> Finding | None:
    """An author without a file: the post is held back (it names someone we know nothing
    of, or whose file was deleted), which is a warning so that a build still runs."""
    if slug in repo.authors or slug in repo.broken_authors:
        return None
    near = difflib.get_close_matches(slug, list(repo.authors), n=1, cutoff=0.6)
    return repo.finding(
        post.file, line, "author-unknown", "unknown-author", Severity.WARNING, slug=slug,
        near={"en": f" (did you mean '{near[0]}'?)", "da": f" (mente du '{near[0]}'?)"}
        if near else "", authors=repo.site.authors_dir,
    )


def _post_references(repo: Repository, post: Post) -> list[Finding]:
    """Authors that exist; files named in the front matter exist under the media folder.

    Files the body uses are judged on the rendered page, with the other rules.
    """
    out: list[Finding] = []
    for index, slug in enumerate(post.authors):
        found = _unknown_author(repo, post, slug, post.line_of("authors", index))
        if found:
            out.append(found)
    for index, person in enumerate(post.people):
        if person.author:
            found = _unknown_author(repo, post, person.author, post.line_of("people", index))
            if found:
                out.append(found)

    def check(ref: str | None, line: int | None) -> str | None:
        if not ref:
            return ref
        resolved = repo.resolve(ref, post.file)
        if resolved.problem or not resolved.path:
            out.append(media_finding(repo, post.file, line, ref, resolved.problem or "missing"))
            return None
        return resolved.path

    post.image = check(post.image, post.line_of("image"))
    if post.video:
        post.video = replace(post.video, **{name: check(getattr(post.video, name),
                                                        post.line_of("video", name))
                                            for name in ("src", "captions", "poster")})
    post.people = [replace(person, media=tuple(
        filter(None, (check(m, post.line_of("people", index, "media", number))
                      for number, m in enumerate(person.media)))))
        for index, person in enumerate(post.people)]
    if any(f.severity is Severity.ERROR for f in out):
        post.valid = False
    return out


def _duplicate_addresses(repo: Repository) -> list[Finding]:
    seen: dict[str, str] = {}
    out = []
    for doc in [*repo.posts, *repo.pages]:
        other = seen.setdefault(doc.url, doc.file)
        if other != doc.file:
            out.append(repo.finding(doc.file, doc.line_of("title"), "duplicate-address",
                                    "duplicate-address", url=doc.url or "/", other=other))
            doc.valid = False
    return out
