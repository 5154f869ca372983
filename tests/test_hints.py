"""Common slips get a hint before anyone trips over them: a list written without brackets,
curly quotes, no cover picture, a very short story. Exact, in both languages; the hints
never block, whatever the policy says."""

from __future__ import annotations

import json

import pytest

from conftest import FixtureSite

LONG = " ".join(["Vi lavede frokost til hele huset, og det gik godt."] * 12) + "\n"


def _found(site: FixtureSite, rule: str, lang: str = "en", *paths: str) -> list[dict]:
    """The findings of ``rule`` on the posts a writer names (all of site_src/ by default)."""
    proc = site.check("--format", "json", "--lang", lang, *(paths or ("site_src",)))
    assert proc.returncode in (0, 1), proc.stderr
    return [f for f in json.loads(proc.stdout)["findings"] if f["rule"] == rule]


def _said(site: FixtureSite, rule: str) -> dict[str, list[tuple]]:
    return {
        lang: [(f["severity"], f["line"], f["message"], f["fix"]) for f in _found(site, rule, lang)]
        for lang in ("en", "da")
    }


def test_a_list_written_without_brackets_is_shown_how(site: FixtureSite) -> None:
    site.author("jonas-berg", "Jonas Berg")
    site.simple_post(
        "2026-11-20-x.md",
        "Lunch",
        "2026-11-20",
        authors="mette-hansen, jonas-berg",
        extra="tags: kantine, aarhus\n",
        body=LONG,
    )
    assert _said(site, "schema-type") == {
        "en": [
            (
                "error",
                4,
                "'authors' is one text, 'mette-hansen, jonas-berg': commas alone do not make "
                "a list.",
                "Write the list in square brackets: 'authors: [mette-hansen, jonas-berg]'.",
            ),
            (
                "error",
                6,
                "'tags' is one text, 'kantine, aarhus': commas alone do not make a list.",
                "Write the list in square brackets: 'tags: [kantine, aarhus]'.",
            ),
        ],
        "da": [
            (
                "error",
                4,
                "'authors' er én tekst, 'mette-hansen, jonas-berg': kommaer alene gør det ikke "
                "til en liste.",
                "Skriv listen i firkantede parenteser: 'authors: [mette-hansen, jonas-berg]'.",
            ),
            (
                "error",
                6,
                "'tags' er én tekst, 'kantine, aarhus': kommaer alene gør det ikke til en liste.",
                "Skriv listen i firkantede parenteser: 'tags: [kantine, aarhus]'.",
            ),
        ],
    }
    # One item needs no brackets; a list with them is what was meant.
    site.simple_post("2026-11-20-x.md", "Lunch", "2026-11-20", extra="tags: kantine\n", body=LONG)
    assert _found(site, "schema-type") == []


def test_curly_quotes_are_pointed_out_both_ways(site: FixtureSite) -> None:
    site.post(
        "2026-11-20-x.md",
        """
        title: “Lunch for 200”
        date: 2026-11-20
        authors: [mette-hansen]
        description: "A story about what we do at work, told by the people doing it."
        tags: [„kantine“]
        """,
        LONG,
    )
    assert _said(site, "post-curly-quotes") == {
        "en": [
            (
                "warning",
                2,
                "'title' is wrapped in curly quotes (“ ”), which the site would show as part "
                "of it.",
                'Use straight quotes (") or none: title: "Lunch for 200"',
            ),
            (
                "warning",
                6,
                "'tags' is wrapped in curly quotes („ “), which the site would show as part of it.",
                'Use straight quotes (") or none: tags: "kantine"',
            ),
        ],
        "da": [
            (
                "warning",
                2,
                "'title' står i krumme anførselstegn (“ ”), som sitet ville vise som en del af "
                "teksten.",
                'Brug lige anførselstegn (") eller ingen: title: "Lunch for 200"',
            ),
            (
                "warning",
                6,
                "'tags' står i krumme anførselstegn („ “), som sitet ville vise som en del af "
                "teksten.",
                'Brug lige anførselstegn (") eller ingen: tags: "kantine"',
            ),
        ],
    }
    # Curly quotes YAML cannot read at all (a colon inside) are an error that says so.
    site.post(
        "2026-11-20-x.md",
        """
        title: “Lunch: for 200”
        date: 2026-11-20
        authors: [mette-hansen]
        """,
        LONG,
    )
    [unreadable] = _found(site, "yaml-syntax")
    assert unreadable["message"].startswith("The front matter uses curly quotes (“ ”)")


