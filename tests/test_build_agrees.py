"""Inputs the check must refuse because the build cannot publish them: characters XML cannot
carry (a feed holding one is not written at all), numbers that are not finite or out of their
field's range (a 400-digit boost crashed the check; NaN broke the search index), and page
templates that may not exist. For each: ``advocacy check`` reports an error exactly when
``mkdocs build --strict`` fails, neither with a traceback, and the hold build
(ADVOCACY_ON_ERROR=hold) publishes everything else: valid feeds and a valid search index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import FixtureSite

HEAD = (
    'title: "{title}"\ndate: 2026-11-20\nauthors: [mette-hansen]\n'
    'description: "A story about what we do at work, told by the people doing it."\n'
)
WORDS = "Our team spent the autumn moving the booking system to the new platform.\n"
PAGE = "site_src/harbour.md"
POST = "site_src/blog/posts/2026-11-20-bad.md"


def _post(title: str = "What we learned moving", body: str = WORDS, extra: str = "") -> str:
    return "---\n" + HEAD.format(title=title) + extra + "---\n\n" + body


def _page(front: str) -> str:
    return f"---\ntitle: Life at the harbour\n{front}---\n\n{WORDS}"


# name: (file, text, rule of the error, its line)
BAD = {
    "charref-in-body": (POST, _post(body=WORDS + "\nWe moved on.&#1;\n"), "body-invalid", 10),
    "hex-charref-in-body": (POST, _post(body="We moved &#x1F; on.\n"), "body-invalid", 8),
    "charref-in-link-title": (
        POST,
        _post(body='See [our page](https://example.com/ "a&#8;b").\n'),
        "body-invalid",
        8,
    ),
    "noncharacter-in-body": (POST, _post(body="We moved on.\ufffe\n"), "body-invalid", 8),
    "plane-noncharacter-in-body": (POST, _post(body="We moved\U0010ffff on.\n"), "body-invalid", 8),
    "noncharacter-in-title": (POST, _post(title="What we learned\\uffff"), "schema-text", 2),
    "surrogate-in-title": (POST, _post(title="What we learned\\ud800"), "yaml-syntax", 2),
    "boost-overflow": (PAGE, _page("search:\n  boost: 1" + "0" * 400 + "\n"), "schema-number", 4),
    "boost-nan": (PAGE, _page("search:\n  boost: .nan\n"), "schema-number", 4),
    "boost-inf-on-a-post": (
        POST,
        _post(extra="search:\n  boost: -.inf\n"),
        "schema-number",
        7,
    ),
    "boost-out-of-range": (PAGE, _page("search:\n  boost: 11\n"), "schema-number", 4),
    "template-not-there": (PAGE, _page("template: overrides/landing.html\n"), "schema-type", 3),
}
GOOD = {
    "boost-in-range": (PAGE, _page("search:\n  boost: 2.5\n")),
    "page-template": (PAGE, _page("template: main.html\n")),
    "tab-and-entities": (POST, _post(body="We moved\ton &amp; on &#233;.\n")),
}


def _good_post(site: FixtureSite) -> None:
    site.simple_post("2026-11-19-good.md", "The good one", "2026-11-19", body=WORDS)


def _errors(site: FixtureSite) -> tuple[int, list[tuple[str, str, int | None]]]:
    proc = site.check("--format", "json")
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode in (0, 1), proc.stderr
    found = json.loads(proc.stdout)["findings"]
    return proc.returncode, [
        (f["file"], f["rule"], f["line"]) for f in found if f["severity"] == "error"
    ]


def _hold_build(site: FixtureSite) -> tuple[int, str, Path]:
    out = site.root.parent / "held-site"
    env = {
        **os.environ,
        **site.cache_env(),
        "ADVOCACY_TODAY": "2026-11-28",
        "ADVOCACY_ON_ERROR": "hold",
        "NO_MKDOCS_2_WARNING": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-d", str(out)],
        cwd=site.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr, out


def _assert_readable(out: Path) -> None:
    """Every feed parses as XML (or strict JSON), and so does the search index."""
    feeds = sorted(out.rglob("feed_*.xml"))
    assert feeds
    for path in feeds:
        etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False))

    def refuse(name: str) -> None:
        raise ValueError(f"not JSON: {name}")

    for path in [*out.rglob("feed.json"), out / "search" / "search_index.json"]:
        json.loads(path.read_text("utf-8"), parse_constant=refuse)


@pytest.mark.parametrize("name", sorted(BAD))
def test_what_the_check_refuses_the_strict_build_refuses(site: FixtureSite, name: str) -> None:
    file, text, rule, line = BAD[name]
    _good_post(site)
    site.write(file, text)
    code, found = _errors(site)
    assert code == 1
    assert found == [(file, rule, line)]
    result = site.build()
    assert result.returncode != 0
    assert "Traceback" not in result.log


@pytest.mark.parametrize("name", sorted(GOOD))
def test_what_the_check_accepts_the_strict_build_publishes(site: FixtureSite, name: str) -> None:
    file, text = GOOD[name]
    _good_post(site)
    site.write(file, text)
    assert _errors(site) == (0, [])
    result = site.build()
    assert result.returncode == 0, result.log
    _assert_readable(result.site)


def test_the_hold_build_publishes_everything_else(site: FixtureSite) -> None:
    _good_post(site)
    for index, name in enumerate(sorted(BAD)):
        file, text, _, _ = BAD[name]
        site.write(file.replace(".md", f"-{index}.md").replace("bad-", f"bad{index}-"), text)
    code, found = _errors(site)
    assert code == 1
    assert len({file for file, _, _ in found}) == len(BAD)
    returncode, log, out = _hold_build(site)
    assert returncode == 0, log
    assert "Traceback" not in log
    _assert_readable(out)
    feed = "".join(path.read_text("utf-8") for path in out.rglob("feed_rss.xml"))
    assert "The good one" in feed
    assert "What we learned" not in feed
    assert (out / "blog" / "2026" / "11" / "19" / "good" / "index.html").is_file()
    assert not list(out.rglob("harbour*")) and not list(out.rglob("bad*"))


def test_a_feed_never_carries_what_xml_cannot(tmp_path: Path) -> None:
    """The feed writer drops such characters itself: a feed is written whatever it is given."""
    import datetime as dt

    from advocacy.core.publishing.feeds import FeedAuthor, FeedInfo, FeedItem, atom, rss

    when = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
    info = FeedInfo("Stories\x01", "All\ufffe", "https://a.example/", "https://a.example/", "en")
    item = FeedItem(
        "https://a.example/p/",
        "https://a.example/p/",
        "Title\uffff",
        "Sum\x1fmary",
        "<p>Body\x01\ud800 text</p>",
        when,
        when,
        (FeedAuthor("Mette\x08 Hansen"),),
        tags=("tag\x02",),
    )
    for write in (rss, atom):
        root = etree.fromstring(write(info, [item]))
        text = "".join(root.itertext())
        assert "Title" in text and "Mette Hansen" in text and "Body text" in text
        assert not any(c in text for c in "\x01\x02\x08\x1f\ufffe\uffff\ud800")


def test_the_messages_name_the_value_and_what_fits(site: FixtureSite) -> None:
    site.write(PAGE, BAD["boost-overflow"][1])
    site.write("site_src/tide.md", _page("search:\n  boost: .nan\n"))
    site.write("site_src/landing.md", BAD["template-not-there"][1])
    lines = site.check("--lang", "da").stdout.splitlines()
    assert [line for line in lines if line.startswith("site_src/") and "fejl" in line] == [
        "site_src/harbour.md:4: fejl: 'boost' er 100000000000…; det skal være et tal fra 0 til "
        "10. [schema-number]",
        "site_src/landing.md:3: fejl: 'overrides/landing.html' er ikke en skabelon, en side må "
        "bruge. [schema-type]",
        "site_src/tide.md:4: fejl: 'boost' er nan; det skal være et tal fra 0 til 10. "
        "[schema-number]",
    ]
    english = site.check("--lang", "en").stdout
    assert "site_src/tide.md:4: error: 'boost' is nan; it must be a number from 0 to 10." in english
    assert "Fix: Write e.g. 'boost: 2'." in english
