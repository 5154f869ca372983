"""Consent holds back every text the site publishes, however a name is written: pages,
profiles, teams and settings besides posts; disguised names; an author's photo used as a
post's picture; misplaced consent keys, consent dates with a time, translations and consent
records under ``people:``."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import FixtureSite, site_settings
from test_pr_flow import git

WITHDRAWN = {"profile": "2026-01-10", "evidence": "HR-1", "withdrawn": "2026-11-01"}


def _findings(site: FixtureSite, rule: str | None = None) -> list[tuple[str, str, str, str]]:
    from advocacy.core.checking.run import check_repository

    _, report = check_repository(site_settings(site.root), lang="en")
    return [
        (f.rule, f.file, str(f.severity), f.message)
        for f in report.sorted()
        if rule is None or f.rule == rule
    ]


@pytest.fixture
def withdrawn(site: FixtureSite) -> FixtureSite:
    """Mette Hansen withdrew; Jonas Berg writes."""
    site.author("mette-hansen", "Mette Hansen", photo=True, consent=WITHDRAWN)
    site.author("jonas-berg", "Jonas Berg", team="Sales")
    return site


# -- pages, profiles, teams and settings ----------------------------------------------------


def test_pages_bios_and_team_texts_that_name_a_withdrawn_colleague_are_held(
    withdrawn: FixtureSite,
) -> None:
    site = withdrawn
    site.write("site_src/hire.md", "# How we hire\n\nAsk Mette Hansen about the interview.\n")
    site.write("site_src/stay.md", "# Our office\n\nWe sit by the harbour.\n")
    text = site.root.joinpath("mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml",
        text.replace(
            "  - Home: index.md\n", "  - Home: index.md\n  - Hire: hire.md\n  - Office: stay.md\n"
        ),
    )
    site.author(
        "jonas-berg",
        "Jonas Berg",
        team="Sales",
        bio={"en": "Jonas works with Mette Hansen every day.", "da": "Jonas sælger ting."},
    )
    site.write(
        "teams.yml",
        'Sales:\n  description:\n    en: "Led by Mette Hansen, we sell."\n    da: "Vi sælger."\n',
    )
    site.simple_post("2026-11-02-j.md", "Sales notes", "2026-11-02", authors="[jonas-berg]")
    held = _findings(site, "consent-held-text")
    assert held == [
        (
            "consent-held-text",
            "authors/jonas-berg.yml",
            "warning",
            "The 'bio.en' of this profile is not published: it names Mette Hansen, who has no "
            "current consent.",
        ),
        (
            "consent-held-text",
            "site_src/hire.md",
            "warning",
            "This page is not published: it names or shows Mette Hansen, who has no current "
            "consent.",
        ),
    ]
    checked = site.check("--format", "json", "--lang", "en")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rules = {(f["rule"], f["file"]) for f in json.loads(checked.stdout)["findings"]}
    assert ("consent-held-text", "teams.yml") in rules
    result = site.build()
    assert result.returncode == 0, result.log
    assert "Mette Hansen" not in result.all_text()
    assert not (result.site / "hire" / "index.html").exists()
    assert (result.site / "stay" / "index.html").exists()
    assert "Jonas sælger ting." in result.all_text()  # the other language's bio stays


def test_a_setting_that_names_a_withdrawn_colleague_stops_the_build(
    withdrawn: FixtureSite,
) -> None:
    site = withdrawn
    text = site.root.joinpath("mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml", text.replace("site_name: Test Careers", "site_name: Mette Hansen's careers")
    )
    site.simple_post("2026-11-02-j.md", "Sales notes", "2026-11-02", authors="[jonas-berg]")
    checked = site.check("--format", "json", "--lang", "en")
    assert checked.returncode == 1
    found = [
        f for f in json.loads(checked.stdout)["findings"] if f["rule"] == "consent-config-text"
    ]
    assert [(f["file"], f["line"], f["message"]) for f in found] == [
        (
            "mkdocs.yml",
            1,
            "'site_name' names Mette Hansen, who has no current consent; a setting cannot be "
            "left off the site, so the site is not built until it is changed.",
        )
    ]
    env = {
        **os.environ,
        **site.cache_env(),
        "ADVOCACY_TODAY": "2026-11-28",
        "ADVOCACY_ON_ERROR": "hold",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site.root.parent / "held")],
        cwd=site.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "mkdocs.yml:1: 'site_name' names Mette Hansen" in proc.stderr


def test_traces_lists_pages_and_profiles_that_name_the_person(withdrawn: FixtureSite) -> None:
    withdrawn.write("site_src/hire.md", "# How we hire\n\nAsk Mette Hansen.\n")
    out = withdrawn.run("traces", "mette-hansen", "--lang", "en").stdout
    assert "`site_src/hire.md`: names them in the text" in out


# -- names, however written -----------------------------------------------------------------

DISGUISES = {
    "genitive": "We borrowed Mette Hansens bike.",
    "english genitive": "We borrowed Mette Hansen's bike.",
    "reversed": "Thanks to Hansen, Mette for the help.",
    "initial": "Thanks to M. Hansen for the help.",
    "hyphen": "Thanks to Mette-Hansen for the help.",
    "no space": "Thanks to MetteHansen for the help.",
    "bdo": 'Thanks to <bdo dir="rtl">nesnaH etteM</bdo> for the help.',
    "ruby": "Thanks to <ruby>Mette<rp>(</rp><rt></rt><rp>)</rp></ruby> Hansen.",
    "rt": "Thanks to Met<ruby><rt>te</rt></ruby>te Hansen for the help.",
    "tag characters": "Thanks to Mette Han\U000e0041sen for the help.",
    "variation selector": "Thanks to Mette Han\U000e0100sen for the help.",
    "cherokee": "Thanks to \u13b7ette \u13bbansen for the help.",
    "cyrillic shha": "Thanks to Mette \u04bbansen for the help.",
    "combining mark": "Thanks to Mette Hanse\u0332n for the help.",
    "abbr title": 'Thanks to <abbr title="Mette Hansen">MH</abbr> for the help.',
    "image alt": '<img src="x.png" alt="Mette Hansen at her desk"> was there.',
}


@pytest.mark.parametrize("written", list(DISGUISES.values()), ids=list(DISGUISES))
def test_a_disguised_name_holds_the_post(withdrawn: FixtureSite, written: str) -> None:
    withdrawn.simple_post(
        "2026-11-20-n.md",
        "Autumn notes",
        "2026-11-20",
        authors="[jonas-berg]",
        body=f"We moved the booking system.\n\n{written}\n",
    )
    held = [f[3] for f in _findings(withdrawn, "consent-held")]
    assert held == [
        "This post is not published: it names Mette Hansen, who has no current consent."
    ]


def test_normalising_undoes_every_disguise_of_a_letter() -> None:
    from advocacy.core.model.textnorm import fold

    assert fold("\u13b7ette \u13bbansen") == "mette hansen"  # not in the hand-made table
    assert fold("Han\U000e0041s\ufe0fen\u0332") == "hansen"
    assert fold("Mætte Søren Åse") == "mætte søren åse"  # Danish letters stay


def test_a_track_label_names_the_person(withdrawn: FixtureSite) -> None:
    from advocacy.core.checking.texts import reading_segments
    from advocacy.core.model.entities import DocPage
    from advocacy.core.rendering.page import Rendered

    page = DocPage("p.md", "p.md", "p/", None, None, "")
    page.rendered = Rendered('<video><track label="Mette Hansen" kind="captions"></video>')
    assert [s.text for s in reading_segments(page) if s.field == "spoken"] == ["Mette Hansen"]


# -- photos, misplaced keys, dates with a time -----------------------------------------------


def test_an_author_photo_as_a_post_picture_needs_that_persons_consent(
    withdrawn: FixtureSite,
) -> None:
    site = withdrawn
    site.author("sofie-hald", "Sofie Hald", photo=True)
    (site.root / "authors/sofie-hald.yml").write_text(
        (site.root / "authors/sofie-hald.yml")
        .read_text("utf-8")
        .replace("  photo: '2026-01-10'\n", ""),
        "utf-8",
    )
    extra = "image: media/authors/{}.jpg\nimage_alt: A colleague at a desk\n"
    site.simple_post(
        "2026-11-20-a.md", "Desk", "2026-11-20", "[jonas-berg]", extra.format("mette-hansen")
    )
    site.simple_post(
        "2026-11-21-b.md", "Kitchen", "2026-11-21", "[jonas-berg]", extra.format("sofie-hald")
    )
    found = [
        (f[0], f[1], f[3])
        for f in _findings(site)
        if f[0] in ("consent-held", "photo-consent-missing")
    ]
    assert found == [
        (  # the picture's file name names her too
            "consent-held",
            "site_src/blog/posts/2026-11-20-a.md",
            "This post is not published: it names Mette Hansen, who has no current consent.",
        ),
        (
            "consent-held",
            "site_src/blog/posts/2026-11-20-a.md",
            "This post is not published: Mette Hansen withdrew consent on 2026-11-01.",
        ),
        (
            "photo-consent-missing",
            "site_src/blog/posts/2026-11-21-b.md",
            "'media/authors/sofie-hald.jpg' is Sofie Hald's author photo, and Sofie Hald has not "
            "given consent to be shown in photos.",
        ),
    ]


def test_a_consent_key_at_the_top_level_holds_the_person_back(site: FixtureSite) -> None:
    path = site.author("mette-hansen", "Mette Hansen")
    path.write_text(path.read_text("utf-8") + "withdrawn: 2026-11-01\n", "utf-8")
    site.simple_post("2026-11-02-m.md", "Mine", "2026-11-02")
    found = _findings(site)
    assert (
        "consent-misplaced",
        "authors/mette-hansen.yml",
        "error",
        "'withdrawn:' is consent, but it is not under 'consent:', so this person's profile, "
        "photo and posts are held back.",
    ) in found
    assert [f[3] for f in found if f[0] == "consent-held"] == [
        "This post is not published while authors/mette-hansen.yml has errors."
    ]


def test_consent_dates_with_a_time_are_days(site: FixtureSite) -> None:
    site.write(
        "authors/mette-hansen.yml",
        "name: Mette Hansen\nrole: Developer\nteam: IT\n"
        "consent:\n  profile: 2026-01-10 08:00\n  evidence: HR-1\n  withdrawn: 2026-11-28 23:30\n",
    )
    site.author("jonas-berg", "Jonas Berg")
    site.simple_post("2026-11-02-m.md", "Mine", "2026-11-02")
    site.simple_post(
        "2026-11-03-k.md",
        "A visit",
        "2026-11-03",
        authors="[jonas-berg]",
        extra="people:\n  - name: Karen Holm\n    consent: 2026-11-10 10:00\n"
        "    evidence: HR-2\n    expires: 2027-11-10T12:00:00\n",
        body="Karen Holm showed us around.\n",
    )
    found = _findings(site)
    assert not [f for f in found if f[0] == "internal-error"]
    assert [f[3] for f in found if f[0] == "consent-held"] == [
        "This post is not published: Mette Hansen withdrew consent on 2026-11-28."
    ]


# -- translations and consent records: whose they are ----------------------------------------


def test_a_translation_of_a_colleagues_post_is_an_error_and_joins_no_story(
    withdrawn: FixtureSite,
) -> None:
    from advocacy.core.publishing.careers.languages import versions
    from advocacy.core.publishing.edition import decide
    from advocacy.core.reading.repository import load_repository

    site = withdrawn
    site.author("ole-dam", "Ole Dam")
    site.simple_post("2026-03-12-orig.md", "Ruten", "2026-03-12", authors="[ole-dam]")
    site.simple_post(
        "2026-03-13-fake.md",
        "The route (it failed)",
        "2026-03-13",
        authors="[jonas-berg]",
        extra="language: en\ntranslation_of: orig\n",
    )
    assert [f[3] for f in _findings(site, "translation-other-author")] == [
        "'translation_of: orig' names site_src/blog/posts/2026-03-12-orig.md, which none of "
        "this post's authors wrote; a translation speaks for the original's authors, so it "
        "must be theirs too."
    ]
    repo = load_repository(site_settings(site.root), "en")
    stories = versions(decide(repo))
    assert all(len(story) == 1 for story in stories.values())


def test_only_hr_records_consent_under_people(site: FixtureSite) -> None:
    site.write("policy.yml", "hr_logins: [hr-login]\n")
    site.author("mette-hansen", "Mette Hansen", github=["mette"])
    git(site, "init", "-q", "-b", "main")
    git(site, "config", "user.email", "t@example.com")
    git(site, "config", "user.name", "Test")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "base")
    git(site, "checkout", "-q", "-b", "pr")
    site.simple_post(
        "2026-11-20-v.md",
        "A visit",
        "2026-11-20",
        extra="people:\n  - name: Karen Holm\n    consent: 2026-11-10\n    evidence: HR-2026-999\n",
        body="Karen Holm showed us the loading bay.\n",
    )
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "pr")

    def rules(login: str) -> list[tuple[str, str]]:
        proc = site.check("--changed-since", "main", "--submitter", login, "--format", "json")
        assert "Traceback" not in proc.stderr, proc.stderr
        return [
            (f["rule"], f["message"])
            for f in json.loads(proc.stdout)["findings"]
            if f["severity"] == "error"
        ]

    assert rules("mette") == [
        (
            "people-consent-hr",
            "'mette' may not record or change the consent of Karen Holm under 'people:': only "
            "HR may, with the signed consent in hand.",
        )
    ]
    assert rules("hr-login") == []


# -- a person shown or named where no sentence is: copies of photos, file names, anchors ------


def _portrait(path: os.PathLike[str] | str, seed: int = 0) -> None:
    """A photo-like picture (shapes of many shades), not one plain colour."""
    import random

    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGB", (600, 600), (128, 128, 128))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(560), rng.randrange(560)
        shade = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + rng.randrange(40, 200), y + rng.randrange(40, 200)), fill=shade)
    image.save(path, quality=92)


def _cropped(source: os.PathLike[str] | str, target: os.PathLike[str] | str, px: int) -> None:
    from PIL import Image

    with Image.open(source) as image:
        image.crop((px, px, image.width - px, image.height - px)).save(target, quality=80)


def test_a_re_saved_or_cropped_author_photo_is_that_person(withdrawn: FixtureSite) -> None:
    site = withdrawn
    site.author("sofie-hald", "Sofie Hald", photo=True)
    (site.root / "authors/sofie-hald.yml").write_text(
        (site.root / "authors/sofie-hald.yml")
        .read_text("utf-8")
        .replace("  photo: '2026-01-10'\n", ""),
        "utf-8",
    )
    _portrait(site.root / "media/authors/mette-hansen.jpg", 0)
    _portrait(site.root / "media/authors/sofie-hald.jpg", 1)
    _portrait(site.root / "media/harbour.jpg", 2)  # someone else's face: no match
    _cropped(site.root / "media/authors/mette-hansen.jpg", site.root / "media/evening.jpg", 2)
    _cropped(site.root / "media/authors/sofie-hald.jpg", site.root / "media/kitchen.jpg", 25)
    body = "Our evening by the water.\n\n![The harbour in the evening](../../../media/{}.jpg)\n"
    for name, picture in (("a", "evening"), ("b", "kitchen"), ("c", "harbour")):
        site.simple_post(
            f"2026-11-2{ord(name) - 97}-{name}.md",
            f"Evening {name}",
            f"2026-11-2{ord(name) - 97}",
            "[jonas-berg]",
            body=body.format(picture),
        )
    found = [
        (f[0], f[1], f[3])
        for f in _findings(site)
        if f[0] in ("consent-held", "photo-consent-missing")
    ]
    assert found == [
        (
            "consent-held",
            "site_src/blog/posts/2026-11-20-a.md",
            "This post is not published: Mette Hansen withdrew consent on 2026-11-01.",
        ),
        (
            "photo-consent-missing",
            "site_src/blog/posts/2026-11-21-b.md",
            "'../../../media/kitchen.jpg' is Sofie Hald's author photo, re-saved, resized or "
            "cropped, and Sofie Hald has not given consent to be shown in photos.",
        ),
    ]
    from advocacy.core.checking.people.likeness import NEAR

    assert NEAR == 16  # measured: see likeness.py before changing it


def test_a_cropped_author_photo_keeps_the_post_off_the_built_site(
    withdrawn: FixtureSite,
) -> None:
    site = withdrawn
    _portrait(site.root / "media/authors/mette-hansen.jpg")
    _cropped(site.root / "media/authors/mette-hansen.jpg", site.root / "media/evening.jpg", 2)
    site.simple_post(
        "2026-11-20-evening.md",
        "Evening by the water",
        "2026-11-20",
        "[jonas-berg]",
        body="Our evening by the water.\n\n![The harbour](../../../media/evening.jpg)\n",
    )
    built = site.build()
    assert built.returncode == 0, built.stderr[-2000:]
    out = site.root.parent / (site.root.name + "-site")
    assert not list(out.rglob("evening*.webp")) and not list(out.rglob("evening*.jpg"))
    assert not [p for p in out.rglob("*.html") if "Evening by the water" in p.read_text("utf-8")]
    for _ in range(2):  # the second check reads the picture's hash from the build cache
        checked = site.check("--lang", "en")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert checked.stdout.splitlines()[0].startswith(
            "site_src/blog/posts/2026-11-20-evening.md:10: warning: This post is not published: "
            "Mette Hansen withdrew consent on 2026-11-01."
        )
    cache = site.root.parent / (site.root.name + "-cache")
    assert any(cache.rglob("*.json"))


NAMED_PLACES = {
    "picture file name": "![A bike by the door](../../../media/mette-hansen-bike.jpg)",
    "file name with underscores": "![A bike by the door](../../../media/Mette_Hansen.jpg)",
    "file name with dots": "![A bike by the door](../../../media/mette.hansen.2026.jpg)",
    "heading anchor": "## The people who left {#mette-hansen-farewell}",
    "link address": "Read [the farewell](https://example.com/people/mette-hansen/).",
    "escaped link address": "Read [the farewell](https://example.com/people/Mette%20Hansen).",
    "th abbr": '<table><tr><th abbr="Mette Hansen">MH</th></tr><tr><td>1</td></tr></table>',
    "abbr title": '<abbr title="Mette Hansen">MH</abbr> left.',
}


@pytest.mark.parametrize("written", list(NAMED_PLACES.values()), ids=list(NAMED_PLACES))
def test_a_name_in_a_file_name_anchor_or_attribute_holds_the_post(
    withdrawn: FixtureSite, written: str
) -> None:
    from PIL import Image

    for name in ("mette-hansen-bike", "Mette_Hansen", "mette.hansen.2026"):
        Image.new("RGB", (800, 450), "navy").save(withdrawn.root / f"media/{name}.jpg")
    withdrawn.simple_post(
        "2026-11-20-n.md",
        "Autumn notes",
        "2026-11-20",
        authors="[jonas-berg]",
        body=f"We moved the booking system.\n\n{written}\n",
    )
    held = [f[3] for f in _findings(withdrawn, "consent-held")]
    assert held == [
        "This post is not published: it names Mette Hansen, who has no current consent."
    ]


def test_slugs_of_danish_names_and_ordinary_words_in_addresses(withdrawn: FixtureSite) -> None:
    from advocacy.core.checking.people.places import as_words

    assert as_words("/media/2026/mette-hansen_bike.cb0d-640.webp") == (
        "media | 2026 | mette hansen bike cb0d 640 webp"
    )
    assert as_words("people/S%C3%B8ren%20N%C3%B8rgaard") == "people | Søren Nørgaard"
    site = withdrawn
    site.author("soren-norgaard", "Søren Nørgaard", consent=WITHDRAWN)
    body = (
        "We moved the booking system.\n\n## Hansen Street and Mette's bike {{#hansen-street}}\n\n"
        "See [the map](https://example.com/maps/mette/hansen-street) and "
        "[{}](https://example.com/{}).\n"
    )
    for number, slug in enumerate(("soren-norgaard", "soeren-noergaard", "sren-nrgaard")):
        site.simple_post(
            f"2026-11-2{number}-s{number}.md",
            f"Notes {number}",
            f"2026-11-2{number}",
            authors="[jonas-berg]",
            body=body.format("the team", slug),
        )
    site.simple_post(
        "2026-11-25-plain.md",
        "Plain notes",
        "2026-11-25",
        authors="[jonas-berg]",
        body=body.format("the team", "teams/backend"),
    )
    held = [(f[1], f[3]) for f in _findings(site, "consent-held")]
    assert held == [
        (
            f"site_src/blog/posts/2026-11-2{n}-s{n}.md",
            "This post is not published: it names Søren Nørgaard, who has no current consent.",
        )
        for n in range(3)
    ]


def test_a_page_whose_address_names_the_person_is_held(withdrawn: FixtureSite) -> None:
    site = withdrawn
    site.write("site_src/mette-hansen.md", "# Farewell\n\nWe say goodbye to a colleague.\n")
    found = [(f[1], f[3]) for f in _findings(site, "consent-held-text")]
    assert found == [
        (
            "site_src/mette-hansen.md",
            "This page is not published: it names or shows Mette Hansen, who has no current "
            "consent.",
        )
    ]