def test_a_short_story_and_a_missing_cover_get_a_hint(site: FixtureSite) -> None:
    site.simple_post("2026-11-20-x.md", "Lunch", "2026-11-20", body="We ate together today.\n")
    assert _said(site, "post-short") == {
        "en": [
            (
                "warning",
                8,
                "The story is 4 words long; most stories need 250 to 500.",
                "Tell one concrete moment in more detail: what happened, who was there, what you "
                "learned. The questions between <!-- and --> can help.",
            )
        ],
        "da": [
            (
                "warning",
                8,
                "Historien er 4 ord lang; de fleste historier skal bruge 250 til 500.",
                "Fortæl mere om ét konkret øjeblik: hvad skete der, hvem var med, hvad lærte du. "
                "Spørgsmålene mellem <!-- og --> kan hjælpe.",
            )
        ],
    }
    assert _said(site, "post-no-cover") == {
        "en": [
            (
                "warning",
                2,
                "The post has no cover picture ('image'), so listings and LinkedIn show a plain "
                "card.",
                "Upload a photo to media/ (turn off its location first) and add 'image: "
                "media/2026/your-photo.jpg' and 'image_alt:' with what it shows.",
            )
        ],
        "da": [
            (
                "warning",
                2,
                "Indlægget har intet forsidebillede ('image'), så oversigterne og LinkedIn viser "
                "et tomt kort.",
                "Upload et billede til media/ (slå placeringen fra først), og tilføj 'image: "
                "media/2026/dit-billede.jpg' og 'image_alt:' med, hvad det viser.",
            )
        ],
    }
    site.image("media/2026/lunch.jpg")
    site.simple_post(
        "2026-11-20-x.md",
        "Lunch",
        "2026-11-20",
        extra="image: media/2026/lunch.jpg\nimage_alt: A long table\n",
        body=LONG,
    )
    assert _found(site, "post-short") == _found(site, "post-no-cover") == []


def test_writing_hints_go_to_the_posts_a_writer_asks_about(site: FixtureSite) -> None:
    """A check of the whole repository (and the build) gives no advice on writing: it would
    bury what matters under old posts' hints. Named posts and a pull request's get it."""
    site.simple_post("2026-11-20-x.md", "Lunch", "2026-11-20", body="We ate together today.\n")
    proc = site.check("--format", "json")
    assert json.loads(proc.stdout) == {
        "findings": [],
        "summary": {"files": 3, "errors": 0, "warnings": 0},
    }
    named = _found(site, "post-short", "en", "site_src/blog/posts/2026-11-20-x.md")
    assert [(f["file"], f["line"]) for f in named] == [("site_src/blog/posts/2026-11-20-x.md", 8)]


def test_posts_from_an_old_site_are_spared_the_hints(site: FixtureSite) -> None:
    site.simple_post(
        "2026-11-20-x.md", "Lunch", "2026-11-20", extra="aliases: [/2016/lunch.html]\n"
    )
    assert _found(site, "post-short") == _found(site, "post-no-cover") == []


@pytest.mark.parametrize("level", ["error", "off"])
def test_the_policy_can_quiet_a_hint_but_never_make_it_block(site: FixtureSite, level: str) -> None:
    site.write("policy.yml", f"severity:\n  post-short: {level}\n  post-no-cover: {level}\n")
    site.simple_post("2026-11-20-x.md", "Lunch", "2026-11-20")
    short = _found(site, "post-short") + _found(site, "post-no-cover")
    assert [f["severity"] for f in short] == ([] if level == "off" else ["warning", "warning"])
    assert site.build().returncode == 0
