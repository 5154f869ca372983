"""The browser tests' fixtures: the demo built once, served on 127.0.0.1, and Chromium.

Scoped to this package: the browser and the server stop when the browser tests are done,
so that other tests may drive a Playwright of their own.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import TODAY  # tests/conftest.py (this one is browser.conftest)

from .harness import (
    AXE,
    CHROMIUM,
    CHROMIUM_ARGS,
    COPY_IGNORE,
    LOCAL_HOST,
    REPO,
    YOUTUBE_POST,
    YOUTUBE_POST_FILE,
    YOUTUBE_POST_URL,
    Site,
    StaticHandler,
    Tab,
    missing_tool,
    open_tab,
)


@pytest.fixture(scope="package")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo repository copied into tmp, with the YouTube post, built ``--strict``."""
    tmp = tmp_path_factory.mktemp("browser")
    repo = tmp / "repo"
    shutil.copytree(REPO, repo, ignore=COPY_IGNORE)
    (repo / YOUTUBE_POST_FILE).write_text(YOUTUBE_POST, encoding="utf-8")
    out = tmp / "site"
    env = {
        **os.environ,
        "ADVOCACY_TODAY": TODAY,
        "NO_MKDOCS_2_WARNING": "1",
        "ADVOCACY_CACHE_DIR": str(tmp / "cache"),
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(repo / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"the demo site did not build:\n{proc.stdout}{proc.stderr}", pytrace=False)
    return out


@pytest.fixture(scope="package")
def site(built_site: Path) -> Iterator[Site]:
    """The built site served by http.server on a free port of 127.0.0.1, in a thread."""
    handler = functools.partial(StaticHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(built_site, f"http://{LOCAL_HOST}:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright."""
    if not CHROMIUM.is_file():
        missing_tool(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    if not AXE.is_file():
        missing_tool(f"axe-core is missing: no {AXE.relative_to(REPO)} (npm ci)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_tool("the playwright package is missing (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def tab(browser: Any, site: Site) -> Iterator[Tab]:
    """A desktop-sized page (see :func:`open_tab`)."""
    with open_tab(browser, site) as opened:
        yield opened


@pytest.fixture(scope="package")
def video_post(built_site: Path) -> str:
    """The address of the demo post with its own video (a figure.adv-video, not a YouTube)."""
    found = []
    for path in sorted((built_site / "blog").glob("[0-9][0-9][0-9][0-9]/**/index.html")):
        url = "/" + path.parent.relative_to(built_site).as_posix() + "/"
        if url != YOUTUBE_POST_URL and 'class="adv-video"' in path.read_text(encoding="utf-8"):
            found.append(url)
    assert found, "no post page with a figure.adv-video in the demo site"
    return found[0]
