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
from advocacy.core.model.entities import Author, DocPage, Memo, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import Rule, localized, rule
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

PostReader = Callable[[Site, Path, str], tuple[Post | None, list[Finding]]]
E, W = Severity.ERROR, Severity.WARNING

SYMLINK = rule(
    "symlink",
    E,
    (
        "No symbolic links: they can point at any file.",
        "Ingen symbolske links: de kan pege på en hvilken som helst fil.",
    ),
    (
        "'{path}' is a symbolic link; links are never published or followed, since they can "
        "point at any file.",
        "Replace the link with the file itself, or delete it.",
    ),
    (
        "'{path}' er et symbolsk link; links bliver aldrig udgivet eller fulgt, da de kan pege "
        "på hvilken som helst fil.",
        "Erstat linket med selve filen, eller slet det.",
    ),
    adjustable=False,
    variants={
        "media-symlink": {
            "en": (
                "The path '{path}' goes through a symbolic link, which is never followed.",
                "Put the file itself under {media}/ and refer to it there.",
            ),
            "da": (
                "Stien '{path}' går gennem et symbolsk link, som aldrig bliver fulgt.",
                "Læg selve filen under {media}/, og henvis til den der.",
            ),
        }
    },
)

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

MEDIA_MISSING = rule(
    "media-missing",
    E,
    (
        "Every photo and video a post uses exists.",
        "Alle billeder og videoer, et indlæg bruger, findes.",
    ),
    (
        "The file '{path}' does not exist.",
        "Upload it under media/ or correct the path (names are case-sensitive).",
    ),
    (
        "Filen '{path}' findes ikke.",
        "Upload den under media/ eller ret stien (der skelnes mellem store og små bogstaver).",
    ),
    adjustable=False,
    imported=(
        "Pictures of an old post are copied by the import when it finds them: put the "
        "picture under media/imported/ and correct the path, or remove it.",
        "Billeder i et gammelt indlæg kopieres af importen, når den finder dem: læg billedet "
        "under media/imported/, og ret stien, eller fjern det.",
    ),
)

MEDIA_OUTSIDE = rule(
    "media-outside",
    E,
    (
        "Photos and videos come from the media folder.",
        "Billeder og videoer kommer fra mediemappen.",
    ),
    (
        "The path '{path}' leads outside the repository.",
        "Put the file under media/ and write its path from the top of the repository, like "
        "'media/2026/photo.jpg'.",
    ),
    (
        "Stien '{path}' peger uden for repositoriet.",
        "Læg filen under media/ og skriv stien fra toppen af repositoriet, som "
        "'media/2026/foto.jpg'.",
    ),
    adjustable=False,
    variants={
        "media-absolute": {
            "en": (
                "The path '{path}' starts with '/', so it points at the web site, not at a file "
                "in the repository.",
                "Write the path from the top of the repository, like 'media/2026/photo.jpg'.",
            ),
            "da": (
                "Stien '{path}' starter med '/', så den peger på hjemmesiden, ikke på en fil i "
                "repositoriet.",
                "Skriv stien fra toppen af repositoriet, som 'media/2026/foto.jpg'.",
            ),
        },
        "media-not-media": {
            "en": (
                "'{path}' is not under {media}/; only files there can be shown on the site.",
                "Put the file under {media}/ and write its path from there, like "
                "'{media}/2026/photo.jpg'.",
            ),
            "da": (
                "'{path}' ligger ikke under {media}/; kun filer der kan vises på sitet.",
                "Læg filen under {media}/, og skriv stien derfra, som '{media}/2026/foto.jpg'.",
            ),
        },
    },
    imported=(
        "Old posts often point at pictures by the old site's address: put the picture under "
        "media/imported/ and write that path, or remove it.",
        "Gamle indlæg peger ofte på billeder med det gamle sites adresse: læg billedet under "
        "media/imported/, og skriv den sti, eller fjern det.",
    ),
)

AUTHOR_UNKNOWN = rule(
    "author-unknown",
    W,
    (
        "Posts name only authors with an author file; otherwise the post waits.",
        "Indlæg nævner kun forfattere med en forfatterfil; ellers venter indlægget.",
    ),
    (
        "There is no author '{slug}': the file {authors}/{slug}.yml does not exist, so the post "
        "is not published.",
        "Use the name of an author file without '.yml'{near}, or ask HR to add yours.",
    ),
    (
        "Der findes ingen forfatter '{slug}': filen {authors}/{slug}.yml findes ikke, så "
        "indlægget bliver ikke udgivet.",
        "Brug navnet på en forfatterfil uden '.yml'{near}, eller bed HR om at oprette din.",
    ),
    adjustable=False,
)

