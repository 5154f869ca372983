"""Share cards for every published post and author, made in parallel and cached by content.

A card's published name carries its content key, so when a title, photo or the company's
colours change, the address changes too: LinkedIn caches previews by URL.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from advocacy.core.cache.digests import sha256_file
from advocacy.core.media.cards import CardContent, CardStyle, card_key, write_card
from advocacy.core.media.parallel import WorkerPool
from advocacy.core.model.entities import Author, Post


class Edition(Protocol):
    """What cards need of the published edition (``core.publishing.edition.Edition``): media
    sits below publishing, so it names only what it reads."""

    @property
    def posts(self) -> Sequence[Post]:
        """The published posts."""
        ...

    @property
    def authors(self) -> Mapping[str, Author]:
        """The visible authors by slug."""
        ...

    def show_photo(self, author: Author) -> bool:
        """Whether the author's photo may be shown (consent)."""
        ...


@dataclass(frozen=True)
class CardJob:
    """One card to make: ``name`` identifies its page (``post:<src_uri>``, ``author:<slug>``)."""

    name: str
    slug: str
    content: CardContent


def post_card_content(post: Post, edition: Edition, root: Path) -> CardContent:
    """What a post's card shows: title, authors, the first author's role, photo and cover."""
    authors = [edition.authors[s] for s in post.authors if s in edition.authors]
    first = authors[0] if authors else None
    photo = root / first.photo if first and first.photo and edition.show_photo(first) else None
    return CardContent(
        title=post.title,
        byline=" & ".join(a.name for a in authors) or None,
        subtitle=f"{first.role} · {first.team}"
        if first and len(authors) == 1
        else (" · ".join(dict.fromkeys(a.team for a in authors)) or None),
        photo=photo,
        cover=root / post.image if post.image else None,
    )


def author_card_content(author: Author, edition: Edition, root: Path) -> CardContent:
    """What an author's card shows: name, role, team and place, photo with consent."""
    photo = root / author.photo if author.photo and edition.show_photo(author) else None
    return CardContent(
        title=author.name,
        byline=author.role,
        subtitle=" · ".join(x for x in (author.team, author.location) if x),
        photo=photo,
    )


def card_jobs(edition: Edition, root: Path) -> list[CardJob]:
    """A card for every published post and every visible author."""
    jobs = [
        CardJob(f"post:{p.src_uri}", p.slug, post_card_content(p, edition, root))
        for p in edition.posts
    ]
    jobs += [
        CardJob(f"author:{a.slug}", a.slug, author_card_content(a, edition, root))
        for a in edition.authors.values()
    ]
    return jobs


def _make(args: tuple[CardJob, CardStyle, Path, str]) -> tuple[str, str, bool]:
    job, style, target, key = args
    rendered = write_card(job.content, style, target.parent, target, target.name)
    return job.name, key, rendered


class CardMaking:
    """Cards being made in the background: their keys (and so addresses) are known at once.

    ``file_of`` gives the cache file of a card from its content key (the build cache keys
    it with its secret; a plain folder will do for tools).
    """

    def __init__(
        self,
        jobs: list[CardJob],
        style: CardStyle,
        file_of: Callable[[str], Path],
        pool: WorkerPool,
        digest: Callable[[Path], str] = sha256_file,
    ) -> None:
        todo = []
        self.keys: dict[str, str] = {}
        self.files: dict[str, Path] = {}
        for job in jobs:  # keys are cheap: only cards missing from the cache go to the workers
            self.keys[job.name] = key = card_key(job.content, style, digest)
            self.files[job.name] = target = file_of(key)
            if not target.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                todo.append((job, style, target, key))
        self._pending = pool.map(_make, todo)

    def finish(self) -> int:
        """Wait for the workers; return how many cards were rendered now."""
        rendered = 0
        for name, key, did in self._pending.results():
            if key != self.keys[name]:  # a picture changed while the build ran: fail closed
                raise RuntimeError(f"the card of {name} changed during the build")
            rendered += did
        return rendered


def make_cards(
    jobs: list[CardJob], style: CardStyle, cache: Path, workers: int | None = None
) -> tuple[dict[str, str], int]:
    """Make every card (on all cores); return each job's content key and how many rendered."""
    pool = WorkerPool(workers)
    try:
        making = CardMaking(jobs, style, lambda key: cache / f"{key}.jpg", pool)
        return making.keys, making.finish()
    finally:
        pool.close()


def card_name(job: CardJob, key: str) -> str:
    """The card's published path: ``assets/cards/<slug>-<key>.jpg``."""
    kind = "author-" if job.name.startswith("author:") else ""
    return f"assets/cards/{kind}{job.slug}-{key}.jpg"
