"""Page names and addresses, and what a body may bring in besides its story: a file name is
plain text and never markup in a title; no page takes an address the site generates or
writes files to; no Mermaid class, <track> or body video; no text Python-Markdown would
take minutes to render. The check and the build agree on all of it, without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FixtureSite, site_settings

HEAD = (
    'title: "Our week in the kitchen"\ndate: 2026-11-20\nauthors: [mette-hansen]\n'
    'description: "A story about what we do at work, told by the people doing it."\n'
)
WORDS = "Our team spent the autumn moving the booking system to the new platform.\n"


def _errors(site: FixtureSite, *args: str) -> tuple[int, list[tuple[str, str, int | None]]]:
    proc = site.check("--format", "json", *args)
    assert "Traceback" not in proc.stderr + proc.stdout
    found = json.loads(proc.stdout)["findings"]
    return proc.returncode, [
        (f["file"], f["rule"], f["line"]) for f in found if f["severity"] == "error"
    ]


def _messages(site: FixtureSite, rule: str) -> list[str]:
    proc = site.check()
    lines = proc.stdout.splitlines()
    return [f"{line}\n{lines[i + 1]}" for i, line in enumerate(lines) if line.endswith(f"[{rule}]")]


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
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=site.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr, out


def test_a_file_name_with_markup_or_a_line_break_is_refused(site: FixtureSite) -> None:
    site.write("site_src/<img src=x onerror=alert(1)>.md", "Our day at the harbour.\n")
    site.write("site_src/day\n::error title=HR::Approved.md", "# Day\n\nOur day.\n")
    site.write("site_src/Julefrokost på lageret.md", "# Julefrokost\n\nVi holdt fest.\n")
    site.simple_post("2026-11-20-Sommerfest på taget.md", "Sommerfest på taget", "2026-11-20")
    code, found = _errors(site)
    assert code == 1
    assert sorted((f, r) for f, r, _ in found if r == "page-address") == [
        ("site_src/<img src=x onerror=alert(1)>.md", "page-address"),
        ("site_src/day\n::error title=HR::Approved.md", "page-address"),
    ]
    assert _messages(site, "page-address")[0] == (
        "site_src/<img src=x onerror=alert(1)>.md: error: The name '<img src=x "
        "onerror=alert(1)>' has the character '<', which a file name here cannot have: the "
        "name becomes the page's address and title and is shown in logs. [page-address]\n"
        "    Fix: Rename it using only letters, digits, spaces, '-' and '_', for example "
        "'img-src-x-onerror-alert-1'."
    )
    result = site.build()
    assert result.returncode == 1 and "Traceback" not in result.log
    assert not any(line.startswith("::") for line in result.log.splitlines())
    code, log, out = _hold_build(site)
    assert code == 0, log
    assert not [p for p in out.rglob("*") if "onerror" in p.as_posix() or "::" in p.as_posix()]
    page = BeautifulSoup((out / "Julefrokost på lageret/index.html").read_text(), "html.parser")
    heading = page.select_one("h1")
    assert heading is not None and heading.get_text(strip=True) == "Julefrokost"
    assert (out / "blog/2026/11/20/sommerfest-paa-taget/index.html").is_file()


@pytest.mark.parametrize(
    ("name", "char"),
    [("a.b", "'.'"), (".hidden", "'.'"), ("x\u200by", "U+200B"), ("Q&A", "'&'"), (" a", "' '")],
)
def test_name_characters(name: str, char: str) -> None:
    from advocacy.core.reading.pages import name_problem

    assert name_problem(name) == char
    for fine in ("Julefrokost på lageret", "cafe\u0301", "team_day-2", "Ærø"):
        assert name_problem(fine) is None
    assert name_problem("2026-11-20-v2.0-launch", dots=True) is None


def test_no_page_at_an_address_the_site_generates_or_writes_to(site: FixtureSite) -> None:
    text = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml",
        text.replace(
            "      per_page: 2\n",
            "      per_page: 2\n      languages: [en, da]\n"
            "      jobs: {url: https://jobs.example.com/}\n",
        ),
    )
    site.simple_post("2026-11-20-kitchen.md", "Our kitchen", "2026-11-20")
    taken = [
        "site_src/blog/index.md",
        "site_src/blog/tags/index.md",
        "site_src/blog/archive.md",
        "site_src/blog/author/mette-hansen.md",
        "site_src/blog/team/it/index.md",
        "site_src/some-policy.md",
        "site_src/feeds.md",
        "site_src/Feeds.md",
        "site_src/story-ideas.md",
        "site_src/jobs.md",
        "site_src/da/blog/index.md",
        "site_src/da/some-policy.md",
        "site_src/assets/advocacy/notes.md",
        "site_src/search/index.md",
        "site_src/media/notes.md",
        "site_src/search/search_index.json/index.md",
        "site_src/sitemap.xml/index.md",
    ]
    for path in taken:
        site.write(path, "# Notice\n\nTAKEN-OVER: write to us to withdraw consent.\n")
    site.write("site_src/da/index.md", "# Velkommen\n\nHistorier fra vores folk.\n")
    site.write("site_src/about.md", "# About\n\nWho we are.\n")
    code, found = _errors(site)
    assert code == 1
    assert sorted(f for f, r, _ in found if r == "page-address") == sorted(taken)
    assert _messages(site, "page-address")[0] == (
        "site_src/Feeds.md: error: This page would be published at /Feeds/, an address where "
        "the site publishes a page or files of its own. [page-address]\n"
        "    Fix: Give the file another name, or put it in another folder."
    )
    result = site.build()
    assert result.returncode == 1 and "Traceback" not in result.log
    assert "site_src/search/search_index.json/index.md" in result.log
    code, log, out = _hold_build(site)
    assert code == 0 and "Traceback" not in log, log
    assert not [p for p in out.rglob("*.html") if "TAKEN-OVER" in p.read_text()]
    index = json.loads((out / "search/search_index.json").read_text())
    assert not [d for d in index["docs"] if "TAKEN-OVER" in d["text"]]
    assert (out / "da/index.html").is_file() and (out / "about/index.html").is_file()


def test_mermaid_is_refused_and_never_published(site: FixtureSite) -> None:
    body = f'{WORDS}\n<pre class="mermaid">graph TD; A --> B</pre>\n\n{WORDS}'
    site.post("2026-11-20-diagram.md", HEAD, body)
    code, found = _errors(site)
    assert (code, found) == (
        1,
        [("site_src/blog/posts/2026-11-20-diagram.md", "html-dangerous", 10)],
    )
    from advocacy.core.rendering.sanitize import sanitize

    assert sanitize('<pre class="x Mermaid">a</pre>') == '<pre class="x">a</pre>'


def test_captions_and_videos_come_from_the_front_matter_only(site: FixtureSite) -> None:
    site.write("media/c.en.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello.\n")
    track = '<video controls><track kind="captions" src="../../../media/c.en.vtt"></video>'
    site.post("2026-11-20-track.md", HEAD, f"{WORDS}\n{track}\n")
    source = '<video controls><source src="../../../media/v.mp4" type="video/mp4"></video>'
    site.post("2026-11-21-source.md", HEAD.replace("20", "21", 1), f"{WORDS}\n{source}\n")
    link = "[The captions](../../../media/c.en.vtt)"
    site.post("2026-11-22-link.md", HEAD.replace("20", "22", 1), f"{WORDS}\n{link}\n")
    code, found = _errors(site)
    assert code == 1
    assert [(f, r) for f, r, _ in found if r == "body-video"] == [
        ("site_src/blog/posts/2026-11-20-track.md", "body-video"),
        ("site_src/blog/posts/2026-11-21-source.md", "body-video"),
        ("site_src/blog/posts/2026-11-22-link.md", "body-video"),
    ]
    said = _messages(site, "body-video")
    assert said[0] == (
        "site_src/blog/posts/2026-11-20-track.md:10: error: Captions are added in the text with "
        "<track>, where no rule reads them. [body-video]\n"
        "    Fix: Remove the <track> element and name the captions file in the front matter "
        "instead: 'video:' with 'src: media/...mp4' and 'captions: media/...vtt'."
    )
    assert "The video '../../../media/v.mp4' is put in the text with <source>" in said[1]
    assert "links to the captions file '../../../media/c.en.vtt'" in said[2]
    code, log, out = _hold_build(site)
    assert code == 0, log
    assert not (out / "media/c.en.vtt").exists()
    assert not (out / "blog/2026/11/20/our-week-in-the-kitchen").exists()


def test_a_run_of_brackets_is_refused_at_once(site: FixtureSite) -> None:
    body = f"{WORDS}\n" + "[" * 30_000 + "\n"
    site.post("2026-11-20-brackets.md", HEAD, body)
    site.post(
        "2026-11-21-links.md",
        HEAD.replace("20", "21", 1),
        f"{WORDS}\n" + "[" * 12 + " " + "word " * 60_000,
    )
    started = time.monotonic()
    code, found = _errors(site)
    assert time.monotonic() - started < 60
    assert (code, found) == (
        1,
        [
            ("site_src/blog/posts/2026-11-20-brackets.md", "body-brackets", 10),
            ("site_src/blog/posts/2026-11-21-links.md", "body-brackets", 10),
        ],
    )
    result = site.build()
    assert result.returncode == 1 and "Traceback" not in result.log
    assert "[body-brackets]" in result.log


def test_bracket_gate_lets_real_posts_through() -> None:
    from advocacy.core.rendering.page import _openers

    prose = "A line with [a link](https://example.com/a) and <b>bold</b> and ![a](b.jpg).\n\n"
    table = "| a | b |\n|---|---|\n" + "| [x](y) | <b>z</b> |\n" * 900
    code = "```\n" + "<div class='a'><span>x</span></div>\n" * 500 + "```\n"
    for body in (prose * 300, table, code, "a < b, and 3 > 2 " * 2000):
        assert _openers(body) is None
    assert _openers("x\n" + "[" * 2001) == (2, 2001)
    assert _openers("<a " * 30 + "word " * 100_000) is not None


def test_every_title_reaching_material_is_escaped(tmp_path: Path) -> None:
    from markupsafe import Markup
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from advocacy.mkdocs_plugin.plugin import _escape_title

    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path), "site_dir": str(tmp_path)})
    name = "<img src=x onerror=alert(1)>.md"
    page = Page(None, File(name, str(tmp_path), str(tmp_path), True), config)
    page.markdown, page.content, page.meta = "text", Markup("<p>text</p>"), {}
    _escape_title(page)
    assert isinstance(page.title, Markup) and "<img" not in page.title
    assert page.meta["title"] == "&lt;img src=x onerror=alert(1)&gt;"
    nav = Page("R&D <b>", File("rd.md", str(tmp_path), str(tmp_path), True), config)
    nav.markdown, nav.content, nav.meta = "text", Markup(""), {}
    _escape_title(nav)
    assert nav.title == "R&amp;D &lt;b&gt;"


def test_the_preview_shows_a_page_at_a_taken_address_apart(site: FixtureSite) -> None:
    """`mkdocs serve` shows a page with errors as a page of its findings at its address; a
    taken address (a file the build writes, a generated page) gets one of the preview's own."""
    from advocacy.mkdocs_plugin.findings_page import _address

    settings = site_settings(site.root)
    assert _address(settings, "search/search_index.json/index.md", None) == (
        "preview-findings/search-search-index-json-index-md/"
    )
    assert _address(settings, "blog/index.md", None) == "preview-findings/blog-index-md/"
    assert _address(settings, "about.md", None) == "about/"
