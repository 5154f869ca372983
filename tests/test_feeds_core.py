"""RSS, Atom and JSON feeds from the pure core: parsed back with feedparser, lxml and json."""

from __future__ import annotations

import calendar
import json
import re
from datetime import UTC, datetime, timedelta, timezone

import feedparser
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from advocacy.core.publishing.feeds import (
    ATOM_NAME,
    EPOCH,
    JSON_NAME,
    RSS_NAME,
    Enclosure,
    FeedAuthor,
    FeedInfo,
    FeedItem,
    absolutize,
    atom,
    json_feed,
    rss,
)

SITE = "https://careers.example.com/"
WINTER = timezone(timedelta(hours=1))  # Copenhagen, normal time
SUMMER = timezone(timedelta(hours=2))  # Copenhagen, summer time
ATOM_NS = {"a": "http://www.w3.org/2005/Atom"}
RSS_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
}
OFFSET = re.compile(r"[+-]\d{2}:?\d{2}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")

INFO = FeedInfo(
    title="Søren Ærø – indlæg",
    description="Historier fra hverdagen på kontoret i Århus",
    home_url=SITE + "blog/authors/soren/",
    folder_url=SITE + "blog/authors/soren/",
    language="da",
    site_name="Eksempel A/S",
)
SOREN = FeedAuthor("Søren Ærø", SITE + "blog/authors/soren/")
ASE = FeedAuthor("Åse Øster")
ITEMS = (
    FeedItem(
        id=SITE + "blog/2026/11/20/kaffe-og-kode/",
        url=SITE + "blog/2026/11/20/kaffe-og-kode/",
        title="Kaffe & kode: én dag på kontoret",
        summary="Hvordan en dag ser ud, fra første kop til sidste commit – æøå.",
        content_html=(
            '<p>Første kop kaffe <img src="https://careers.example.com/media/kop.jpg" alt="kop">'
            " og så koden: <code>a[b[0]]&gt;c</code> eller rå: a[b[0]]]]> slut.</p>"
            "<p>Blåbærgrød &amp; rødgrød med fløde.</p>"
        ),
        published=datetime(2026, 11, 20, 9, 30, tzinfo=WINTER),
        updated=datetime(2026, 11, 22, 14, 5, tzinfo=WINTER),
        authors=(SOREN, ASE),
        categories=("Hverdag",),
        tags=("kaffe", "udvikling", "Hverdag"),
        image=Enclosure(SITE + "blog/2026/11/20/kaffe-og-kode/cover.jpg", 48213, "image/jpeg"),
    ),
    FeedItem(
        id=SITE + "blog/2026/08/01/sommer/",
        url=SITE + "blog/2026/08/01/sommer/",
        title="Sommerfest på Ærø",
        summary="Vi tog færgen.",
        content_html="<p>Vi tog færgen til Ærøskøbing.</p>",
        published=datetime(2026, 8, 1, 16, 0, tzinfo=SUMMER),
        updated=datetime(2026, 8, 1, 16, 0, tzinfo=SUMMER),
        authors=(SOREN,),
        categories=("Kultur",),
        image=Enclosure(SITE + "blog/2026/08/01/sommer/cover.webp", 1024, "image/webp"),
    ),
    FeedItem(
        id=SITE + "blog/2026/03/02/onboarding/",
        url=SITE + "blog/2026/03/02/onboarding/",
        title="Onboarding in English",
        summary="Our first week.",
        content_html="<p>Week one.</p>",
        published=datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
        updated=datetime(2026, 3, 3, 8, 0, tzinfo=UTC),
        authors=(),
        language="en",
    ),
)
NEWEST = ITEMS[0].updated


