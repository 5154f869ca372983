"""The languages the site speaks, where each one's pages live, and one story per translation.

The site's own language has the addresses of the contract (``blog/``, ``blog/author/x/``);
every other language the site speaks mirrors them under its code (``en/blog/``,
``en/blog/author/x/``). A post keeps its single address, and its page speaks the post's
language when the site speaks it. A story and its translations are one story: a listing
shows it once, in the reader's language when there is such a version.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from advocacy.core.i18n.ui import LANGUAGES
from advocacy.core.model.entities import Post
from advocacy.core.publishing.edition import Edition, translates


@dataclass(frozen=True)
class Languages:
    """The languages of the site's pages, its own first, and the site's glossary.

    ``words`` holds the site's own words (categories, teams, roles, places, navigation
    titles, the site's name) in the other languages: ``{"en": {"Hverdag": "Everyday"}}``.
    """

    default: str
    spoken: tuple[str, ...] = ()
    words: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        spoken = [self.default, *(c for c in self.spoken if c != self.default)]
        object.__setattr__(
            self,
            "spoken",
            tuple(c for c in dict.fromkeys(spoken) if c in LANGUAGES or c == self.default),
        )

    def prefix(self, lang: str) -> str:
        """Where a language's pages live: ``""`` for the site's own, else ``"en/"``."""
        return "" if lang == self.default or lang not in self.spoken else f"{lang}/"

    def chrome(self, lang: str) -> str:
        """The language a page in ``lang`` is framed in (the site's own when not spoken)."""
        return lang if lang in self.spoken else self.default

    def of_path(self, path: str) -> str:
        """The language of a page by its address or source path (``en/blog/`` is English)."""
        head = path.lstrip("/").split("/", 1)[0]
        return head if head in self.spoken and head != self.default else self.default

    def local(self, path: str) -> str:
        """A path without its language prefix: the same page in the site's own language."""
        lang = self.of_path(path)
        path = path.lstrip("/")
        return path[len(lang) + 1 :] if lang != self.default else path

    def localize(self, path: str, lang: str) -> str:
        """The same page's path in ``lang`` (``blog/`` -> ``en/blog/``)."""
        return self.prefix(lang) + self.local(path)

    def word(self, text: str, lang: str) -> str:
        """One of the site's own words in ``lang``, as written when there is no translation."""
        if lang == self.default:
            return text
        return self.words.get(lang, {}).get(text, text)


def versions(edition: Edition) -> dict[str, list[Post]]:
    """Each published post's story: the post and its translations, oldest version first.

    ``translation_of`` names the slug of the version it translates; translations of
    translations belong to the same story.
    """
    by_slug = {p.slug: p for p in edition.posts}
    root: dict[str, str] = {}

    def find(post: Post) -> str:
        seen = set()
        while (
            post.translation_of
            and post.translation_of in by_slug
            and post.slug not in seen
            and translates(post, by_slug[post.translation_of])
        ):
            seen.add(post.slug)
            post = by_slug[post.translation_of]
        return post.src_uri

    groups: dict[str, list[Post]] = {}
    for post in reversed(edition.posts):  # oldest first
        key = root[post.src_uri] = find(post)
        groups.setdefault(key, []).append(post)
    return {p.src_uri: groups[root[p.src_uri]] for p in edition.posts}


def pick(story: list[Post], lang: str) -> Post:
    """The version of a story a reader of ``lang`` sees: theirs, else the original."""
    return next((p for p in story if p.language == lang), story[0])


def once(
    posts: Iterable[Post], lang: str, stories: Mapping[str, list[Post]]
) -> list[tuple[Post, list[Post]]]:
    """``posts`` with each story once, in the reader's version, with its other versions.

    The order is the listing's: a story comes where its first version comes.
    """
    out: list[tuple[Post, list[Post]]] = []
    seen: set[str] = set()
    for post in posts:
        story = stories.get(post.src_uri, [post])
        key = story[0].src_uri
        if key in seen:
            continue
        seen.add(key)
        shown = pick(story, lang) if len(story) > 1 else post
        out.append((shown, [p for p in story if p is not shown]))
    return out
