"""Share cards for every published post and author, made in parallel and cached by content.

A card's published name carries its content key, so when a title, photo or the company's
colours change, the address changes too: LinkedIn caches previews by URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cards import CardContent, CardStyle, card_key, write_card
from .model import Author, Post
from .parallel import parallel_map
from .publish import Edition


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
        subtitle=f"{first.role} · {first.team}" if first and len(authors) == 1 else (
            " · ".join(dict.fromkeys(a.team for a in authors)) or None),
        photo=photo,
        cover=root / post.image if post.image else None,
    )


def author_card_content(author: Author, edition: Edition, root: Path) -> CardContent:
    """What an author's card shows: name, role, team and place, photo with consent."""
    photo = root / author.photo if author.photo and edition.show_photo(author) else None
    return CardContent(title=author.name, byline=author.role,
                       subtitle=" · ".join(x for x in (author.team, author.location) if x),
                       photo=photo)


def card_jobs(edition: Edition, root: Path) -> list[CardJob]:
    """A card for every published post and every visible author."""
    jobs = [CardJob(f"post:{p.src_uri}", p.slug, post_card_content(p, edition, root))
            for p in edition.posts]
    jobs += [CardJob(f"author:{a.slug}", a.slug, author_card_content(a, edition, root))
             for a in edition.authors.values()]
    return jobs


def _make(args: tuple[CardJob, CardStyle, Path]) -> tuple[str, str, bool]:
    job, style, cache = args
    key = card_key(job.content, style)
    rendered = write_card(job.content, style, cache, cache / f"{key}.jpg")
    return job.name, key, rendered


def make_cards(jobs: list[CardJob], style: CardStyle, cache: Path,
               workers: int | None = None) -> tuple[dict[str, str], int]:
    """Make every card (on all cores); return each job's content key and how many rendered."""
    cache.mkdir(parents=True, exist_ok=True)
    todo = []
    keys: dict[str, str] = {}
    for job in jobs:  # keys are cheap: only cards missing from the cache go to the workers
        key = card_key(job.content, style)
        if (cache / f"{key}.jpg").is_file():
            keys[job.name] = key
        else:
            todo.append((job, style, cache))
    results = parallel_map(_make, todo, workers)
    rendered = 0
    for name, key, did in results:
        keys[name] = key
        rendered += did
    return keys, rendered


def card_name(job: CardJob, key: str) -> str:
    """The card's published path: ``assets/cards/<slug>-<key>.jpg``."""
    kind = "author-" if job.name.startswith("author:") else ""
    return f"assets/cards/{kind}{job.slug}-{key}.jpg"
