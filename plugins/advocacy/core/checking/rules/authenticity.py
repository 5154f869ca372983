"""Authenticity hints, never errors: hype words, no first-person voice, copied text.

The disclosure check lives here too: a share text without it is completed by the build.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Iterator

from advocacy.core.checking.registry import check, first_line, rule
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.textnorm import fold
from advocacy.core.reading.repository import Repository
from advocacy.core.reading.schema.yamlsource import split_front_matter
from advocacy.core.rendering.markdown_refs import prose_text

HYPE_LIMIT = 3  # hype words in one post before we say something
SHINGLE = 8  # words in a row that, repeated, count as copied
COPIED_SHINGLES = 6  # shared runs (a 13-word passage) before a post counts as copied
FEW_POSTS = 20  # up to this many posts checked, each is compared with the others directly
_BUCKETS = 1 << 24  # the first pass of the index: 16 MB of counters, few false repeats
_MASK = _BUCKETS - 1
FIRST_PERSON = {
    "da": frozenset({"jeg", "mig", "min", "mit", "mine", "vi", "os", "vores"}),
    "en": frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"}),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

W = Severity.WARNING
HYPE = rule(
    "authenticity-hype",
    W,
    (
        "Hint: plain words over superlatives and buzzwords.",
        "Tip: almindelige ord frem for superlativer og modeord.",
    ),
    (
        "The post uses {count} big words ({words}); readers trust plain words more.",
        "Say what happened instead: a number, a name, a moment.",
    ),
    (
        "Indlægget bruger {count} store ord ({words}); læserne stoler mere på almindelige ord.",
        "Fortæl hvad der skete i stedet: et tal, et navn, et øjeblik.",
    ),
    can_block=False,
)
VOICE = rule(
    "authenticity-voice",
    W,
    ("Hint: stories are told in the first person.", "Tip: historier fortælles i første person."),
    (
        "The post never says 'I' or 'we'; it reads like a press release.",
        "Tell it as yourself: what you did, saw and learned.",
    ),
    (
        "Indlægget siger aldrig 'jeg' eller 'vi'; det lyder som en pressemeddelelse.",
        "Fortæl det som dig selv: hvad du gjorde, så og lærte.",
    ),
    can_block=False,
)
COPIED = rule(
    "authenticity-copied",
    W,
    ("Hint: every story is written in its own words.", "Tip: hver historie skrives med egne ord."),
    (
        "Parts of this post are the same as {other}.",
        "Write it in your own words; repeated text makes both stories weaker.",
    ),
    (
        "Dele af indlægget er de samme som i {other}.",
        "Skriv det med dine egne ord; gentaget tekst svækker begge historier.",
    ),
    can_block=False,
)
DISCLOSURE = rule(
    "share-disclosure-missing",
    W,
    (
        "Share texts say that the writer works here; the site adds it when missing.",
        "Delingstekster siger, at skribenten arbejder her; sitet tilføjer det, når det mangler.",
    ),
    (
        'The share text does not say that you work here; the site adds "{disclosure}" at the end.',
        "Nothing to do, or say it in your own words in 'share: text:'.",
    ),
    (
        'Delingsteksten siger ikke, at du arbejder her; sitet tilføjer "{disclosure}" til sidst.',
        "Intet at gøre, eller sig det med dine egne ord i 'share: text:'.",
    ),
    can_block=False,
)


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<[^>]+>|\]\([^)]*\)")


def _words(body: str) -> list[str]:
    """The words a reader reads: images (a reused photo is no copy), tags, link targets out."""
    # One pass over the whole text: this runs for every post of the repository.
    return _WORD.findall(fold(_IMAGE.sub(" ", prose_text(body))))


def _post_words(post: Post) -> list[str]:
    """The words readers read (from the rendering). Not kept: a thousand posts' words are
    tens of megabytes, and the one check that reads them reads them once."""
    text = post.rendered.text() if post.rendered is not None else prose_text(post.body)
    return _WORD.findall(fold(_IMAGE.sub(" ", text)))


Shingles = array  # of 32-bit checksums, sorted, each once: 4 bytes a run, not a set's ~70


def _shingles(words: list[str]) -> Shingles:
    """Checksums of every run of SHINGLE words: stable across processes (``hash`` of a str is
    not), so they can be kept in the build cache."""
    runs = (
        " ".join(run).encode() for run in zip(*(words[i:] for i in range(SHINGLE)), strict=False)
    )
    return array("I", sorted(set(map(zlib.crc32, runs))))


def _hype_words(repo: Repository, language: str) -> dict[int, set[tuple[str, ...]]]:
    """The hype words and phrases of a language as word tuples, by their length."""

    def make() -> dict[int, set[tuple[str, ...]]]:
        phrases: dict[int, set[tuple[str, ...]]] = {}
        for word in [
            *repo.policy.superlatives.get(language, ()),
            *repo.policy.buzzwords.get(language, ()),
        ]:
            tokens = tuple(_WORD.findall(fold(word)))
            if tokens:
                phrases.setdefault(len(tokens), set()).add(tokens)
        return phrases

    return repo.cache.get(f"hype-{language}", make)


def _hype(repo: Repository, post: Post, words: list[str]) -> list[str]:
    """Every hype word or phrase in ``words`` (the post's), in order, as often as it occurs."""
    found = []
    for size, phrases in _hype_words(repo, post.language).items():
        found += [
            " ".join(run)
            for run in zip(*(words[i:] for i in range(size)), strict=False)
            if run in phrases
        ]
    return found


def _index(repo: Repository) -> dict[int, list[str]]:
    """Which posts hold each run of words that more than one post has, over every post in
    the repository.

    Most runs occur once. A first pass counts runs into buckets (a run's low 24 bits), so
    that only runs whose bucket was hit twice are looked at again: the index holds the
    repeated runs (and a few that only share a bucket), never the whole archive's.
    """

    def make() -> dict[int, list[str]]:
        shingles = _all_shingles(repo)
        hits = bytearray(_BUCKETS)
        for found in shingles.values():
            for shingle in found:
                bucket = shingle & _MASK
                if hits[bucket] < 2:
                    hits[bucket] += 1
        index: dict[int, list[str]] = {}
        for file, found in shingles.items():
            for shingle in found:
                if hits[shingle & _MASK] > 1:
                    index.setdefault(shingle, []).append(file)
        return {shingle: files for shingle, files in index.items() if len(files) > 1}

    return repo.cache.get("shingles", make)


@check()
def authenticity(repo: Repository, post: Post) -> Iterator[Finding]:
    """Hints that help a story sound like a person; and the share text's disclosure."""
    all_words = _post_words(post)
    found = _hype(repo, post, all_words)
    if len(found) >= HYPE_LIMIT:
        hype = list(dict.fromkeys(" ".join(w.split()) for w in found))
        yield HYPE.finding(
            repo.lang, post.file, first_line(post), count=len(found), words=", ".join(hype[:5])
        )
    words = set(all_words)
    if post.words >= 80 and not words & FIRST_PERSON.get(post.language, set()):
        yield VOICE.finding(repo.lang, post.file, first_line(post))
    disclosure = repo.policy.disclosure_in(post.language)
    if post.share_text and disclosure and not repo.policy.discloses(post.share_text, disclosure):
        yield DISCLOSURE.finding(
            repo.lang, post.file, post.line_of("share", "text"), disclosure=disclosure
        )


SHINGLES_VERSION = 2


def _all_shingles(repo: Repository) -> dict[str, Shingles]:
    """The word runs of every post in the repository, loaded or not, from each file's text
    (the same source for all, so a copy is found whichever side was checked), kept in the
    build cache by each file's bytes."""
    return repo.cache.get("all-shingles", lambda: _read_shingles(repo))


def _read_shingles(repo: Repository) -> dict[str, Shingles]:
    store = repo.store
    key = store.key("copied", "shingles", str(SHINGLES_VERSION), str(SHINGLE)) if store else ""
    kept = store.read_json("copied", key, lambda d: isinstance(d, dict)) if store else None
    kept = kept or {}
    out: dict[str, Shingles] = {}
    changed = False
    for path in repo.inventory.posts:
        rel = repo.site.rel(path)
        try:
            data = path.read_bytes()
        except OSError:
            continue
        digest = hashlib.sha256(data).hexdigest()
        entry = kept.get(rel)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == digest:
            out[rel] = array("I", entry[1])
            continue
        try:
            body = split_front_matter(data.decode("utf-8")).body
        except UnicodeDecodeError:
            continue
        out[rel] = _shingles(_words(body))
        kept[rel] = [digest, out[rel].tolist()]
        changed = True
    if store and (changed or set(kept) - set(out)):
        store.write_json("copied", key, {rel: kept[rel] for rel in out})
    return out


def _copied_from(repo: Repository, post: Post) -> str | None:
    """The other post this one shares the most runs of words with, if enough."""
    everything = _all_shingles(repo)
    own = everything.get(post.file, array("I"))
    if len(repo.posts) <= FEW_POSTS and "shingles" not in repo.cache:
        # Checking a post or two: comparing with each other post directly is cheaper than
        # indexing the whole repository.
        mine = set(own)
        counts = [
            (len(mine.intersection(other)), -n, file)
            for n, (file, other) in enumerate(everything.items())
            if file != post.file
        ]
        count, _, found = max(counts, default=(0, 0, ""))
        return found if count >= COPIED_SHINGLES else None
    shared: Counter[str] = Counter()
    index = _index(repo)
    for shingle in own:
        for other in index.get(shingle, ()):
            if other != post.file:
                shared[other] += 1
    for other, count in shared.most_common(1):
        if count >= COPIED_SHINGLES:
            return other
    return None


def _copied_map(repo: Repository) -> dict[str, str | None] | None:
    """Every post's answer at once, cached for the whole set of posts (a full check only)."""
    return repo.cache.get("copied", lambda: _read_copied(repo))


def _read_copied(repo: Repository) -> dict[str, str | None] | None:
    files = {repo.site.rel(p) for p in repo.inventory.posts}
    if {p.file for p in repo.posts} != files:
        return None  # a partial check: other posts are not loaded, compute one by one
    store = repo.store
    key = (
        store.key("copied", json.dumps(sorted((p.file, p.digest) for p in repo.posts)))
        if store
        else ""
    )
    found = store.read_json("copied", key, _answers) if store else None
    if found is None:
        found = {p.file: _copied_from(repo, p) for p in repo.posts}
        if store:
            store.write_json("copied", key, found)
    return found


def _answers(data: object) -> bool:
    return isinstance(data, dict) and all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in data.items()
    )


@check(cacheable=False)  # depends on every other post; cached for the whole set instead
def copied(repo: Repository, post: Post) -> Iterator[Finding]:
    """Runs of words this post shares with another post."""
    answers = _copied_map(repo)
    other = answers.get(post.file) if answers is not None else _copied_from(repo, post)
    if other:
        yield COPIED.finding(repo.lang, post.file, first_line(post), other=other)
