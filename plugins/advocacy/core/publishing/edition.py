"""What is published today: posts, authors and photos, decided from dates and consent.

Fail closed: a post is published only when every condition holds. Whatever is held back is
returned with its reason, so the build log and ``advocacy check`` can say why.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from advocacy.core.checking import consent
from advocacy.core.checking.consent import translates as translates  # for publishing
from advocacy.core.i18n.catalog import known, text
from advocacy.core.model.entities import Author, DocPage, Post
from advocacy.core.reading.repository import Repository


def author_visible(author: Author, today: dt.date) -> bool:
    """An author appears on the site only with current profile consent."""
    return consent.profile_state(author, today)[0] == consent.OK


def photo_visible(author: Author, today: dt.date) -> bool:
    """An author's photo appears only with current profile and photo consent."""
    return bool(author.photo) and consent.photo_state(author, today)[0] == consent.OK


@dataclass(frozen=True)
class Held:
    """A post that is not published, and why (``reason`` is a stable code)."""

    post: Post
    reason: str  # invalid, draft, future, expired or consent
    detail: str = ""  # a date, for future and expired
    problem: consent.Problem | None = None  # for consent


@dataclass
class Edition:
    """The site as published today."""

    today: dt.date
    posts: list[Post] = field(default_factory=list)  # newest first
    held: list[Held] = field(default_factory=list)
    authors: dict[str, Author] = field(default_factory=dict)  # visible authors only
    # Pages of the site (site_src/*.md) that may be published: valid, and naming or showing
    # nobody without consent; the others, with the first reason.
    pages: list[DocPage] = field(default_factory=list)
    held_pages: list[tuple[DocPage, consent.Problem]] = field(default_factory=list)

    def posts_by(self, slug: str) -> list[Post]:
        """An author's published posts, newest first."""
        return [p for p in self.posts if slug in p.authors]

    def show_photo(self, author: Author) -> bool:
        """Whether the author's photo may be shown."""
        return photo_visible(author, self.today)

    def teams(self) -> dict[str, list[Author]]:
        """Visible authors grouped by team, teams and names in alphabetical order."""
        groups: dict[str, list[Author]] = defaultdict(list)
        for author in sorted(self.authors.values(), key=lambda a: a.name):
            groups[author.team].append(author)
        return dict(sorted(groups.items()))


def _hold_word(lang: str, key: str, fallback: str, **values: object) -> str:
    """The catalog's words for a code, or the code itself when it comes from elsewhere."""
    return text(lang, key, **values) if known(key) else fallback


def describe_hold(held: Held, lang: str = "en") -> str:
    """The reason in plain words, for the build log."""
    problem = held.problem
    if problem is None:
        return _hold_word(lang, f"hold.{held.reason}", held.reason, date=held.detail)
    says = _hold_word(lang, f"hold.state.{problem.state}", problem.state)
    when = text(lang, "hold.on_date", date=problem.date.isoformat()) if problem.date else ""
    if problem.kind == "mention":
        return text(lang, "hold.mention", who=problem.who, state=says) + when
    return f"{problem.who} {says}{when}"


def page_published(page: DocPage, repo: Repository, today: dt.date) -> bool:
    """Whether a page of the site is published today (see Edition.pages)."""
    return page.valid and not consent.page_problems(page, repo, today)


def hold_reason(
    post: Post, repo: Repository, today: dt.date
) -> tuple[str, str, consent.Problem | None] | None:
    """Why ``post`` is not published today, or None when it is."""
    if not post.valid:
        # A consent problem says more than "it has errors" (it is often why).
        problem = next((p for p in consent.problems(post, repo, today) if consent.holds(p)), None)
        return ("consent", "", problem) if problem else ("invalid", "", None)
    if post.draft:
        return "draft", "", None
    if post.date.date() > today:
        return "future", post.date.date().isoformat(), None
    expires = consent.day(post.expires)
    if expires is not None and expires < today:
        return "expired", expires.isoformat(), None
    for problem in consent.problems(post, repo, today):
        if consent.holds(problem):
            return "consent", "", problem
    return None


def decide(repo: Repository, today: dt.date | None = None) -> Edition:
    """Split the repository's posts into published and held back, as of ``today``."""
    today = today or repo.site.today
    edition = Edition(today=today)
    for slug, author in repo.authors.items():
        shown = consent.as_published(author, repo, today) if author_visible(author, today) else None
        if shown is not None:
            edition.authors[slug] = shown
    for page in repo.pages:
        problem = next(iter(consent.page_problems(page, repo, today)), None)
        if problem is not None:
            edition.held_pages.append((page, problem))
        elif page.valid:
            edition.pages.append(page)
    for post in repo.posts:
        reason = hold_reason(post, repo, today)
        if reason is None:
            edition.posts.append(post)
        else:
            edition.held.append(Held(post, *reason))
    edition.posts.sort(key=lambda p: (p.date, p.slug), reverse=True)
    return edition
