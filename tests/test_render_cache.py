"""Rendered posts are cached by content: the same site, rendered once, links still checked."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser

from advocacy.core.cache.reads import ReadCache
from advocacy.core.cache.store import BuildCache
from advocacy.core.model.site import Site
from advocacy.core.reading.posts import read_post
from conftest import FixtureSite, Result


def _rendered(result: Result) -> tuple[int, int]:
    """(pages rendered now, renderings taken from the cache) of a build."""
    match = re.search(r"Pages: (\d+) rendered now, (\d+) from the cache", result.log)
    assert match, result.log
    return int(match.group(1)), int(match.group(2))


def _pages(result: Result) -> dict[str, bytes]:
    return {
        p.relative_to(result.site).as_posix(): p.read_bytes()
        for p in sorted(result.site.rglob("*.html"))
    }


def test_second_build_renders_nothing_and_gives_the_same_pages(site: FixtureSite) -> None:
    site.image("media/a.jpg")
    site.simple_post(
        "2026-11-20-a.md",
        "First",
        "2026-11-20",
        body="## Heading\n\nText with [a link](#heading) and ![A](media/a.jpg).\n",
    )
    site.simple_post(
        "2026-11-21-b.md", "Second", "2026-11-21", body="See [the first](2026-11-20-a.md).\n"
    )
    first = site.build()
    assert first.returncode == 0, first.log
    made, _ = _rendered(first)
    assert made > 3  # posts, home page, listings, author and team pages
    second = site.build()
    # Nothing rendered again: a post linking to another keeps its rendering while the
    # address it links to stays the same (checked on every build).
    assert _rendered(second) == (0, made)
    assert _pages(second) == _pages(first)
    site.simple_post(
        "2026-11-20-a.md",
        "First, edited",
        "2026-11-20",
        body="New text.\n",
        extra="slug: renamed\n",
    )
    third = site.build()
    assert _rendered(third) == (2, made - 2)  # the post, and the one whose link moved
    assert "New text." in third.html("blog/2026/11/20/renamed/").get_text()
    link = third.html("blog/2026/11/21/b/").select_one(".adv-post a[href*='renamed']")
    assert link is not None and link["href"] == "../../20/renamed/"


def test_broken_links_still_fail_the_build(site: FixtureSite) -> None:
    site.simple_post("2026-11-20-a.md", "First", "2026-11-20", body="See [x](nowhere.md).\n")
    assert site.build().returncode == 1
    assert site.build().returncode == 1  # not hidden by a cache


def _pages_from_cache(result: Result) -> int:
    match = re.search(r"Finished pages: (\d+) from the cache", result.log)
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
        "Story two, renamed"
    )
    assert "Story two, renamed" in third.html("blog/").get_text()
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml", config.replace("  - Stories: blog/index.md", "  - All stories: blog/index.md")
    )
    fourth = site.build()
    assert _pages_from_cache(fourth) == 0  # the navigation is on every page
    assert "All stories" in fourth.html("blog/2026/11/01/p1/").get_text()


def _feeds(result: Result) -> dict[str, bytes]:
    return {
        p.relative_to(result.site).as_posix(): p.read_bytes()
        for p in sorted(result.site.rglob("feed*"))
        if p.is_file()
    }


def test_feeds_and_search_entries_come_from_the_cache_until_a_post_changes(
    site: FixtureSite,
) -> None:
    for n in (1, 2):
        site.simple_post(
            f"2026-11-0{n}-p{n}.md",
            f"Story {n}",
            f"2026-11-0{n}",
            body=f"## Part {n}\n\nWords number {n}.\n",
        )
    first = site.build()
    groups = int(re.search(r"Feeds: (\d+) written, (\d+) made now", first.log).group(1))
    assert f"Feeds: {groups} written, {groups} made now." in first.log
    second = site.build()
    assert f"Feeds: {groups} written, 0 made now." in second.log
    pages = _pages_from_cache(second)
    assert f"Finished pages: {pages} from the cache (search entries of {pages})." in second.log
    assert _feeds(second) == _feeds(first)
    index = (second.site / "search/search_index.json").read_bytes()
    assert index == (first.site / "search/search_index.json").read_bytes()
    site.simple_post(
        "2026-11-02-p2.md", "Story two, renamed", "2026-11-02", body="## Part 2\n\nOther words.\n"
    )
    third = site.build()
    assert "0 made now" not in third.log
    feed = feedparser.parse((third.site / "blog/feed_rss.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["Story two, renamed", "Story 1"]
    docs = third.search_index()["docs"]
    assert any(d["title"] == "Story two, renamed" for d in docs)
    assert any("Other words." in d["text"] for d in docs)
    assert not any("Words number 2." in d["text"] for d in docs)
    assert any("Words number 1." in d["text"] for d in docs)  # from the cache


def test_generated_pages_are_rendered_from_the_cache_too(site: FixtureSite) -> None:
    site.simple_post("2026-11-01-p1.md", "Story 1", "2026-11-01")
    assert site.build().returncode == 0
    second = site.build()
    made, reused = _rendered(second)
    assert made == 0 and reused >= 6, second.log  # the post, listings, author, team, home...


def test_posts_are_read_again_only_when_their_file_changes(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    post = root / "site_src/blog/posts/2026-11-20-a.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: First\ndate: 2026-11-20\n---\n\nText.\n", "utf-8")
    site = Site(root=root)
    store = BuildCache(tmp_path / "cache", b"k" * 32)
    reads = ReadCache(store, site, "en", read_post)
    first, _ = reads.read(site, post, "en")
    reads.save({site.rel(post)})
    store.flush()
    again = ReadCache(store, site, "en", read_post)
    assert again.entries and not again.changed
    assert again.read(site, post, "en")[0] == first  # from the cache, equal
    assert not again.changed
    post.write_text("---\ntitle: Second\ndate: 2026-11-20\n---\n\nText.\n", "utf-8")
    changed, _ = again.read(site, post, "en")
    assert changed is not None and changed.title == "Second" and again.changed
    assert ReadCache(store, site, "da", read_post).entries == {}  # other messages
    # Another secret (another machine, or a cache someone committed): nothing matches.
    assert ReadCache(BuildCache(tmp_path / "cache", b"x" * 32), site, "en", read_post).entries == {}


def test_a_cache_entry_that_does_not_fit_is_read_again(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    post = root / "site_src/blog/posts/2026-11-20-a.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: First\ndate: 2026-11-20\n---\n\nText.\n", "utf-8")
    site = Site(root=root)
    store = BuildCache(tmp_path / "cache", b"k" * 32)
    reads = ReadCache(store, site, "en", read_post)
    digest = reads.read(site, post, "en")[0].digest  # type: ignore[union-attr]
    reads.entries[site.rel(post)] = [digest, {"title": ["not", "a", "post"]}, []]
    reads.changed = True
    reads.save()
    store.flush()
    again = ReadCache(store, site, "en", read_post)
    read, _ = again.read(site, post, "en")
    assert read is not None and read.title == "First" and again.changed
