"""A pull request, as the check judges it: who sent it, what it changes, and what the base
branch says about who may change what.

Permissions are read from the base branch's tip, never from the pull request nor from where
it left the base branch (which it chooses): HR's logins from ``policy.yml``, each author's
``github:`` from their author file. A pull request cannot give itself a right, nor keep one
taken away since. Every file it adds, changes or deletes is someone's to change (``kinds``),
and HR may change them all: a post is its authors' (as the base branch has them); a picture,
video or captions file is the authors' of every post that uses it; an author file and its
photo are that author's; a new file nobody uses yet is anyone's. Everything else (the policy,
the site's pages, teams.yml, the brand's pictures, the configuration, and files of no known
kind) is HR's alone, and so are a consent record and the GitHub logins, even in one's own
author file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from advocacy.core.checking.kinds import (
    AUTHOR,
    OTHER,
    PHOTO,
    PICTURE,
    POST,
    WHAT,
    Usage,
    kind_of,
    usage,
)
from advocacy.core.checking.people.records import record_findings
from advocacy.core.model.entities import Author, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import rule
from advocacy.core.reading.policy import Policy
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.documents import uses

E, W = Severity.ERROR, Severity.WARNING

NOT_AUTHOR = rule(
    "submitter-not-author",
    E,
    (
        "Only a post's authors, or HR, may add or change it.",
        "Kun et indlægs forfattere, eller HR, må tilføje eller ændre det.",
    ),
    (
        "'{login}' may not add or change this post: only its authors (GitHub: {allowed}) or HR "
        "may.",
        "If you are one of the authors, ask HR to add your GitHub login under 'github:' "
        "in your author file; otherwise ask an author to open the pull request.",
    ),
    (
        "'{login}' må ikke tilføje eller ændre dette indlæg: kun dets forfattere (GitHub: "
        "{allowed}) eller HR må.",
        "Er du en af forfatterne, så bed HR om at tilføje dit "
        "GitHub-login under 'github:' i din forfatterfil; ellers bed en forfatter om at oprette "
        "pull requesten.",
    ),
    adjustable=False,
    variants={
        "submitter-media": {
            "en": (
                "'{login}' may not replace '{path}': it is used by this post, and only its "
                "authors (GitHub: {allowed}) or HR may change it.",
                "Upload the new file under a new name and use it in your own post, or ask "
                "an author of this post.",
            ),
            "da": (
                "'{login}' må ikke erstatte '{path}': den bruges af dette indlæg, og kun "
                "dets forfattere (GitHub: {allowed}) eller HR må ændre det.",
                "Upload den nye fil under et nyt navn, og brug den i dit eget indlæg, eller "
                "spørg en forfatter til indlægget.",
            ),
        },
        "submitter-author-file": {
            "en": (
                "'{login}' may not change '{path}': it is {name}'s author file, and only they "
                "(GitHub: {allowed}) or HR may change it.",
                "Take this change out of the pull request; ask {name} or HR to make it.",
            ),
            "da": (
                "'{login}' må ikke ændre '{path}': det er {name}s forfatterfil, og kun "
                "vedkommende (GitHub: {allowed}) eller HR må ændre den.",
                "Tag ændringen ud af pull requesten; bed {name} eller HR om at lave den.",
            ),
        },
        "submitter-photo": {
            "en": (
                "'{login}' may not replace '{path}': it is {name}'s photo, and only they "
                "(GitHub: {allowed}) or HR may change it.",
                "Take this file out of the pull request; ask {name} or HR to change the photo.",
            ),
            "da": (
                "'{login}' må ikke erstatte '{path}': det er {name}s foto, og kun "
                "vedkommende (GitHub: {allowed}) eller HR må ændre det.",
                "Tag filen ud af pull requesten; bed {name} eller HR om at skifte fotoet.",
            ),
        },
        "submitter-delete": {
            "en": (
                "'{login}' may not delete this post: only its authors (GitHub: {allowed}) "
                "or HR may.",
                "Ask an author of the post, or HR.",
            ),
            "da": (
                "'{login}' må ikke slette dette indlæg: kun dets forfattere (GitHub: "
                "{allowed}) eller HR må.",
                "Spørg en forfatter til indlægget, eller HR.",
            ),
        },
    },
)
HR_ONLY = rule(
    "submitter-not-hr",
    E,
    (
        "Only HR changes the policy, consent, GitHub logins, the site's pages, teams, brand "
        "and configuration.",
        "Kun HR ændrer politikken, samtykker, GitHub-logins, sitets sider, hold, brand og "
        "opsætning.",
    ),
    (
        "'{login}' may not change {what}: only HR may.",
        "Take this change out of the pull request and ask HR to make it.",
    ),
    (
        "'{login}' må ikke ændre {what}: kun HR må.",
        "Tag ændringen ud af pull requesten, og bed HR om at lave den.",
    ),
    adjustable=False,
)
NEW_AUTHOR = rule(
    "author-new",
    W,
    (
        "A new author file, or one that looks like a colleague's, is pointed out for HR.",
        "En ny forfatterfil, eller en, der ligner en kollegas, bliver fremhævet for HR.",
    ),
    (
        "A new author file: {name}. HR checks who this is before they appear on the site.",
        "Nothing to do for the writer; HR records consent when it is given.",
    ),
    (
        "En ny forfatterfil: {name}. HR tjekker, hvem det er, før vedkommende kommer på sitet.",
        "Intet at gøre for skribenten; HR registrerer samtykket, når det er givet.",
    ),
    can_block=False,
    variants={
        "author-lookalike": {
            "en": (
                "This author file has the same {what} as {other}.",
                "HR checks that this is another person and not someone posing as a colleague.",
            ),
            "da": (
                "Denne forfatterfil har samme {what} som {other}.",
                "HR tjekker, at det er en anden person og ikke nogen, der udgiver sig for at "
                "være en kollega.",
            ),
        }
    },
)
SAME_NAME = rule(
    "author-same-name",
    E,
    ("Two author files never have the same name.", "To forfatterfiler har aldrig samme navn."),
    (
        "{file} and {other} both have the name '{name}'; readers could not tell them apart.",
        "If they are two people, add what tells them apart (a middle name or initial); if they "
        "are one, keep one file.",
    ),
    (
        "{file} og {other} har begge navnet '{name}'; læserne ville ikke kunne skelne dem.",
        "Er det to personer, så tilføj det, der skiller dem ad (et mellemnavn eller et "
        "initial); er det én, så behold én fil.",
    ),
    adjustable=False,
)


@dataclass
class Submission:
    """A pull request: its submitter, its changes, and the base branch's view of rights."""

    login: str
    changed: set[str] = field(default_factory=set)  # added or modified, repository paths
    deleted: set[str] = field(default_factory=set)
    base_policy: Policy | None = None  # None: the base has no policy (everything is new)
    base_authors: dict[str, Author] = field(default_factory=dict)  # by slug
    # posts it changes or deletes, as they were
    base_posts: dict[str, Post] = field(default_factory=dict)
    added: set[str] = field(default_factory=set)  # of ``changed``, the files new in it
    # changed author files at the merge base: what the pull request did not touch is not its
    start_authors: dict[str, Author] = field(default_factory=dict)  # by slug

    @property
    def hr(self) -> bool:
        """Whether the submitter is HR, by the base branch's policy."""
        return self.base_policy is not None and self.login.lower() in self.base_policy.hr_logins

    def logins(self, slugs: list[str]) -> set[str]:
        """The GitHub logins the base branch gives these authors."""
        return {
            g.lower() for s in slugs if s in self.base_authors for g in self.base_authors[s].github
        }


