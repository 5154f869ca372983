"""Write an imported archive into the repository as the contract wants it.

Posts go to ``<docs_dir>/<posts_dir>/YYYY/YYYY-MM-DD-<slug>.md``, authors to
``authors/<slug>.yml`` (never with ``consent:``: HR records that), local pictures to
``media/imported/...``. Links between posts point at the new files; old addresses become
``aliases:``. The same source gives the same files on every run; a file that exists and
differs is left alone unless ``force`` (an author file with consent is never overwritten).
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import yaml

from advocacy.core.importing.common import Archive, ImportOptions, Note, SourceAuthor, SourcePost
from advocacy.core.importing.convert.markdown import first_paragraphs, plain_text, trim
from advocacy.core.importing.convert.references import Linker, the_video, url_key
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slugify

DESC_MIN = 50  # the contract: 50 to 160 characters (markdown.trim cuts at 160)
PLACEHOLDER = {"en": "Unknown (imported)", "da": "Ukendt (importeret)"}


@dataclass
class Outcome:
    """What happened to one file: written, unchanged, kept (exists and differs) or failed."""

    path: str  # repository-relative
    status: str


@dataclass
class PostResult:
    """One post of the source and everything the report says about it."""

    source: str
    target: str | None
    status: str
    notes: list[Note] = field(default_factory=list)
    draft: bool = False
    future: bool = False
    expired: bool = False


@dataclass
class ImportResult:
    """Everything an import did, for the report."""

    kind: str
    source: str
    posts: list[PostResult] = field(default_factory=list)
    authors: list[tuple[str, list[Note], str]] = field(default_factory=list)  # file, notes, status
    media: list[Outcome] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


@dataclass
class _Planned:
    post: SourcePost
    date: dt.date
    slug: str
    rel: str  # repository-relative path of the new file


class Writer:
    """Writes one archive into ``site``'s repository."""

    def __init__(
        self, archive: Archive, site: Site, options: ImportOptions, force: bool, lang: str
    ) -> None:
        self.archive, self.site, self.options = archive, site, options
        self.force, self.lang = force, lang
        self.result = ImportResult(archive.kind, str(archive.source), notes=list(archive.notes))
        self.linker = Linker(archive, site, self._store)

    # -- planning -----------------------------------------------------------------------

    def run(self) -> ImportResult:
        """Write every post, author and picture; return what was done."""
        planned = self._plan()
        slugs = self._author_slugs(planned)
        for item in planned:
            self.linker.add(item.post, item.rel)
        aliases_seen: dict[str, str] = {}
        for item in planned:
            result = PostResult(item.post.source, item.rel, "written", list(item.post.notes))
            try:
                front, body = self._post(item, slugs, result, aliases_seen)
                text = "---\n" + _dump(front) + "---\n\n" + body.strip("\n") + "\n"
                result.status = self._write(self.site.root / item.rel, text, result.notes)
            except (OSError, ValueError, TypeError, KeyError) as exc:
                result.status = "failed"
                result.notes.append(Note.of("failed", error=" ".join(str(exc).split())))
            self.result.posts.append(result)
        self._write_authors(slugs)
        return self.result

    def _plan(self) -> list[_Planned]:
        """New file names: ``YYYY-MM-DD-<slug>.md``; a second post with the same address
        gets ``-2`` (the contract's address is the date and the slug)."""
        taken: set[tuple[dt.date, str]] = set()
        planned = []
        posts_dir = posixpath.join(self.site.docs_dir, self.site.posts_dir)
        for post in self.archive.posts:
            if post.error or post.date is None:
                self.result.posts.append(
                    PostResult(
                        post.source,
                        None,
                        "failed",
                        [*post.notes, Note.of("failed", error=post.error or "no date")],
                    )
                )
                continue
            day = post.date.date() if isinstance(post.date, dt.datetime) else post.date
            slug, number = post.slug, 1
            while (day, slug) in taken:
                number += 1
                slug = f"{post.slug}-{number}"
            if slug != post.slug:
                post.note("slug-renamed", slug=slug)
            taken.add((day, slug))
            rel = f"{posts_dir}/{day:%Y}/{day:%Y-%m-%d}-{slug}.md"
            planned.append(_Planned(post, day, slug, rel))
        return planned

    def _author_slugs(self, planned: list[_Planned]) -> dict[str, str]:
        """A file name for every author a post uses; two people never share one."""
        out: dict[str, str] = {}
        used: set[str] = set()
        for item in planned:
            for author_id in item.post.authors:
                if author_id in out:
                    continue
                author = self.archive.authors.get(author_id) or SourceAuthor(author_id)
                base = author.slug or slugify(author.name or author_id) or "author"
                slug, number = base, 1
                while slug in used:
                    number += 1
                    slug = f"{base}-{number}"
                used.add(slug)
                out[author_id] = slug
        return out

    # -- one post -----------------------------------------------------------------------

    def _post(
        self,
        item: _Planned,
        slugs: dict[str, str],
        result: PostResult,
        aliases_seen: dict[str, str],
    ) -> tuple[dict[str, Any], str]:
        """The new front matter and body of one planned post."""
        post, notes = item.post, result.notes
        video: dict[str, str] | None = None
        embed = the_video(post)
        if embed is not None:
            video = {embed.kind: embed.value}
            if embed.title:
                video["title"] = " ".join(embed.title.split())
            notes.append(Note.of("video-field", service=embed.kind, id=embed.value))
        body = self.linker.body(post, item.rel, notes)
        # Entities are how the old site's HTML spelled a character (&ldquo;, &#39;): the
        # character is what its readers saw. Tags are left for the check to point out.
        front: dict[str, Any] = {"title": html.unescape(post.title or item.slug)}
        front["date"] = post.date
        authors = [slugs[a] for a in post.authors if a in slugs]
        if authors:
            front["authors"] = authors
        else:
            notes.append(Note.of("author-missing"))
        description = self._description(post, body, notes)
        if description:
            front["description"] = description
        front["language"] = self._language(post, notes)
        categories, tags = self._categories(post, notes)
        if categories:
            front["categories"] = categories
        if tags:
            front["tags"] = tags
        if post.image:
            front["image"] = self.linker.cover(post, notes)
            if post.image_alt:
                front["image_alt"] = " ".join(html.unescape(post.image_alt).split())
        if video:
            front["video"] = video
        if post.draft:
            front["draft"] = True
            result.draft = True
        if post.expires:
            front["expires"] = post.expires
            result.expired = post.expires < self.site.today
        result.future = item.date > self.site.today and not post.draft
        new_url = f"/blog/{item.date:%Y/%m/%d}/{item.slug}/"
        aliases = []
        for url in post.old_urls:
            if url_key(url) == url_key(new_url):
                continue
            owner = aliases_seen.setdefault(url, item.rel)
            if owner != item.rel:
                notes.append(Note.of("alias-conflict", url=url, other=owner))
            else:
                aliases.append(old_address(url))
        if aliases:
            front["aliases"] = aliases
        return front, body

    def _description(self, post: SourcePost, body: str, notes: list[Note]) -> str | None:
        """The first front-matter text, else the first paragraph, of 50 to 160 characters
        (cut at a word); never padded: when nothing is long enough, none."""
        candidates = [(plain_text(d), "field") for d in post.descriptions]
        candidates += [(p, "paragraph") for p in first_paragraphs(body)]
        for text, origin in candidates:
            if len(text) < DESC_MIN:
                continue
            trimmed = trim(text)
            if len(trimmed) < DESC_MIN:
                continue
            if origin == "paragraph":
                notes.append(Note.of("description-derived"))
            elif trimmed != text:
                notes.append(Note.of("description-trimmed"))
            return trimmed
        notes.append(Note.of("description-missing"))
        return None

    def _default_language(self) -> str:
        """``--language``, else the source's own setting, else the site's."""
        chosen = (self.options.language, self.archive.language, self.site.language)
        return next((c for c in chosen if c in self.site.languages), self.site.languages[0])

    def _language(self, post: SourcePost, notes: list[Note]) -> str:
        """The post's language when the site has it, else the default (noted)."""
        default = self._default_language()
        if post.language and post.language not in self.site.languages:
            notes.append(Note.of("language-unknown", value=post.language, used=default))
            return default
        return post.language or default

    def _categories(self, post: SourcePost, notes: list[Note]) -> tuple[list[str], list[str]]:
        """Categories the site has (in its spelling) and the tags, the rest of the
        categories among them; tags differing only in case are one tag."""
        known = {c.lower(): c for c in self.site.categories}
        categories: list[str] = []
        tags: list[str] = []
        for category in post.categories:
            if not known:
                categories.append(category)
            elif category.lower() in known:
                categories.append(known[category.lower()])
            else:
                tags.append(category)
                notes.append(Note.of("category-as-tag", name=category))
        seen: set[str] = set()
        unique = []
        for tag in [*post.tags, *tags]:
            if tag.lower() not in seen:
                seen.add(tag.lower())
                unique.append(tag)
        return list(dict.fromkeys(categories)), unique

    # -- authors and files --------------------------------------------------------------

    def _write_authors(self, slugs: dict[str, str]) -> None:
        """One file per author the posts use; a file with consent recorded is left alone."""
        placeholder = PLACEHOLDER.get(self.lang, PLACEHOLDER["en"])
        language = self._default_language()  # the bio is in the language the posts default to
        for author_id, slug in slugs.items():
            author = self.archive.authors.get(author_id) or SourceAuthor(
                author_id, from_record=False
            )
            notes = [Note.of("author-no-consent")]
            if not author.from_record:
                notes.append(Note.of("author-no-record", id=author_id))
            data: dict[str, Any] = {"name": author.name or author_id}
            for key in ("role", "team"):
                value = getattr(author, key)
                data[key] = value or placeholder
                if not value:
                    notes.append(Note.of("author-placeholder", field=key, value=placeholder))
            if author.location:
                data["location"] = author.location
            if author.linkedin and re.match(r"^https://[^\s/]+\.[^\s]+$", author.linkedin):
                data["linkedin"] = author.linkedin
            if author.github:
                data["github"] = author.github
            if author.bio:
                data["bio"] = {language: " ".join(author.bio.split())}
            rel = posixpath.join(self.site.authors_dir, f"{slug}.yml")
            path = self.site.root / rel
            if _has_consent(path):
                self.result.authors.append((rel, [Note.of("author-has-consent")], "kept"))
                continue
            status = self._write(path, _dump(data), notes)
            self.result.authors.append((rel, notes, status))

    def _store(self, rel: str, source: Path, notes: list[Note]) -> None:
        """Copy a picture the linker found to ``rel`` and count it."""
        self.result.media.append(Outcome(rel, self._write(self.site.root / rel, source, notes)))

    def _write(self, path: Path, content: str | Path, notes: list[Note]) -> str:
        """Write text (or copy a file); ``unchanged``, ``written`` or ``kept``."""
        data = content.read_bytes() if isinstance(content, Path) else content.encode("utf-8")
        rel = self.site.rel(path)
        if path.is_file():
            if path.read_bytes() == data:
                return "unchanged"
            if not self.force:
                notes.append(Note.of("file-exists", path=rel))
                return "kept"
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, path)
        else:
            path.write_bytes(data)
        return "written"


class _Dumper(yaml.SafeDumper):
    """Never ``&id001`` anchors for a value used twice: the check refuses YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: dict[str, Any]) -> str:
    """YAML as people read it: in the order given, no line folding, UTF-8 as it is."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def old_address(url: str) -> str:
    """An old address as a browser asks for it: the path percent-encoded (UTF-8), the
    query kept (``/?p=12``), no host."""
    path, _, query = url.partition("?")
    path = quote(unquote(path), safe="/._~!$'()*+,;=:@-")
    return path + ("?" + quote(unquote(query), safe="=&%._-") if query else "")


def _has_consent(path: Path) -> bool:
    """Whether an existing author file records consent: HR's work, never overwritten."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and bool(data.get("consent"))


def write_archive(
    archive: Archive, site: Site, options: ImportOptions, force: bool = False, lang: str = "en"
) -> ImportResult:
    """Write ``archive`` into ``site``'s repository; what was done, for the report."""
    return Writer(archive, site, options, force, lang).run()
