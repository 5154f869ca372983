"""``mkdocs serve --dirty`` (and ``build --dirty``): editing one post rebuilds what shows it."""

from __future__ import annotations

import os
import time

from conftest import TODAY, FixtureSite


def test_dirty_rebuild_after_editing_one_post_is_correct(site: FixtureSite) -> None:
    for n in range(1, 6):
        site.simple_post(f"2026-11-0{n}-p{n}.md", f"Story number {n}", f"2026-11-0{n}",
                         extra="tags: [kitchen]\n")
    first = site.build()
    assert first.returncode == 0, first.log
    untouched = first.site / "blog/2026/11/01/p1/index.html"
    before = untouched.stat().st_mtime_ns
    time.sleep(1.1)  # mtimes decide what a dirty build redoes
    site.simple_post("2026-11-03-p3.md", "Story three, edited", "2026-11-03",
                     extra="tags: [kitchen]\n")
    os.utime(site.root / "site_src/blog/posts/2026-11-03-p3.md")
    second = site.build(TODAY, "--dirty")
    assert second.returncode == 0, second.log
    warnings = [line for line in second.log.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "'dirty' build" in warnings[0]
    assert second.html("blog/2026/11/03/p3/").find("h1").get_text(strip=True) == (
        "Story three, edited")
    titles = [a.get_text(strip=True) for a in second.html("blog/tag/kitchen/").select(
        "a.adv-list__title")]
    assert "Story three, edited" in titles and "Story number 3" not in titles
    assert untouched.stat().st_mtime_ns == before  # an unchanged post is not rebuilt
