"""Consent, judged one way for every output: the check, the build and the HR report.

A post may be published only when every author and every person in it has consent that has
started, has evidence (for people without a profile) and has not expired or been withdrawn,
and when no colleague without current consent is named in its text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from advocacy.core.checking.people.mentions import mentions, mentions_in
from advocacy.core.checking.people.photos import photo_likeness, photo_owner, pictures
from advocacy.core.checking.people.places import place_segments
from advocacy.core.checking.texts import (
    Segment,
    author_segments,
    page_segments,
    reading_segments,
)
from advocacy.core.model.entities import Author, DocPage, Post
from advocacy.core.reading.repository import Repository

OK, MISSING, WITHDRAWN, EXPIRED, NO_EVIDENCE = "ok", "missing", "withdrawn", "expired", "evidence"
# Consent that cannot be read, or a person whose author file is gone: held back, like
# withdrawn consent, never published on a guess.
UNREADABLE, UNKNOWN = "unreadable", "unknown"
ENDED = (WITHDRAWN, EXPIRED, UNREADABLE, UNKNOWN)


def day(value: dt.date | None) -> dt.date | None:
    """A date as its day: a datetime (a date written with a time) compares as its date."""
    return value.date() if isinstance(value, dt.datetime) else value


def state(
    start: dt.date | None,
    today: dt.date,
    withdrawn: dt.date | None = None,
    expires: dt.date | None = None,
) -> tuple[str, dt.date | None]:
    """The state of one consent record today, and the date that decided it (a date with a
    time counts as its day)."""
    start, withdrawn, expires = day(start), day(withdrawn), day(expires)
    if withdrawn is not None and withdrawn <= today:
        return WITHDRAWN, withdrawn
    if start is None or start > today:
        return MISSING, start
    if expires is not None and expires <= today:
        return EXPIRED, expires
    return OK, start


def profile_state(author: Author, today: dt.date) -> tuple[str, dt.date | None]:
    """Whether an author may appear on the site."""
    c = author.consent
    if not author.consent_readable:
        return UNREADABLE, None
    return state(c.profile, today, c.withdrawn, c.expires)


def photo_state(author: Author, today: dt.date) -> tuple[str, dt.date | None]:
    """Whether an author's photo may appear (profile consent first)."""
    profile = profile_state(author, today)
    if profile[0] != OK:
        return profile
    c = author.consent
    return state(c.photo, today, c.withdrawn, c.expires)


@dataclass(frozen=True)
class Problem:
    """Why someone in a post keeps it from being published."""

    kind: str  # author, person or mention
    who: str  # display name
    slug: str | None  # the author file, when there is one
    state: str  # missing, withdrawn, expired or evidence
    date: dt.date | None
    line: int | None
    path: str | None = None  # for a photo: the file, as written
    like: bool = False  # for a photo: a copy re-saved, resized or cropped, not the same bytes

    @property
    def blocks(self) -> bool:
        """Missing consent is an error; consent that ended only holds the post back.

        A name found in the text is a guess (it may be someone else with that name), so it
        holds the post back without blocking the build.
        """
        return self.kind != "mention" and self.state in (MISSING, NO_EVIDENCE)


def photo_problems(doc: Post | DocPage, repo: Repository, today: dt.date) -> list[Problem]:
    """Authors' photos shown by ``doc`` without their current profile and photo consent."""
    out: list[Problem] = []
    seen: set[str] = set()
    for path, written, line in pictures(doc):
        slug, like = photo_owner(repo, path), False
        if slug is None:
            slug, like = photo_likeness(repo, path), True
        if slug is None or slug in seen:
            continue
        author = repo.authors[slug]
        st, date = photo_state(author, today)
        if st != OK:
            seen.add(slug)
            out.append(Problem("photo", author.name, slug, st, date, line, written, like))
    return out


def text_problems(
    segments: list[Segment], repo: Repository, today: dt.date, besides: Iterable[str] = ()
) -> list[Problem]:
    """Colleagues named in ``segments`` (other than ``besides``) without current consent:
    what keeps a page, a bio or a team's text off the site."""
    out = []
    for slug, (_, line) in mentions_in(segments, repo).items():
        author = repo.authors[slug]
        st, date = profile_state(author, today)
        if st != OK and slug not in besides:
            out.append(Problem("mention", author.name, slug, st, date, line))
    return out