DUPLICATE_ADDRESS = rule(
    "duplicate-address",
    E,
    ("No two pages share an address.", "To sider deler aldrig en adresse."),
    (
        "This post has the same address {url} as {other}.",
        "Give one of the two posts another 'slug:'.",
    ),
    ("Indlægget har samme adresse {url} som {other}.", "Giv et af de to indlæg en anden 'slug:'."),
    adjustable=False,
)

EXTERNAL = rule(
    "media-external",
    E,
    (
        "Photos and videos are stored with the site, never loaded from another website.",
        "Billeder og video ligger på sitet og hentes aldrig fra andre hjemmesider.",
    ),
    (
        "The picture or video '{value}' would be loaded from another website, which tells that "
        "website who reads our page.",
        "Upload the file to media/ (if we may use it) and refer to that file, or link to the "
        "other page instead of showing it.",
    ),
    (
        "Billedet eller videoen '{value}' ville blive hentet fra en anden hjemmeside, som dermed "
        "kan se, hvem der læser vores side.",
        "Upload filen til media/ (hvis vi må bruge den), og henvis til den, eller link til den "
        "anden side i stedet for at vise den.",
    ),
    adjustable=False,
    imported=(
        "Old posts often show pictures from other sites: if the company may use one, save "
        "it under media/imported/ and refer to that file; otherwise link to it.",
        "Gamle indlæg viser ofte billeder fra andre sider: må firmaet bruge et, så gem det "
        "under media/imported/ og henvis til den fil; ellers link til det.",
    ),
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
            repo.findings.extend(_author_media(repo, author))
    read = reader or read_post
    for path in inventory.posts if posts is None else posts:
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


# A media reference's problem (see MediaRef): the rule it breaks and which of its messages.
MEDIA_PROBLEMS: dict[str, tuple[Rule, str | None]] = {
    "external": (EXTERNAL, None),
    "outside": (MEDIA_OUTSIDE, None),
    "absolute": (MEDIA_OUTSIDE, "media-absolute"),
    "symlink": (SYMLINK, "media-symlink"),
    "not-media": (MEDIA_OUTSIDE, "media-not-media"),
}


def media_finding(repo: Repository, file: str, line: int | None, ref: str, problem: str) -> Finding:
    """The finding for a media reference that cannot be used (see :class:`MediaRef`)."""
    broken, key = MEDIA_PROBLEMS.get(problem, (MEDIA_MISSING, None))
    return broken.finding(
        repo.lang, file, line, key, path=ref, value=ref, media=repo.site.media_dir
    )


def _author_media(repo: Repository, author: Author) -> list[Finding]:
    if not author.photo:
        return []
    ref = repo.resolve(author.photo, author.file)
    if ref.problem:
        written, author.photo = author.photo, None  # never shown, whatever it points at
        return [media_finding(repo, author.file, author.line_of("photo"), written, ref.problem)]
    author.photo = ref.path
    return []


def _unknown_author(repo: Repository, post: Post, slug: str, line: int | None) -> Finding | None:
    """An author without a file: the post is held back (it names someone we know nothing
    of, or whose file was deleted), which is a warning so that a build still runs."""
    if slug in repo.authors or slug in repo.broken_authors:
        return None
    near = difflib.get_close_matches(slug, list(repo.authors), n=1, cutoff=0.6)
    return AUTHOR_UNKNOWN.finding(
        repo.lang,
        post.file,
        line,
        slug=slug,
        authors=repo.site.authors_dir,
        near=localized(f" (did you mean '{near[0]}'?)", f" (mente du '{near[0]}'?)")
        if near
        else "",
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
        video = post.video
        post.video = replace(
            video,
            src=check(video.src, post.line_of("video", "src")),
            captions=check(video.captions, post.line_of("video", "captions")),
            poster=check(video.poster, post.line_of("video", "poster")),
        )
    post.people = [
        replace(
            person,
            media=tuple(
                filter(
                    None,
                    (
                        check(m, post.line_of("people", index, "media", number))
                        for number, m in enumerate(person.media)
                    ),
                )
            ),
        )
        for index, person in enumerate(post.people)
    ]
    if any(f.severity is Severity.ERROR for f in out):
        post.valid = False
    return out


def _duplicate_addresses(repo: Repository) -> list[Finding]:
    seen: dict[str, str] = {}
    out = []
    for doc in repo.documents:
        other = seen.setdefault(doc.url, doc.file)
        if other != doc.file:
            out.append(
                DUPLICATE_ADDRESS.finding(
                    repo.lang, doc.file, doc.line_of("title"), url=doc.url or "/", other=other
                )
            )
            doc.valid = False
    return out
