"""Colleagues' names in published text, however they are written: every spelling, joined
by a space, a hyphen or nothing, "Surname, Given", "G. Surname" and a genitive s. What
consent (:mod:`advocacy.core.checking.consent`) reads to hold texts that name someone
without current consent.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable

from advocacy.core.cache.reads import code_fingerprint
from advocacy.core.checking.people.places import place_segments
from advocacy.core.checking.texts import Segment, forms, post_segments, reading_segments
from advocacy.core.model.entities import Post
from advocacy.core.reading.repository import Repository

# Between the words of a name: any spacing, a hyphen, a dot or nothing ("Mette-Hansen",
# "MetteHansen"); after it, a genitive ("Mette Hansens", "Mette Hansen's").
_JOIN = r"[\s\-‐‑‒–—_.·]*"
_GENITIVE = r"(?:['’]?s)?"
_COMPACT = re.compile(r"[^\w,]+")


def _trie_regex(names: list[list[str]]) -> str:
    """One regex for many names (each a list of words), branching letter by letter.

    A plain alternation tries every name at every position of the text: with hundreds of
    colleagues that grows with the square of the company. Spaces match any join.
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
            (_JOIN if char == " " else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return pattern(trie)


def _compact(text: str) -> str:
    """A name as looked up: its letters and commas only."""
    return _COMPACT.sub("", text)


def variants(name: str) -> set[str]:
    """Each way a full name is written: every spelling (see texts.forms, and the letters
    an anchor's slug leaves out: "Søren" as "sren"), given name and surname alone when there
    are more, "Surname, Given" and "G. Surname"."""
    out: set[str] = set()
    spellings = forms(name.split(",", 1)[0])
    dropped = unicodedata.normalize("NFKD", spellings[0]).encode("ascii", "ignore").decode()
    for spelling in dict.fromkeys((*spellings, dropped)):
        words = spelling.split()
        if len(words) < 2:
            continue
        first, last = words[0], words[-1]
        out |= {" ".join(words), f"{first} {last}", f"{last}, {first}", f"{first[0]}. {last}"}
        out.add(f"{last}, {' '.join(words[:-1])}")
    return out


def _names_pattern(repo: Repository) -> re.Pattern[str] | None:
    """One pattern for every colleague's full name, in every variant (see :func:`variants`)."""

    def make() -> re.Pattern[str] | None:
        names = sorted(_written(repo))
        # Longest first wins as before: the trie tries to go on before it stops.
        return (
            re.compile(rf"(?<!\w)(?:{_trie_regex([n.split() for n in names])}){_GENITIVE}(?!\w)")
            if names
            else None
        )

    return repo.cache.get("names", make)


def _written(repo: Repository) -> dict[str, set[str]]:
    """Each written variant of each colleague's name, to their slugs."""

    def make() -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for slug, author in repo.authors.items():
            for variant in variants(author.name):
                out.setdefault(variant, set()).add(slug)
        return out

    return repo.cache.get("names-written", make)


def _by_name(repo: Repository) -> dict[str, list[str]]:
    """Each variant of each colleague's name, compacted (see :func:`_compact`), to their
    slugs (an initial may stand for more than one)."""
    return repo.cache.get(
        "names-by",
        lambda: {
            key: sorted(slugs)
            for key, slugs in _merge(
                (_compact(written), slugs) for written, slugs in _written(repo).items()
            ).items()
        },
    )


def _merge(pairs: Iterable[tuple[str, set[str]]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for key, slugs in pairs:
        out.setdefault(key, set()).update(slugs)
    return out


def _slugs_of(written: str, by_name: dict[str, list[str]]) -> list[str]:
    """Whose name ``written`` (a match of the names pattern) is; a genitive s may go."""
    key = _compact(written)
    for candidate in (key, key.removesuffix("s")):
        if candidate in by_name:
            return by_name[candidate]
    return []


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
        return _mentions(post, repo)
    key = store.key(
        "findings",
        "mentions",
        repo.cache.get("code-fingerprint", code_fingerprint),  # what is read as a name, where
        _names_key(repo),
        post.file,
        post.digest,
        post.rendered.html,
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
        kept = _mentions(post, repo)
        store.write_json("findings", key, kept)
    return {slug: line for slug, line in kept.items() if slug in repo.authors}


def _names_key(repo: Repository) -> str:
    return repo.cache.get("names-key", lambda: json.dumps(sorted(_by_name(repo).items())))


def _mentions(post: Post, repo: Repository) -> dict[str, int | None]:
    segments = post_segments(post, repo.site.root) + reading_segments(post) + place_segments(post)
    return {slug: line for slug, (_, line) in mentions_in(segments, repo).items()}


def mentions_in(segments: list[Segment], repo: Repository) -> dict[str, tuple[str, int | None]]:
    """Colleagues (by slug) whose name is in ``segments``: the file and line of the first."""
    found: dict[str, tuple[str, int | None]] = {}
    pattern = _names_pattern(repo)
    if pattern is None or not segments:
        return found
    by_name = _by_name(repo)
    # Most texts name no colleague: one search over all their text says so at once.
    whole = " | ".join(segment.text for segment in segments)
    if not any(pattern.search(text) for text in forms(whole)):
        return found
    for segment in segments:
        for number, text in enumerate(segment.forms):
            for match in pattern.finditer(text):
                for slug in _slugs_of(match.group(), by_name):
                    if slug not in found:
                        line = (
                            segment.line_of(match.group(), text[: match.start()])
                            if (number == 0)
                            else segment.line
                        )
                        found[slug] = (segment.file, line)
    return found
