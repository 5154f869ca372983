"""``mkdocs serve`` (and ``--dirty``): editing one post rebuilds what shows it, correctly.
(What serve adds to MkDocs' own, the findings pages and the other watched files, is in
test_serve.py.)"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import TODAY, FixtureSite


def test_dirty_rebuild_after_editing_one_post_is_correct(site: FixtureSite) -> None:
    for n in range(1, 6):
        site.simple_post(
            f"2026-11-0{n}-p{n}.md", f"Story number {n}", f"2026-11-0{n}", extra="tags: [kitchen]\n"
        )
    first = site.build()
    assert first.returncode == 0, first.log
    untouched = first.site / "blog/2026/11/01/p1/index.html"
    before = untouched.stat().st_mtime_ns
    time.sleep(1.1)  # mtimes decide what a dirty build redoes
    site.simple_post(
        "2026-11-03-p3.md", "Story three, edited", "2026-11-03", extra="tags: [kitchen]\n"
    )
    os.utime(site.root / "site_src/blog/posts/2026-11-03-p3.md")
    second = site.build(TODAY, "--dirty")
    assert second.returncode == 0, second.log
    warnings = [line for line in second.log.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "'dirty' build" in warnings[0]
    assert second.html("blog/2026/11/03/p3/").find("h1").get_text(strip=True) == (
        "Story three, edited"
    )
    titles = [
        a.get_text(strip=True) for a in second.html("blog/tag/kitchen/").select("a.adv-list__title")
    ]
    assert "Story three, edited" in titles and "Story number 3" not in titles
    assert untouched.stat().st_mtime_ns == before  # an unchanged post is not rebuilt


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in _get(url):
            return True
        time.sleep(0.3)
    return False


def test_mkdocs_serve_shows_an_edited_post_everywhere(site: FixtureSite) -> None:
    for n in range(1, 4):
        site.simple_post(
            f"2026-11-0{n}-p{n}.md", f"Story number {n}", f"2026-11-0{n}", extra="tags: [kitchen]\n"
        )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "ADVOCACY_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site.root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(base + "blog/tag/kitchen/", "Story number 2"), "the site never came up"
        site.simple_post(
            "2026-11-02-p2.md", "Story two, edited", "2026-11-02", extra="tags: [kitchen]\n"
        )
        assert _wait_for(base + "blog/2026/11/02/p2/", "Story two, edited")
        # The edited post is shown first (see mkdocs_plugin/serve.py); the listings, feeds
        # and search follow as soon as the whole site is rebuilt, without another save.
        assert _wait_for(base + "blog/tag/kitchen/", "Story two, edited")
        assert "Story number 2" not in _get(base + "blog/tag/kitchen/")
        assert _wait_for(base + "blog/feed_rss.xml", "Story two, edited")
        assert "Story number 1" in _get(base + "blog/2026/11/01/p1/")  # the others still there
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "Traceback" not in errors, errors
