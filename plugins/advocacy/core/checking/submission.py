"""A pull request, as the check judges it: who sent it, what it changes, and what the base
branch says about who may change what.

Permissions are read from the base branch, never from the pull request: HR's logins from
the base's ``policy.yml``, each author's ``github:`` from the base's author files. A pull
request cannot give itself a right. It may change a post only when the submitter is one of
the post's authors (or HR); that holds for the posts it adds or changes, for the posts that
use a picture, video or captions file it replaces, and for the posts it deletes. Only HR
may change the policy, a consent record, the GitHub logins, or the site's configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from advocacy.core.model.entities import Author, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import rule
from advocacy.core.reading.policy import Policy
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.documents import uses

E, W = Severity.ERROR, Severity.WARNING
# Files that decide how everything else is judged or built: HR's (or maintainers') to change.
CONFIGURATION = (
    "mkdocs.yml",
    "pyproject.toml",
    ".github/",
    "plugins/",
    "overrides/",
    "Makefile",
    ".ci/",
)

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
        "Only HR changes the policy, consent, GitHub logins and the site's configuration.",
        "Kun HR ændrer politikken, samtykker, GitHub-logins og sitets opsætning.",
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
    base_posts: dict[str, Post] = field(default_factory=dict)  # deleted posts as they were

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
    repo: Repository, sub: Submission, post: Post, key: str | None, **values: object
) -> Finding | None:
    allowed = sub.logins(post.authors)
    if sub.login.lower() in allowed:
        return None
    return NOT_AUTHOR.finding(
        repo.lang,
        post.file,
        post.line_of("authors"),
        key,
        login=sub.login,
        allowed=", ".join(sorted(allowed)) or "-",
        **values,
    )


def submission_findings(repo: Repository, sub: Submission) -> Iterator[Finding]:
    """Everything a pull request may not do, by the base branch's rules."""
    lang = repo.lang
    if sub.login and not sub.hr:
        for post in repo.posts:
            found = None
            if post.file in sub.changed:
                found = _may_not(repo, sub, post, None)
            else:
                replaced = sorted(uses(post) & sub.changed)
                if replaced:
                    found = _may_not(repo, sub, post, "submitter-media", path=replaced[0])
            if found:
                yield found
        for path, post in sorted(sub.base_posts.items()):
            if path in sub.deleted:
                allowed = sub.logins(post.authors)
                if sub.login.lower() not in allowed:
                    yield NOT_AUTHOR.finding(
                        lang,
                        path,
                        None,
                        "submitter-delete",
                        login=sub.login,
                        allowed=", ".join(sorted(allowed)) or "-",
                    )
        yield from _hr_only(repo, sub)
    yield from _new_authors(repo, sub)


def _hr_only(repo: Repository, sub: Submission) -> Iterator[Finding]:
    lang, site = repo.lang, repo.site
    touched = sub.changed | sub.deleted
    if site.policy in touched:
        yield HR_ONLY.finding(
            lang,
            site.policy,
            None,
            login=sub.login,
            what={"en": "the SoMe policy", "da": "SoMe-politikken"},
        )
    for path in sorted(p for p in touched if p.startswith(CONFIGURATION)):
        yield HR_ONLY.finding(
            lang,
            path,
            None,
            login=sub.login,
            what={"en": "the site's configuration", "da": "sitets opsætning"},
        )
    prefix = site.authors_dir.strip("/") + "/"
    for path in sorted(p for p in touched if p.startswith(prefix)):
        slug = path[len(prefix) :].rsplit(".", 1)[0]
        now, before = repo.authors.get(slug), sub.base_authors.get(slug)
        if path in sub.deleted or now is None:
            continue  # a deleted author file holds their posts back; HR reviews that
        if before is None:
            if now.consent.profile or now.consent.photo or now.github:
                yield HR_ONLY.finding(
                    lang,
                    path,
                    now.line_of("consent") or now.line_of("github"),
                    login=sub.login,
                    what={"en": "consent or GitHub logins", "da": "samtykke eller GitHub-logins"},
                )
            continue
        if now.consent != before.consent or now.consent_readable != before.consent_readable:
            yield HR_ONLY.finding(
                lang,
                path,
                now.line_of("consent"),
                login=sub.login,
                what={"en": "a consent record", "da": "et samtykke"},
            )
        if sorted(now.github) != sorted(before.github):
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
