"""The careers site on tiny fixture sites: teams from teams.yml, the brand from mkdocs.yml (its
files judged like every picture), the navigation and footer, the jobs and feeds pages."""

from __future__ import annotations

import json
import re

from advocacy.core.publishing.careers.brand import brand_css, contrast, readable
from conftest import FixtureSite, Result, assert_no_warnings

BRAND = """\
      languages: [en, da]
      jobs:
        url: https://jobs.example.com/
      brand:
        logo: media/brand/logo.svg
        hero: media/brand/hero.jpg
        hero_alt: {en: "The harbour at dawn", da: "Havnen ved daggry"}
        tagline: {en: "We plan tomorrow's routes", da: "Vi planlægger morgendagens ruter"}
        primary: "#0e4d64"
        accent: "#f2a541"
      translations:
        da: {Everyday: Hverdag}
"""
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
    '<rect width="64" height="64" fill="#0e4d64"/></svg>\n'
)
TEAMS = """\
Sales:
  name: {da: Salg}
  description:
    en: "We sell route planning to wholesalers."
    da: "Vi sælger ruteplanlægning til grossister."
  photo: media/teams/sales.jpg
  photo_alt: {en: "The sales office", da: "Salgskontoret"}
  shows: [jonas-berg]
  jobs: https://jobs.example.com/sales
"""


def _site(site: FixtureSite, teams: str = TEAMS, brand: str = BRAND) -> FixtureSite:
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", config.replace("      per_page: 2\n", "      per_page: 2\n" + brand))
    site.write("policy.yml", "company: Example A/S\nbrand_assets: [media/brand/logo.svg]\n")
    site.write("media/brand/logo.svg", LOGO)
    site.image("media/brand/hero.jpg", (1600, 1000))
    site.image("media/teams/sales.jpg", (1600, 900), "navy")
    site.write("teams.yml", teams)
    site.author("jonas-berg", "Jonas Berg", team="Sales", photo=True)
    site.simple_post(
        "2026-11-20-a.md",
        "Selling trucks",
        "2026-11-20",
        authors="[jonas-berg]",
        extra="categories: [Everyday]\n",
    )
    return site


def _build(site: FixtureSite) -> Result:
    result = site.build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    return result


def test_team_pages_tell_about_the_team_in_each_language(site: FixtureSite) -> None:
    result = _build(_site(site))
    en, da = result.html("blog/team/sales/"), result.html("da/blog/team/sales/")
    assert en.find("h1").get_text() == "The Sales team"
    assert da.find("h1").get_text() == "Teamet Salg"
    assert en.select_one(".adv-team-head__about").get_text() == (
        "We sell route planning to wholesalers."
    )
    assert da.select_one(".adv-team-head__about").get_text() == (
        "Vi sælger ruteplanlægning til grossister."
    )
    photo = en.select_one(".adv-team-head__media img")
    assert photo["alt"] == "The sales office"
    assert (result.site / "blog/team/sales" / photo["src"]).resolve().is_file()
    assert en.select_one(".adv-team-head a.adv-button")["href"] == "https://jobs.example.com/sales"
    home = result.html("")
    assert [a.get_text() for a in home.select(".adv-team-card__name a")] == ["IT", "Sales"]
    assert [p.get_text() for p in home.select(".adv-team-card__about")] == [
        "We sell route planning to wholesalers."
    ]  # IT has no description


def test_a_team_photo_waits_for_everyone_it_shows(site: FixtureSite) -> None:
    _site(site)
    site.author("jonas-berg", "Jonas Berg", team="Sales")  # no photo consent now
    result = _build(site)
    assert result.html("blog/team/sales/").select_one(".adv-team-head__media") is None
    assert not list((result.site / "media").rglob("sales*"))


def test_problems_in_teams_yml_are_said_with_their_line(site: FixtureSite) -> None:
    teams = TEAMS.replace("media/teams/sales.jpg", "media/teams/nowhere.jpg").replace(
        '  photo_alt: {en: "The sales office", da: "Salgskontoret"}\n', ""
    ) + ('Saels:\n  description: {en: "A typing error."}\n')
    result = _site(site, teams).build()
    assert result.returncode == 1
    assert "teams.yml:6: error: The file 'media/teams/nowhere.jpg' does not exist." in (result.log)
    assert "teams.yml:9: warning: Unknown field 'Saels': did you mean 'Sales'?" in result.log
    # The check says the same, as it does for every file the build judges.
    proc = site.check("--format", "json")
    assert proc.returncode == 1
    found = [(f["file"], f["line"], f["rule"]) for f in json.loads(proc.stdout)["findings"]]
    assert ("teams.yml", 6, "media-missing") in found
    assert ("teams.yml", 9, "schema-unknown-field") in found
    # Named posts get only the writing hints, never teams.yml's problems.
    named = json.loads(site.check("--format", "json", "site_src").stdout)["findings"]
    assert {f["rule"] for f in named} <= {"post-short", "post-no-cover"}


