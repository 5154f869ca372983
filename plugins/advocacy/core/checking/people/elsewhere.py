"""Consent beyond posts: every other text the site publishes that names a colleague without
current consent (withdrawn, expired, never given, unreadable) is held back like a post.

A page of the site (``site_src/*.md``) is held whole; a profile's bio in one language is left
out, and any other text of a profile (role, team, location) holds the profile back; a team's
name, description or photo text in ``teams.yml`` is left out. A setting in ``mkdocs.yml``
cannot be held back: it is an error, and the build stops (even when it holds errors back).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from advocacy.core.checking import consent
from advocacy.core.checking.people.mentions import mentions_in
from advocacy.core.checking.people.places import place_segments
from advocacy.core.checking.registry import PAGE, check, rule
from advocacy.core.checking.texts import (
    Segment,
    author_segments,
    page_segments,
    reading_segments,
)
from advocacy.core.model.entities import DocPage
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository
from advocacy.core.reading.schema.yamlsource import YamlSyntaxError, load_yaml

_PAGE_FIX = (
    "Nothing to fix if that is right: the page stays in the repository but is off the site and "
    "its search. To publish it again, take {name} out of it, or ask HR about the consent.",
    "Intet at rette, hvis det er rigtigt: siden bliver i repositoriet, men er væk fra sitet og "
    "søgningen. Vil I udgive den igen, så fjern {name} fra den, eller spørg HR om samtykket.",
)
_TEXT_FIX = (
    "Take {name}'s name out of the text, or ask HR about the consent; until then the site "
    "leaves the text out.",
    "Fjern {name}s navn fra teksten, eller spørg HR om samtykket; indtil da udelader sitet "
    "teksten.",
)
HELD_TEXT = rule(
    "consent-held-text",
    Severity.WARNING,
    (
        "A page, profile or team text that names or shows someone without current consent is "
        "off the site, like a post.",
        "En side, en profil eller en teamtekst, der nævner eller viser nogen uden gyldigt "
        "samtykke, er væk fra sitet, ligesom et indlæg.",
    ),
    (
        "This page is not published: it names or shows {name}, who has no current consent.",
        _PAGE_FIX[0],
    ),
    (
        "Siden er ikke udgivet: den nævner eller viser {name}, som ikke har et gyldigt samtykke.",
        _PAGE_FIX[1],
    ),
    adjustable=False,
    can_block=False,
    variants={
        "held-bio": {
            "en": (
                "The '{field}' of this profile is not published: it names {name}, who has no "
                "current consent.",
                _TEXT_FIX[0],
            ),
            "da": (
                "Profilens '{field}' er ikke udgivet: den nævner {name}, som ikke har et "
                "gyldigt samtykke.",
                _TEXT_FIX[1],
            ),
        },
        "held-profile": {
            "en": (
                "This profile is not published: its '{field}' names {name}, who has no current "
                "consent.",
                _TEXT_FIX[0],
            ),
            "da": (
                "Profilen er ikke udgivet: dens '{field}' nævner {name}, som ikke har et "
                "gyldigt samtykke.",
                _TEXT_FIX[1],
            ),
        },
        "held-team": {
            "en": (
                "The '{field}' of the team '{team}' is not published: it names {name}, who has "
                "no current consent.",
                _TEXT_FIX[0],
            ),
            "da": (
                "Teamet '{team}'s '{field}' er ikke udgivet: den nævner {name}, som ikke har et "
                "gyldigt samtykke.",
                _TEXT_FIX[1],
            ),
        },
    },
)
CONFIG_TEXT = rule(
    "consent-config-text",
    Severity.ERROR,
    (
        "The site's settings name nobody without current consent: a setting cannot be held back.",
        "Sitets indstillinger nævner ingen uden gyldigt samtykke: en indstilling kan ikke "
        "holdes tilbage.",
    ),
    (
        "'{field}' names {name}, who has no current consent; a setting cannot be left off the "
        "site, so the site is not built until it is changed.",
        "Take {name}'s name out of '{field}' in {file}.",
    ),
    (
        "'{field}' nævner {name}, som ikke har et gyldigt samtykke; en indstilling kan ikke "
        "udelades fra sitet, så sitet bygges ikke, før den er ændret.",
        "Fjern {name}s navn fra '{field}' i {file}.",
    ),
    adjustable=False,
)


@check(on=(PAGE,), cacheable=False)  # depends on the authors' consent
def page_consent(repo: Repository, page: DocPage) -> Iterator[Finding]:
    """A page that names or shows someone without current consent is held back."""
    for problem in consent.page_problems(page, repo, repo.site.today):
        yield HELD_TEXT.finding(repo.lang, page.file, problem.line, name=problem.who)


def author_consent(repo: Repository) -> Iterator[Finding]:
    """What profiles publish that names another colleague without current consent."""
    today = repo.site.today
    for author in repo.authors.values():
        for field, problems in consent.author_problems(author, repo, today).items():
            key = "held-bio" if field.startswith("bio.") else "held-profile"
            for problem in problems:
                yield HELD_TEXT.finding(
                    repo.lang, author.file, problem.line, key, field=field, name=problem.who
                )


def withhold(
    texts: MutableMapping[str, str],
    repo: Repository,
    file: str,
    line: Callable[[str], int | None],
    **values: object,
) -> list[Finding]:
    """Take out of ``texts`` (a team's texts by language) each that names someone without
    current consent, with a finding for each (``values``: the team and the field)."""
    out = []
    for key, value in list(texts.items()):
        segment = Segment(file, line(key), value, str(values.get("field", key)))
        problems = consent.text_problems([segment], repo, repo.site.today)
        if problems:
            del texts[key]
            out.append(
                HELD_TEXT.finding(
                    repo.lang, file, line(key), "held-team", name=problems[0].who, **values
                )
            )
    return out


def config_findings(repo: Repository, text: str, file: str) -> list[Finding]:
    """Settings in ``mkdocs.yml`` (names, translations, descriptions) that name someone
    without current consent: errors, since a setting cannot be held back."""
    try:
        doc = load_yaml(text, strict=False)
    except YamlSyntaxError:
        return []
    out = []
    for path, value in _strings(doc.data, ()):
        line = doc.lines.get(path)
        for problem in consent.text_problems(
            [Segment(file, line, value, "config")], repo, repo.site.today
        ):
            field = ".".join(str(p) for p in path)
            out.append(
                CONFIG_TEXT.finding(repo.lang, file, line, field=field, name=problem.who, file=file)
            )
    return out


def _strings(data: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text in a YAML document, keys included (a translation's word is a key)."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield (*path, key), key
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def named_elsewhere(repo: Repository, slug: str) -> list[str]:
    """The files besides posts that name the person: pages, other profiles, the teams and
    the site's settings (for ``advocacy traces``)."""
    out = [
        page.file
        for page in repo.pages
        if slug
        in mentions_in(page_segments(page) + reading_segments(page) + place_segments(page), repo)
    ]
    out += [
        author.file
        for author in repo.authors.values()
        if author.slug != slug and slug in mentions_in(author_segments(author), repo)
    ]
    for name in ("teams.yml", "mkdocs.yml"):
        path = repo.site.root / name
        try:
            text = path.read_text("utf-8") if path.is_file() and not path.is_symlink() else ""
        except (OSError, UnicodeDecodeError):
            continue
        if text and slug in mentions_in([Segment(name, None, text, "config")], repo):
            out.append(name)
    return out
