"""What the files of a repository refer to, cross-checked: the authors a post names, the
photos and videos its front matter and an author file name (under the media folder, never
through a link or outside the repository), and pages that would share an address."""

from __future__ import annotations

import difflib
from dataclasses import replace
from typing import TYPE_CHECKING

from advocacy.core.model.entities import Author, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import Rule, localized, rule

if TYPE_CHECKING:  # the repository calls these checks while it is read
    from advocacy.core.reading.repository import Repository

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


def author_media(repo: Repository, author: Author) -> list[Finding]:
    if not author.photo:
        return []
    ref = repo.resolve(author.photo, author.file)
    if ref.problem:
        written, author.photo = author.photo, None  # never shown, whatever it points at
        return [media_finding(repo, author.file, author.line_of("photo"), written, ref.problem)]
    author.photo = ref.path
    return []


def unknown_author(repo: Repository, post: Post, slug: str, line: int | None) -> Finding | None:
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


def post_references(repo: Repository, post: Post) -> list[Finding]:
    """Authors that exist; files named in the front matter exist under the media folder.

    Files the body uses are judged on the rendered page, with the other rules.
    """
    out: list[Finding] = []
    for index, slug in enumerate(post.authors):
        found = unknown_author(repo, post, slug, post.line_of("authors", index))
        if found:
            out.append(found)
    for index, person in enumerate(post.people):
        if person.author:
            found = unknown_author(repo, post, person.author, post.line_of("people", index))
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


def duplicate_addresses(repo: Repository) -> list[Finding]:
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