def _may_not(
    repo: Repository,
    sub: Submission,
    post: Post,
    key: str | None,
    authors: list[str] | None = None,
    **values: object,
) -> Finding | None:
    slugs = post.authors if authors is None else authors
    return _not_theirs(repo, sub, slugs, post.file, post.line_of("authors"), key, **values)


def _not_theirs(
    repo: Repository,
    sub: Submission,
    slugs: list[str],
    file: str,
    line: int | None,
    key: str | None,
    **values: object,
) -> Finding | None:
    """``submitter-not-author`` when the submitter is none of these authors (by the base
    branch's ``github:``), else None."""
    allowed = sub.logins(slugs)
    if sub.login.lower() in allowed:
        return None
    return NOT_AUTHOR.finding(
        repo.lang,
        file,
        line,
        key,
        login=sub.login,
        allowed=", ".join(sorted(allowed)) or "-",
        **values,
    )


def submission_findings(repo: Repository, sub: Submission) -> Iterator[Finding]:
    """Everything a pull request may not do, by the base branch's rules: every file it adds,
    changes or deletes is someone's to change (see ``kinds``), and HR may change them all."""
    if sub.login and not sub.hr:
        brand = [
            *(sub.base_policy.brand_assets if sub.base_policy else ()),
            *repo.policy.brand_assets,
        ]
        used = usage(repo.posts, list(repo.pages), [sub.base_authors, repo.authors], brand)
        yield from _posts(repo, sub)
        yield from record_findings(repo, sub.login, sub.changed, sub.base_posts)  # HR's alone
        for path in sorted(sub.changed | sub.deleted):
            yield from _file(repo, sub, used, path)
    yield from _new_authors(repo, sub)


def _posts(repo: Repository, sub: Submission) -> Iterator[Finding]:
    """Posts changed, deleted, or showing a file the pull request replaces: their authors'
    (a changed post's authors as the base branch has them: adding oneself gives no right)."""
    lang = repo.lang
    touched = sub.changed | sub.deleted
    read = {post.file for post in repo.posts}
    for post in repo.posts:
        found = None
        if post.file in sub.changed:
            before = sub.base_posts.get(post.file)
            # not new, yet not readable on the base branch: HR's alone
            unknown: list[str] | None = None if post.file in sub.added else []
            found = _may_not(repo, sub, post, None, before.authors if before else unknown)
        else:
            replaced = sorted(uses(post) & touched)
            if replaced:
                found = _may_not(repo, sub, post, "submitter-media", None, path=replaced[0])
        if found:
            yield found
    for path, post in sorted(sub.base_posts.items()):
        gone = path in sub.deleted
        if gone or (path in sub.changed and path not in read):  # deleted, or made unreadable
            allowed = sub.logins(post.authors)
            if sub.login.lower() not in allowed:
                yield NOT_AUTHOR.finding(
                    lang,
                    path,
                    None,
                    "submitter-delete" if gone else None,
                    login=sub.login,
                    allowed=", ".join(sorted(allowed)) or "-",
                )


