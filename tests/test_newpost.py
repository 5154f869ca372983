"""``advocacy new`` and the story-idea buttons: the title first, the file name and address
from it, only current colleagues, every refusal with its reason (exact, in both
languages), no description written for the writer, and help in the site's language."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from advocacy.core.reading.schema.yamlsource import load_yaml, split_front_matter
from advocacy.core.writing.interview import Given, interview
from advocacy.core.writing.newpost import NewPost, render_post
from advocacy.core.writing.stories import STORY_TYPES
from conftest import FixtureSite, site_settings

NEW = ("new", "--title", "T", "--author", "mette-hansen", "--language", "da", "--type", "office")


@pytest.fixture
def colleagues(site: FixtureSite) -> FixtureSite:
    """Mette (current), Ole (left the company), Kim (consent withdrawn), Ida (no consent)."""
    site.author("ole-dam", "Ole Dam", left="2026-10-31")
    site.author(
        "kim-lund",
        "Kim Lund",
        consent={"profile": "2026-01-10", "evidence": "HR-2", "withdrawn": "2026-06-01"},
    )
    site.author("ida-holm", "Ida Holm", consent={"evidence": "HR-3"})
    return site


def _new(site: FixtureSite, lang: str, **changed: str) -> str:
    args = list(NEW)
    for option, value in changed.items():
        args[args.index(f"--{option}") + 1] = value
    proc = site.run(*args, "--no-input", "--lang", lang)
    assert proc.returncode == 2 and proc.stdout == "", proc
    return proc.stderr


REFUSALS = [
    (
        {"author": "nobody"},
        "There is no author 'nobody'. Known authors: mette-hansen.",
        "Der findes ingen forfatter 'nobody'. Kendte forfattere: mette-hansen.",
    ),
    (
        {"author": "ole-dam"},
        "'ole-dam' has left (2026-10-31), so no new post is started under that name. "
        "Current colleagues: mette-hansen.",
        "'ole-dam' er stoppet (2026-10-31), så der startes ikke nye indlæg under det navn. "
        "Nuværende kolleger: mette-hansen.",
    ),
    (
        {"author": "kim-lund"},
        "'kim-lund' has no current consent to appear on the site; HR records it in the author "
        "file. Current colleagues: mette-hansen.",
        "'kim-lund' har ikke et gældende samtykke til at være på sitet; HR skriver det i "
        "forfatterfilen. Nuværende kolleger: mette-hansen.",
    ),
    (
        {"author": "ida-holm"},
        "'ida-holm' has no current consent to appear on the site; HR records it in the author "
        "file. Current colleagues: mette-hansen.",
        "'ida-holm' har ikke et gældende samtykke til at være på sitet; HR skriver det i "
        "forfatterfilen. Nuværende kolleger: mette-hansen.",
    ),
    (
        {"language": "fr"},
        "'fr' is not one of the site's languages: answer da or en.",
        "'fr' er ikke et af sitets sprog: svar da eller en.",
    ),
    (
        {"type": "poem"},
        "'poem' is not a kind of story: use project, customer-visit, feedback, office, "
        "canteen, meeting, how-we-work or supplier.",
        "'poem' er ikke en slags historie: brug project, customer-visit, feedback, office, "
        "canteen, meeting, how-we-work eller supplier.",
    ),
    (
        {"title": "!?!"},
        "The title '!?!' has no letters or digits, so no file name or address can be made from it.",
        "Titlen '!?!' har hverken bogstaver eller tal, så der kan ikke laves et filnavn eller "
        "en adresse ud fra den.",
    ),
]


@pytest.mark.parametrize(("changed", "en", "da"), REFUSALS, ids=lambda v: str(v)[:30])
def test_every_refusal_says_why_in_both_languages(
    colleagues: FixtureSite, changed: dict[str, str], en: str, da: str
) -> None:
    assert _new(colleagues, "en", **changed) == f"advocacy: {en}\n"
    assert _new(colleagues, "da", **changed) == f"advocacy: {da}\n"


def test_a_date_that_is_no_date_is_refused_in_the_sites_language(site: FixtureSite) -> None:
    proc = site.run(*NEW, "--date", "2026-13-01", "--no-input", "--lang", "da")
    assert proc.stderr == (
        "advocacy: '2026-13-01' er ikke en dato: skriv den som ÅÅÅÅ-MM-DD, for eksempel "
        "2026-11-20.\n"
    )


def _interview(site: FixtureSite, lang: str, answers: list[str], given: Given) -> tuple:
    said: list[str] = []
    asked: list[str] = []

    def ask(label: str) -> str:
        asked.append(label)
        return answers.pop(0)

    settings = site_settings(site.root)
    from advocacy.core.reading.repository import load_repository

    authors = load_repository(settings, posts=[]).authors
    spec = interview(settings, authors, given, lang, ask, said.append)
    assert answers == []
    return spec, asked, said


def test_the_questions_title_first_current_colleagues_and_reasons(colleagues: FixtureSite) -> None:
    answers = ["", "Frokost på 5. sal", "ole-dam", "9", "1", "fr", "", "poem", "5"]
    spec, asked, said = _interview(colleagues, "en", answers, Given())
    assert spec == NewPost("Frokost på 5. sal", "mette-hansen", "en", "canteen", spec.date)
    assert asked == [
        "Title",
        "Title",
        "Author (file name in authors/)",
        "Author (file name in authors/)",
        "Author (file name in authors/)",
        "Language (da/en) [en]",
        "Language (da/en) [en]",
        "Story type",
        "Story type",
    ]
    assert said == [
        "  The title is empty: write the story's title (the file name and the address are made "
        "from it).",
        "  The file will be site_src/blog/posts/2026/2026-11-28-frokost-paa-5-sal.md and the "
        "story's address blog/2026/11/28/frokost-paa-5-sal/.",
        "Who writes it? Current colleagues (answer with the number or the file name):",
        "  1. Mette Hansen (mette-hansen)",  # not Ole (left), Kim (withdrawn), Ida (none)
        "  'ole-dam' has left (2026-10-31), so no new post is started under that name. "
        "Current colleagues: mette-hansen.",
        "  There is no author '9'. Known authors: mette-hansen.",
        "  'fr' is not one of the site's languages: answer da or en.",
        "Kinds of story (answer with the number or the name):",
        *[
            f"  {n}. {name} ({key})"
            for n, (key, name) in enumerate(
                zip(
                    STORY_TYPES,
                    (
                        "A project we delivered",
                        "A customer visit",
                        "Feedback from a customer and what we learned",
                        "The office",
                        "Lunch in the canteen",
                        "An internal meeting",
                        "How we work",
                        "A supplier's story",
                    ),
                    strict=True,
                ),
                1,
            )
        ],
        "  'poem' is not a kind of story: use project, customer-visit, feedback, office, "
        "canteen, meeting, how-we-work or supplier.",
    ]


def test_the_questions_in_danish_and_a_refused_option_is_asked_again(
    colleagues: FixtureSite,
) -> None:
    given = Given(title="Kaffe", author="kim-lund", language="da", story="office")
    spec, asked, said = _interview(colleagues, "da", ["Mette Hansen"], given)
    assert (spec.author, spec.language, spec.story) == ("mette-hansen", "da", "office")
    assert asked == ["Forfatter (filnavn i authors/)"]
    assert said == [
        "  Filen bliver site_src/blog/posts/2026/2026-11-28-kaffe.md, og historiens adresse "
        "blog/2026/11/28/kaffe/.",
        "'kim-lund' har ikke et gældende samtykke til at være på sitet; HR skriver det i "
        "forfatterfilen. Nuværende kolleger: mette-hansen.",
        "Hvem skriver den? Nuværende kolleger (svar med nummeret eller filnavnet):",
        "  1. Mette Hansen (mette-hansen)",
    ]


def test_the_new_post_leaves_the_description_to_its_writer(site: FixtureSite) -> None:
    proc = site.run(
        "new", "--title", "Frokost på 5. sal", "--author", "mette-hansen", "--language", "en",
        "--type", "canteen", "--no-input",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    path = site.root / proc.stdout.strip()
    assert path.name == "2026-11-28-frokost-paa-5-sal.md"
    text = path.read_text("utf-8")
    front = load_yaml(split_front_matter(text).yaml_text or "").data
    assert "description" not in front and "image" not in front
    assert '# description: ""   # remove "# " at the start;' in text
    assert "#   about the food, the people and the talk around the tables" in text
    assert "turn off the photo's location before uploading" in text
    path.write_text(text + "I wrote this story myself, about our team.\n", "utf-8")
    report = json.loads(site.check(str(path), "--format", "json").stdout)
    assert sorted(f["rule"] for f in report["findings"]) == [
        "description-length",  # the check asks for a description until there is one
        "post-no-cover",
        "post-short",
    ]
    assert report["summary"]["errors"] == 0


def test_new_help_is_in_the_sites_language(site: FixtureSite) -> None:
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", config.replace("language: en", "language: da"))
    proc = site.run("new", "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("brug: advocacy new [--title TITLE]")
    assert "\ntilvalg:\n" in proc.stdout
    assert "historiens titel; filnavnet og adressen laves ud fra den" in " ".join(
        proc.stdout.split()
    )
    english = site.run("new", "--help", "--lang", "en").stdout
    assert english.startswith("usage: advocacy new") and "\noptions:\n" in english


def test_story_ideas_name_the_file_for_renaming_and_the_check_insists(site: FixtureSite) -> None:
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml",
        config.replace(
            "      per_page: 2\n",
            "      per_page: 2\n      repository: https://github.com/acme/careers\n",
        ),
    )
    result = site.build()
    assert result.returncode == 0, result.log
    buttons = result.html("story-ideas/").select('a.md-button[href*="/new/main/"]')
    assert len(buttons) == 2 * 2 * len(STORY_TYPES)
    da, en = (parse_qs(urlsplit(b["href"]).query) for b in buttons[:2])
    assert da["filename"] == ["2026/2026-11-28-din-titel.md"]
    assert en["filename"] == ["2026/2026-11-28-your-title.md"]
    value = da["value"][0]
    assert value.split("\n")[1] == (
        "# Giv først filen navn efter din titel: klik på navnet over teksten, og skriv din "
        'titel i stedet for "din-titel", fx 2026-11-28-frokost-til-200.md. Historiens '
        "adresse laves ud fra det."
    )
    front = load_yaml(split_front_matter(value).yaml_text or "").data
    assert front["title"] == "Din titel" and front["authors"] == ["dit-navn"]
    assert "description" not in front  # no canned text every post would share
    # Written as the button gives it, with a title but the file name kept: refused, with the
    # name the title gives.
    written = (
        value.replace('title: "Din titel"', 'title: "Frokost på 5. sal"').replace(
            "[dit-navn]", "[mette-hansen]"
        )
        + "Vi spiste sammen.\n"
    )
    site.write("site_src/blog/posts/2026/2026-11-28-din-titel.md", written)
    report = json.loads(site.check("--format", "json", "--lang", "da").stdout)
    [refused] = [f for f in report["findings"] if f["rule"] == "post-placeholder"]
    assert refused == {
        "rule": "post-placeholder",
        "severity": "error",
        "file": "site_src/blog/posts/2026/2026-11-28-din-titel.md",
        "line": None,
        "message": "Filnavnet har stadig skabelonens pladsholder 'din-titel', så historien "
        "ville blive udgivet på blog/2026/11/28/din-titel/.",
        "fix": "Giv filen navn efter din titel: '2026-11-28-frokost-paa-5-sal.md'. I GitHubs "
        "editor klikker du på filnavnet over teksten og retter det; adressen skifter aldrig "
        "bagefter.",
    }
    (site.root / "site_src/blog/posts/2026/2026-11-28-din-titel.md").rename(
        site.root / "site_src/blog/posts/2026/2026-11-28-frokost-paa-5-sal.md"
    )
    report = json.loads(site.check("--format", "json").stdout)
    assert report["summary"]["errors"] == 0


def test_render_post_puts_the_head_first(site: FixtureSite) -> None:
    from advocacy.core.model.entities import Author

    settings = site_settings(site.root)
    author = Author("a", "", "A B", "", "")
    spec = NewPost("Hej", "a", "da", "office", settings.today)
    text = render_post(settings, {"a": author}, spec, head=["# first"])
    assert text.startswith('---\n# first\ntitle: "Hej"\n')
