"""Authenticity hints, never errors: hype words, no first-person voice, copied text.

The disclosure check lives here too: a share text without it is completed by the build.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..findings import Finding, Severity
from ..markdown_refs import count_words, text_lines
from ..messages import CATALOG
from ..model import Post
from ..repo import Repository, post_files
from ..share import disclosure_for, has_disclosure
from ..textnorm import fold, term_pattern
from ..yamlsource import split_front_matter
from .base import describe, first_line, rule

HYPE_LIMIT = 3  # hype words in one post before we say something
SHINGLE = 8  # words in a row that, repeated, count as copied
COPIED_SHINGLES = 6  # shared runs (a 13-word passage) before a post counts as copied
FIRST_PERSON = {
    "da": frozenset({"jeg", "mig", "min", "mit", "mine", "vi", "os", "vores"}),
    "en": frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"}),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

CATALOG.update({
    "authenticity-hype": {
        "en": ("The post uses {count} big words ({words}); readers trust plain words more.",
               "Say what happened instead: a number, a name, a moment."),
        "da": ("Indlægget bruger {count} store ord ({words}); læserne stoler mere på "
               "almindelige ord.",
               "Fortæl hvad der skete i stedet: et tal, et navn, et øjeblik."),
    },
    "authenticity-voice": {
        "en": ("The post never says 'I' or 'we'; it reads like a press release.",
               "Tell it as yourself: what you did, saw and learned."),
        "da": ("Indlægget siger aldrig 'jeg' eller 'vi'; det lyder som en pressemeddelelse.",
               "Fortæl det som dig selv: hvad du gjorde, så og lærte."),
    },
    "authenticity-copied": {
        "en": ("Parts of this post are the same as {other}.",
               "Write it in your own words; repeated text makes both stories weaker."),
        "da": ("Dele af indlægget er de samme som i {other}.",
               "Skriv det med dine egne ord; gentaget tekst svækker begge historier."),
    },
    "share-disclosure-missing": {
        "en": ("The share text does not say that you work here; the site adds \"{disclosure}\" "
               "at the end.",
               "Nothing to do, or say it in your own words in 'share: text:'."),
        "da": ("Delingsteksten siger ikke, at du arbejder her; sitet tilføjer "
               "\"{disclosure}\" til sidst.",
               "Intet at gøre, eller sig det med dine egne ord i 'share: text:'."),
    },
})
W = Severity.WARNING
describe("authenticity-hype", W, "Hint: plain words over superlatives and buzzwords.",
         "Tip: almindelige ord frem for superlativer og modeord.", can_block=False)
describe("authenticity-voice", W, "Hint: stories are told in the first person.",
         "Tip: historier fortælles i første person.", can_block=False)
describe("authenticity-copied", W, "Hint: every story is written in its own words.",
         "Tip: hver historie skrives med egne ord.", can_block=False)
describe("share-disclosure-missing", W,
         "Share texts say that the writer works here; the site adds it when missing.",
         "Delingstekster siger, at skribenten arbejder her; sitet tilføjer det, når det "
         "mangler.", can_block=False)


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<[^>]+>|\]\([^)]*\)")


def _words(body: str) -> list[str]:
    """The words a reader reads: images (a reused photo is no copy), tags, link targets out."""
    return [word for _, line in text_lines(body, 1)
            for word in _WORD.findall(fold(_IMAGE.sub(" ", line)))]


def _post_words(post: Post) -> list[str]:
    words = post.cache.get("words")
    if words is None:
        words = post.cache["words"] = _words(post.body)
    return words  # type: ignore[return-value]


def _shingles(words: list[str]) -> set[int]:
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def _hype_pattern(repo: Repository, language: str) -> re.Pattern[str] | None:
    """One pattern for every hype word of a language, compiled once per repository."""
    key = f"hype-{language}"
    if key not in repo.cache:
        words = [*repo.policy.superlatives.get(language, ()),
                 *repo.policy.buzzwords.get(language, ())]
        alternatives = "|".join(term_pattern(w).pattern for w in sorted(words, key=len,
                                                                        reverse=True))
        repo.cache[key] = re.compile(alternatives) if words else None
    return repo.cache[key]  # type: ignore[return-value]


def _index(repo: Repository) -> dict[int, set[str]]:
    """Which posts hold each run of words, over every post in the repository."""
    cached = repo.cache.get("shingles")
    if cached is None:
        words = {p.file: _post_words(p) for p in repo.posts}
        for path in post_files(repo.site):
            rel = repo.site.rel(path)
            if rel not in words:  # a partial check still compares with every other post
                try:
                    words[rel] = _words(split_front_matter(path.read_text("utf-8")).body)
                except (OSError, UnicodeDecodeError):
                    continue
        cached = {}
        for file, file_words in words.items():
            for shingle in _shingles(file_words):
                cached.setdefault(shingle, set()).add(file)
        repo.cache["shingles"] = cached
    return cached  # type: ignore[return-value]


@rule
def authenticity(repo: Repository, post: Post) -> Iterator[Finding]:
    """Hints that help a story sound like a person; and the share text's disclosure."""
    pattern = _hype_pattern(repo, post.language)
    found = pattern.findall(fold(post.body)) if pattern else []
    if len(found) >= HYPE_LIMIT:
        hype = list(dict.fromkeys(" ".join(w.split()) for w in found))
        yield repo.finding(post.file, first_line(post), "authenticity-hype", "authenticity-hype",
                           W, count=len(found), words=", ".join(hype[:5]))
    words = set(_post_words(post))
    if count_words(post.body) >= 80 and not words & FIRST_PERSON.get(post.language, set()):
        yield repo.finding(post.file, first_line(post), "authenticity-voice",
                           "authenticity-voice", W)
    shared: Counter[str] = Counter()
    index = _index(repo)
    for shingle in _shingles(_post_words(post)):
        for other in index.get(shingle, ()):
            if other != post.file:
                shared[other] += 1
    for other, count in shared.most_common(1):
        if count >= COPIED_SHINGLES:
            yield repo.finding(post.file, first_line(post), "authenticity-copied",
                               "authenticity-copied", W, other=other)
    disclosure = disclosure_for(repo.policy, post.language)
    if post.share_text and disclosure and not has_disclosure(post.share_text, disclosure):
        yield repo.finding(post.file, post.line_of("share", "text"), "share-disclosure-missing",
                           "share-disclosure-missing", W, disclosure=disclosure)
