"""``mkdocs serve`` always shows something: a post with errors is a page of its findings at
its own address, in the site's language, and an edit of a post, an author's consent or a
policy term is in the preview by itself; ``mkdocs build --strict`` still fails on errors."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import TODAY, FixtureSite

BAD = "site_src/blog/posts/2026-11-04-bad.md"


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float = 90, absent: bool = False) -> str:
    """The page at ``url`` once it shows ``text`` (or no longer does, with ``absent``)."""
    end = time.monotonic() + seconds
    page = ""
    while time.monotonic() < end:
        page = _get(url)
        if page and (text in page) != absent:
            return page
        time.sleep(0.25)
    raise AssertionError(f"{url} never {'lost' if absent else 'showed'} {text!r}:\n{page[:2000]}")


@contextmanager
def serving(site: FixtureSite, log: Path) -> Iterator[str]:
    """``mkdocs serve`` on a free port, in the fixture site; its address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, **site.cache_env(), "ADVOCACY_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=site.root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert "Traceback" not in log.read_text("utf-8"), log.read_text("utf-8")


def _findings(page: str, kind: str = "failure") -> list[tuple[str, str, str]]:
    """(where, message, fix) of each error (``warning``: each warning) a findings page
    lists."""
    soup = BeautifulSoup(page, "html.parser")
    out = []
    for box in soup.select(f".adv-finding.{kind}"):
        where = box.select_one(".admonition-title code").get_text()
        paragraphs = box.find_all("p", recursive=False)
        fix = paragraphs[2].get_text(" ", strip=True).split(":", 1)[1].strip()
        out.append((where, paragraphs[1].get_text(), fix))
    return out


def _story_site(site: FixtureSite) -> None:
    site.write("policy.yml", "confidential_terms: [Projekt Fyrtårn]\n")
    for n in (1, 2):
        site.simple_post(
            f"2026-11-0{n}-p{n}.md", f"Story number {n}", f"2026-11-0{n}", extra="tags: [kitchen]\n"
        )
    site.simple_post(
        "2026-11-03-p3.md",
        "Story number 3",
        "2026-11-03",
        body="We built Projekt Polaris together.\n",
    )
    site.post(
        "2026-11-04-bad.md",
        """
        title: "A broken story"
        date: "<img src=x onerror=alert(1)>"
        authors: [mette-hansen]
        description: "A story about what we do at work, told by the people doing it."
        categories: [Nonsense]
        """,
    )


def test_serve_starts_with_errors_shows_findings_and_follows_every_edit(
    site: FixtureSite, tmp_path: Path
) -> None:
    _story_site(site)
    strict = site.build()
    assert strict.returncode == 1 and "Nonsense" in strict.log  # the real build still fails
    log = tmp_path / "serve.log"
    with serving(site, log) as base:
        # It started: the broken post is a page of its findings at its own address.
        page = _wait_for(base + "blog/2026/11/04/bad/", "Not published")
        soup = BeautifulSoup(page, "html.parser")
        assert soup.find("html")["lang"] == "en"
        assert soup.find("h1").get_text() == "Not published: 2 errors to fix"
        assert _findings(page) == [
            (
                f"{BAD}, line 3",
                "'date' is not a date: '<img src=x onerror=alert(1)>'.",
                "Write the date as YYYY-MM-DD, for example 'date: 2026-11-20'.",
            ),
            (
                f"{BAD}, line 6",
                "The category 'Nonsense' is not one of the site's categories.",
                "Use one of: Projects, Everyday.",
            ),
        ]
        assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
        hints = [m for _, m, _ in _findings(page, "warning")]  # after the errors
        assert "The story is 5 words long; most stories need 250 to 500." in hints
        overview = _wait_for(base + "preview-findings/", "2 errors in the repository")
        links = BeautifulSoup(overview, "html.parser").select(".adv-finding a[href]")
        assert {a["href"] for a in links} == {"../blog/2026/11/04/bad/"}
        assert "Story number 1" in _get(base + "blog/2026/11/01/p1/")  # the rest is there

        # An error in a post: its page becomes its findings; fixed, the story is back.
        site.simple_post(
            "2026-11-02-p2.md", "Story two", "2026-11-02", extra="categories: [Nope]\n"
        )
        page = _wait_for(base + "blog/2026/11/02/p2/", "Not published")
        assert [m for _, m, _ in _findings(page)] == [
            "The category 'Nope' is not one of the site's categories."
        ]
        site.simple_post(
            "2026-11-02-p2.md", "Story two, fixed", "2026-11-02", extra="tags: [kitchen]\n"
        )
        _wait_for(base + "blog/2026/11/02/p2/", "Story two, fixed")
        _wait_for(base + "blog/tag/kitchen/", "Story two, fixed")  # and everywhere else

        # An author's photo consent: the photo goes, the initials come.
        author = base + "blog/author/mette-hansen/"
        assert "adv-avatar-frame" in _wait_for(author, "Mette Hansen")
        data = yaml.safe_load((site.root / "authors/mette-hansen.yml").read_text("utf-8"))
        del data["consent"]["photo"]
        site.write("authors/mette-hansen.yml", yaml.safe_dump(data, allow_unicode=True))
        page = _wait_for(author, "adv-avatar-frame", absent=True)
        assert "adv-avatar--initials" in page

        # A policy term: the post that names it is held as a page of its findings.
        assert "Projekt Polaris" in _get(base + "blog/2026/11/03/p3/")
        site.write("policy.yml", "confidential_terms: [Projekt Fyrtårn, Projekt Polaris]\n")
        page = _wait_for(base + "blog/2026/11/03/p3/", "Not published")
        [(where, message, _)] = _findings(page)
        assert where == "site_src/blog/posts/2026-11-03-p3.md, line 8"
        assert message.startswith("This line contains a confidential term from HR's list")
    said = log.read_text("utf-8")
    assert "Also watching for changes: authors, media, policy.yml and " in said
    assert "Shown in the preview: site_src/blog/posts/2026-11-02-p2.md" in said


def test_the_findings_page_speaks_the_sites_language(site: FixtureSite, tmp_path: Path) -> None:
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", config.replace("language: en", "language: da"))
    site.simple_post("2026-11-01-ok.md", "En historie", "2026-11-01")
    site.simple_post("2026-11-04-bad.md", "Ødelagt", "2026-11-04", extra="categories: [Nej]\n")
    with serving(site, tmp_path / "serve.log") as base:
        page = _wait_for(base + "blog/2026/11/04/bad/", "Ikke udgivet")
        soup = BeautifulSoup(page, "html.parser")
        assert soup.find("html")["lang"] == "da"
        assert soup.find("h1").get_text() == "Ikke udgivet: 1 fejl at rette"
        assert _findings(page) == [
            (
                f"{BAD}, linje 6",
                "Kategorien 'Nej' er ikke en af sidens kategorier.",
                "Brug en af: Projects, Everyday.",
            )
        ]
        assert re.search(r"Dette er forhåndsvisningen \(mkdocs serve\)\. " + re.escape(BAD), page)
    said = (tmp_path / "serve.log").read_text("utf-8")
    assert "1 fejl; forhåndsvisningen viser det, den gælder, som en side med fund" in said
