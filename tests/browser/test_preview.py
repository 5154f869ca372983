"""HR's preview of a pull request, as HR gets it: the built demo made portable with
``advocacy preview`` (as the pull-request workflow does), zipped like the artifact,
unzipped into another folder and opened in Chromium from the disk (``file://``), with no
server. Links lead to pages (never a folder's listing), and the search finds posts and
opens them. Every request to anything but a local file is recorded and refused.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from .harness import DESKTOP, TIMEOUT_MS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="package")
def preview(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's site made portable, zipped as the artifact, and unzipped elsewhere."""
    tmp = tmp_path_factory.mktemp("preview")
    site = tmp / "site"
    shutil.copytree(built_site, site)
    proc = subprocess.run(
        [sys.executable, "-m", "advocacy", "preview", str(site), "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("The preview works from a folder now:")
    archive = tmp / "site-preview.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                out.write(path, path.relative_to(site).as_posix())
    opened = tmp / "Downloads" / "site-preview"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(opened)
    return opened


@contextmanager
def disk_tab(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page that may load local files only; anything else is recorded and refused."""
    context = browser.new_context(viewport=DESKTOP, locale="da-DK")
    context.set_default_timeout(TIMEOUT_MS)
    refused: list[str] = []

    def only_files(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("file", "data", "blob", "about"):
            route.continue_()
        else:
            refused.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", only_files)
    try:
        yield context.new_page(), refused
    finally:
        context.close()


def _file(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


def _is_page(page: Any) -> None:
    """The page is one of the site's, not a folder listing or an error."""
    assert _file(page.url).name == "index.html", page.url
    assert _file(page.url).is_file(), page.url
    assert page.locator(".md-header").count() == 1, page.url


def test_every_relative_link_opens_a_file(preview: Path) -> None:
    """In every page, a relative link leads to a file that is there: never to a folder."""
    link = re.compile(r'<(?:a|link)\b[^>]*?\shref="([^"#?]*)')
    broken = []
    for path in sorted(preview.rglob("*.html")):
        if path == preview / "404.html":  # served for any address: its links are absolute
            continue
        for href in link.findall(path.read_text("utf-8")):
            relative = href and not re.match(r"^[a-z][a-z0-9+.-]*:|^/", href)
            if relative and not (path.parent / href).is_file():
                broken.append(f"{path.relative_to(preview)}: {href}")
    assert broken == []


def test_links_lead_from_page_to_page(browser: Any, preview: Path) -> None:
    with disk_tab(browser) as (page, refused):
        page.goto((preview / "index.html").as_uri(), wait_until="load")
        _is_page(page)
        page.locator(".adv-card__title a").first.click()  # the newest story
        page.wait_for_load_state("load")
        _is_page(page)
        assert "/blog/" in page.url
        title = page.locator("h1").first.inner_text()
        assert title.strip()
        page.locator('a[href$="index.html"][href*="author/"]').first.click()  # its author
        page.wait_for_load_state("load")
        _is_page(page)
        assert "/blog/author/" in page.url
        page.go_back()
        page.locator(".md-header a.md-header__button.md-logo, a.adv-brand").first.click()
        page.wait_for_load_state("load")
        assert _file(page.url) == preview / "index.html"
        assert refused == []


@pytest.mark.parametrize("query", ["frokost", "job"])
def test_search_works_from_the_disk(browser: Any, preview: Path, query: str) -> None:
    with disk_tab(browser) as (page, refused):
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((preview / "index.html").as_uri(), wait_until="load")
        page.fill(".md-search__input", query)
        page.wait_for_selector(".md-search-result__item", state="attached")
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > a", "links => links.map(a => a.href)"
        )
        assert hrefs and all(h.startswith("file://") for h in hrefs), hrefs
        assert all(_file(h).is_file() for h in hrefs), hrefs
        page.locator(".md-search-result__item > a").first.click()
        page.wait_for_load_state("load")
        _is_page(page)
        assert refused == [] and errors == []
