"""Feeds of a built site, read back with feedparser."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import feedparser

from conftest import FixtureSite, Result, assert_no_warnings

BASE = "https://careers.example.com/"


def _blog(site: FixtureSite) -> FixtureSite:
    site.author("jonas-berg", "Jonas Berg", team="Sales")
    site.image("media/cover.jpg", size=(1600, 900))
    site.simple_post(
        "2026-11-20-canteen.md",
        "Lunch for 200",
        "2026-11-20",
        extra=(
            "categories: [Everyday]\ntags: [canteen, aarhus]\nimage: media/cover.jpg\n"
            "image_alt: The canteen\n"
        ),
        body="I cook. ![A pot](media/cover.jpg)\n\n[Our people](../authors/index.md)\n",
    )
    site.simple_post(
        "2026-10-01-project.md",
        "We shipped it",
        "2026-10-01",
        authors="[mette-hansen, jonas-berg]",
        extra="categories: [Projects]\nlanguage: da\n",
    )
    site.simple_post(
        "2026-09-01-sales.md",
        "Four years in sales",
        "2026-09-01",
        authors="[jonas-berg]",
        extra="updated: 2026-11-25\n",
    )
    site.simple_post("2026-11-01-draft.md", "Secret draft", "2026-11-01", extra="draft: true\n")
    site.simple_post("2026-12-24-future.md", "Future story", "2026-12-24")
    site.simple_post(
        "2025-01-01-old.md", "Expired story", "2025-01-01", extra="expires: 2026-01-01\n"
    )
    site.author(
        "ole-dam",
        "Ole Dam",
        consent={"profile": "2026-01-01", "evidence": "x", "withdrawn": "2026-11-02"},
    )
    site.simple_post("2026-10-05-ole.md", "Held back story", "2026-10-05", authors="[ole-dam]")
    return site


def _feed(result: Result, path: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((result.site / path).read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return parsed


def _urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href|poster)="([^"]+)"', html) + [
        part.split()[0]
        for srcset in re.findall(r'srcset="([^"]+)"', html)
        for part in srcset.split(",")
    ]


def test_every_feed_parses_with_published_posts_only(site: FixtureSite) -> None:
    result = _blog(site).build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    paths = sorted(p.relative_to(result.site).as_posix() for p in result.site.rglob("feed_*"))
    assert paths == [
        "blog/author/jonas-berg/feed_atom.xml",
        "blog/author/jonas-berg/feed_rss.xml",
        "blog/author/mette-hansen/feed_atom.xml",
        "blog/author/mette-hansen/feed_rss.xml",
        "blog/category/everyday/feed_atom.xml",
        "blog/category/everyday/feed_rss.xml",
        "blog/category/projects/feed_atom.xml",
        "blog/category/projects/feed_rss.xml",
        "blog/feed_atom.xml",
        "blog/feed_rss.xml",
        "blog/lang/da/feed_atom.xml",
        "blog/lang/da/feed_rss.xml",
        "blog/lang/en/feed_atom.xml",
        "blog/lang/en/feed_rss.xml",
        "blog/team/it/feed_atom.xml",
        "blog/team/it/feed_rss.xml",
        "blog/team/sales/feed_atom.xml",
        "blog/team/sales/feed_rss.xml",
    ]
    for path in paths:
        feed = _feed(result, path)
        titles = [e.title for e in feed.entries]
        assert not {"Secret draft", "Future story", "Expired story", "Held back story"} & set(
            titles
        ), path
        for entry in feed.entries:
            assert entry.published_parsed and re.search(
                r"[+-]\d\d:?\d\d$|Z$", entry.get("published", "")
            ), path
            for url in _urls(entry.get("content", [{"value": ""}])[0]["value"]):
                assert urlsplit(url).scheme in ("https", "mailto"), (path, url)
    everything = _feed(result, "blog/feed_rss.xml")
    assert [e.title for e in everything.entries] == [
        "Lunch for 200",
        "We shipped it",
        "Four years in sales",
    ]
    assert [e.title for e in _feed(result, "blog/author/jonas-berg/feed_atom.xml").entries] == [
        "We shipped it",
        "Four years in sales",
    ]
    assert [e.title for e in _feed(result, "blog/lang/da/feed_rss.xml").entries] == [
        "We shipped it"
    ]


def test_entries_carry_authors_categories_summary_and_enclosures(site: FixtureSite) -> None:
    result = _blog(site).build()
    for path in ("blog/feed_rss.xml", "blog/feed_atom.xml"):
        entry = _feed(result, path).entries[0]
        assert entry.id == f"{BASE}blog/2026/11/20/canteen/"
        assert entry.link == f"{BASE}blog/2026/11/20/canteen/"
        assert entry.author == "Mette Hansen"
        assert [t.term for t in entry.tags] == ["Everyday", "canteen", "aarhus"]
        assert entry.summary == "A story about what we do at work, told by the people doing it."
        [enclosure] = entry.enclosures
        assert enclosure.href.startswith(f"{BASE}media/cover.")
        assert enclosure.type == "image/jpeg"
        assert int(enclosure.length) > 1000
        content = entry.content[0]["value"]
        assert "I cook." in content and f'href="{BASE}blog/authors/"' in content
    atom = (result.site / "blog/feed_atom.xml").read_text()
    assert re.search(
        r'<link rel="enclosure" href="[^"]+" type="image/jpeg" length="\d+"', atom
    ) or re.search(r'<link[^>]*rel="enclosure"[^>]*length="\d+"', atom)


def test_feed_dates_follow_the_newest_post_and_builds_are_identical(site: FixtureSite) -> None:
    first = _blog(site).build()
    feeds = {p: p.read_bytes() for p in first.site.rglob("feed*") if p.is_file()}
    rss = (first.site / "blog/feed_rss.xml").read_text("utf-8")
    # The newest change is the "updated" date of an older post, at midnight in Copenhagen.
    assert "<lastBuildDate>Wed, 25 Nov 2026 00:00:00 +0100</lastBuildDate>" in rss
    atom = (first.site / "blog/feed_atom.xml").read_text("utf-8")
    assert "<updated>2026-11-25T00:00:00+01:00</updated>" in atom
    second = site.build()
    assert {p: p.read_bytes() for p in second.site.rglob("feed*") if p.is_file()} == feeds


def test_guid_stays_when_the_title_changes(site: FixtureSite) -> None:
    result = _blog(site).build()
    before = _feed(result, "blog/feed_rss.xml").entries[0].id
    site.simple_post("2026-11-20-canteen.md", "Lunch for two hundred", "2026-11-20")
    after = _feed(site.build(), "blog/feed_rss.xml").entries[0]
    assert (after.title, after.id) == ("Lunch for two hundred", before)


def test_json_feed_follows_the_1_1_rules(site: FixtureSite) -> None:
    result = _blog(site).build()
    data = json.loads((result.site / "blog/feed.json").read_text("utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == f"{BASE}blog/feed.json"
    assert data["home_page_url"] == f"{BASE}blog/"
    ids = [item["id"] for item in data["items"]]
    assert len(ids) == len(set(ids)) == 3 and all(isinstance(i, str) for i in ids)
    for item in data["items"]:
        assert item["content_html"] and item["url"].startswith(BASE)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", item["date_published"])
        assert all(set(a) <= {"name", "url", "avatar"} for a in item["authors"])


def test_pages_link_their_feeds(site: FixtureSite) -> None:
    result = _blog(site).build()
    head = result.html("blog/2026/11/20/canteen/").head
    alternates = [(link["type"], link["href"]) for link in head.select('link[rel="alternate"]')]
    assert alternates == [
        ("application/rss+xml", "../../../../feed_rss.xml"),
        ("application/atom+xml", "../../../../feed_atom.xml"),
        ("application/feed+json", "../../../../feed.json"),
    ]
    author = result.html("blog/author/jonas-berg/")
    assert [a["href"] for a in author.select(".adv-own-feeds a")] == [
        "feed_rss.xml",
        "feed_atom.xml",
    ]
    assert "feed_rss.xml" in [link["href"] for link in author.head.select('link[rel="alternate"]')]
    category = result.html("blog/category/everyday/")
    assert [a["href"] for a in category.select(".adv-own-feeds a")] == [
        "feed_rss.xml",
        "feed_atom.xml",
    ]
    # One link to the feeds page in every footer; the feeds page lists every feed, by group.
    home = result.html("")
    assert home.select(".adv-follow") == [] and 'href="feeds/"' in str(
        home.select_one(".adv-footer")
    )
    page = result.html("feeds/")
    links = [a["href"] for a in page.select(".adv-feeds a")]
    assert {
        "../blog/feed_rss.xml",
        "../blog/team/sales/feed_atom.xml",
        "../blog/author/jonas-berg/feed_rss.xml",
    } <= set(links)
    names = [n.get_text() for n in page.select(".adv-feeds__name")]
    assert "All stories" in names and "Sales" in names and "Jonas Berg" in names