def test_the_brand_colours_logo_and_hero(site: FixtureSite) -> None:
    result = _build(_site(site))
    home = result.html("")
    logo = home.select_one(".adv-brand img.adv-brand__logo")
    assert (logo["src"], logo["alt"], logo["width"]) == ("media/brand/logo.svg", "", "64")
    assert (result.site / "media/brand/logo.svg").read_text() == LOGO
    assert home.select_one(".adv-brand__name").get_text() == "Example"  # no legal form
    assert home.select_one(".adv-hero h1").get_text() == "We plan tomorrow's routes"
    assert home.select_one(".adv-hero__media img")["alt"] == "The harbour at dawn"
    assert result.html("da/").select_one(".adv-hero h1").get_text() == (
        "Vi planlægger morgendagens ruter"
    )
    css = (result.site / "assets/advocacy/brand.css").read_text()
    assert "--md-primary-fg-color: #0e4d64;" in css and "--adv-accent: #f2a541;" in css
    assert 'href="assets/advocacy/brand.css"' in str(home.head)
    assert "style=" not in (result.site / "index.html").read_text()


def test_an_svg_the_policy_does_not_list_stops_the_build(site: FixtureSite) -> None:
    _site(site).write("policy.yml", "company: Example A/S\n")
    result = site.build()
    assert result.returncode == 1
    assert re.search(
        r"mkdocs\.yml:\d+: error: 'media/brand/logo\.svg' is an SVG drawing", result.log
    ), result.log


def test_a_colour_must_be_a_colour(site: FixtureSite) -> None:
    result = _site(site, brand=BRAND.replace('"#f2a541"', '"red; } body { display: none"')).build()
    assert result.returncode == 1
    assert "is not a colour: write it as #rrggbb" in result.log


def test_derived_colours_stay_readable() -> None:
    for colour in ("#f2a541", "#ffeb3b", "#0e4d64", "#e91e63"):
        assert contrast(readable(colour), "#ffffff") >= 4.5
        assert contrast(readable(colour, ratio=7), "#ffffff") >= 7
    css = brand_css("#ffeb3b", "#0e4d64")  # a light brand colour gets dark text on it
    assert "--md-primary-bg-color: #1b1f24;" in css and "--adv-on-accent: #ffffff;" in css


def test_navigation_footer_jobs_and_feeds_pages(site: FixtureSite) -> None:
    result = _build(_site(site))
    post = result.html("blog/2026/11/20/a/")
    assert [a.get_text() for a in post.select(".md-tabs__link")] == ["Home", "Stories", "People"]
    assert post.select_one(".md-tabs__item--active .md-tabs__link").get_text() == "Stories"
    assert post.select_one("a.adv-header__jobs")["href"] == "https://jobs.example.com/"
    footer = {
        col.find("h2").get_text(): [a.get_text() for a in col.select("a")]
        for col in post.select(".adv-footer__column")
    }
    assert footer["Careers"][0].startswith("Open positions")
    assert "Feeds" in footer["Read"]
    assert footer["For employees"] == ["Story ideas", "Social media policy"]
    da = result.html("da/blog/")
    assert [a.get_text() for a in da.select(".md-tabs__link")] == [
        "Forside",
        "Historier",
        "Mennesker",
    ]
    assert da.select_one(".adv-card__kicker").get_text() == "Hverdag"
    jobs = result.html("jobs/")
    assert jobs.select_one(".adv-page-head a.adv-button")["href"] == "https://jobs.example.com/"
    assert [a["href"] for a in jobs.select(".adv-team-card .adv-more")] == [
        "https://jobs.example.com/",
        "https://jobs.example.com/sales",
    ]
    feeds = result.html("da/feeds/")
    assert feeds.find("h1").get_text() == "Følg historierne"
    assert "../../blog/feed_rss.xml" in [a["href"] for a in feeds.select(".adv-feeds a")]