def author_problems(author: Author, repo: Repository, today: dt.date) -> dict[str, list[Problem]]:
    """What an author's page publishes (role, team, location, bio.da ...) that names another
    colleague without current consent, by field: a bio is left out, anything else holds the
    profile back."""
    return repo.cache.get(
        f"author-consent-{author.slug}-{today.isoformat()}",
        lambda: {
            segment.field: found
            for segment in author_segments(author)
            for found in [text_problems([segment], repo, today, (author.slug,))]
            if found
        },
    )


def as_published(author: Author, repo: Repository, today: dt.date) -> Author | None:
    """The author as the site shows them today: without a bio that names someone without
    consent, and not at all (None) when another of their texts does."""
    held = author_problems(author, repo, today)
    if not held:
        return author
    if any(not name.startswith("bio.") for name in held):
        return None
    bio = {lang: text for lang, text in author.bio.items() if f"bio.{lang}" not in held}
    return dataclasses.replace(author, bio=bio)


def page_problems(page: DocPage, repo: Repository, today: dt.date) -> list[Problem]:
    """Why a page is held back today: names and author photos without consent."""
    return repo.cache.get(
        f"page-consent-{page.file}-{today.isoformat()}",
        lambda: (
            text_problems(
                page_segments(page) + reading_segments(page) + place_segments(page), repo, today
            )
            + photo_problems(page, repo, today)
        ),
    )


def problems(post: Post, repo: Repository, today: dt.date) -> list[Problem]:
    """Every consent problem of a post, in front-matter order, then mentions in the text.

    Computed once per post and day: the check and the publication decision both ask.
    """
    return post.cache.get(f"consent-{today.isoformat()}", lambda: _problems(post, repo, today))


def _problems(post: Post, repo: Repository, today: dt.date) -> list[Problem]:
    out: list[Problem] = []
    for index, slug in enumerate(post.authors):
        author = repo.authors.get(slug)
        st, date = (
            profile_state(author, today)
            if author is not None
            else (UNREADABLE if slug in repo.broken_authors else UNKNOWN, None)
        )
        if st != OK:
            out.append(
                Problem(
                    "author",
                    author.name if author else slug,
                    slug,
                    st,
                    date,
                    post.line_of("authors", index),
                )
            )
    listed = set(post.authors)
    for index, person in enumerate(post.people):
        line = post.line_of("people", index)
        if person.author:
            listed.add(person.author)
            author = repo.authors.get(person.author)
            st, date = (
                profile_state(author, today)
                if author is not None
                else (UNREADABLE if person.author in repo.broken_authors else UNKNOWN, None)
            )
            if st != OK:
                out.append(
                    Problem(
                        "person",
                        author.name if author else person.author,
                        person.author,
                        st,
                        date,
                        line,
                    )
                )
            continue
        st, date = state(person.consent, today, None, person.expires)
        if st == OK and not person.evidence:
            st = NO_EVIDENCE
        if st != OK:
            out.append(Problem("person", person.name or "?", None, st, date, line))
    for slug, line in mentions(post, repo).items():
        author = repo.authors[slug]
        st, date = profile_state(author, today)
        if slug not in listed:
            # Named but not listed: a hint when their consent is current, else held back.
            out.append(Problem("mention", author.name, slug, OK if st == OK else st, date, line))
    return out + photo_problems(post, repo, today)


def translates(post: Post, original: Post) -> bool:
    """Whether ``post`` may stand as a translation of ``original``: a translation speaks for
    the original's authors, so at least one of them is its author too (rule
    translation-other-author). Anything else is a story of its own, never a version of
    another's in listings or links."""
    return post is not original and bool(set(post.authors) & set(original.authors))


def holds(problem: Problem) -> bool:
    """Whether the problem keeps the post off the site (everything but a listed-OK hint)."""
    return problem.state != OK