def _parsed(data: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def _utc(struct: object) -> datetime:
    return datetime.fromtimestamp(calendar.timegm(struct), tz=UTC)  # type: ignore[arg-type]


# -- RSS ----------------------------------------------------------------------------------


def test_rss_parses_and_keeps_order_ids_and_links() -> None:
    parsed = _parsed(rss(INFO, ITEMS))
    assert parsed.version == "rss20"
    assert [e.id for e in parsed.entries] == [item.id for item in ITEMS]
    assert [e.link for e in parsed.entries] == [item.url for item in ITEMS]
    assert parsed.entries[0].title == "Kaffe & kode: én dag på kontoret"
    # feedparser's guidislink is false whenever <link> is present, so read the XML itself
    root = etree.fromstring(rss(INFO, ITEMS))
    assert root.xpath("//item/guid/@isPermaLink") == ["true"] * 3
    assert root.xpath("//item/guid/text()") == [item.id for item in ITEMS]


def test_rss_authors_are_dc_creator() -> None:
    data = rss(INFO, ITEMS)
    root = etree.fromstring(data)
    assert root.xpath("//item/author") == []
    creators = [item.xpath("dc:creator/text()", namespaces=RSS_NS) for item in root.iter("item")]
    assert creators == [["Søren Ærø", "Åse Øster"], ["Søren Ærø"], ["Eksempel A/S"]]
    entries = _parsed(data).entries
    assert entries[1].author == "Søren Ærø"
    assert [a.name for a in entries[0].authors] == ["Søren Ærø", "Åse Øster"]


def test_rss_categories_summary_content_and_language() -> None:
    data = rss(INFO, ITEMS)
    parsed = _parsed(data)
    first = parsed.entries[0]
    assert [t.term for t in first.tags] == ["Hverdag", "kaffe", "udvikling"]
    assert [t.term for t in parsed.entries[1].tags] == ["Kultur"]
    assert first.summary == ITEMS[0].summary
    assert "Blåbærgrød" in first.content[0].value
    assert "a[b[0]]]]" in first.content[0].value
    assert parsed.feed.language == "da"
    root = etree.fromstring(data)
    encoded = root.xpath("//item/content:encoded/text()", namespaces=RSS_NS)
    assert encoded == [item.content_html for item in ITEMS]  # exact, "]]>" included
    assert b"<![CDATA[<p>Vi tog f\xc3\xa6rgen" in data  # CDATA when the HTML allows it
    assert root.xpath("//item[3]/dc:language/text()", namespaces=RSS_NS) == ["en"]


def test_rss_dates_carry_offsets_and_channel_date_is_newest_item() -> None:
    data = rss(INFO, ITEMS)
    parsed = _parsed(data)
    for entry, item in zip(parsed.entries, ITEMS, strict=True):
        assert OFFSET.search(entry.published), entry.published
        assert _utc(entry.published_parsed) == item.published
    assert parsed.entries[0].published.endswith("+0100")
    assert parsed.entries[1].published.endswith("+0200")
    channel = etree.fromstring(data).find("channel")
    assert channel.findtext("lastBuildDate") == "Sun, 22 Nov 2026 14:05:00 +0100"
    assert channel.findtext("pubDate") == "Sun, 22 Nov 2026 14:05:00 +0100"
    assert _utc(parsed.feed.updated_parsed) == NEWEST


def test_rss_enclosure_and_self_link() -> None:
    data = rss(INFO, ITEMS)
    parsed = _parsed(data)
    (enclosure,) = parsed.entries[0].enclosures
    assert enclosure.href == ITEMS[0].image.url
    assert enclosure.length == "48213"
    assert enclosure.type == "image/jpeg"
    assert parsed.entries[2].enclosures == []
    raw = etree.fromstring(data).xpath("//item[1]/enclosure")[0]
    assert dict(raw.attrib) == {"url": ITEMS[0].image.url, "length": "48213", "type": "image/jpeg"}
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links["self"] == INFO.folder_url + RSS_NAME
    assert links["alternate"] == INFO.home_url
    assert parsed.feed.link == INFO.home_url


# -- Atom ---------------------------------------------------------------------------------


def test_atom_is_well_formed_and_keeps_order_ids_links() -> None:
    data = atom(INFO, ITEMS)
    root = etree.fromstring(data)  # well-formed, or this raises
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert b"CDATA" not in data
    parsed = _parsed(data)
    assert parsed.version == "atom10"
    assert [e.id for e in parsed.entries] == [item.id for item in ITEMS]
    assert [e.link for e in parsed.entries] == [item.url for item in ITEMS]
    assert parsed.entries[0].title == "Kaffe & kode: én dag på kontoret"
    assert root.xpath("a:entry/a:content/@type", namespaces=ATOM_NS) == ["html"] * 3
    alternates = root.xpath("a:entry/a:link[@rel='alternate']/@href", namespaces=ATOM_NS)
    assert alternates == [item.url for item in ITEMS]


def test_atom_authors_categories_summary_content() -> None:
    data = atom(INFO, ITEMS)
    parsed = _parsed(data)
    first = parsed.entries[0]
    assert [a.name for a in first.authors] == ["Søren Ærø", "Åse Øster"]
    assert first.authors[0].href == SOREN.url
    assert "href" not in first.authors[1]
    assert parsed.entries[2].author == "Eksempel A/S"
    assert [t.term for t in first.tags] == ["Hverdag", "kaffe", "udvikling"]
    assert first.summary == ITEMS[0].summary
    assert "Blåbærgrød" in first.content[0].value
    root = etree.fromstring(data)
    content = root.xpath("a:entry/a:content/text()", namespaces=ATOM_NS)
    assert content == [item.content_html for item in ITEMS]
    assert parsed.feed.language == "da"
    assert root.xpath("a:entry[3]/@xml:lang", namespaces=ATOM_NS) == ["en"]


def test_atom_dates_and_feed_updated() -> None:
    data = atom(INFO, ITEMS)
    parsed = _parsed(data)
    for entry, item in zip(parsed.entries, ITEMS, strict=True):
        assert OFFSET.search(entry.published) and OFFSET.search(entry.updated)
        assert _utc(entry.published_parsed) == item.published
        assert _utc(entry.updated_parsed) == item.updated
    assert parsed.feed.updated == "2026-11-22T14:05:00+01:00"
    assert _utc(parsed.feed.updated_parsed) == NEWEST


def test_atom_enclosure_keeps_length_and_type() -> None:
    data = atom(INFO, ITEMS)
    parsed = _parsed(data)
    (enclosure,) = parsed.entries[1].enclosures
    assert enclosure.href == ITEMS[1].image.url
    assert enclosure.length == "1024"
    assert enclosure.type == "image/webp"
    assert parsed.entries[2].enclosures == []
    root = etree.fromstring(data)
    raw = root.xpath("a:entry/a:link[@rel='enclosure']", namespaces=ATOM_NS)
    assert [dict(link.attrib) for link in raw] == [
        {
            "rel": "enclosure",
            "href": item.image.url,
            "type": item.image.type,
            "length": str(item.image.length),
        }
        for item in ITEMS[:2]
    ]


def test_atom_self_and_alternate_links() -> None:
    parsed = _parsed(atom(INFO, ITEMS))
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {"self": INFO.folder_url + ATOM_NAME, "alternate": INFO.home_url}


# -- JSON Feed 1.1 ------------------------------------------------------------------------


def test_json_feed_follows_version_1_1() -> None:
    data = json_feed(INFO, ITEMS)
    doc = json.loads(data.decode("utf-8"))
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["title"] == INFO.title
    assert doc["home_page_url"] == INFO.home_url
    assert doc["feed_url"] == INFO.folder_url + JSON_NAME
    assert doc["description"] == INFO.description
    assert doc["language"] == "da"
    assert list(doc) == [
        "version",
        "title",
        "home_page_url",
        "feed_url",
        "description",
        "language",
        "items",
    ]
    items = doc["items"]
    ids = [item["id"] for item in items]
    assert all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids)
    assert ids == [item.id for item in ITEMS]
    for entry, item in zip(items, ITEMS, strict=True):
        assert entry["url"] == item.url
        assert entry["title"] == item.title
        assert entry["content_html"] == item.content_html
        assert entry["summary"] == item.summary
        assert RFC3339.match(entry["date_published"]) and RFC3339.match(entry["date_modified"])
        assert datetime.fromisoformat(entry["date_published"]) == item.published
        assert datetime.fromisoformat(entry["date_modified"]) == item.updated
        assert entry["authors"] and all(isinstance(a, dict) and a["name"] for a in entry["authors"])
        assert entry["language"] == item.language
    assert items[0]["authors"] == [{"name": SOREN.name, "url": SOREN.url}, {"name": ASE.name}]
    assert items[2]["authors"] == [{"name": "Eksempel A/S"}]
    assert items[0]["tags"] == ["Hverdag", "kaffe", "udvikling"]
    assert "tags" not in items[2]
    assert items[0]["image"] == ITEMS[0].image.url
    assert "image" not in items[2]
    assert items[0]["date_published"] == "2026-11-20T09:30:00+01:00"
    assert "Søren Ærø".encode() in data  # not \u escapes


