"""For the applicant: teams, featured and related stories, languages and translations."""

from __future__ import annotations

from conftest import FixtureSite, Result, assert_no_warnings

JOBS = """\
      jobs:
        url: https://jobs.example.com/
        teams:
          Sales: https://jobs.example.com/sales
"""


def _site(site: FixtureSite) -> Result:
    config = (
        (site.root / "mkdocs.yml")
        .read_text("utf-8")
        .replace("      per_page: 2\n", "      per_page: 2\n" + JOBS)
    )
    site.write("mkdocs.yml", config)
    site.author("jonas-berg", "Jonas Berg", team="Sales", photo=True)
    site.author("ida-lund", "Ida Lund", team="Sales")
    site.simple_post(
        "2026-11-20-frokost.md",
        "Frokost til 200",
        "2026-11-20",
        extra=("language: da\ncategories: [Everyday]\ntags: [canteen]\nfeatured: true\n"),
    )
    site.simple_post(
        "2026-11-21-lunch.md",
        "Lunch for 200",
        "2026-11-21",
        extra=("translation_of: frokost\ncategories: [Everyday]\ntags: [canteen]\n"),
    )
    site.simple_post(
        "2026-11-01-sales.md",
        "Selling trucks",
        "2026-11-01",
        authors="[jonas-berg]",
        extra="tags: [canteen]\n",
    )
    site.simple_post(
        "2026-10-01-other.md", "Something else", "2026-10-01", extra="categories: [Projects]\n"
    )
    result = site.build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    return result


def _titles(result: Result, url: str, selector: str = ".adv-card__title a") -> list[str]:
    return [a.get_text(strip=True) for a in result.html(url).select(selector)]


def test_team_page_has_people_stories_feed_and_jobs(site: FixtureSite) -> None:
    result = _site(site)
    page = result.html("blog/team/sales/")
    assert page.find("h1").get_text(strip=True) == "The Sales team"
    assert [a.get_text() for a in page.select(".adv-person__name")] == ["Ida Lund", "Jonas Berg"]
    assert page.select_one(".adv-person img.adv-avatar") is not None  # Jonas: photo consent
    assert page.select_one(".adv-person .adv-avatar--initials").get_text() == "IL"
    assert _titles(result, "blog/team/sales/") == ["Selling trucks"]
    jobs = page.select_one(".adv-team-head a.adv-button")
    assert (jobs["href"], jobs.get_text()) == (
        "https://jobs.example.com/sales",
        "Open positions in Sales",
    )
    assert [a["href"] for a in page.select(".adv-own-feeds a")] == ["feed_rss.xml", "feed_atom.xml"]
    it = result.html("blog/team/it/").select_one(".adv-team-head a.adv-button")
    assert (it["href"], it.get_text()) == ("https://jobs.example.com/", "Open positions")
    people = result.html("blog/authors/")
    assert [a["href"] for a in people.select(".adv-team h2 a")] == ["../team/it/", "../team/sales/"]


def test_every_post_ends_with_its_team_and_related_stories(site: FixtureSite) -> None:
    result = _site(site)
    page = result.html("blog/2026/11/01/sales/")
    work = page.select_one(".adv-work-with a")
    assert (work.get_text(), work["href"]) == ("Work with Jonas's team", "../../../../team/sales/")
    related = _titles(result, "blog/2026/11/20/frokost/", ".adv-related .adv-card__title a")
    # The same team (2), then only a tag (1); never itself, and never its own translation
    # ("Lunch for 200", which shares category, team and tag).
    assert related == ["Something else", "Selling trucks"]
    assert _titles(result, "blog/2026/11/21/lunch/", ".adv-related .adv-card__title a") == [
        "Something else",
        "Selling trucks",
    ]


def test_home_shows_featured_latest_teams_and_jobs(site: FixtureSite) -> None:
    result = _site(site)
    home = result.html("")
    # The featured story in the reader's language (the site's, English), once, with a link
    # to the Danish original; not shown again among the latest.
    assert _titles(result, "", ".adv-featured .adv-card__title a") == ["Lunch for 200"]
    also = home.select_one(".adv-featured .adv-card__also a")
    assert (also.get_text(), also["href"], also["hreflang"]) == (
        "Also in Danish",
        "blog/2026/11/20/frokost/",
        "da",
    )
    assert _titles(result, "", ".adv-latest .adv-card__title a") == [
        "Selling trucks",
        "Something else",
    ]
    assert [a.get_text() for a in home.select(".adv-teams a")] == ["IT", "Sales"]
    assert home.select_one('a[href="https://jobs.example.com/"]') is not None


def test_languages_badges_filter_and_translations(site: FixtureSite) -> None:
    result = _site(site)
    blog = result.html("blog/")
    assert [a.get_text() for a in blog.select(".adv-filter a")] == [
        "All languages",
        "Danish",
        "English",
    ]
    assert blog.select_one('.adv-filter a[aria-current="page"]').get_text() == "All languages"
    assert _titles(result, "blog/lang/da/") == ["Frokost til 200"]
    assert result.html("blog/lang/en/").find("h1").get_text(strip=True) == ("Stories in English")
    # A story and its translation are one card, in the reader's language.
    assert _titles(result, "blog/") == ["Lunch for 200", "Selling trucks"]
    assert "Frokost til 200" not in [
        a.get_text(strip=True) for a in blog.select(".adv-card__title a")
    ]
    danish = result.html("blog/lang/da/").select_one(".adv-card")
    assert (
        danish.select_one(".adv-card__title")["lang"],
        danish.select_one(".adv-badge").get_text(),
    ) == ("da", "Danish")
    da = result.html("blog/2026/11/20/frokost/")
    assert da.select_one("article.adv-post")["lang"] == "da"
    assert da.select_one('meta[property="og:locale"]')["content"] == "da_DK"
    link = da.select_one(".adv-translation a")
    assert (link.get_text(), link["href"], link["hreflang"]) == (
        "Read this story in English",
        "../../21/lunch/",
        "en",
    )
    alternates = {a["hreflang"]: a["href"] for a in da.head.select("link[hreflang]")}
    assert alternates == {
        "da": "https://careers.example.com/blog/2026/11/20/frokost/",
        "en": "https://careers.example.com/blog/2026/11/21/lunch/",
    }
    en = result.html("blog/2026/11/21/lunch/")
    assert en.select_one(".adv-translation a").get_text() == "Read this story in Danish"


def test_ui_follows_the_site_language(site: FixtureSite) -> None:
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", config.replace("language: en", "language: da"))
    site.simple_post("2026-11-20-x.md", "Historie", "2026-11-20")
    result = site.build()
    assert result.returncode == 0, result.log
    page = result.html("blog/2026/11/20/x/")
    assert page.select_one(".adv-work-with a").get_text() == "Arbejd sammen med Mettes team"
    assert page.select_one("nav.adv-share a").get_text() == "Del på LinkedIn"
    assert "min. læsetid" in page.select_one(".adv-byline").get_text()
