"""Consent, judged one way for every output: the check, the build and the HR report.

A post may be published only when every author and every person in it has consent that has
started, has evidence (for people without a profile) and has not expired or been withdrawn,
and when no colleague without current consent is named in its text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from advocacy.core.checking.texts import forms, post_segments
from advocacy.core.model.entities import Author, Post
from advocacy.core.reading.repository import Repository

OK, MISSING, WITHDRAWN, EXPIRED, NO_EVIDENCE = "ok", "missing", "withdrawn", "expired", "evidence"
# Consent that cannot be read, or a person whose author file is gone: held back, like
# withdrawn consent, never published on a guess.
UNREADABLE, UNKNOWN = "unreadable", "unknown"
ENDED = (WITHDRAWN, EXPIRED, UNREADABLE, UNKNOWN)


def state(
    start: dt.date | None,
    today: dt.date,
    withdrawn: dt.date | None = None,
    expires: dt.date | None = None,
) -> tuple[str, dt.date | None]:
    """The state of one consent record today, and the date that decided it."""
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

    @property
    def blocks(self) -> bool:
        """Missing consent is an error; consent that ended only holds the post back.

        A name found in the text is a guess (it may be someone else with that name), so it
        holds the post back without blocking the build.
        """
        return self.kind != "mention" and self.state in (MISSING, NO_EVIDENCE)


def _trie_regex(names: list[list[str]]) -> str:
    """One regex for many names (each a list of words), branching letter by letter.

    A plain alternation tries every name at every position of the text: with hundreds of
    colleagues that grows with the square of the company. Spaces match any spacing.
    """
    trie: dict[str, dict] = {}
    for words in names:
        node = trie
        for char in " ".join(words):
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def pattern(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return pattern(trie)


def _names_pattern(repo: Repository) -> re.Pattern[str] | None:
    """One pattern for every colleague's full name, in every spelling (see texts.forms)."""

    def make() -> re.Pattern[str] | None:
        names = sorted({n for n in _by_name(repo) if " " in n})
        # Longest first wins as before: the trie tries to go on before it stops.
        return (
            re.compile(rf"(?<!\w)(?:{_trie_regex([n.split() for n in names])})(?!\w)")
            if names
            else None
        )

    return repo.cache.get("names", make)


def _by_name(repo: Repository) -> dict[str, str]:
    """Each spelling of each colleague's name, to their slug."""
    return repo.cache.get(
        "names-by",
        lambda: {
            " ".join(spelling.split()): slug
            for slug, a in repo.authors.items()
            for spelling in forms(a.name)
        },
    )


def mentions(post: Post, repo: Repository) -> dict[str, int | None]:
    """Colleagues (by slug) whose full name appears in the post's text, with the first line.

    Kept in the build cache by the post's bytes and the colleagues' names: the build asks
    for every post, and reading all of a post's text in three spellings takes a while.
    """
    pattern = _names_pattern(repo)
    if pattern is None:
        return {}
    store = repo.store
    if store is None or post.rendered is None:
        return _mentions(post, repo, pattern)
    key = store.key(
        "findings", "mentions", _names_key(repo), post.file, post.digest, post.rendered.html
    )
    kept = store.read_json(
        "findings",
        key,
        lambda d: (
            isinstance(d, dict)
            and all(isinstance(k, str) and (v is None or isinstance(v, int)) for k, v in d.items())
        ),
    )
    if kept is None:
        kept = _mentions(post, repo, pattern)
        store.write_json("findings", key, kept)
    return {slug: line for slug, line in kept.items() if slug in repo.authors}


def _names_key(repo: Repository) -> str:
    return repo.cache.get("names-key", lambda: json.dumps(sorted(_by_name(repo).items())))


def _mentions(post: Post, repo: Repository, pattern: re.Pattern[str]) -> dict[str, int | None]:
    by_name = _by_name(repo)
    found: dict[str, int | None] = {}
    segments = post_segments(post, repo.site.root)
    # Most posts name no colleague: one search over all their text says so at once.
    whole = " | ".join(segment.text for segment in segments)
    if not any(pattern.search(text) for text in forms(whole)):
        return found
    for segment in segments:
        for number, text in enumerate(segment.forms):
            for match in pattern.finditer(text):
                slug = by_name.get(" ".join(match.group().split()))
                if slug and slug not in found:
                    found[slug] = (
                        segment.line_of(match.group(), text[: match.start()])
                        if (number == 0)
                        else segment.line
                    )
    return found


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
    return out


def holds(problem: Problem) -> bool:
    """Whether the problem keeps the post off the site (everything but a listed-OK hint)."""
    return problem.state != OK
