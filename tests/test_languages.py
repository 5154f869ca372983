"""Both languages for real, on the demo site: an English story is framed in English and a
Danish one in Danish, with no word of the other language's UI tables (ours and Material's);
each story appears once per listing, never recommends its own translation; the language
switch leads to the translation; English pages show English bios; Danish grammar holds."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup, Tag

from advocacy.core.i18n.ui import STRINGS, genitive, plural
from conftest import REPO, TODAY, FixtureSite, Result, site_settings

DA_POST = "blog/2026/11/19/frokost-til-200-en-dag-i-vores-koekken/"
EN_POST = "blog/2026/11/19/lunch-for-200-a-day-in-our-kitchen/"
EN_ONLY = "blog/2026/07/02/small-pull-requests-short-reviews/"
DA_ONLY = "blog/2026/06/03/hvad-en-utilfreds-kunde-laerte-os/"
MATERIAL = REPO / ".venv/lib/python3.11/site-packages/material/templates/partials/languages"
# Material's words our pages show (the skip link, search, back to top, the contents list).
MATERIAL_KEYS = (
    "action.skip",
    "search.placeholder",
    "search.reset",
    "search.result.initializer",
    "toc",
    "top",
    "search",
)
# What the authors wrote is in its own language; the test reads only the site's frame.
AUTHORS_TEXT = (
    ".adv-post__body",
    ".adv-post__lede",
    ".adv-post h1",
    ".adv-card__title",
    ".adv-card__description",
    ".adv-author-box__bio",
    ".adv-sharekit__text",
    ".adv-video",
    ".adv-transcript",
    ".adv-list__title",
    "script",
    "style",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Result:
    """The demo site, built once (nothing is written into the repository)."""
    out = tmp_path_factory.mktemp("languages") / "site"
    env = {
        **os.environ,
        "ADVOCACY_TODAY": TODAY,
        "NO_MKDOCS_2_WARNING": "1",
        "ADVOCACY_CACHE_DIR": str(out.parent / "cache"),
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(REPO / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return Result(proc.returncode, proc.stdout + proc.stderr, out)


def _material_words(lang: str) -> dict[str, str]:
    text = (MATERIAL / f"{lang}.html").read_text("utf-8")
    return dict(re.findall(r'"([a-z.]+)": "([^"]*)"', text))


def _phrases(own: str, other: str) -> list[re.Pattern[str]]:
    """The other language's UI words that ours do not share, as patterns over the page's
    words (a placeholder stands for a name, a date or a number: one to four words)."""
    theirs, ours = dict(STRINGS[other]), dict(STRINGS[own])
    m_theirs, m_ours = _material_words(other), _material_words(own)
    pairs = [(theirs[k], ours.get(k, "")) for k in theirs]
    pairs += [(m_theirs[k], m_ours.get(k, "")) for k in MATERIAL_KEYS if k in m_theirs]
    patterns = []
    for word, same in pairs:
        parts = re.split(r"\{[^}]*\}", word)
        tokens = [_words(part) for part in parts]
        flat = [w for t in tokens for w in t]
        if (
            word == same
            or flat == [w for part in re.split(r"\{[^}]*\}", same) for w in _words(part)]
            or all(len(w) < 2 for w in flat)
        ):
            continue
        gap = r"(?:[^ ]+ ){1,4}"
        body = gap.join(" ".join(t) + " " if t else "" for t in tokens)
        patterns.append(re.compile(r"(?:^| )" + body.rstrip() + r"(?: |$)"))
    return patterns


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zæøåéü]+", text.lower())


def _frame_text(page: BeautifulSoup) -> list[str]:
    """The words of the page's frame in the page's language: text and the attributes people
    hear (labels, placeholders), leaving out what authors wrote and what is marked as being
    in another language (a link to the translation, the language switch)."""
    lang = page.html["lang"]
    body = page.body
    for element in body.select(", ".join(AUTHORS_TEXT)):
        element.decompose()
    for element in body.find_all(
        lambda t: isinstance(t, Tag) and t.get("lang") not in (None, lang)
    ):
        element.decompose()
    words = _words(body.get_text(" "))
    for element in body.find_all(True):
        for attribute in ("aria-label", "placeholder", "title", "alt"):
            words += _words(element.get(attribute) or "")
    return words


def _found(words: list[str], pattern: re.Pattern[str]) -> bool:
    return pattern.search(" ".join(words) + " ") is not None


@pytest.mark.parametrize(
    ("url", "own", "other"),
    [
        pytest.param(EN_POST, "en", "da", id="english-translation"),
        pytest.param(EN_ONLY, "en", "da", id="english-post"),
        pytest.param(DA_POST, "da", "en", id="danish-post"),
        pytest.param(DA_ONLY, "da", "en", id="danish-only"),
        pytest.param("en/", "en", "da", id="english-home"),
        pytest.param("en/blog/author/mette-hansen/", "en", "da", id="english-author"),
    ],
)
def test_a_page_speaks_one_language(demo: Result, url: str, own: str, other: str) -> None:
    page = demo.html(url)
    assert page.html["lang"] == own
    words = _frame_text(page)
    assert len(words) > 100, "the page's frame is missing"
    leaks = [p.pattern for p in _phrases(own, other) if _found(words, p)]
    assert leaks == [], f"{url} ({own}) shows words of the {other} UI: {leaks}"


def test_every_ui_table_has_the_same_keys() -> None:
    assert {lang: set(table) for lang, table in STRINGS.items()} == {
        lang: set(STRINGS["en"]) for lang in STRINGS
    }


def test_danish_genitive_and_plurals() -> None:
    assert [genitive(n, "da") for n in ("Jonas", "Lars", "Mette", "Max", "Sofie")] == [
        "Jonas'",
        "Lars'",
        "Mettes",
        "Max'",
        "Sofies",
    ]
    assert [genitive(n, "en") for n in ("Jonas", "Mette")] == ["Jonas's", "Mette's"]
    assert [plural("da", "people", n) for n in (1, 2)] == ["1 kollega", "2 kolleger"]
    assert [plural("en", "stories", n) for n in (1, 3)] == ["1 story", "3 stories"]


def test_a_story_in_two_languages_is_one_story(demo: Result) -> None:
    titles = {
        url: [a.get_text(strip=True) for a in demo.html(url).select(".adv-card__title a")]
        for url in ("blog/", "en/blog/")
    }
    assert "Frokost til 200: en dag i vores køkken" in titles["blog/"]
    assert "Lunch for 200: a day in our kitchen" not in titles["blog/"]
    assert "Lunch for 200: a day in our kitchen" in titles["en/blog/"]
    assert "Frokost til 200: en dag i vores køkken" not in titles["en/blog/"]
    also = demo.html("en/blog/").select_one(".adv-card__also a")
    assert (also.get_text(), also["href"], also["hreflang"]) == (
        "Also in Danish",
        f"../../{DA_POST}",
        "da",
    )
    for url, own in ((DA_POST, EN_POST), (EN_POST, DA_POST)):
        related = [a["href"] for a in demo.html(url).select(".adv-related .adv-card__title a")]
        assert related and not any(own.split("/")[-2] in href for href in related)


def test_the_language_switch_leads_to_the_same_page(demo: Result) -> None:
    def switch(url: str) -> tuple[str, str]:
        link = demo.html(url).select_one(".adv-switch a")
        return link["href"], link.get_text()

    assert switch(DA_POST) == ("../lunch-for-200-a-day-in-our-kitchen/", "English")
    assert switch(EN_POST) == ("../frokost-til-200-en-dag-i-vores-koekken/", "Dansk")
    assert switch(DA_ONLY) == ("../../../../../en/", "English")  # no translation: the entry
    assert switch("blog/team/udvikling/") == ("../../../en/blog/team/udvikling/", "English")
    assert switch("en/") == ("../", "Dansk")
    head = demo.html(DA_POST).head
    assert {link["hreflang"] for link in head.select("link[hreflang]")} == {"da", "en"}


def test_english_pages_show_english_words_of_the_site(demo: Result) -> None:
    author = demo.html("en/blog/author/mette-hansen/")
    assert "Mette builds the backend" in author.select_one(".adv-profile__bio").get_text()
    assert author.select_one(".adv-profile__role").get_text() == "Backend developer"
    post = demo.html(EN_ONLY)
    assert post.select_one(".adv-author-box__bio").get_text().startswith("Mette builds")
    assert [a.get_text() for a in post.select(".adv-post__kicker a")] == ["How we work"]
    assert post.select_one(".adv-byline__facts").get_text(" ", strip=True).startswith("2 July 2026")
    team = demo.html("en/blog/team/udvikling/")
    assert team.find("h1").get_text() == "The Development team"
    tabs = [a.get_text(" ", strip=True) for a in post.select(".md-tabs__link")]
    assert tabs[:5] == ["Home", "Stories", "People", "Topics", "How we hire"]


def test_danish_pages_say_it_the_danish_way(demo: Result) -> None:
    page = demo.html(DA_ONLY)  # by Jonas Berg
    assert page.select_one(".adv-work-with a").get_text() == "Arbejd sammen med Jonas' team"
    assert (
        page.select_one(".adv-byline__facts").get_text(" ", strip=True).startswith("3. juni 2026")
    )


def test_the_page_that_is_not_there_speaks_both_languages(demo: Result) -> None:
    page = BeautifulSoup((demo.site / "404.html").read_text("utf-8"), "html.parser")
    sections = {s["lang"]: s for s in page.select("section.adv-notfound")}
    assert set(sections) == {"da", "en"}
    for section in sections.values():
        assert section.select_one(".adv-search-open") is not None
        assert len(section.select(".adv-list__title")) == 3
        assert section.select_one('a[href="https://kystlinje.example/job"]') is not None
    # Absolute addresses: the page is served for every missing address, at any depth.
    assert page.select_one(".adv-brand")["href"] == "/"
    assert all(
        link["href"].startswith(("/", "https://")) for link in page.select(".adv-notfound a")
    )


def test_jobs_are_one_click_away_and_employee_pages_in_the_footer(demo: Result) -> None:
    for url in ("", "en/", DA_POST, "blog/tags/"):
        page = demo.html(url)
        assert page.select_one("a.adv-header__jobs")["href"] == "https://kystlinje.example/job"
        footer = page.select_one(".adv-footer")
        assert footer.select_one('a[href="https://kystlinje.example/job"]') is not None
        assert len(footer.select('a[href$="feeds/"]')) == 1
        tabs = " ".join(a.get_text() for a in page.select(".md-tabs__link"))
        assert "Skriv" not in tabs and "SoMe" not in tabs and "policy" not in tabs
    home = demo.html("")
    assert home.select(".adv-follow") == [] and "feed_rss.xml" not in str(
        home.select_one(".md-content")
    )
    employees = [a.get_text() for a in home.select(".adv-footer__column")[-1].select("a")]
    assert employees == ["Skriv en historie", "Idéer til historier", "SoMe-politik"]


def test_search_indexes_the_jobs_pages(demo: Result) -> None:
    docs = json.loads((demo.site / "search/search_index.json").read_text("utf-8"))["docs"]
    jobs = {
        d["location"]: f"{d['title']} {d['text']}".lower()
        for d in docs
        if d["location"] in ("jobs/", "en/jobs/")
    }
    assert "job" in jobs["jobs/"] and "stilling" in jobs["jobs/"]
    assert "job" in jobs["en/jobs/"] and "apply" in jobs["en/jobs/"]


def test_pages_may_link_to_every_generated_page_in_every_language(site: FixtureSite) -> None:
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml",
        text.replace(
            "      language: en\n",
            "      language: en\n      languages: [en, da]\n      jobs: {url: https://jobs.example.com/}\n",
        ),
    )
    settings = site_settings(site.root)
    for uri in (
        "da/index.md",
        "da/blog/index.md",
        "da/some-policy/index.md",
        "jobs/index.md",
        "da/jobs/index.md",
        "feeds/index.md",
        "da/feeds/index.md",
        "blog/index.md",
        "story-ideas/index.md",
    ):
        assert settings.generated(uri), uri
    for uri in ("de/index.md", "en/index.md", "index.md", "blog/posts/x/index.md", "other.md"):
        assert not settings.generated(uri), uri
