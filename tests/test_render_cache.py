"""Rendered posts are cached by content: the same site, rendered once, links still checked."""

from __future__ import annotations

import re

from conftest import FixtureSite, Result


def _rendered(result: Result) -> tuple[int, int]:
    match = re.search(r"Posts: (\d+) rendered from the cache, (\d+) rendered now", result.log)
    assert match, result.log
    return int(match.group(1)), int(match.group(2))


def _pages(result: Result) -> dict[str, bytes]:
    return {p.relative_to(result.site).as_posix(): p.read_bytes()
            for p in sorted(result.site.rglob("*.html"))}


def test_second_build_renders_nothing_and_gives_the_same_pages(site: FixtureSite) -> None:
    site.image("media/a.jpg")
    site.simple_post("2026-11-20-a.md", "First", "2026-11-20",
                     body="## Heading\n\nText with [a link](#heading) and ![A](media/a.jpg).\n")
    site.simple_post("2026-11-21-b.md", "Second", "2026-11-21",
                     body="See [the first](2026-11-20-a.md).\n")
    first = site.build()
    assert first.returncode == 0, first.log
    assert _rendered(first) == (0, 2)
    second = site.build()
    # The post linking to another page is never cached: that page's address may change.
    assert _rendered(second) == (1, 1)
    assert _pages(second) == _pages(first)
    site.simple_post("2026-11-20-a.md", "First, edited", "2026-11-20", body="New text.\n")
    third = site.build()
    assert _rendered(third) == (0, 2)
    assert "New text." in third.html("blog/2026/11/20/a/").get_text()


def test_broken_links_still_fail_the_build(site: FixtureSite) -> None:
    site.simple_post("2026-11-20-a.md", "First", "2026-11-20", body="See [x](nowhere.md).\n")
    assert site.build().returncode == 1
    assert site.build().returncode == 1  # not hidden by a cache


def _pages_from_cache(result: Result) -> int:
    match = re.search(r"Pages: (\d+) from the cache", result.log)
    assert match, result.log
    return int(match.group(1))


def test_finished_pages_come_from_the_cache_until_an_input_changes(site: FixtureSite) -> None:
    for n in (1, 2, 3):
        site.simple_post(f"2026-11-0{n}-p{n}.md", f"Story {n}", f"2026-11-0{n}")
    first = site.build()
    assert _pages_from_cache(first) == 0
    second = site.build()
    total = len(_pages(second))
    assert _pages_from_cache(second) == total - 1  # every page but 404.html, not cached
    assert _pages(second) == _pages(first)
    site.simple_post("2026-11-02-p2.md", "Story two, renamed", "2026-11-02")
    third = site.build()
    assert 0 < _pages_from_cache(third) < total - 1  # the post and the pages listing it
    assert third.html("blog/2026/11/02/p2/").find("h1").get_text(strip=True) == (
        "Story two, renamed")
    assert "Story two, renamed" in third.html("blog/").get_text()
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", config.replace("  - Stories: blog/index.md",
                                            "  - All stories: blog/index.md"))
    fourth = site.build()
    assert _pages_from_cache(fourth) == 0  # the navigation is on every page
    assert "All stories" in fourth.html("blog/2026/11/01/p1/").get_text()
