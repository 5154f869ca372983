"""Teams (from the authors' ``team:``), related stories and translations: what an applicant
follows from one story to the next. All computed once per build, from indexes."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict

from advocacy.core.model.entities import Post
from advocacy.core.model.slugs import slugify
from advocacy.core.publishing.edition import Edition, translates

RELATED = 3  # stories under each post
CANDIDATES = 8  # ranked per post: a page drops the story's own translations and repeats
NEIGHBOURS = 24  # candidates per shared key on each side, nearest in time


def team_url(team: str, blog_dir: str = "blog", prefix: str = "") -> str:
    """The address of a team's page (``prefix``: a language's, like ``en/``)."""
    return f"{prefix}{blog_dir}/team/{slugify(team)}/"


def post_teams(post: Post, edition: Edition) -> list[str]:
    """The teams of a post's visible authors, in author order."""
    return list(
        dict.fromkeys(edition.authors[s].team for s in post.authors if s in edition.authors)
    )


def team_posts(edition: Edition) -> dict[str, list[Post]]:
    """Each team's published stories, newest first."""
    out: dict[str, list[Post]] = defaultdict(list)
    for post in edition.posts:
        for team in post_teams(post, edition):
            out[team].append(post)
    return dict(out)


def related_posts(edition: Edition, limit: int = RELATED) -> dict[str, list[Post]]:
    """For each post, the stories sharing most with it: category (3), team (2), tag (1 each).

    Candidates are the stories nearest in time that share a category, team or tag
    (``NEIGHBOURS`` on each side per shared key), so the cost grows with the number of
    posts, not with its square: a category is shared by hundreds of stories on a big site.
    Ties go to the newer story.
    """
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    keys: list[list[tuple[tuple[str, str], int]]] = []
    for number, post in enumerate(edition.posts):
        own = [(("category", c), 3) for c in post.categories]
        own += [(("team", t), 2) for t in post_teams(post, edition)]
        own += [(("tag", t), 1) for t in post.tags]
        keys.append(own)
        for key, _ in own:
            index[key].append(number)  # numbers ascend: each list is sorted
    out: dict[str, list[Post]] = {}
    for number, post in enumerate(edition.posts):
        scores: Counter[int] = Counter()
        for key, weight in keys[number]:
            numbers = index[key]
            at = bisect_left(numbers, number)
            for other in numbers[max(0, at - NEIGHBOURS) : at + NEIGHBOURS + 1]:
                if other != number:
                    scores[other] += weight
        # edition.posts is newest first: a lower number is newer.
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        out[post.src_uri] = [edition.posts[other] for other, _ in best]
    return out


def translations(edition: Edition) -> dict[str, list[Post]]:
    """Each post's published translations (``translation_of`` names the other's slug)."""
    by_slug = {p.slug: p for p in edition.posts}
    out: dict[str, list[Post]] = defaultdict(list)
    for post in edition.posts:
        other = by_slug.get(post.translation_of or "")
        if other is not None and translates(post, other):
            if other not in out[post.src_uri]:
                out[post.src_uri].append(other)
            if post not in out[other.src_uri]:
                out[other.src_uri].append(post)
    return dict(out)
