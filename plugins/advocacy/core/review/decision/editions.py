"""What goes up on the site and what comes down: the difference of two editions.

The base branch's edition and the pull request's are both decided as of today, with the
same rules the build uses (``publishing.edition.decide``). A post is the same post when it
keeps its address; its title is the one readers would see (the new one when it stays up).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advocacy.core.model.entities import Author, Post
from advocacy.core.publishing.edition import Edition, Held


@dataclass(frozen=True)
class Move:
    """A post or an author's page that goes up or comes down.

    ``held`` is why the post is held back on the other side (before, for a post that goes
    up; after, for one that comes down); None with ``known`` False means the post is not
    on the other side at all (new, or deleted). For an author, ``author`` is the author as
    the side that no longer shows them has them (None when their file is gone).
    """

    title: str
    url: str
    post: Post | None = None
    held: Held | None = None
    known: bool = True
    author: Author | None = None
    slug: str = ""

    def involves(self, slug: str) -> bool:
        """Whether the author ``slug`` wrote this post, is listed in it, or is this page."""
        if self.post is None:
            return self.slug == slug
        return slug in self.post.authors or any(p.author == slug for p in self.post.people)


@dataclass
class SiteChange:
    """What merging the pull request changes on the site today."""

    up: list[Move] = field(default_factory=list)
    down: list[Move] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.up or self.down)

    def involving(self, slug: str) -> tuple[list[Move], list[Move]]:
        """The moves that involve the author ``slug``: (up, down)."""
        return (
            [m for m in self.up if m.involves(slug)],
            [m for m in self.down if m.involves(slug)],
        )


def compare(
    before: Edition,
    after: Edition,
    before_authors: dict[str, Author],
    after_authors: dict[str, Author],
    author_url: str,
) -> SiteChange:
    """The posts and author pages published after but not before (up), and the other way
    round (down). ``*_authors`` are every author file of each side, visible or not;
    ``author_url`` makes an author page's address from ``{slug}``."""
    change = SiteChange()
    was = {p.url: p for p in before.posts}
    now = {p.url: p for p in after.posts}
    held_before = {h.post.url: h for h in before.held}
    held_after = {h.post.url: h for h in after.held}
    for url, post in now.items():
        if url not in was:
            reason = held_before.get(url)
            change.up.append(Move(post.title, url, post, reason, reason is not None))
    for url, post in was.items():
        if url not in now:
            reason = held_after.get(url)
            change.down.append(
                Move(
                    reason.post.title if reason else post.title,
                    url,
                    post,
                    reason,
                    reason is not None,
                )
            )
    for slug, author in sorted(after.authors.items()):
        if slug not in before.authors:
            change.up.append(
                Move(
                    author.name,
                    author_url.format(slug=slug),
                    author=before_authors.get(slug),
                    slug=slug,
                    known=slug in before_authors,
                )
            )
    for slug, author in sorted(before.authors.items()):
        if slug not in after.authors:
            change.down.append(
                Move(
                    author.name,
                    author_url.format(slug=slug),
                    author=after_authors.get(slug),
                    slug=slug,
                    known=slug in after_authors,
                )
            )
    change.up.sort(key=lambda m: (m.post is None, m.url))
    change.down.sort(key=lambda m: (m.post is None, m.url))
    return change