# -- all formats --------------------------------------------------------------------------


@pytest.mark.parametrize("build", [rss, atom, json_feed])
def test_output_is_deterministic_utf8(build) -> None:
    first = build(INFO, ITEMS)
    assert build(INFO, list(ITEMS)) == first
    text = first.decode("utf-8")
    assert "Søren Ærø" in text and "Åse Øster" in text and "Ærøskøbing" in text


@pytest.mark.parametrize("build", [rss, atom, json_feed])
def test_naive_datetimes_and_duplicate_ids_are_refused(build) -> None:
    naive = FeedItem(**{**ITEMS[1].__dict__, "updated": datetime(2026, 8, 1, 16, 0)})
    with pytest.raises(ValueError, match="timezone"):
        build(INFO, [naive])
    with pytest.raises(ValueError, match="duplicate"):
        build(INFO, [ITEMS[1], ITEMS[1]])


def test_empty_feeds_use_the_epoch_not_now() -> None:
    rss_data, atom_data = rss(INFO, []), atom(INFO, [])
    assert _parsed(rss_data).entries == [] and _parsed(atom_data).entries == []
    assert _utc(_parsed(rss_data).feed.updated_parsed) == EPOCH
    assert _utc(_parsed(atom_data).feed.updated_parsed) == EPOCH
    assert rss(INFO, []) == rss_data and atom(INFO, []) == atom_data
    assert json.loads(json_feed(INFO, []))["items"] == []