def _file(repo: Repository, sub: Submission, used: Usage, path: str) -> Iterator[Finding]:
    """One added, changed or deleted file that is not a post: whose it is to change."""
    kind = kind_of(repo.site, path, used)
    if kind == POST:
        return
    if kind == AUTHOR:
        yield from _author_file(repo, sub, path)
        return
    lang, added, deleted = repo.lang, path in sub.added, path in sub.deleted
    owners = sorted(s for s in used.photos.get(path, ()) if s in sub.base_authors)
    if kind in (PHOTO, PICTURE) and path not in used.pages:
        for slug in owners:
            name = sub.base_authors[slug].name
            found = _not_theirs(
                repo, sub, [slug], path, None, "submitter-photo", path=path, name=name
            )
            if found is not None:
                yield found
        if owners or path in used.posts or added or deleted:
            return  # a post that uses it is its authors' (see _posts); new files are anyone's
    what = WHAT.get(kind, WHAT[OTHER])
    yield HR_ONLY.finding(
        lang,
        path,
        None,
        login=sub.login,
        what={k: v.format(path=path) for k, v in what.items()},
    )


def _author_file(repo: Repository, sub: Submission, path: str) -> Iterator[Finding]:
    """An author file: that author's (by the base branch's ``github:``) or HR's; its consent
    and GitHub logins HR's alone, even for the author."""
    lang = repo.lang
    slug = PurePosixPath(path).stem
    now, before = repo.authors.get(slug), sub.base_authors.get(slug)
    if before is None and path not in sub.added:
        yield HR_ONLY.finding(
            lang,
            path,
            None,
            login=sub.login,
            what={k: v.format(path=path) for k, v in WHAT[OTHER].items()},
        )  # in the base branch, but unreadable there: nobody's but HR's
        return
    if before is not None:
        key = "submitter-author-file"
        found = _not_theirs(repo, sub, [slug], path, None, key, path=path, name=before.name)
        if found is not None:
            yield found
    if path in sub.deleted or now is None:
        return
    if before is None:
        if now.consent.profile or now.consent.photo or now.github:
            yield HR_ONLY.finding(
                lang,
                path,
                now.line_of("consent") or now.line_of("github"),
                login=sub.login,
                what={"en": "consent or GitHub logins", "da": "samtykke eller GitHub-logins"},
            )
        return
    start = sub.start_authors.get(slug)
    was = [a for a in (before, start) if a is not None]
    if all((now.consent, now.consent_readable) != (a.consent, a.consent_readable) for a in was):
        yield HR_ONLY.finding(
            lang,
            path,
            now.line_of("consent"),
            login=sub.login,
            what={"en": "a consent record", "da": "et samtykke"},
        )
    if all(sorted(now.github) != sorted(a.github) for a in was):
        yield HR_ONLY.finding(
            lang,
            path,
            now.line_of("github"),
            login=sub.login,
            what={"en": "GitHub logins", "da": "GitHub-logins"},
        )


def _new_authors(repo: Repository, sub: Submission) -> Iterator[Finding]:
    """New author files, and ones with a colleague's name or photo, for HR to look at."""
    prefix = repo.site.authors_dir.strip("/") + "/"
    for path in sorted(p for p in sub.changed if p.startswith(prefix)):
        slug = path[len(prefix) :].rsplit(".", 1)[0]
        author = repo.authors.get(slug)
        if author is None:
            continue
        if slug not in sub.base_authors:
            yield NEW_AUTHOR.finding(repo.lang, path, None, name=author.name)
        for other in repo.authors.values():
            if other.slug == slug:
                continue
            if other.photo and other.photo == author.photo:
                yield NEW_AUTHOR.finding(
                    repo.lang,
                    path,
                    author.line_of("photo"),
                    "author-lookalike",
                    what={"en": "photo", "da": "foto"},
                    other=other.file,
                )


def same_names(repo: Repository) -> Iterator[Finding]:
    """Two author files with one name: an error in every check, not only in pull requests,
    reported in both files (a pull request sees the one it touches)."""
    by_name: dict[str, list[Author]] = {}
    for author in sorted(repo.authors.values(), key=lambda a: a.file):
        by_name.setdefault(" ".join(author.name.casefold().split()), []).append(author)
    for group in by_name.values():
        for author in group if len(group) > 1 else ():
            other = next(a for a in group if a is not author)
            yield SAME_NAME.finding(
                repo.lang,
                author.file,
                author.line_of("name"),
                file=author.file,
                other=other.file,
                name=author.name,
            )
