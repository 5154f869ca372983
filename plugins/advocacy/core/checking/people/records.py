"""Consent records under a post's ``people:`` are HR's, like those in author files: a writer
who adds or changes one (a name with ``consent:``, ``evidence:`` or ``expires:``) could
vouch for anyone with an invented reference. What the base branch had stays; anything new
or different is an error unless HR sends the pull request (HR's logins come from the base
branch's policy: see :mod:`advocacy.core.checking.submission`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from advocacy.core.model.entities import Person, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import rule
from advocacy.core.model.textnorm import fold
from advocacy.core.reading.repository import Repository

RECORD = rule(
    "people-consent-hr",
    Severity.ERROR,
    (
        "Only HR records the consent of people in a post.",
        "Kun HR registrerer samtykke for personer i et indlæg.",
    ),
    (
        "'{login}' may not record or change the consent of {name} under 'people:': only HR "
        "may, with the signed consent in hand.",
        "Take 'consent:', 'evidence:' and 'expires:' out of {name}'s entry (keep 'name:') and "
        "give HR the signed consent: HR records it in a pull request of their own.",
    ),
    (
        "'{login}' må ikke registrere eller ændre samtykket for {name} under 'people:': kun HR "
        "må, med det underskrevne samtykke i hånden.",
        "Fjern 'consent:', 'evidence:' og 'expires:' fra {name}s punkt (behold 'name:'), og "
        "giv HR det underskrevne samtykke: HR registrerer det i en pull request fra HR.",
    ),
    adjustable=False,
)


def _record(person: Person) -> tuple[str, str, str] | None:
    """A name entry's consent record, as compared (None: the entry records nothing)."""
    if person.author or not (person.consent or person.evidence or person.expires):
        return None
    return (
        person.consent.isoformat() if person.consent else "",
        (person.evidence or "").strip(),
        person.expires.isoformat() if person.expires else "",
    )


def _key(person: Person) -> str:
    return " ".join(fold(person.name or "").split())


def record_findings(
    repo: Repository, login: str, changed: set[str], base_posts: Mapping[str, Post]
) -> Iterator[Finding]:
    """Consent records that a pull request by ``login`` (not HR) adds or changes in the
    posts it adds or changes (``base_posts``: those posts as the base branch has them)."""
    for post in repo.posts:
        if post.file not in changed:
            continue
        before = base_posts.get(post.file)
        kept = {
            (_key(p), record)
            for p in (before.people if before else [])
            if (record := _record(p)) is not None
        }
        for index, person in enumerate(post.people):
            record = _record(person)
            if record is not None and (_key(person), record) not in kept:
                yield RECORD.finding(
                    repo.lang,
                    post.file,
                    post.line_of("people", index),
                    login=login,
                    name=person.name or "?",
                )
