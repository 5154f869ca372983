"""Read the whole repository (authors, then posts) and cross-check what refers to what."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.core.cache.reads import ReadCache
from advocacy.core.i18n.messages import render
from advocacy.core.model.entities import Author, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.site import Site
from advocacy.core.reading.authors import read_author
from advocacy.core.reading.paths import forget_resolved, resolve_media
from advocacy.core.reading.policy import Policy, load_policy
from advocacy.core.reading.posts import read_post
from advocacy.core.rendering.markdown_refs import find_refs


@dataclass
class Repository:
    """Everything the site is made of, with the problems found while reading it."""

    site: Site
    authors: dict[str, Author] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    broken_authors: set[str] = field(default_factory=set)  # files that exist but have errors
    lang: str = "en"
    policy: Policy = field(default_factory=Policy)
    cache: dict[str, object] = field(default_factory=dict)

    def finding(self, file: str, line: int | None, rule: str, key: str,
                severity: Severity = Severity.ERROR, /, **values: object) -> Finding:
        """Make a finding with the message for ``key`` in the repository's language."""
        message, fix = render(key, self.lang, **values)
        return Finding(rule, severity, file, line, message, fix)


def author_files(site: Site) -> list[Path]:
    """All author files, in name order."""
    folder = site.authors_path
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []


def post_files(site: Site) -> list[Path]:
    """All post files below the posts folder, in path order."""
    folder = site.posts_path
    return sorted(folder.rglob("*.md")) if folder.is_dir() else []


def load_repository(site: Site, lang: str = "en", posts: Iterable[Path] | None = None,
                    use_cache: bool = True) -> Repository:
    """Read every author and the given posts (all posts when ``posts`` is None)."""
    forget_resolved()
    repo = Repository(site=site, lang=lang)
    repo.policy, findings = load_policy(site, lang)
    repo.findings.extend(findings)
    repo.files += (site.root / site.policy).is_file()
    for path in author_files(site):
        repo.files += 1
        author, findings = read_author(site, path, lang)
        repo.findings.extend(findings)
        if author is None:
            repo.broken_authors.add(path.stem)
        else:
            repo.authors[author.slug] = author
            repo.findings.extend(_author_media(repo, author))
    reads = ReadCache(site, lang) if use_cache else None
    for path in (post_files(site) if posts is None else posts):
        repo.files += 1
        post, findings = reads.read(site, path, lang) if reads else read_post(site, path, lang)
        repo.findings.extend(findings)
        if post is not None:
            repo.posts.append(post)
            repo.findings.extend(_post_references(repo, post))
    repo.findings.extend(_duplicate_addresses(repo))
    if reads:
        reads.save({site.rel(p) for p in post_files(site)} if posts is None else None)
    return repo


def _media_finding(repo: Repository, file: str, line: int | None, ref: str, problem: str
                   ) -> Finding:
    rule = {"external": "media-external", "outside": "media-outside",
            "absolute": "media-outside"}.get(problem, "media-missing")
    key = "media-absolute" if problem == "absolute" else rule
    return repo.finding(file, line, rule, key, path=ref)


def _author_media(repo: Repository, author: Author) -> list[Finding]:
    if not author.photo:
        return []
    ref = resolve_media(author.photo, author.file, repo.site.root, repo.site.media_dir)
    if ref.problem:
        return [_media_finding(repo, author.file, None, author.photo, ref.problem)]
    author.photo = ref.path
    return []


def _unknown_author(repo: Repository, post: Post, slug: str, line: int | None) -> Finding | None:
    if slug in repo.authors or slug in repo.broken_authors:
        return None
    near = difflib.get_close_matches(slug, list(repo.authors), n=1, cutoff=0.6)
    return repo.finding(
        post.file, line, "author-unknown", "unknown-author", slug=slug,
        near={"en": f" (did you mean '{near[0]}'?)", "da": f" (mente du '{near[0]}'?)"}
        if near else "",
    )


def _post_references(repo: Repository, post: Post) -> list[Finding]:
    """Authors that exist, media that exist inside the repository, images with alt text."""
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
    site = repo.site

    def check(ref: str | None, line: int | None) -> str | None:
        if not ref:
            return None
        resolved = resolve_media(ref, post.file, site.root, site.media_dir)
        if resolved.problem:
            out.append(_media_finding(repo, post.file, line, ref, resolved.problem))
            return None
        return resolved.path

    post.image = check(post.image, post.line_of("image")) or post.image
    if post.video:
        for name in ("src", "captions", "poster"):
            check(getattr(post.video, name), post.line_of("video", name))
    for index, person in enumerate(post.people):
        for number, media in enumerate(person.media):
            check(media, post.line_of("people", index, "media", number))
    for ref in find_refs(post.body, post.body_line):
        if ref.kind != "image":
            continue
        check(ref.src, ref.line)
        if not (ref.alt or "").strip() and not ref.decorative:
            out.append(repo.finding(post.file, ref.line, "image-alt-missing",
                                    "body-image-alt-missing", path=ref.src))
    if any(f.severity is Severity.ERROR for f in out):
        post.valid = False
    return out


def _duplicate_addresses(repo: Repository) -> list[Finding]:
    seen: dict[str, Post] = {}
    out = []
    for post in repo.posts:
        other = seen.setdefault(post.url, post)
        if other is not post:
            out.append(repo.finding(post.file, post.line_of("title"), "duplicate-address",
                                    "duplicate-address", url=post.url, other=other.file))
            post.valid = False
    return out