# -- absolutize ---------------------------------------------------------------------------

PAGE = "https://careers.example.com/blog/2026/11/20/slug/"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            '<img src="../../x.jpg" srcset="../a.webp 480w, ../b.webp 960w">',
            '<img src="https://careers.example.com/blog/2026/11/x.jpg" '
            'srcset="https://careers.example.com/blog/2026/11/20/a.webp 480w, '
            'https://careers.example.com/blog/2026/11/20/b.webp 960w">',
        ),
        (
            '<a href="../other/">Andre</a>',
            '<a href="https://careers.example.com/blog/2026/11/20/other/">Andre</a>',
        ),
        ('<a href="#top">Top</a>', f'<a href="{PAGE}#top">Top</a>'),
        ('<a href="https://example.com/">x</a>', '<a href="https://example.com/">x</a>'),
        ('<a href="mailto:x@y.dk">mail</a>', '<a href="mailto:x@y.dk">mail</a>'),
        ('<a href="tel:+4512345678">ring</a>', '<a href="tel:+4512345678">ring</a>'),
        (
            '<video poster="p.jpg"><source src="v.mp4"><track src="c.vtt"></video>',
            f'<video poster="{PAGE}p.jpg"><source src="{PAGE}v.mp4"><track src="{PAGE}c.vtt">'
            "</video>",
        ),
        (
            "<A HREF='side.html?a=1&amp;b=2' class=x>y</A>",
            f'<A HREF="{PAGE}side.html?a=1&amp;b=2" class=x>y</A>',
        ),
        ('<img src="//cdn.example.com/i.png">', '<img src="https://cdn.example.com/i.png">'),
    ],
)
def test_absolutize(before: str, after: str) -> None:
    assert absolutize(before, PAGE) == after


def test_absolutize_leaves_text_comments_and_scripts_alone() -> None:
    html = (
        '<p title="../x">Se src="../x.jpg" og href=../y &lt;img src="z"&gt;</p>'
        '<!-- <img src="c.jpg"> --><script src="s.js">var t = "<img src=\'q.jpg\'>";</script>'
        '<img alt="" src="">'
    )
    assert absolutize(html, PAGE) == (
        '<p title="../x">Se src="../x.jpg" og href=../y &lt;img src="z"&gt;</p>'
        f'<!-- <img src="c.jpg"> --><script src="{PAGE}s.js">var t = "<img src=\'q.jpg\'>";'
        '</script><img alt="" src="">'
    )


@given(st.text(alphabet=st.characters(blacklist_characters="<")))
def test_absolutize_never_changes_text_without_tags(text: str) -> None:
    assert absolutize(text, PAGE) == text


def test_feed_date_is_the_latest_update_even_of_an_older_post() -> None:
    edited = FeedItem(**{**ITEMS[1].__dict__, "updated": datetime(2026, 12, 1, 10, tzinfo=WINTER)})
    items = (ITEMS[0], edited)
    for build in (rss, atom):
        updated = _parsed(build(INFO, items)).feed.updated_parsed
        assert _utc(updated) == edited.updated
    assert [e.id for e in _parsed(atom(INFO, items)).entries] == [ITEMS[0].id, edited.id]
