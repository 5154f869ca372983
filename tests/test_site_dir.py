"""The kept site folder: links into the cache are never written through."""

from __future__ import annotations

import os
from pathlib import Path

from advocacy.mkdocs_plugin.patches import SiteKeeper, unshare


def test_a_link_into_the_cache_is_removed_before_anything_is_written_there(tmp_path: Path) -> None:
    cached = tmp_path / "cache.html"
    cached.write_text("cached page", "utf-8")
    site_file = tmp_path / "index.html"
    os.link(cached, site_file)
    unshare(str(site_file))
    site_file.write_text("new page", "utf-8")
    assert cached.read_text("utf-8") == "cached page"
    own = tmp_path / "own.html"
    own.write_text("mine", "utf-8")
    unshare(str(own))  # not a link: left as it is
    assert own.read_text("utf-8") == "mine"


def test_the_sweep_keeps_what_the_build_made_and_hidden_entries(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("old/page/index.html", "linked/index.html", ".git/HEAD", "old.txt"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name, "utf-8")
        os.utime(site / name, (1_700_000_000, 1_700_000_000))  # an earlier build's
    keeper = SiteKeeper()
    keeper.install()
    import mkdocs.utils

    mkdocs.utils.clean_directory(str(site))  # what MkDocs calls: only noted
    keeper.uninstall()
    assert mkdocs.utils.clean_directory is not keeper._note
    (site / "written.html").write_text("this build", "utf-8")
    assert keeper.sweep(["linked/index.html"]) == 2
    left = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert left == [".git/HEAD", "linked/index.html", "written.html"]
    assert not (site / "old").exists()
