"""``advocacy preview``: the pull request's preview made to work from a downloaded folder
(the browser test, tests/browser/test_preview.py, opens it in Chromium)."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from advocacy.core.review.decision.preview import SHIM, folder_link, replace_file
from conftest import FixtureSite

FILES = {
    "index.html",
    "blog/index.html",
    "blog/2026/11/20/x/index.html",
    "en/index.html",
    "blog/feed_rss.xml",
}


@pytest.mark.parametrize(
    ("url", "here", "expected"),
    [
        ("blog/", "", "blog/index.html"),
        ("./", "", "./index.html"),
        (".", "blog", "./index.html"),
        ("../../../../", "blog/2026/11/20/x", "../../../../index.html"),
        ("../", "blog", "../index.html"),
        ("../../../", "blog/2026/11/20/x", None),  # blog/2026/ has no page
        ("../../../../../", "blog/2026/11/20/x", "../../../../../index.html"),  # the home page
        ("en/#top", "", "en/index.html#top"),
        ("blog/?q=1", "", "blog/index.html?q=1"),
        ("missing/", "", None),
        ("blog/feed_rss.xml", "", None),
        ("https://example.com/", "", None),
        ("/blog/", "", None),
        ("#top", "", None),
        ("", "", None),
        ("../../../../../../", "blog/2026/11/20/x", None),  # above the site
    ],
)
def test_folder_links_become_their_index_html(url: str, here: str, expected: str | None) -> None:
    assert folder_link(url, here, FILES) == expected


def test_a_built_site_opens_from_a_folder(site: FixtureSite) -> None:
    site.simple_post("2026-11-20-lunch.md", "Lunch for 200", "2026-11-20")
    result = site.build()
    assert result.returncode == 0, result.log
    proc = site.run("preview", str(result.site), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert re.fullmatch(
        r"The preview works from a folder now: \d+ pages, \d+ links to "
        r"index\.html\.\n",
        proc.stdout,
    )
    link = re.compile(r'<(?:a|link)\b[^>]*?\shref="([^"#?]*)')
    for page in result.site.rglob("*.html"):
        text = page.read_text("utf-8")
        for href in link.findall(text):
            if href and not re.match(r"^[a-z][a-z0-9+.-]*:|^/", href):
                assert (page.parent / href).is_file(), (page, href)
        if page.name != "404.html" or page.parent != result.site:
            assert SHIM.rsplit("/", 1)[-1] in text, page
    script = (result.site / "search/search_index.js").read_text("utf-8")
    assert script.startswith("var __index = ")
    index = json.loads(script[len("var __index = ") :])
    assert all(d["location"].split("#")[0].endswith(".html") for d in index["docs"])
    assert (result.site / SHIM).read_text("utf-8").count("IFrameWorker") >= 2
    again = site.run("preview", str(result.site), "--lang", "en")  # a second run changes nothing
    assert again.returncode == 0 and ", 0 links" in again.stdout


def test_preview_of_a_folder_without_a_site(site: FixtureSite) -> None:
    proc = site.run("preview", str(site.root / "nothing"), "--lang", "en")
    assert proc.returncode == 2 and "holds no built site" in proc.stderr


def test_the_preview_never_writes_into_the_build_cache(site: FixtureSite) -> None:
    """Built pages may be hard links into the build cache: the preview replaces each file it
    changes by a new one, so a later build, even into an empty folder, publishes none of the
    preview's changes."""
    site.simple_post("2026-11-20-lunch.md", "Lunch for 200", "2026-11-20")
    first = site.build()
    assert first.returncode == 0, first.log
    linked = [p for p in first.site.rglob("*.html") if p.stat().st_nlink > 1]
    assert linked, "the build links its pages from the cache"
    before = {p: (p.stat().st_ino, p.read_bytes()) for p in first.site.rglob("*") if p.is_file()}
    assert site.run("preview", str(first.site), "--lang", "en").returncode == 0
    assert not [p for p in first.site.rglob("*") if p.name.startswith(".advocacy-")]
    for page in linked:  # the cache's copy is the old one; the site's is a new file
        assert page.stat().st_nlink == 1 and page.stat().st_ino != before[page][0]
    shutil.rmtree(first.site)
    second = site.build()
    assert second.returncode == 0, second.log
    for page in second.site.rglob("*.html"):
        assert SHIM.rsplit("/", 1)[-1] not in page.read_text("utf-8"), page
    assert not (second.site / SHIM).exists()


def test_replace_file_keeps_a_hard_links_content(tmp_path: Path) -> None:
    cache, page = tmp_path / "cache.html", tmp_path / "page.html"
    cache.write_text("<p>cached</p>", "utf-8")
    os.link(cache, page)
    page.chmod(0o640)
    replace_file(page, "<p>preview</p>")
    assert cache.read_text("utf-8") == "<p>cached</p>"
    assert page.read_text("utf-8") == "<p>preview</p>"
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.html", "page.html"]
