"""The demo site builds with --strict and contacts no third party when a page loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, TODAY, Result, assert_no_warnings


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Result:
    """The demo site, built once into a temporary folder (nothing is written in the repo)."""
    out = tmp_path_factory.mktemp("demo") / "site"
    env = {
        **os.environ,
        "ADVOCACY_TODAY": TODAY,
        "NO_MKDOCS_2_WARNING": "1",
        "ADVOCACY_CACHE_DIR": str(out.parent / "cache"),
    }  # nothing written in the repo
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
    return Result(proc.returncode, proc.stdout + proc.stderr, out)


def test_demo_builds_strict_without_warnings(demo: Result) -> None:
    assert demo.returncode == 0, demo.log
    assert_no_warnings(demo)


def test_demo_publishes_its_stories_but_not_the_draft(demo: Result) -> None:
    posts = sorted(
        p.parent.relative_to(demo.site).as_posix()
        for p in (demo.site / "blog" / "2026").rglob("index.html")
    )
    assert len(posts) >= 8
    drafts = [
        p
        for p in (REPO / "site_src/blog/posts").rglob("*.md")
        if "draft: true" in p.read_text("utf-8")
    ]
    assert drafts
    everything = demo.all_text()
    for draft in drafts:
        title = next(
            line for line in draft.read_text("utf-8").splitlines() if line.startswith("title:")
        )
        assert title.split(":", 1)[1].strip().strip('"') not in everything


def _external(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return bool(parts.netloc) or parts.scheme not in ("", "mailto", "tel")


def test_no_page_loads_anything_from_another_host(demo: Result) -> None:
    pages = sorted(demo.site.rglob("*.html"))
    assert len(pages) > 20
    offenders = []
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        loaded = [
            *soup.head.find_all(src=True),
            *soup.head.find_all(href=True),
            *soup.find_all(["script", "img", "link", "iframe", "source", "video"]),
        ]
        for tag in loaded:
            for attr in ("src", "href", "srcset", "poster"):
                value = tag.get(attr)
                # rel=canonical and rel=alternate (translations, feeds) name addresses; a
                # browser loads nothing from them.
                if tag.name == "link" and {"canonical", "alternate"} & set(tag.get("rel") or []):
                    continue
                if value and _external(value.split()[0]):
                    offenders.append(f"{page.relative_to(demo.site)}: <{tag.name} {attr}={value}>")
    assert offenders == []


def test_demo_has_a_page_per_author_and_the_people_index(demo: Result) -> None:
    authors = sorted(p.stem for p in (REPO / "authors").glob("*.yml"))
    for slug in authors:
        assert (demo.site / "blog/author" / slug / "index.html").is_file(), slug
    people = demo.html("blog/authors/")
    assert people.find("h1").get_text(strip=True) == "Mød menneskerne bag historierne"
    assert len(people.select(".adv-team")) >= 4


def test_styles_are_served_locally(demo: Result) -> None:
    assert (demo.site / "assets/advocacy/advocacy.css").is_file()
    assert Path(demo.site / "search/search_index.json").is_file()
