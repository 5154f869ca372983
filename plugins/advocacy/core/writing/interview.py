"""The questions ``advocacy new`` asks on a terminal, in the writer's language.

The title comes first, and the file name and address made from it are shown at once. Only
current colleagues are offered as authors; story types and authors can be picked by number.
An answer that cannot be used is refused with the reason, then asked again. An option given
on the command line is judged the same way: when it is refused, the question is asked.

Reading and printing are passed in (``ask``, ``say``), so the questions are tested without a
terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from advocacy.core.i18n.catalog import text
from advocacy.core.model.entities import Author
from advocacy.core.model.site import Site
from advocacy.core.writing.newpost import (
    NewPost,
    NewPostError,
    check_author,
    check_language,
    check_story,
    check_title,
    current_authors,
    post_address,
    post_path,
)
from advocacy.core.writing.stories import STORY_TYPES, story

Ask = Callable[[str], str]
Say = Callable[[str], None]
T = TypeVar("T")


@dataclass
class Given:
    """What the command line said already (None: ask)."""

    title: str | None = None
    author: str | None = None
    language: str | None = None
    story: str | None = None
    date: dt.date | None = None
    image: str | None = None
    image_alt: str | None = None


def _until(judge: Callable[[str], T], label: str, ask: Ask, say: Say, lang: str) -> T:
    """Ask ``label`` until ``judge`` accepts the answer; say why when it does not."""
    while True:
        try:
            return judge(ask(label))
        except NewPostError as refused:
            say("  " + refused.message(lang))


def _first(value: str | None, judge: Callable[[str], T], say: Say, lang: str) -> T | None:
    """An option's value when ``judge`` accepts it; else say why, and None (ask instead)."""
    if value is None:
        return None
    try:
        return judge(value)
    except NewPostError as refused:
        say(refused.message(lang))
        return None


def _pick(answer: str, choices: list[str], names: dict[str, str]) -> str:
    """A choice by its number in the list shown, by its name, or as written."""
    answer = answer.strip()
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        return choices[int(answer) - 1]
    by_name = {name.casefold(): key for key, name in names.items()}
    return by_name.get(answer.casefold(), answer)


def interview(
    site: Site, authors: dict[str, Author], given: Given, lang: str, ask: Ask, say: Say
) -> NewPost:
    """Ask for whatever ``given`` lacks or has wrong: title, author, language, story type."""
    today = given.date or site.today

    title = _first(given.title, check_title, say, lang) or _until(
        check_title, text(lang, "cli.ask.title"), ask, say, lang
    )
    where = NewPost(title, "", site.language, "project", today)
    say(
        "  "
        + text(
            lang,
            "newpost.ask.where",
            file=site.rel(post_path(site, where)),
            url=post_address(site, where),
        )
    )

    current = current_authors(authors, today)
    slugs = [a.slug for a in current]
    names = {a.slug: a.name for a in current}

    def authored(answer: str) -> str:
        return check_author(_pick(answer, slugs, names), authors, today)

    author = _first(given.author, authored, say, lang)
    if author is None:
        if not current:
            raise NewPostError("no_current_authors", folder=site.authors_dir)
        say(text(lang, "newpost.ask.authors"))
        for number, colleague in enumerate(current, 1):
            say(f"  {number}. {colleague.name} ({colleague.slug})")
        author = _until(authored, text(lang, "cli.ask.author"), ask, say, lang)

    default = site.language

    def spoken(answer: str) -> str:
        return check_language(answer or default, site)

    language = _first(given.language, spoken, say, lang) or _until(
        spoken,
        f"{text(lang, 'cli.ask.language')} ({'/'.join(site.languages)}) [{default}]",
        ask,
        say,
        lang,
    )

    kinds = list(STORY_TYPES)
    kind_names = {kind: story(kind, lang).name for kind in kinds}

    def kind_of(answer: str) -> str:
        return check_story(_pick(answer, kinds, kind_names))

    kind = _first(given.story, kind_of, say, lang)
    if kind is None:
        say(text(lang, "newpost.ask.stories"))
        for number, key in enumerate(kinds, 1):
            say(f"  {number}. {kind_names[key]} ({key})")
        kind = _until(kind_of, text(lang, "cli.ask.story"), ask, say, lang)
    return NewPost(title, author, language, kind, today, given.image, given.image_alt)
